import { expect, test } from "@playwright/test";

test("the home page lists the seeded catalog with rupee prices", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Indian craft, delivered" })).toBeVisible();
  const cards = page.getByRole("listitem");
  await expect(cards).toHaveCount(14);
  await expect(page.getByText("₹1,499.00")).toBeVisible();
  await expect(page.getByText("Sold out")).toBeVisible();
});
