// Screenshots of pages at a phone's and a desktop's width, to look at what we build (docs/testing.md).
// Usage: npx tsx scripts/screenshot.ts [--base http://localhost:3000] [--out shots] [--owner] <path> [<path> …]
// Each path is saved as <out>/<name>-390.png and <out>/<name>-1366.png; name it with `name=path` (home=/).
// --owner signs in as the local owner first, for admin pages.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";

import { chromiumArgs, chromiumPath } from "../e2e/chromium";
import { OWNER } from "../e2e/helpers";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    out: { type: "string", default: "shots" },
    owner: { type: "boolean", default: false },
  },
});
if (positionals.length === 0) throw new Error("usage: screenshot [--base URL] [--out DIR] [--owner] [name=]path …");
mkdirSync(values.out, { recursive: true });

const widths = [
  { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { width: 1366, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const { width, height, ...device } of widths) {
  const context = await browser.newContext({ viewport: { width, height }, ...device, baseURL: values.base });
  const page = await context.newPage();
  if (values.owner) {
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/admin/sign-in"), { timeout: 30_000 });
  }
  for (const entry of positionals) {
    const at = entry.indexOf("=");
    const path = at > 0 ? entry.slice(at + 1) : entry;
    const name = at > 0 ? entry.slice(0, at) : nameOf(path);
    await page.goto(path, { waitUntil: "networkidle" });
    // `npm run dev` shows Next.js's dev-tools badge; it is not part of the page.
    await page.addStyleTag({ content: "nextjs-portal { display: none !important; }" });
    const out = `${values.out}/${name}-${width}.png`;
    await page.screenshot({ path: out, fullPage: true });
    console.log(`saved ${out}`);
  }
  await context.close();
}
await browser.close();

function nameOf(path: string) {
  return (
    path
      .replace(/^\/+/, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/-+$/, "") || "home"
  );
}
