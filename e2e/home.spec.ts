import { expect, test } from "@playwright/test";

test("the home page lists the seeded catalog with rupee prices", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Indian craft, delivered" })).toBeVisible();
  const cards = page.getByRole("list", { name: /^(Featured|All) products$/ }).getByRole("listitem");
  await expect(cards).toHaveCount(14);
  // A price the merchant set in whole rupees reads as one (lib/money.ts).
  await expect(page.getByText("₹1,499", { exact: true })).toBeVisible();
  await expect(page.getByText("Sold out")).toBeVisible();
});

test("a shopper browses a category and searches by name", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Tea & Coffee" }).click();
  await expect(page).toHaveURL(/\/categories\/tea-and-coffee$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tea & Coffee" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Tea & Coffee" }).getByRole("listitem")).toHaveCount(4);

  await page.getByRole("combobox", { name: "Search products" }).fill("kulhad");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “kulhad”");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem")).toHaveCount(1);
  await page.goto("/search?q=%25%25");
  await expect(page.getByRole("heading", { name: "No results for “%%”" })).toBeVisible();
  expect((await page.goto("/categories/no-such-thing"))!.status()).toBe(404);
});
