import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { buyChai, OWNER, payByCard, signIn } from "./helpers";
import { E2E_APP_URL, E2E_CRON_SECRET, E2E_SANDBOX_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// "When does my money arrive?": a shopper pays, Cashfree (the local sandbox) settles the payment and says so by
// signed webhooks, and the owner finds the settlement, its UTR and charges, the order in it, and the CSV.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

type Settlement = {
  cf_settlement_id: string;
  utr: string | null;
  payment_amount: number;
  service_charge: number;
  service_tax: number;
  amount_settled: number;
};

const inr = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2 });
const rupees = (n: number) => n.toFixed(2);

async function sandbox<T>(path: string, body: unknown = {}, method = "POST") {
  const response = await fetch(`${E2E_SANDBOX_URL}/_sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: method === "GET" ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

test("a paid order is settled by Cashfree: the owner sees the settlement, its UTR, charges and order, and its CSV", async ({
  page,
  browser,
}) => {
  await buyChai(page, 2);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  // Cashfree's sandbox: "Trigger Sandbox Settlement", then "Mark Sandbox Settlement processed".
  const triggered = await sandbox<Settlement>("/settlements", { order_ids: [orderId] });
  const settled = await sandbox<Settlement>(`/settlements/${triggered.cf_settlement_id}/process`);
  expect(settled.utr).toMatch(/^CFSB\d{12}$/);

  const owner = await browser.newPage();
  await signIn(owner, OWNER);
  await expect(owner.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await owner.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Settlements" }).click();
  await expect(owner.getByRole("heading", { name: "Settlements" })).toBeVisible();
  const row = owner.getByRole("row").filter({ hasText: triggered.cf_settlement_id });
  await expect(async () => {
    await owner.reload();
    await expect(row).toContainText(settled.utr!);
    await expect(row).toContainText("settled");
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText(inr.format(settled.payment_amount));
  await expect(row).toContainText(`−${inr.format(settled.service_charge)}`);
  await expect(row).toContainText(`−${inr.format(settled.service_tax)}`);
  await expect(row).toContainText(inr.format(settled.amount_settled));

  // The settlement's page lists the order (from Cashfree's recon report, imported by the outbox) and links it.
  await row.getByRole("link", { name: triggered.cf_settlement_id }).click();
  await expect(owner.getByRole("heading", { name: `Settlement ${triggered.cf_settlement_id}` })).toBeVisible();
  const orders = owner.getByRole("region", { name: "Orders in this settlement" });
  await expect(async () => {
    await owner.reload();
    await expect(orders.getByRole("link", { name: orderId })).toBeVisible();
  }).toPass({ timeout: 15_000 });
  await orders.getByRole("link", { name: orderId }).click();
  await expect(owner.getByRole("heading", { name: orderId })).toBeVisible();
  const settlement = owner.getByRole("region", { name: "Settlement" });
  await expect(settlement).toContainText(`Settled in settlement ${triggered.cf_settlement_id}`);
  await expect(settlement).toContainText(settled.utr!);

  // The CSV has the settlement's row, amounts in rupees with two decimals.
  await owner.goto("/admin/settlements");
  const download = owner.waitForEvent("download");
  await owner.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  expect(header).toContain("cf_settlement_id,utr,status");
  const mine = lines.filter((l) => l.startsWith(`${triggered.cf_settlement_id},`));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toContain(`,${settled.utr},SUCCESS,`);
  expect(mine[0]).toContain(
    `,${rupees(settled.payment_amount)},${rupees(settled.service_charge)},${rupees(settled.service_tax)},0.00,0.00,0.00,${rupees(settled.amount_settled)}`,
  );
  await owner.close();
});

test("a settlement webhook with a bad signature is refused and writes nothing; Cashfree's signed retry is kept", async ({
  page,
  browser,
}) => {
  await buyChai(page, 1);
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page.getByRole("status").getByRole("heading", { level: 1 })).toHaveText("Payment successful");
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  await sandbox("/faults", { webhooks: { corruptSignature: true } });
  try {
    const triggered = await sandbox<Settlement>("/settlements", { order_ids: [orderId] });
    type Delivery = {
      type: string;
      attempts: { status: number | null }[];
      body: { data: { settlement?: { settlement_id: number } } };
    };
    const refused = async () =>
      (await sandbox<Delivery[]>("/deliveries", {}, "GET")).filter(
        (d) => String(d.body.data.settlement?.settlement_id) === triggered.cf_settlement_id,
      );
    await expect(async () => {
      const [delivery] = await refused();
      expect(delivery?.attempts[0]?.status).toBe(401);
    }).toPass({ timeout: 10_000 });

    const owner = await browser.newPage();
    await signIn(owner, OWNER);
    await expect(owner.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await owner.goto("/admin/settlements");
    await expect(owner.getByRole("heading", { name: "Settlements" })).toBeVisible();
    await expect(owner.getByRole("link", { name: triggered.cf_settlement_id })).toHaveCount(0);
    await owner.goto("/admin/attention");
    await expect(owner.getByRole("region", { name: "Signature failures" })).toContainText("bad signature");

    // Cashfree retries; the retry is signed properly and the settlement arrives.
    await sandbox("/faults", {}, "DELETE");
    await expect(async () => {
      await owner.goto("/admin/settlements");
      await expect(owner.getByRole("link", { name: triggered.cf_settlement_id })).toBeVisible();
    }).toPass({ timeout: 20_000 });
    await owner.close();
  } finally {
    await sandbox("/faults", {}, "DELETE");
  }

  // The daily pull answers its scheduler (and only it).
  const strangers = await fetch(`${E2E_APP_URL}/api/cron/settlements`);
  expect(strangers.status).toBe(401);
  const scheduled = await fetch(`${E2E_APP_URL}/api/cron/settlements`, {
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  expect(scheduled.status).toBe(200);
  expect(await scheduled.json()).toMatchObject({ ok: true });
});
