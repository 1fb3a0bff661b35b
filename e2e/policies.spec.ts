import { expect, test } from "@playwright/test";

import { OWNER, signIn } from "./helpers";

test("the footer links every policy page Cashfree looks for, with the seeded text", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("navigation", { name: "Policies" });
  for (const [label, heading] of [
    ["Terms and conditions", "Terms and conditions"],
    ["Privacy policy", "Privacy policy"],
    ["Refunds and cancellation", "Refund and cancellation policy"],
    ["Shipping and delivery", "Shipping and delivery policy"],
    ["Contact us", "Contact us"],
  ]) {
    await footer.getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Grievance officer" })).toBeVisible();
});

test("the owner edits the refund policy; the footer link shows it, and an injected script stays text", async ({
  page,
}) => {
  const alerts: string[] = [];
  page.on("dialog", async (dialog) => {
    alerts.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/policies");
  const form = page.getByRole("form", { name: "Edit Refund and cancellation policy" });
  const original = await form.getByLabel("Text (Markdown)").inputValue();
  try {
    await form
      .getByLabel("Text (Markdown)")
      .fill(
        'Returns within **10 days** of delivery.\n\n<script>alert("owned")</script>\n\n[Claim a refund](javascript:alert(1))',
      );
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Refund and cancellation policy saved.");

    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Policies" })
      .getByRole("link", { name: "Refunds and cancellation" })
      .click();
    await expect(page.getByText("Returns within 10 days of delivery.")).toBeVisible();
    await expect(page.getByText('<script>alert("owned")</script>')).toBeVisible();
    await expect(page.locator("article script")).toHaveCount(0);
    const claim = page.getByText("Claim a refund");
    await expect(claim).toBeVisible();
    expect(await claim.evaluate((node) => node.closest("a")?.getAttribute("href") ?? "")).not.toMatch(/^javascript:/i);
    await claim.click();
    expect(alerts).toEqual([]);
  } finally {
    await page.goto("/admin/policies");
    await form.getByLabel("Text (Markdown)").fill(original);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Refund and cancellation policy saved.");
  }
});
