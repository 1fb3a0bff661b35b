// Two instances of one build (the shop's server, `npm start`) on one PostgreSQL, behind the test's own round-robin proxy, with the
// local Cashfree sandbox (its webhooks go to the proxy), MailDev, and Redis (through a proxy the test can cut).
import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { Redis } from "ioredis";
import { MailDev } from "maildev";
import pg from "pg";

import { startOutageProxy } from "../../db/testing/tcp-outage-proxy";
import { TEST_REDIS_URL } from "../../lib/testing/redis";
import { freshPostgresDatabase } from "../fresh-database";
import { freshPageCache } from "../page-cache";
import { INSTANCES_DATABASE_NAME, INSTANCES_PORTS } from "../ports";
import { type InstanceName, startRoundRobinProxy } from "./proxy";

const ROOT = process.cwd();
/** Logs and MailDev's folder; the instances' own folders live outside the project, as on other machines. */
export const WORK_DIR = path.join(ROOT, ".data/e2e-instances");
const INSTANCES_DIR = path.join(tmpdir(), `storefront-instances-${INSTANCES_PORTS.proxy}`);
export const SHOP_URL = `http://localhost:${INSTANCES_PORTS.proxy}`;
export const SANDBOX_URL = `http://127.0.0.1:${INSTANCES_PORTS.sandbox}`;
export const MAIL_API_URL = `http://127.0.0.1:${INSTANCES_PORTS.mailApi}`;
const CRON_SECRET = "e2e-instances-cron-secret";
const REDIS_PROXY_CONTROL = `http://127.0.0.1:${INSTANCES_PORTS.redisProxyControl}`;

/**
 * Each instance runs the same build from a folder of its own: the project's files linked, `.next` copied without
 * its caches, so the pages each renders land on its own disk (.next/server/route-cache, .next/cache), as on two
 * machines. Anything they share, they share through PostgreSQL and Redis, not a disk.
 */
export function instanceFolder(name: InstanceName) {
  const dir = path.join(INSTANCES_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if ([".next", ".data", ".git", "reports", "test-results"].includes(entry)) continue;
    symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  const local = new Set(["cache", "dev", path.join("server", "route-cache")]);
  cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), {
    recursive: true,
    filter: (source) => !local.has(path.relative(path.join(ROOT, ".next"), source)),
  });
  return dir;
}

export async function untilAnswering(url: string, child: ChildProcess, log: string) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited; see ${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy; see ${log}`);
}

/**
 * Logs are appended to, each start under a line of its own: a retry starts the cluster again, and the log of the
 * attempt that failed is the one worth reading.
 */
export function start(command: string[], options: { cwd: string; env: Record<string, string>; log: string }) {
  appendFileSync(options.log, `\n===== started ${new Date().toISOString()}\n`);
  const out = openSync(options.log, "a");
  return spawn(process.execPath, command, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", out, out],
  });
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** Starts everything; `sharedCache: false` runs the instances without Redis, as the shop did before. */
export async function startCluster(options: { databaseServerUrl: string; sharedCache: boolean }) {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npx next build`");
  mkdirSync(WORK_DIR, { recursive: true });
  const databaseUrl = await freshPostgresDatabase(options.databaseServerUrl, INSTANCES_DATABASE_NAME);
  const database = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  rmSync(path.join(WORK_DIR, "maildev"), { recursive: true, force: true });
  const mail = new MailDev({
    smtp: INSTANCES_PORTS.smtp,
    ip: "127.0.0.1",
    web: INSTANCES_PORTS.mailApi,
    webIp: "127.0.0.1",
    silent: true,
    mailDirectory: path.join(WORK_DIR, "maildev"),
  });
  await mail.start();

  const sandboxLog = path.join(WORK_DIR, "sandbox.log");
  const sandbox = start(["--import", "tsx", "sandbox/main.ts"], {
    cwd: ROOT,
    log: sandboxLog,
    env: {
      CASHFREE_SANDBOX_PORT: String(INSTANCES_PORTS.sandbox),
      CASHFREE_SANDBOX_CONTROL: "1",
      CASHFREE_SANDBOX_WEBHOOK_URL: `${SHOP_URL}/api/webhooks/cashfree`,
      CASHFREE_SANDBOX_RETRY_MS: "1000,2000,3000",
    },
  });

  const redis = new URL(TEST_REDIS_URL);
  const redisProxy = await startOutageProxy(
    { host: redis.hostname, port: Number(redis.port || 6379) },
    { proxy: INSTANCES_PORTS.redisProxy, control: INSTANCES_PORTS.redisProxyControl },
  );
  const cacheEnv: Record<string, string> = options.sharedCache
    ? {
        REDIS_URL: `redis://127.0.0.1:${INSTANCES_PORTS.redisProxy}`,
        ...(await freshPageCache(`e2e-instances-${INSTANCES_PORTS.proxy}`, TEST_REDIS_URL, { projectDisk: false })),
      }
    : { REDIS_URL: "" };

  const appEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    CASHFREE_ENV: "local",
    CASHFREE_SANDBOX_PORT: String(INSTANCES_PORTS.sandbox),
    APP_URL: SHOP_URL,
    AUTH_URL: SHOP_URL,
    AUTH_SECRET: "e2e-instances-auth-secret-0123456789abcdef",
    // A production server needs its own token key; both instances share it, as a real deployment's do.
    CASHFREE_TOKEN_ENCRYPTION_KEYS: "smA7NljfkYvT8rdybk6c1TFtmNSHPAhylRqqXEqZKEc=",
    CRON_SECRET,
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${INSTANCES_PORTS.smtp}`,
    TRUSTED_PROXY_HOPS: "1",
    ...cacheEnv,
  };
  const shopServer = path.join(ROOT, "scripts/server.mjs");
  const apps = (["a", "b"] as const).map((name) => {
    const cwd = instanceFolder(name);
    const log = path.join(WORK_DIR, `${name}.log`);
    const port = String(INSTANCES_PORTS.apps[name]);
    return { name, log, process: start([shopServer, "-p", port, "-H", "127.0.0.1"], { cwd, env: appEnv, log }) };
  });
  const proxy = await startRoundRobinProxy(INSTANCES_PORTS.proxy, INSTANCES_PORTS.apps);
  const logs = [...apps.map((app) => app.log), sandboxLog];

  const cluster = {
    proxy,
    database,
    sharedCache: options.sharedCache,
    /**
     * Waits until the shared cache holds an entry written after `sinceMs` that contains `text`. An instance writes
     * what it read to Redis after its response has gone, so a test that next reads through the other instance
     * waits for that write first. Throws after `timeoutMs`, saying so.
     */
    async untilCached(text: string, sinceMs: number, timeoutMs = 5_000) {
      if (!options.sharedCache) return;
      const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
          const keys = await client.keys(`${cacheEnv.REDIS_KEY_PREFIX}*`);
          const values = keys.length > 0 ? await client.mget(...keys) : [];
          const written = values.some((value) => {
            if (!value?.includes(text)) return false;
            const { lastModified } = JSON.parse(value) as { lastModified?: number };
            return (lastModified ?? 0) >= sinceMs;
          });
          if (written) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`no entry containing "${text}" reached the shared cache within ${timeoutMs} ms`);
      } finally {
        client.disconnect();
      }
    },
    /** Redis goes away for both instances (every connection dropped, new ones refused), or comes back. */
    async redis(state: "down" | "up") {
      await fetch(`${REDIS_PROXY_CONTROL}/${state}`, { method: "POST" });
    },
    /** Where each server's log ends now, for `logsSince`. */
    logMarks: () => new Map(logs.map((log) => [log, statSync(log).size])),
    /** What the servers logged after `marks` (the last `maxLines` of each): attached to a failed test. */
    logsSince(marks: Map<string, number>, maxLines = 150) {
      return logs
        .map((log) => {
          const lines = readFileSync(log).subarray(marks.get(log)).toString().trimEnd().split("\n");
          return [`----- ${path.basename(log)}`, ...lines.slice(-maxLines)].join("\n");
        })
        .join("\n");
    },
    async stop() {
      await Promise.all([...apps.map((app) => stop(app.process)), stop(sandbox)]);
      await Promise.all([proxy.close(), redisProxy.close(), mail.stop(), database.end()]);
      rmSync(INSTANCES_DIR, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([
      ...apps.map((app) =>
        untilAnswering(`http://127.0.0.1:${INSTANCES_PORTS.apps[app.name]}/api/health`, app.process, app.log),
      ),
      untilAnswering(`${SANDBOX_URL}/js/v3/cashfree.js`, sandbox, sandboxLog),
    ]);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;
