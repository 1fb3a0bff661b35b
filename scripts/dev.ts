// `npm run dev`: the shop (in development mode) plus, in local mode, the local Cashfree sandbox beside it.
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
    CASHFREE_SANDBOX_PARTNER_WEBHOOK_URL: `${env.appUrl}/api/webhooks/cashfree/partner`,
    CASHFREE_SANDBOX_OAUTH_REDIRECT_URL: `${env.appUrl}/api/cashfree/oauth/callback`,
    // Keeps sandbox orders across restarts, like the embedded database does.
    CASHFREE_SANDBOX_STATE: process.env.CASHFREE_SANDBOX_STATE ?? ".data/sandbox-state.json",
  });
}
// A real SMTP server with a web inbox, so every e-mail the shop sends can be read locally (unless SMTP_URL is set).
if (!process.env.SMTP_URL) {
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
run(process.execPath, ["scripts/server.mjs", "--dev", "-p", port]);
