// `npm run sandbox`: the local Cashfree sandbox as its own server, configured from the environment.
import { SANDBOX_DEFAULT_APP_ID, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET_KEY, SANDBOX_OTP } from "./defaults";
import { startSandbox } from "./server";

function portFrom(value: string | undefined) {
  if (!value) return SANDBOX_DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Configuration error: CASHFREE_SANDBOX_PORT: "${value}" is not a port number`);
    process.exit(1);
  }
  return port;
}

const env = process.env;
const port = portFrom(env.CASHFREE_SANDBOX_PORT);
try {
  const sandbox = await startSandbox({
    port,
    host: env.CASHFREE_SANDBOX_HOST ?? "127.0.0.1",
    appId: env.CASHFREE_APP_ID || SANDBOX_DEFAULT_APP_ID,
    secretKey: env.CASHFREE_SECRET_KEY || SANDBOX_DEFAULT_SECRET_KEY,
    webhookUrl: env.CASHFREE_SANDBOX_WEBHOOK_URL || null,
    webhookRetryScheduleMs: env.CASHFREE_SANDBOX_RETRY_MS
      ? env.CASHFREE_SANDBOX_RETRY_MS.split(",").map(Number)
      : undefined,
    refundSettleMs: env.CASHFREE_SANDBOX_REFUND_SETTLE_MS ? Number(env.CASHFREE_SANDBOX_REFUND_SETTLE_MS) : undefined,
    controls: env.CASHFREE_SANDBOX_CONTROL === "1",
    rateLimitPerMinute: env.CASHFREE_SANDBOX_RATE_LIMIT ? Number(env.CASHFREE_SANDBOX_RATE_LIMIT) : null,
    statePath: env.CASHFREE_SANDBOX_STATE || undefined,
    oauthRedirectUri: env.CASHFREE_SANDBOX_OAUTH_REDIRECT_URL || null,
    partnerWebhookUrl: env.CASHFREE_SANDBOX_PARTNER_WEBHOOK_URL || null,
  });
  console.log(`Cashfree sandbox ready at ${sandbox.url}
  PG API base URL   ${sandbox.url}/pg
  cashfree.js       ${sandbox.url}/js/v3/cashfree.js
  App ID            ${sandbox.appId}
  Secret key        ${sandbox.secretKey}
  Test card         4706131211212123, any future expiry, CVV 123, OTP ${SANDBOX_OTP}
  Test UPI IDs      testsuccess@gocash, testfailure@gocash
  Debug page        ${sandbox.url}/`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Port ${port} is already in use, so the Cashfree sandbox cannot listen there (\`lsof -i :${port}\` shows ` +
          `what holds it). Stop it, or pick another port: CASHFREE_SANDBOX_PORT=${port + 1} npm run sandbox`
      : `The sandbox could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
