import { insertOrder, type NewOrder } from "@/db/queries/orders";
import type { Database } from "@/db";
import { firstVariantItem } from "@/lib/testing/catalog";
import { orderWithCardAttempt, type TestSandbox } from "@/sandbox/testing/harness";

/**
 * Test orders as the shop would have written them: one line of the first seeded product, for `totalPaise`,
 * for Asha Rao in Bengaluru. `fields` sets the status, stock state and anything else the test is about.
 */
export async function insertTestOrder(db: Database, id: string, totalPaise: number, fields: Partial<NewOrder> = {}) {
  await insertOrder(
    db,
    {
      id,
      accessToken: `token-${id}`,
      status: "awaiting_payment",
      subtotalPaise: totalPaise,
      totalPaise,
      customerName: "Asha Rao",
      customerEmail: "asha@example.com",
      customerPhone: "9876543210",
      shippingLine1: "12 MG Road",
      shippingCity: "Bengaluru",
      shippingState: "Karnataka",
      shippingPincode: "560001",
      expiresAt: new Date(Date.now() + 20 * 60_000),
      ...fields,
    },
    [await firstVariantItem(db, totalPaise)],
  );
  return id;
}

/** An order that exists at the sandbox too (so refunds and shipment updates reach Cashfree), optionally paid there. */
export async function orderAtSandbox(t: TestSandbox, totalPaise: number, options: { paid: boolean }) {
  const created = await orderWithCardAttempt(t, { order_amount: totalPaise / 100 });
  if (options.paid) {
    await t.api("POST", "/simulate", {
      entity: "PAYMENTS",
      entity_id: created.cfPaymentId,
      entity_simulation: { payment_status: "SUCCESS" },
    });
  }
  return created;
}

/** Paid at the sandbox and recorded as paid (stock committed, ready to ship) here. */
export async function paidTestOrder(db: Database, t: TestSandbox, totalPaise: number) {
  const paid = await orderAtSandbox(t, totalPaise, { paid: true });
  return insertTestOrder(db, paid.orderId, totalPaise, {
    status: "paid",
    stockState: "committed",
    fulfillmentStatus: "ready_to_ship",
    paidCfPaymentId: paid.cfPaymentId,
  });
}
