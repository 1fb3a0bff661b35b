// `npm run dev`: the shop (in development mode) plus, in local mode, the local Cashfree sandbox beside it.
import { type ChildProcess, spawn } from "node:child_process";

import nextEnv from "@next/env";

import { loadEnvOrExit } from "../lib/env-schema";
import { busyPortHints, type DevPort, shopAddress } from "./dev-ports";

// The .env files, as `next dev` reads them, so this launcher sees the APP_URL and ports the shop will.
// (A CommonJS bundle: Node sees no named exports in it.)
nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

let shop: ReturnType<typeof shopAddress>;
try {
  shop = shopAddress({ PORT: process.env.PORT, APP_URL: process.env.APP_URL });
} catch (error) {
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
const env = loadEnvOrExit({ ...process.env, APP_URL: shop.appUrl });
const sandboxPort = Number(new URL(env.cashfree.baseUrl).port || 8787);
const mailCatcher = !process.env.SMTP_URL;

// Every port this run needs, checked before anything starts, so a busy one stops it with one sentence each.
const ports: DevPort[] = [{ port: shop.port, service: "the shop", variable: "PORT" }];
if (env.cashfree.env === "local")
  ports.push({
    port: sandboxPort,
    host: "127.0.0.1",
    service: "the local Cashfree sandbox",
    variable: "CASHFREE_SANDBOX_PORT",
  });
if (mailCatcher)
  ports.push(
    {
      port: env.email.catcher.smtpPort,
      host: "127.0.0.1",
      service: "the mail catcher's SMTP server",
      variable: "MAILDEV_SMTP_PORT",
    },
    {
      port: env.email.catcher.webPort,
      host: "127.0.0.1",
      service: "the mail catcher's inbox",
      variable: "MAILDEV_WEB_PORT",
    },
  );
const busy = await busyPortHints(ports);
if (busy.length > 0) {
  for (const hint of busy) console.error(hint);
  process.exit(1);
}
console.log(shop.notice);

const children: ChildProcess[] = [];
// The shop (and the sandbox's webhook and redirect URLs below) use the APP_URL of this run.
const childEnv = { ...process.env, APP_URL: env.appUrl, NEXT_TELEMETRY_DISABLED: "1" };

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
    CASHFREE_SANDBOX_PORT: String(sandboxPort),
    CASHFREE_APP_ID: env.cashfree.appId,
    CASHFREE_SECRET_KEY: env.cashfree.secretKey,
    CASHFREE_SANDBOX_WEBHOOK_URL: `${env.appUrl}/api/webhooks/cashfree`,
    CASHFREE_SANDBOX_PARTNER_WEBHOOK_URL: `${env.appUrl}/api/webhooks/cashfree/partner`,
    CASHFREE_SANDBOX_OAUTH_REDIRECT_URL: `${env.appUrl}/api/cashfree/oauth/callback`,
    // Keeps sandbox orders across restarts, like the embedded database does.
    CASHFREE_SANDBOX_STATE: process.env.CASHFREE_SANDBOX_STATE ?? ".data/sandbox-state.json",
  });
}
// A real SMTP server with a web inbox, so every e-mail the shop sends can be read locally (unless SMTP_URL is set).
if (mailCatcher) {
  const { MailDev } = await import("maildev");
  const { smtpPort, webPort } = env.email.catcher;
  const catcher = new MailDev({
    smtp: smtpPort,
    ip: "127.0.0.1",
    web: webPort,
    webIp: "127.0.0.1",
    silent: true,
    mailDirectory: ".data/maildev",
  });
  await catcher.start();
  console.log(
    `Mail catcher: every e-mail the shop sends is at http://localhost:${webPort} (SMTP on 127.0.0.1:${smtpPort})`,
  );
}

// The shop's own server in development mode (scripts/server.mjs), as `npm start` in production: it gives the app
// each connection's address for the per-address rate limits and the audit log, which `next dev` cannot.
run(process.execPath, ["scripts/server.mjs", "--dev", "-p", String(shop.port)]);
