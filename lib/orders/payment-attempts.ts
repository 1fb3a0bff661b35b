import type { CashfreePayment } from "@/lib/cashfree/schemas";
import type { Executor } from "@/db/queries/orders";
import * as queries from "@/db/queries/orders";

/** How far along a payment attempt is; an attempt's row only ever moves to a higher rank. */
const RANK: Record<string, number> = {
  NOT_ATTEMPTED: 0,
  PENDING: 1,
  FLAGGED: 1,
  FAILED: 2,
  USER_DROPPED: 2,
  CANCELLED: 2,
  VOID: 2,
  SUCCESS: 3,
};
const rank = (status: string) => RANK[status] ?? 0;

export type AttemptChange = "new" | "advanced" | "unchanged";

/** Records one Cashfree payment attempt in its own row (one order can have many). */
export async function recordPaymentAttempt(
  db: Executor,
  orderId: string,
  payment: CashfreePayment,
  source: string,
): Promise<AttemptChange> {
  const values = {
    status: payment.status,
    amountPaise: payment.amountPaise,
    currency: payment.currency,
    paymentGroup: payment.group,
    paymentMethod: payment.method,
    bankReference: payment.bankReference,
    errorCode: payment.error?.code ?? null,
    errorDescription: payment.error?.description ?? payment.message,
    errorReason: payment.error?.reason ?? null,
    paymentTime: payment.time,
  };
  // A new attempt is the common case: one insert, and a read (locked) only when the attempt was seen before.
  if (await queries.insertPayment(db, { ...values, orderId, cfPaymentId: payment.cfPaymentId, source })) return "new";
  const existing = (await queries.getPaymentForUpdate(db, payment.cfPaymentId))!;
  if (rank(payment.status) <= rank(existing.status)) return "unchanged";
  await queries.updatePayment(db, payment.cfPaymentId, values);
  return "advanced";
}
