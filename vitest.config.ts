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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
