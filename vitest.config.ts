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
    // PostgreSQL, HTTP servers and timers, not the CPU, so three files at a time take well under half the time
    // there (the whole suite, with the migrated templates too: 408 s → 169 s). More would pile up connections
    // on the test PostgreSQL (each file's pool holds up to 25 of its 100).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
