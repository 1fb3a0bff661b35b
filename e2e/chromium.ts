import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROME_PATH): Playwright's own browser download does not work offline. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) {
    throw new Error("No Chromium found. Install one with `sudo apt-get install -y chromium` or set CHROME_PATH.");
  }
  return found;
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  // Keeps an offline machine quiet: every host but loopback fails fast instead of hanging on DNS.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
];
