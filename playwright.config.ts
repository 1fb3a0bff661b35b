import { defineConfig, devices } from "@playwright/test";

import { chromiumArgs, chromiumPath } from "./e2e/chromium";
import { E2E_APP_URL, E2E_CRON_SECRET, E2E_SANDBOX_PORT, E2E_SANDBOX_URL, REAL_CASHFREE_SANDBOX } from "./e2e/ports";

const sharedEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  // Cashfree's real sandbox when test keys are given (see e2e/ports.ts), else ours.
  ...(REAL_CASHFREE_SANDBOX
    ? {
        CASHFREE_ENV: "sandbox",
        CASHFREE_APP_ID: process.env.CASHFREE_APP_ID!,
        CASHFREE_SECRET_KEY: process.env.CASHFREE_SECRET_KEY!,
      }
    : {
        CASHFREE_ENV: "local",
        // `next start` is a production server: the local sandbox's partner OAuth needs a token key of its own
        // there (the committed local one is refused).
        CASHFREE_TOKEN_ENCRYPTION_KEYS: "TeLQueL5kQ+v9pFuDmTf3RSEYXbMdpR2v7DQQCfFJ/c=",
      }),
  CASHFREE_SANDBOX_PORT: String(E2E_SANDBOX_PORT),
  APP_URL: E2E_APP_URL,
  AUTH_URL: E2E_APP_URL,
  // `next start` is a production server: it refuses to start without an explicit secret.
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghij",
  CRON_SECRET: E2E_CRON_SECRET,
  // A GitHub OAuth app that does not exist: enough to see the button and the redirect to GitHub, offline.
  AUTH_GITHUB_ID: "e2e-github-client",
  AUTH_GITHUB_SECRET: "e2e-github-secret",
  // Every e2e shopper checks out from 127.0.0.1: the whole suite is one "client" opening a hundred orders. The
  // per-address limit itself is proven in lib/orders/checkout-limits.test.ts; the rest of the limits stay as shipped.
  CHECKOUT_LIMIT_PER_ADDRESS: "10000",
  // The specs play the one trusted proxy in front of the shop: a spec that needs to be several clients writes
  // X-Forwarded-For (e2e/rate-limits.spec.ts). The shop reached directly (0, the default) is
  // lib/client-address.test.ts's.
  TRUSTED_PROXY_HOPS: "1",
};

export default defineConfig({
  testDir: "./e2e",
  // e2e/instances has its own configuration (playwright.instances.config.ts): it starts its own servers.
  testIgnore: ["sandbox/**", "instances/**"],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "reports/e2e-results.json" }]],
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
    },
  ],
  webServer: [
    {
      command: "node --import tsx sandbox/main.ts",
      url: `${E2E_SANDBOX_URL}/js/v3/cashfree.js`,
      reuseExistingServer: false,
      env: {
        ...sharedEnv,
        CASHFREE_SANDBOX_CONTROL: "1",
        // Refunds settle in half a second, so a test sees REFUND_STATUS_WEBHOOK arrive.
        CASHFREE_SANDBOX_REFUND_SETTLE_MS: "500",
        // Webhook retries after seconds, not Cashfree's minutes, so outage tests see them.
        CASHFREE_SANDBOX_RETRY_MS: "1000,2000,3000,5000,8000",
        CASHFREE_SANDBOX_WEBHOOK_URL: `${E2E_APP_URL}/api/webhooks/cashfree`,
        CASHFREE_SANDBOX_PARTNER_WEBHOOK_URL: `${E2E_APP_URL}/api/webhooks/cashfree/partner`,
        CASHFREE_SANDBOX_OAUTH_REDIRECT_URL: `${E2E_APP_URL}/api/cashfree/oauth/callback`,
      },
    },
    {
      command: "node --import tsx e2e/serve.ts",
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: sharedEnv,
    },
  ],
});
