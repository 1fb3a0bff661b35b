/**
 * Unusual ports so an e2e run never collides with `npm run dev` (3000/8787). E2E_PORT_OFFSET moves them all, so
 * two checkouts of the shop can run their e2e suites side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_APP_PORT = 4791 + offset;
export const E2E_SANDBOX_PORT = 8797 + offset;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** Its own PostgreSQL database per offset, for the same reason. */
export const E2E_DATABASE_NAME = offset ? `storefront_e2e_${offset}` : "storefront_e2e";
/** Lets e2e tests call /api/cron/reconcile as a scheduler would. */
export const E2E_CRON_SECRET = "e2e-cron-secret-not-for-production";
/** With a real PostgreSQL, the e2e app reaches it through a proxy that tests can cut (database outage). */
export const E2E_DB_PROXY_PORT = 5491 + offset;
export const E2E_DB_PROXY_CONTROL_URL = `http://127.0.0.1:${5492 + offset}`;
/** The e2e app sends its e-mails to a real MailDev; tests read them from its web API. */
export const E2E_SMTP_PORT = 1935 + offset;
export const E2E_MAIL_API_URL = `http://127.0.0.1:${1990 + offset}`;
/** The app reaches MailDev through a proxy the SMTP-outage test can cut (POST /down, /up). */
export const E2E_SMTP_PROXY_PORT = 1936 + offset;
export const E2E_SMTP_PROXY_CONTROL_URL = `http://127.0.0.1:${1937 + offset}`;
/**
 * Set CASHFREE_ENV=sandbox with CASHFREE_APP_ID and CASHFREE_SECRET_KEY (test keys) to run the e2e app against
 * Cashfree's real sandbox. Specs that drive our local sandbox's pages or controls then skip, saying why.
 */
export const REAL_CASHFREE_SANDBOX =
  process.env.CASHFREE_ENV === "sandbox" && !!process.env.CASHFREE_APP_ID && !!process.env.CASHFREE_SECRET_KEY;
export const LOCAL_SANDBOX_ONLY =
  "drives the local sandbox's hosted pages or /_sandbox controls; skipped against Cashfree's real sandbox";
/**
 * The several-instances suite (playwright.instances.config.ts, e2e/instances): two app instances behind a
 * round-robin proxy of its own (the shop's address), with their own sandbox, MailDev, database and Redis keys.
 */
export const INSTANCES_PORTS = {
  proxy: 4792 + offset,
  apps: { a: 4793 + offset, b: 4794 + offset },
  redisProxy: 4795 + offset,
  redisProxyControl: 4796 + offset,
  sandbox: 8798 + offset,
  smtp: 1938 + offset,
  mailApi: 1991 + offset,
};
export const INSTANCES_DATABASE_NAME = `${E2E_DATABASE_NAME}_instances`;
/** The e2e app's log (its stdout: JSON lines in production), for tests that follow a reference to its log line. */
export const E2E_APP_LOG = offset ? `reports/e2e-app-${offset}.log` : "reports/e2e-app.log";
