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
  // Likewise its order pages ask Cashfree about ~100 orders, faster now that specs run side by side: past 60 a minute
  // a return page would wait for the webhook instead (e2e/rate-limits.spec.ts proves the per-order limit).
  ORDER_CONFIRM_LIMIT_PER_ADDRESS: "10000",
  // The specs play the one trusted proxy in front of the shop: a spec that needs to be several clients writes
  // X-Forwarded-For (e2e/rate-limits.spec.ts). The shop reached directly (0, the default) is
  // lib/client-address.test.ts's.
  TRUSTED_PROXY_HOPS: "1",
};

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
};

/**
 * Specs that leave everything other specs read as they found it: they read the seeded catalog, settings and
 * policies, and write only data of their own (an order, a refund, a dispute, a payment link, a photo of a product
 * no other spec counts photos of) or use a sandbox of their own. They run first, side by side. Every other spec
 * changes something another reads — settings (the checkout variant, tax details, policies), the stock or price of
 * a shared product, the sandbox's faults or OAuth connection, the database or SMTP proxy, rate limits, the admin
 * accounts — and runs after them, one at a time, in file order. A new spec is in the second group until it is
 * shown to belong in the first.
 */
const SIDE_BY_SIDE = [
  "home",
  "storefront-look",
  "catalog",
  "hardening",
  "merchant",
  "disputes",
  "cashfree-api-journey",
  "sandbox-checkout",
  "admin-confirm",
  "admin-shell",
].map((name) => `**/${name}.spec.ts`);
// e2e/instances has its own configuration (playwright.instances.config.ts): it starts its own servers.
const ELSEWHERE = ["sandbox/**", "instances/**"];

export default defineConfig({
  testDir: "./e2e",
  testIgnore: ELSEWHERE,
  // Apart from the instances suite's (test-results/instances), which runs at the same time and would otherwise be
  // emptied when this run starts.
  outputDir: "test-results/e2e",
  // The side-by-side project's; the one-at-a-time project has a worker of its own (`workers: 1` there).
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "reports/e2e-results.json" }]],
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "side by side", testMatch: SIDE_BY_SIDE, fullyParallel: true, use: chromium },
    {
      name: "one at a time",
      testIgnore: [...ELSEWHERE, ...SIDE_BY_SIDE],
      // After the side-by-side specs, never beside them (https://playwright.dev/docs/test-projects#dependencies).
      dependencies: ["side by side"],
      fullyParallel: false,
      workers: 1,
      use: chromium,
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
