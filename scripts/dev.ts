// `npm run dev`: the shop (next dev) plus, in local mode, the local Cashfree sandbox beside it.
import { type ChildProcess, spawn } from "node:child_process";

import { loadEnvOrExit } from "../lib/env-schema";

const env = loadEnvOrExit();
const port = new URL(env.appUrl).port || "3000";
const children: ChildProcess[] = [];
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(command, args, { stdio: "inherit", env: { ...childEnv, ...extraEnv } });
  child.on("exit", (code) => shutdown(code ?? 0));
  children.push(child);
}

function shutdown(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

if (env.cashfree.env === "local") {
  run(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    CASHFREE_SANDBOX_PORT: String(new URL(env.cashfree.baseUrl).port || 8787),
    CASHFREE_APP_ID: env.cashfree.appId,
    CASHFREE_SECRET_KEY: env.cashfree.secretKey,
    CASHFREE_SANDBOX_WEBHOOK_URL: `${env.appUrl}/api/webhooks/cashfree`,
    // Keeps sandbox orders across restarts, like the embedded database does.
    CASHFREE_SANDBOX_STATE: process.env.CASHFREE_SANDBOX_STATE ?? ".data/sandbox-state.json",
  });
}
run(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", port]);
