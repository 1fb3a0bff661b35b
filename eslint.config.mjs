import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Next.js's internals move between minor releases: only its public entry points are imported.
const nextInternals = { group: ["next/dist/*"], message: "Use Next.js's public API, not its internals (next/dist)." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [nextInternals] }],
    },
  },
  {
    // One concept, one home: the database is reached through db/ and the domain modules in lib/ only.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            nextInternals,
            { group: ["@/db", "@/db/*"], message: "Use a domain module in lib/ instead of the database." },
            {
              group: ["@/lib/cashfree/*", "!@/lib/cashfree/browser", "!@/lib/cashfree/checkout-config"],
              message: "Cashfree is reached through lib/ services.",
            },
          ],
        },
      ],
    },
  },
]);
