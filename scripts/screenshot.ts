// Usage: npx tsx scripts/screenshot.ts <url> <out.png> [--mobile]
import { chromium } from "@playwright/test";

import { chromiumArgs, chromiumPath } from "../e2e/chromium";

const [url, out = "screenshot.png", flag] = process.argv.slice(2);
if (!url) throw new Error("usage: screenshot <url> <out.png> [--mobile]");
const mobile = flag === "--mobile";
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage(
  mobile
    ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true }
    : { viewport: { width: 1280, height: 900 } },
);
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
