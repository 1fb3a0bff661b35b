import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { outboxJobs, refunds } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import type { Admin } from "@/lib/auth/admins";
import { type MailCatcher, startMailCatcher } from "@/lib/testing/mail-catcher";
import { paidTestOrder } from "@/lib/testing/orders";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

// A refund's e-mails are sent by the outbox run its unit of work starts after the commit, not by the background
// loop (off here, as on Vercel) or the once-a-minute cron: real PostgreSQL, the local sandbox answering refunds
// SUCCESS at once, and MailDev as the SMTP server. Nothing in this file calls runDueJobs.
const postgres = await requirePostgres();

const OWNER: Admin = {
  id: "owner-1",
  email: "owner@kaveri.local",
  name: "Owner",
  role: "owner",
  refundLimitPaise: null,
};

let database: TestDatabase;
let t: TestSandbox;
let mail: MailCatcher;
let lib: {
  issueRefund: typeof import("./refunds").issueRefund;
  refundAuthorityOf: typeof import("./refunds").refundAuthorityOf;
  outboxIdle: typeof import("./outbox/worker").outboxIdle;
};

describe.skipIf(!postgres)("refund e-mails after the commit (real PostgreSQL, local sandbox, MailDev)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 5 });
    await seedCatalog(database.db);
    t = await startTestSandbox({ webhookUrl: null, refundSettleMs: 0 });
    mail = await startMailCatcher();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CASHFREE_ENV: "local",
      CASHFREE_SANDBOX_PORT: String(t.sandbox.port),
      SMTP_URL: mail.smtpUrl,
      ORDER_EMAILS: "on",
      OUTBOX_LOOP: "off",
    });
    const [refundsModule, worker] = await Promise.all([import("./refunds"), import("./outbox/worker")]);
    lib = { ...refundsModule, outboxIdle: worker.outboxIdle };
  });
  afterAll(async () => {
    await lib?.outboxIdle();
    await (await import("@/db")).closeDb();
    await database?.close();
    await t?.close();
    await mail?.stop();
  });

  it("sends the refund_completed e-mail of a refund Cashfree answers SUCCESS at once, with no worker loop", async () => {
    const orderId = await paidTestOrder(database.db, t, 100_000);
    const result = await lib.issueRefund(lib.refundAuthorityOf(OWNER), {
      orderId,
      amountPaise: 25_000,
      reason: "Damaged in transit",
      refundKey: crypto.randomUUID(),
    });
    expect(result).toMatchObject({ ok: true, status: "SUCCESS" });
    const refundId = result.ok ? result.refundId : "";
    expect((await database.db.select().from(refunds).where(eq(refunds.refundId, refundId)))[0]).toMatchObject({
      status: "SUCCESS",
    });

    // Waits for the runs this process started (the after-commit kicks); it starts none itself.
    await lib.outboxIdle();
    const jobs = await database.db.select().from(outboxJobs).where(eq(outboxJobs.orderId, orderId));
    expect(jobs.map((job) => [job.key, job.status]).sort()).toEqual([
      [`email:refund_completed:${refundId}`, "done"],
      [`email:refund_initiated:${refundId}`, "done"],
    ]);
    expect(await mail.subjectsFor(orderId)).toEqual([
      `Refund of ₹250.00 completed for order ${orderId}`,
      `Refund of ₹250.00 started for order ${orderId}`,
    ]);
  });
});
