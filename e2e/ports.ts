/** Unusual ports so an e2e run never collides with `npm run dev` (3000/8787). */
export const E2E_APP_PORT = 4791;
export const E2E_SANDBOX_PORT = 8797;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** Lets e2e tests call /api/cron/reconcile as a scheduler would. */
export const E2E_CRON_SECRET = "e2e-cron-secret-not-for-production";
/** With a real PostgreSQL, the e2e app reaches it through a proxy that tests can cut (database outage). */
export const E2E_DB_PROXY_PORT = 5491;
export const E2E_DB_PROXY_CONTROL_URL = "http://127.0.0.1:5492";
