// Playwright's web server for the shop: a fresh, migrated and seeded database, then the shop's server (`npm start`).
// DATABASE_URL set → a fresh `storefront_e2e` database on that PostgreSQL server; unset → a fresh PGlite folder.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

import { MailDev } from "maildev";

import { startOutageProxy } from "../db/testing/tcp-outage-proxy";
import { freshPostgresDatabase, seed } from "./fresh-database";
import { freshPageCache } from "./page-cache";
import {
  E2E_APP_LOG,
  E2E_APP_PORT,
  E2E_DATABASE_NAME,
  E2E_DB_PROXY_CONTROL_URL,
  E2E_DB_PROXY_PORT,
  E2E_MAIL_API_URL,
  E2E_SMTP_PORT,
  E2E_SMTP_PROXY_CONTROL_URL,
  E2E_SMTP_PROXY_PORT,
} from "./ports";

const E2E_PGLITE_DIR = ".data/e2e-pglite";

const databaseEnv: Record<string, string> = {};
if (process.env.DATABASE_URL) {
  databaseEnv.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL, E2E_DATABASE_NAME);
} else {
  rmSync(E2E_PGLITE_DIR, { recursive: true, force: true });
  databaseEnv.PGLITE_DIR = E2E_PGLITE_DIR;
  await seed({ driver: "pglite", pgliteDir: E2E_PGLITE_DIR });
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build found; building once (npm test builds before e2e).");
  const build = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  const code = await new Promise<number>((resolve) => build.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) process.exit(code);
}

// The app talks to PostgreSQL through a proxy the outage test can cut; tests themselves use the direct URL.
const appDatabaseEnv = { ...databaseEnv };
if (databaseEnv.DATABASE_URL) {
  const direct = new URL(databaseEnv.DATABASE_URL);
  await startOutageProxy(
    { host: direct.hostname, port: Number(direct.port || 5432) },
    { proxy: E2E_DB_PROXY_PORT, control: Number(new URL(E2E_DB_PROXY_CONTROL_URL).port) },
  );
  appDatabaseEnv.DATABASE_URL = Object.assign(new URL(direct), {
    hostname: "127.0.0.1",
    port: String(E2E_DB_PROXY_PORT),
  }).toString();
}

// A real SMTP server for the app's e-mails (MailDev, as under npm run dev); tests read its inbox over HTTP.
rmSync(".data/e2e-maildev", { recursive: true, force: true });
const catcher = new MailDev({
  smtp: E2E_SMTP_PORT,
  ip: "127.0.0.1",
  web: Number(new URL(E2E_MAIL_API_URL).port),
  webIp: "127.0.0.1",
  silent: true,
  mailDirectory: ".data/e2e-maildev",
});
await catcher.start();
const smtpControlPort = Number(new URL(E2E_SMTP_PROXY_CONTROL_URL).port);
await startOutageProxy(
  { host: "127.0.0.1", port: E2E_SMTP_PORT },
  { proxy: E2E_SMTP_PROXY_PORT, control: smtpControlPort },
);
appDatabaseEnv.SMTP_URL = `smtp://127.0.0.1:${E2E_SMTP_PROXY_PORT}`;

Object.assign(appDatabaseEnv, await freshPageCache(`e2e-${E2E_APP_PORT}`));
const server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(E2E_APP_PORT), "-H", "127.0.0.1"], {
  stdio: ["inherit", "pipe", "pipe"],
  env: { ...process.env, ...appDatabaseEnv },
});
// The app's output goes to the console as before, and to a file that tests read (e2e/app-log.ts, the observability spec).
mkdirSync(dirname(E2E_APP_LOG), { recursive: true });
const log = createWriteStream(E2E_APP_LOG, { flags: "w" });
server.stdout.pipe(process.stdout);
server.stderr.pipe(process.stderr);
server.stdout.pipe(log);
server.stderr.pipe(log);
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
