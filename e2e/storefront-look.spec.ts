import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// The storefront on a phone, as issue 28 found it: header icons and a menu, cards whose prices and badges never
// wrap, the product page's price and "Add to cart" in reach, and empty states that lead somewhere.

const PHONE = { width: 390, height: 844 };
const SHOP_PAGES = ["/", "/categories/tea-and-coffee", "/products/coorg-filter-coffee", "/search?q=saree", "/cart"];

/** Every price and badge is one line box, and the page is no wider than the screen. */
async function expectNothingWraps(page: Page) {
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main [data-price-atom], main li .rounded-full")]
      .filter((element) => element.offsetParent !== null && element.getClientRects().length > 1)
      .concat(
        [...document.querySelectorAll<HTMLElement>("main [data-price-atom]")].filter(
          (element) => element.offsetParent !== null && element.getBoundingClientRect().height > 32,
        ),
      )
      .map((element) => element.textContent),
  );
  expect(broken).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** A visible button of that name lies wholly inside the viewport, below the sticky header. */
const someButtonInView = (page: Page, name: string) =>
  page.evaluate(
    (label) =>
      [...document.querySelectorAll("button")].some((button) => {
        const box = button.getBoundingClientRect();
        return (
          button.textContent?.trim() === label &&
          button.offsetParent !== null &&
          box.top >= document.querySelector("header")!.getBoundingClientRect().bottom &&
          box.bottom <= window.innerHeight
        );
      }),
    name,
  );

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("prices and badges stay on one line and nothing scrolls sideways, from 320 to 430 px", async ({ page }) => {
    for (const width of [320, 360, 390, 430]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of SHOP_PAGES) {
        await page.goto(path);
        await test.step(`${path} at ${width} px`, () => expectNothingWraps(page));
      }
    }
  });

  test("the header's menu lists the categories in a dialog: Escape closes it, a category opens", async ({ page }) => {
    await page.goto("/");
    const open = page.getByRole("button", { name: "Menu" });
    await expect(open).toHaveAttribute("aria-haspopup", "dialog");
    await open.click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("link", { name: "Tea & Coffee" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Track order" })).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await menu.getByRole("link", { name: "Tea & Coffee" }).click();
    await expect(page).toHaveURL(/\/categories\/tea-and-coffee$/);
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeHidden();
  });

  test("the search button opens a search sheet, typed into at once", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Search" }).click();
    const search = page.getByRole("dialog", { name: "Search" }).getByRole("combobox", { name: "Search products" });
    await expect(search).toBeFocused();
    await page.keyboard.type("kulhad");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “kulhad”");
    await expect(page.getByRole("dialog", { name: "Search" })).toBeHidden();
  });

  test("the product page shows the name and price at once, and Add to cart is always in reach", async ({ page }) => {
    await page.goto("/products/coorg-filter-coffee");
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    await expect(page.getByText("₹389", { exact: true }).first()).toBeInViewport();
    // The shopper never scrolls to find the button: it is in view, or the bar at the bottom carries it.
    for (const scroll of [0, 400, 900, 10_000]) {
      await page.evaluate((y) => window.scrollTo(0, y), scroll);
      await expect.poll(() => someButtonInView(page, "Add to cart")).toBe(true);
    }
    // The SKU is the merchant's: out of the shopper's way, in the product details.
    await expect(page.getByText(/SKU/)).toHaveCount(0);
    await page.getByText("Product details").click();
    await expect(page.getByText("COORG-250-FLT")).toBeVisible();

    await page.locator("[data-buy-bar=shown]").getByRole("button", { name: "Add to cart" }).click();
    const drawer = page.getByRole("dialog", { name: "Your cart" });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("button", { name: "Close cart" }).click();
    await expect(page.getByRole("link", { name: /^Cart, \d+ items?$/ })).toBeVisible();
  });
});

test("a search that finds nothing offers categories and popular products", async ({ page }) => {
  await page.goto("/search?q=saree");
  await expect(page.getByRole("heading", { level: 2, name: "No results for “saree”" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Browse categories" }).getByRole("link", { name: "Textiles" }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Popular products" }).getByRole("listitem")).toHaveCount(4);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
});

test("an empty cart leads back into the shop: categories and featured products", async ({ page }) => {
  await page.goto("/cart");
  await expect(page.getByRole("heading", { level: 1, name: "Your cart is empty" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue shopping" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Shop by category" }).getByRole("link", { name: "Kitchen" }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Featured products" }).getByRole("listitem")).toHaveCount(4);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
});
