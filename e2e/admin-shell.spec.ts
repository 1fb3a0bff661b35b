import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { OWNER, signIn, STAFF } from "./helpers";

// Issue 28, item 11: the admin has a shell of its own (no shop search, cart or footer), its navigation grouped,
// a sidebar on a desktop and a menu on a phone, where the page's heading is on the first screen.

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations.map((v) => v.id);

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the first screen shows the page's heading, the navigation waits behind Menu", async ({ page }) => {
    await signIn(page, OWNER);
    const heading = page.getByRole("heading", { level: 1, name: "Dashboard" });
    await expect(heading).toBeInViewport();
    expect((await heading.boundingBox())!.y).toBeLessThan(200);
    const nav = page.getByRole("navigation", { name: "Admin" });
    await expect(nav).toBeHidden();
    // None of the shop's chrome.
    await expect(page.getByRole("combobox", { name: /search/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /cart/i })).toHaveCount(0);
    await expect(page.getByRole("contentinfo")).toHaveCount(0);

    await page.locator("summary", { hasText: "Menu" }).click();
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("list", { name: "Sell" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(nav.getByRole("list", { name: "Money" }).getByRole("link")).toHaveText([
      "Settlements",
      "Disputes",
      "GST report",
    ]);
    await expect(nav.getByRole("list", { name: "Shop" }).getByRole("link")).toHaveText([
      "Policies",
      "Settings",
      "Audit log",
    ]);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Following a link closes the menu; the new page is the current one.
    await nav.getByRole("link", { name: "Orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeInViewport();
    await expect(nav).toBeHidden();
    await page.locator("summary", { hasText: "Menu" }).click();
    await expect(nav.getByRole("link", { name: "Orders" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
    // Esc closes it too.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("a header and a grouped sidebar, the current page marked, and no shop chrome", async ({ page }) => {
    await signIn(page, OWNER);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Kaveri & Co. Admin" })).toBeVisible();
    await expect(header.getByRole("link", { name: /View shop/ })).toHaveAttribute("href", "/");
    await expect(header).toContainText("Local Owner · owner");
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: /search/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /cart/i })).toHaveCount(0);
    await expect(page.getByRole("contentinfo")).toHaveCount(0);

    const nav = page.getByRole("navigation", { name: "Admin" });
    await expect(nav.getByRole("list")).toHaveCount(3);
    await nav.getByRole("list", { name: "Money" }).getByRole("link", { name: "Settlements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settlements" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settlements" })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current]")).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("staff see only what they may open", async ({ page }) => {
    await signIn(page, STAFF);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Admin" });
    await expect(nav.getByRole("list", { name: "Shop" })).toHaveCount(0);
    await expect(nav.getByRole("list", { name: "Money" }).getByRole("link")).toHaveText(["Settlements", "Disputes"]);
  });

  test("sign-in stands alone: a centred card, no shop or admin chrome", async ({ page }) => {
    await page.goto("/admin/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Merchant sign-in" })).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /cart/i })).toHaveCount(0);
    const card = await page.getByRole("heading", { name: "Merchant sign-in" }).boundingBox();
    expect(Math.abs(card!.x + card!.width / 2 - 683)).toBeLessThan(200);
  });
});
