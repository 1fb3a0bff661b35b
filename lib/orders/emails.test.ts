import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { outboxJobs } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { parseWebhook } from "@/lib/cashfree/webhook-events";
import { type MailCatcher, startMailCatcher } from "@/lib/testing/mail-catcher";
import { insertTestOrder } from "@/lib/testing/orders";
import { documentedFailedWebhook, documentedOfferSuccessWebhook } from "@/lib/testing/webhook-fixtures";

// The e-mail job against real PostgreSQL and a real SMTP server (MailDev).
const postgres = await requirePostgres();

// The outbox never runs by itself here: the test runs the order's e-mail jobs when it chooses.
vi.mock("@/lib/outbox/worker", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/outbox/worker")>()),
  kickOutbox: () => {},
}));

let database: TestDatabase;
let mail: MailCatcher;
let lib: {
  sendOrderEmail: typeof import("./emails").sendOrderEmail;
  settleOrder: typeof import("./settle").settleOrder;
};
let n = 0;

/** A ₹2 order the shopper can still pay (Cashfree's order ACTIVE, with a session), as checkout leaves it. */
const openOrder = () =>
  insertTestOrder(database.db, `KC-MAIL-${++n}-${Date.now()}`, 200, {
    cfOrderId: "555",
    cfOrderStatus: "ACTIVE",
    paymentSessionId: "session_test",
  });

/** Applies a payment webhook body without starting the outbox (as if the worker were busy elsewhere). */
async function applyWebhook(orderId: string, rawBody: string) {
  const event = parseWebhook("pg", JSON.parse(rawBody), rawBody);
  if (event.kind !== "payment") throw new Error(`read as ${event.kind}`);
  await lib.settleOrder(database.db, {
    orderId,
    source: "webhook",
    orderAmountPaise: event.orderAmountPaise,
    orderCurrency: event.orderCurrency,
    payments: [event.payment],
  });
}

/** Runs the order's e-mail jobs, as the worker would. */
async function sendEmails(orderId: string) {
  const jobs = await database.db.select().from(outboxJobs).where(eq(outboxJobs.orderId, orderId));
  for (const job of jobs.filter((j) => j.kind === "email")) await lib.sendOrderEmail(job);
}

describe.skipIf(!postgres)("the payment failed e-mail (real PostgreSQL, MailDev)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 5 });
    await seedCatalog(database.db);
    mail = await startMailCatcher();
    Object.assign(process.env, { DATABASE_URL: database.url, SMTP_URL: mail.smtpUrl });
    const [emails, settle] = await Promise.all([import("./emails"), import("./settle")]);
    lib = { sendOrderEmail: emails.sendOrderEmail, settleOrder: settle.settleOrder };
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
    await mail?.stop();
  });

  it("offers to pay again while the order is still open", async () => {
    const id = await openOrder();
    await applyWebhook(id, documentedFailedWebhook(id));
    await sendEmails(id);
    expect(await mail.subjectsFor(id)).toEqual([`Payment for order ${id} did not go through`]);
  });

  it("is not sent once the order was paid before the job ran", async () => {
    const id = await openOrder();
    await applyWebhook(id, documentedFailedWebhook(id));
    await applyWebhook(id, documentedOfferSuccessWebhook(id));
    await sendEmails(id);
    expect(await mail.subjectsFor(id)).toEqual([`Order ${id} confirmed — ₹2.00`]);
  });
});
