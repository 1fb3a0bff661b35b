// `npm test`: typecheck, lint, unit + integration (vitest), production build, e2e (Playwright).
// Steps run side by side unless one waits for another (`after`), and every step runs even if another fails; each
// line a step prints is prefixed with its name (and kept whole in reports/steps/<step>.log). At the end: when each
// step started and ended, and one summary line that counts the tests.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";

import { chromiumPath } from "../e2e/chromium";

const VITEST_JSON = "reports/vitest-results.json";
const E2E_JSON = "reports/e2e-results.json";
const E2E_INSTANCES_JSON = "reports/e2e-instances-results.json";
const STEP_LOGS = "reports/steps";
const bin = (name: string) => `node_modules/.bin/${name}`;

interface Step {
  name: string;
  /** The program and its arguments. */
  command: string[];
  /** Steps this one starts after (whether they passed or not): it needs what they make, or their CPU back. */
  after?: string[];
  /** Variables for the command, from the outcomes of the steps it started after. */
  env?: (passed: (name: string) => boolean) => Record<string, string>;
  /** Checked when the step is due; a reason makes it fail without running. */
  precondition?: () => string | undefined;
}

function browserMissing() {
  try {
    chromiumPath();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const steps: Step[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  { name: "lint (eslint)", command: [bin("eslint"), "--max-warnings=0", "."] },
  { name: "format (prettier --check)", command: [bin("prettier"), "--check", "."] },
  { name: "dead code (knip)", command: [bin("knip")] },
  { name: "import cycles (dpdm)", command: ["npm", "run", "--silent", "lint:cycles"] },
  {
    name: "unit + integration (vitest)",
    command: [bin("vitest"), "run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_JSON}`],
  },
  {
    name: "production build",
    command: [bin("next"), "build"],
    after: ["typecheck"],
    // `next build` type-checks the project again unless told the typecheck step already passed (next.config.ts).
    env: (passed): Record<string, string> => (passed("typecheck") ? { TYPECHECK_PASSED: "1" } : {}),
  },
  {
    name: "e2e (playwright)",
    command: [bin("playwright"), "test"],
    after: ["production build"],
    precondition: browserMissing,
  },
  {
    // Its own servers, ports, database and Redis keys (e2e/ports.ts): it runs beside the main e2e suite. Its three
    // servers wait for vitest to finish, whose tests with tight timeouts fail when starved of CPU on 2 cores.
    name: "e2e, two instances behind a load balancer (playwright)",
    command: [bin("playwright"), "test", "-c", "playwright.instances.config.ts"],
    after: ["production build", "unit + integration (vitest)"],
    precondition: browserMissing,
  },
];

interface Result {
  name: string;
  ok: boolean;
  startedMs: number;
  endedMs: number;
}

const runStarted = Date.now();
const results = new Map<string, Promise<Result>>();
const outcomes = new Map<string, boolean>();
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");

function print(step: string, line: string) {
  process.stdout.write(`[${step}] ${line}\n`);
}

async function run(step: Step): Promise<Result> {
  await Promise.all((step.after ?? []).map((name) => results.get(name)));
  const startedMs = Date.now() - runStarted;
  const finish = (ok: boolean) => {
    outcomes.set(step.name, ok);
    return { name: step.name, ok, startedMs, endedMs: Date.now() - runStarted };
  };
  const missing = step.precondition?.();
  if (missing) {
    print(step.name, `not run: ${missing}`);
    return finish(false);
  }
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...step.env?.((name) => outcomes.get(name) === true),
  };
  print(step.name, `started: ${step.command.join(" ")}`);
  const log = createWriteStream(`${STEP_LOGS}/${slug(step.name)}.log`);
  const child = spawn(step.command[0]!, step.command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    createInterface({ input: stream }).on("line", (line) => print(step.name, line));
  }
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", (error) => {
      print(step.name, error.message);
      resolve(null);
    });
    child.on("close", resolve);
  });
  log.end();
  print(step.name, code === 0 ? "passed" : `FAILED (exit ${code})`);
  return finish(code === 0);
}

mkdirSync(STEP_LOGS, { recursive: true });
for (const file of [VITEST_JSON, E2E_JSON, E2E_INSTANCES_JSON]) rmSync(file, { force: true });
// A step waits only for steps listed before it: each `after` is then in `results` when the step starts.
for (const [index, step] of steps.entries()) {
  const earlier = new Set(steps.slice(0, index).map((other) => other.name));
  const unknown = (step.after ?? []).filter((name) => !earlier.has(name));
  if (unknown.length > 0) throw new Error(`step "${step.name}" waits for steps not listed before it: ${unknown}`);
  results.set(step.name, run(step));
}
const finished = await Promise.all(results.values());

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

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

console.log("\n=== summary (minutes:seconds since the start; steps overlap) ===");
for (const result of finished) {
  const span = `${clock(result.startedMs)} → ${clock(result.endedMs)}`;
  const seconds = Math.round((result.endedMs - result.startedMs) / 1000);
  console.log(`${result.ok ? "ok  " : "FAIL"}  ${span}  ${result.name} (${seconds}s)`);
}
console.log(`wall time: ${clock(Date.now() - runStarted)}`);
const unit = vitestCounts();
const [single, instances] = [playwrightCounts(E2E_JSON), playwrightCounts(E2E_INSTANCES_JSON)];
const e2e = {
  passed: single.passed + instances.passed,
  failed: single.failed + instances.failed,
  skipped: single.skipped + instances.skipped,
};
console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const failedSteps = finished.filter((r) => !r.ok);
for (const step of failedSteps)
  console.log(`${step.name} failed: its whole output is in ${STEP_LOGS}/${slug(step.name)}.log`);
console.log(
  `${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + failedSteps.length} failed, ${unit.skipped + e2e.skipped} skipped`,
);
process.exit(failedSteps.length === 0 ? 0 : 1);
