import { readFileSync } from "node:fs";

import { E2E_APP_LOG } from "./ports";

/** The lines of what the e2e app server printed (e2e/serve.ts writes it) that that contain `text`. */
export function appLogLines(text: string): string[] {
  return readFileSync(E2E_APP_LOG, "utf8")
    .split("\n")
    .filter((line) => line.includes(text));
}
