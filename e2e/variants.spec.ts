import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { buyProduct, OWNER, payByCard, signIn } from "./helpers";
import { LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// Coorg Filter Coffee (seeded) comes in two weights and three grinds; 250 g espresso is sold out.
const COFFEE = "/products/coorg-filter-coffee";

const price = (page: Page) => page.getByText(/^₹[\d,]+(\.\d\d)?$/).first();
/** Clicks a value as a shopper does: on its label (the radio button itself is visually hidden). */
const choose = (page: Page, option: "Weight" | "Grind", value: string) =>
  page
    .getByRole("group", { name: new RegExp(`^${option}`) })
    .locator("label")
    .filter({ hasText: value })
    .click();

test.describe("choosing a variant", () => {
  test("price, stock and photo follow the choice, the address names it, and sold-out ones cannot be chosen", async ({
    page,
  }) => {
    await page.goto(COFFEE);
    await expect(page.getByRole("radio", { name: "250 g" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Filter" })).toBeChecked();
    await expect(price(page)).toHaveText("₹389");
    // 250 g espresso is sold out: shown, not choosable.
    await expect(page.getByRole("radio", { name: "Espresso (sold out)" })).toBeDisabled();

    await choose(page, "Weight", "500 g");
    await expect(price(page)).toHaveText("₹729");
    await expect(page).toHaveURL(`${COFFEE}?variant=COORG-500-FLT`);

    await choose(page, "Grind", "Espresso");
    await expect(price(page)).toHaveText("₹749");
    await expect(page.getByText("Only a few left")).toBeVisible();
    await expect(page.getByRole("img", { name: "Finely ground espresso coffee beside a cup" }).first()).toBeVisible();
    await expect(page).toHaveURL(`${COFFEE}?variant=COORG-500-ESP`);
    // With espresso chosen, 250 g is the sold-out combination.
    await expect(page.getByRole("radio", { name: "250 g (sold out)" })).toBeDisabled();
    expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

    // By keyboard: arrow keys move between the values that can be chosen.
    await page.getByRole("radio", { name: "Espresso" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("radio", { name: "Whole bean" })).toBeChecked();
    await expect(page).toHaveURL(`${COFFEE}?variant=COORG-500-WB`);
    await expect(page.getByRole("img", { name: "Whole roasted coffee beans in a paper bag" }).first()).toBeVisible();

    // The address is the choice: a reload (or a shared link) opens the same variant.
    await page.reload();
    await expect(page.getByRole("radio", { name: "500 g" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Whole bean" })).toBeChecked();
    await expect(price(page)).toHaveText("₹729");
  });

  test("a link to a sold-out variant shows it sold out, and it cannot be added", async ({ page }) => {
    await page.goto(`${COFFEE}?variant=COORG-250-ESP`);
    await expect(page.getByRole("radio", { name: "Espresso" })).toBeChecked();
    await expect(price(page)).toHaveText("₹399");
    await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  });
});

test.describe("buying a variant", () => {
  test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

  test("takes stock from that variant only, and the order page names it", async ({ page, browser }) => {
    const merchant = await browser.newPage();
    await signIn(merchant, OWNER);
    await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const stockBySku = async () => {
      await merchant.goto("/admin/products");
      await merchant.getByRole("link", { name: "Coorg Filter Coffee" }).click();
      await expect(merchant.getByRole("heading", { level: 1 })).toHaveText("Coorg Filter Coffee");
      const rows = merchant
        .getByRole("form", { name: "Stock" })
        .getByRole("row")
        .filter({ has: merchant.getByRole("cell") });
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerText)),
      );
      // Each row: the variant with its SKU beneath, and its stock.
      return Object.fromEntries(cells.map(([variant, stock]) => [variant!.split("\n").at(-1)!, Number(stock)]));
    };
    const before = await stockBySku();
    expect(Object.keys(before)).toHaveLength(6);

    await buyProduct(page, `${COFFEE}?variant=COORG-500-WB`, 2);
    await expect(page.getByText("Coorg Filter Coffee, 500 g · Whole bean")).toBeVisible();
    await page.getByRole("button", { name: /^Pay ₹/ }).click();
    await payByCard(page, "SUCCESS");
    await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
    await expect(page.getByRole("cell", { name: "Coorg Filter Coffee, 500 g · Whole bean" })).toBeVisible();

    const after = await stockBySku();
    expect(after).toEqual({ ...before, "COORG-500-WB": before["COORG-500-WB"]! - 2 });

    // The cached product page follows a variant's new price at once.
    const setPrice = async (rupees: string) => {
      const form = merchant.getByRole("form", { name: "Variants" });
      await form.getByRole("group", { name: "500 g · Whole bean" }).getByLabel("Price (₹)").fill(rupees);
      await form.getByRole("button", { name: "Save variants" }).click();
      await expect(form.getByRole("status").last()).toHaveText("Variants saved (1 changed).");
    };
    await setPrice("739.00");
    try {
      await page.goto(`${COFFEE}?variant=COORG-500-WB`);
      await expect(price(page)).toHaveText("₹739");
    } finally {
      await setPrice("729.00");
    }
    await merchant.close();
  });
});
