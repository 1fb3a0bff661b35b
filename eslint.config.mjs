import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Next.js's internals move between minor releases: only its public entry points are imported.
const nextInternals = { group: ["next/dist/*"], message: "Use Next.js's public API, not its internals (next/dist)." };

const domainThroughLib = [
  nextInternals,
  { group: ["@/db", "@/db/*"], message: "Use a domain module in lib/ instead of the database." },
  {
    group: ["@/lib/cashfree/*", "!@/lib/cashfree/browser", "!@/lib/cashfree/checkout-config"],
    message: "Cashfree is reached through lib/ services.",
  },
];
// Both spellings: the alias (@/app/…) and a relative path that climbs into app/ (../../app/…).
const routesFromComponents = {
  regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
  message: "Components never import from app/: server actions live in lib/actions (or come in as props).",
};

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
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: domainThroughLib }] },
  },
  {
    // Routes use components, never the other way round: a component's server actions come from lib/actions (or
    // as props), so moving or renaming a route folder never breaks a component.
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...domainThroughLib, routesFromComponents] }] },
  },
]);
