import { defineConfig, devices } from "@playwright/test";

import { chromiumArgs, chromiumPath } from "./e2e/chromium";
import { INSTANCES_PORTS } from "./e2e/ports";

// The several-instances suite (e2e/instances): it starts its own servers, two app instances behind a proxy of its
// own, so it has a configuration of its own. `npm test` runs it after the main e2e suite, on the same build.
export default defineConfig({
  testDir: "./e2e/instances",
  outputDir: "test-results/instances",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  reporter: [["list"], ["json", { outputFile: "reports/e2e-instances-results.json" }]],
  use: {
    // The load balancer's address is the shop's (APP_URL of both instances).
    baseURL: `http://localhost:${INSTANCES_PORTS.proxy}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
    },
  ],
});
