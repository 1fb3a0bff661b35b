import { readFileSync } from "node:fs";

/** Everything the e2e app server prints (e2e/serve.ts writes it), for tests that check what the app logged. */
export const E2E_APP_LOG = ".data/e2e-app.log";

/** The log's lines that contain `text`. */
export function appLogLines(text: string): string[] {
  return readFileSync(E2E_APP_LOG, "utf8")
    .split("\n")
    .filter((line) => line.includes(text));
}
