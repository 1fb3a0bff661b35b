import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,lib,db,sandbox,scripts}/**/*.test.{ts,tsx}", "proxy.test.ts"],
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
    // Migrates once per run into templates that each test database is copied from (createTestDatabase).
    globalSetup: ["./db/testing/templates.ts"],
    // Vitest's default is one worker less than the cores: one on a 2-core machine. Most test files wait on
    // PostgreSQL, HTTP servers and timers, not the CPU, so two at a time take far less than twice as long there.
    // Three were faster alone (the whole suite with the migrated templates: 408 s → 169 s) but, beside the e2e
    // suites in npm test, starved tests with tight timeouts (lib/cashfree/http.test.ts's 300 ms) on 2 cores.
    maxWorkers: 2,
    // In CI, as Playwright does there: a test that fails once is run once more, and fails the run only if it fails
    // again. CI shares 2 cores between vitest and both e2e suites; tests that race a lease or a delayed SMTP reply
    // can lose to a CPU spike. The JSON report marks a test that needed its retry.
    retry: process.env.CI ? 1 : 0,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
