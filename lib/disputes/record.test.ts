import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "@/db/client";
import { insertOrder } from "@/db/queries/orders";
import {
  insertDisputeIfNew,
  listClosedDisputes,
  listDisputesAwaitingMerchant,
  listOpenDisputes,
} from "@/db/queries/disputes";
import { insertWebhookEvent } from "@/db/queries/webhooks";
import { disputeEvents, disputes, webhookEvents } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { parseCashfreeWebhook } from "@/lib/cashfree/webhook-events";
import { soleVariant } from "@/lib/testing/catalog";
import { claimAndApply } from "@/lib/webhooks/apply";

// Dispute webhooks through the real inbox (store → claim → apply) on PGlite and PostgreSQL: any order of
// arrival ends in the same state, a replayed event adds no second history line, an unknown order is kept.
const postgres = await requirePostgres();

let counter = 0;

function disputeBody(options: {
  disputeId: string;
  orderId: string;
  status: string;
  updatedAt: string;
  type?: "DISPUTE_CREATED" | "DISPUTE_UPDATED" | "DISPUTE_CLOSED";
}) {
  const type =
    options.type ??
    (options.status.endsWith("_CREATED")
      ? "DISPUTE_CREATED"
      : /_MERCHANT_(WON|LOST|ACCEPTED)$/.test(options.status)
        ? "DISPUTE_CLOSED"
        : "DISPUTE_UPDATED");
  const closed = type === "DISPUTE_CLOSED" ? `,"resolved_at":"${options.updatedAt.replace("+", ".123456789+")}"` : "";
  return `{"data":{"dispute":{"dispute_id":"${options.disputeId}","dispute_type":"DISPUTE","reason_code":"1405","reason_description":"Goods or services not received","dispute_amount":1499.00,"created_at":"2026-11-20T10:00:00+05:30","updated_at":"${options.updatedAt}","respond_by":"2026-11-27T23:59:59+05:30","dispute_status":"${options.status}","cf_dispute_remarks":"remark for ${options.status}","dispute_action_on":"MERCHANT","dispute_amount_currency":"INR"${closed}},"order_details":{"order_id":"${options.orderId}","order_amount":1499.00,"order_currency":"INR","cf_payment_id":885473311,"payment_amount":1499.00,"payment_currency":"INR"},"customer_details":{"customer_name":"Asha Rao","customer_phone":"9876543210","customer_email":"asha@example.com"}},"event_time":"${options.updatedAt}","type":"${type}"}`;
}

const LIFECYCLE = [
  ["DISPUTE_CREATED", "2026-11-20T10:00:00+05:30"],
  ["DISPUTE_DOCS_RECEIVED", "2026-11-21T10:00:00+05:30"],
  ["DISPUTE_UNDER_REVIEW", "2026-11-22T10:00:00+05:30"],
  ["DISPUTE_MERCHANT_LOST", "2026-11-23T10:00:00+05:30"],
] as const;

describe.each<DatabaseDriver>(["pglite", "pg"])("dispute webhooks on %s", (driver) => {
  let database: TestDatabase;
  let orderId: string;
  const skip = driver !== "pglite" && !postgres;

  async function deliver(rawBody: string) {
    const row = await insertWebhookEvent(database.db, {
      idempotencyKey: randomUUID(),
      dedupeKey: `test:${randomUUID()}`,
      eventType: "DISPUTE",
      webhookTimestamp: String(Date.now()),
      signature: "x",
      rawBody,
    });
    const event = parseCashfreeWebhook(JSON.parse(rawBody), rawBody);
    return { eventId: row!.id, outcome: await claimAndApply(database.db, row!.id, event) };
  }
  const dispute = async (id: string) =>
    (await database.db.select().from(disputes).where(eq(disputes.disputeId, id)))[0]!;
  const history = (id: string) =>
    database.db.select().from(disputeEvents).where(eq(disputeEvents.disputeId, id)).orderBy(disputeEvents.occurredAt);

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    await seedCatalog(database.db);
    const variant = await soleVariant(database.db, "brass-masala-dabba");
    orderId = `KC-DISPUTE-${driver}-${Date.now()}`;
    await insertOrder(
      database.db,
      {
        id: orderId,
        accessToken: `token-${orderId}`,
        status: "paid",
        stockState: "committed",
        subtotalPaise: 149_900,
        totalPaise: 149_900,
        customerName: "Asha Rao",
        customerEmail: "asha@example.com",
        customerPhone: "9876543210",
        shippingLine1: "12 MG Road",
        shippingCity: "Bengaluru",
        shippingState: "Karnataka",
        shippingPincode: "560001",
        cfOrderId: "1234567",
        expiresAt: new Date(Date.now() + 20 * 60_000),
      },
      [
        {
          productId: variant.productId,
          variantId: variant.id,
          sku: variant.sku,
          productName: "Brass Masala Dabba",
          hsnCode: "7418",
          gstRateBps: 500,
          unitPricePaise: 149_900,
          quantity: 1,
          lineTotalPaise: 149_900,
        },
      ],
    );
  });
  afterAll(async () => database?.close());

  for (const [name, order] of [
    ["in order", [0, 1, 2, 3]],
    ["reversed", [3, 2, 1, 0]],
    ["shuffled", [1, 3, 0, 2]],
  ] as const) {
    it.skipIf(skip)(`ends lost with four history lines whatever the arrival order (${name})`, async () => {
      const disputeId = String(400_000_000 + ++counter);
      for (const index of order) {
        const [status, updatedAt] = LIFECYCLE[index]!;
        expect((await deliver(disputeBody({ disputeId, orderId, status, updatedAt }))).outcome).toBe("applied");
      }
      expect(await dispute(disputeId)).toMatchObject({
        orderId,
        cfOrderId: orderId,
        status: "DISPUTE_MERCHANT_LOST",
        amountPaise: 149_900,
        currency: "INR",
        actionOn: "MERCHANT",
        cfRemarks: "remark for DISPUTE_MERCHANT_LOST",
        cfUpdatedAt: new Date("2026-11-23T04:30:00Z"),
        resolvedAt: new Date("2026-11-23T04:30:00.123Z"),
        respondBy: new Date("2026-11-27T18:29:59Z"),
      });
      const lines = await history(disputeId);
      expect(lines.map((l) => l.status)).toEqual(LIFECYCLE.map(([status]) => status));
      expect(lines.every((l) => l.kind === "webhook" && l.actor === "cashfree" && l.webhookEventId)).toBe(true);
    });
  }

  it.skipIf(skip)("breaks a same-second tie by the lifecycle: docs received stays over created", async () => {
    const disputeId = String(400_000_000 + ++counter);
    const at = "2026-11-20T10:00:00+05:30";
    await deliver(disputeBody({ disputeId, orderId, status: "DISPUTE_DOCS_RECEIVED", updatedAt: at }));
    await deliver(disputeBody({ disputeId, orderId, status: "DISPUTE_CREATED", updatedAt: at }));
    expect((await dispute(disputeId)).status).toBe("DISPUTE_DOCS_RECEIVED");
  });

  it.skipIf(skip)("adds one history line for an event applied twice (the admin's replay)", async () => {
    const disputeId = String(400_000_000 + ++counter);
    const body = disputeBody({ disputeId, orderId, status: "DISPUTE_CREATED", updatedAt: LIFECYCLE[0][1] });
    const { eventId } = await deliver(body);
    const event = parseCashfreeWebhook(JSON.parse(body), body);
    expect(await claimAndApply(database.db, eventId, event, { replay: true })).toBe("applied");
    expect(await history(disputeId)).toHaveLength(1);
  });

  it.skipIf(skip)("keeps a dispute for an unknown order: no order, Cashfree's order id, event unmatched", async () => {
    const disputeId = String(400_000_000 + ++counter);
    const body = disputeBody({
      disputeId,
      orderId: "order_not_ours_1",
      status: "CHARGEBACK_CREATED",
      updatedAt: LIFECYCLE[0][1],
    });
    const { eventId, outcome } = await deliver(body);
    expect(outcome).toBe("unmatched");
    expect(await dispute(disputeId)).toMatchObject({
      orderId: null,
      cfOrderId: "order_not_ours_1",
      status: "CHARGEBACK_CREATED",
    });
    expect(await history(disputeId)).toHaveLength(1);
    const [stored] = await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
    expect(stored).toMatchObject({ outcome: "unmatched", rawBody: body });
  });

  it.skipIf(skip)("lists open disputes overdue first, then by respond-by; closed ones apart", async () => {
    const now = new Date();
    const day = 86_400_000;
    const rows = [
      ["500000001", "DISPUTE_CREATED", now.getTime() + 5 * day],
      ["500000002", "CHARGEBACK_UNDER_REVIEW", now.getTime() - 2 * day],
      ["500000003", "DISPUTE_DOCS_RECEIVED", now.getTime() + 1 * day],
      ["500000004", "DISPUTE_MERCHANT_WON", now.getTime() - 9 * day],
      ["500000005", "RETRIEVAL_MERCHANT_ACCEPTED", now.getTime() + 9 * day],
      ["500000006", "DISPUTE_INSUFFICIENT_EVIDENCE", null],
    ] as const;
    for (const [disputeId, status, respondBy] of rows)
      await insertDisputeIfNew(database.db, {
        disputeId,
        status,
        cfOrderId: "x",
        respondBy: respondBy === null ? null : new Date(respondBy),
        // Cashfree's action_on as webhooks left it: still MERCHANT once the merchant's evidence went in by the API.
        actionOn: "MERCHANT",
      });
    const open = (await listOpenDisputes(database.db, now)).map((d) => d.disputeId).filter((id) => id.startsWith("5"));
    expect(open).toEqual(["500000002", "500000003", "500000001", "500000006"]);
    const closed = (await listClosedDisputes(database.db)).map((d) => d.disputeId).filter((id) => id.startsWith("5"));
    expect(closed.sort()).toEqual(["500000004", "500000005"]);
    // "Needs attention" lists only those waiting for the merchant by their state: created, or evidence found
    // insufficient; not the one whose documents Cashfree has, nor the one the bank reviews.
    const awaiting = (await listDisputesAwaitingMerchant(database.db, now))
      .map((d) => d.disputeId)
      .filter((id) => id.startsWith("5"));
    expect(awaiting).toEqual(["500000001", "500000006"]);
  });
});
