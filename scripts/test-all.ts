// `npm test`: typecheck, lint, unit + integration (vitest), production build, e2e (Playwright).
// Every step runs even if an earlier one fails, then one summary line counts the tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

import { chromiumPath } from "../e2e/chromium";

const VITEST_JSON = "reports/vitest-results.json";
const E2E_JSON = "reports/e2e-results.json";
const E2E_INSTANCES_JSON = "reports/e2e-instances-results.json";
const bin = (name: string) => `node_modules/.bin/${name}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

interface Step {
  name: string;
  run: () => boolean;
}

function command(cmd: string, args: string[]) {
  return () => spawnSync(cmd, args, { stdio: "inherit", env }).status === 0;
}

function browserAvailable() {
  try {
    chromiumPath();
    return true;
  } catch (error) {
    console.error((error as Error).message);
    return false;
  }
}

mkdirSync("reports", { recursive: true });
rmSync(VITEST_JSON, { force: true });
rmSync(E2E_JSON, { force: true });
rmSync(E2E_INSTANCES_JSON, { force: true });

const steps: Step[] = [
  { name: "typecheck", run: command(bin("tsc"), ["--noEmit"]) },
  { name: "lint (eslint)", run: command(bin("eslint"), ["--max-warnings=0", "."]) },
  { name: "format (prettier --check)", run: command(bin("prettier"), ["--check", "."]) },
  { name: "dead code (knip)", run: command(bin("knip"), []) },
  { name: "import cycles (dpdm)", run: command("npm", ["run", "--silent", "lint:cycles"]) },
  {
    name: "unit + integration (vitest)",
    run: command(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_JSON}`]),
  },
  { name: "production build", run: command(bin("next"), ["build"]) },
  { name: "e2e (playwright)", run: () => browserAvailable() && command(bin("playwright"), ["test"])() },
  {
    name: "e2e, two instances behind a load balancer (playwright)",
    run: () => browserAvailable() && command(bin("playwright"), ["test", "-c", "playwright.instances.config.ts"])(),
  },
];

const results = steps.map((step) => {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const ok = step.run();
  return { name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000) };
});

function vitestCounts() {
  if (!existsSync(VITEST_JSON)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(file: string) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

console.log("\n=== summary ===");
for (const result of results) console.log(`${result.ok ? "ok  " : "FAIL"}  ${result.name} (${result.seconds}s)`);
const unit = vitestCounts();
const [single, instances] = [playwrightCounts(E2E_JSON), playwrightCounts(E2E_INSTANCES_JSON)];
const e2e = {
  passed: single.passed + instances.passed,
  failed: single.failed + instances.failed,
  skipped: single.skipped + instances.skipped,
};
console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const failedSteps = results.filter((r) => !r.ok).length;
console.log(
  `${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + failedSteps} failed, ${unit.skipped + e2e.skipped} skipped`,
);
process.exit(failedSteps === 0 ? 0 : 1);
