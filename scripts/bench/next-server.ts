import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

import { freshPageCache } from "../../e2e/page-cache";

/** Starts the production build (building it first if needed) and waits until it answers. */
export async function startNextServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // `next start` is a production server and refuses to start without an explicit AUTH_SECRET and token key.
  const childEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    CASHFREE_TOKEN_ENCRYPTION_KEYS: "DJQ9JHMMmSA2ekgd1lyAfMlnVuwwUnckyKwa2Km19rw=",
    ...env,
  };
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: childEnv,
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // A server left running on the port (an earlier run that crashed) would answer for this one.
  const earlier = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
  if (earlier) throw new Error(`port ${port} is in use: is an earlier benchmark's server still running?`);
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (see scripts/bench/profile.ts).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, "scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...childEnv, ...(await freshPageCache(`bench-${port}`)) },
  });
  // A server that exits at once (its port taken by another) must not pass for the one answering on that port.
  let exited = false;
  server.once("exit", () => (exited = true));
  for (let i = 0; i < 120 && !exited; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(exited ? `next start exited (is port ${port} in use?)` : "next start did not become healthy");
}
