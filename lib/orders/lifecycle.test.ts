import { describe, expect, it } from "vitest";

import { decide, type OrderCommand, type OrderSnapshot } from "./transitions";

// The whole lifecycle in one table: every state an order can be in, every command, and what follows.
// Read an outcome as: the status after it, `ship:` the fulfilment it moves to, `Δ` the change to the refunded
// total (paise), `#` the flag it raises, then its effects; `!` a refusal (nothing is written).

const STATES: Record<string, OrderSnapshot> = {
  pending: { status: "pending", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
  awaiting_payment: { status: "awaiting_payment", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
  "paid/ready": { status: "paid", fulfilment: "ready_to_ship", totalPaise: 1000, refundedPaise: 0 },
  "paid/shipped": { status: "paid", fulfilment: "shipped", totalPaise: 1000, refundedPaise: 900 },
  "paid/delivered": { status: "paid", fulfilment: "delivered", totalPaise: 1000, refundedPaise: 1000 },
  checkout_failed: { status: "checkout_failed", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
  expired: { status: "expired", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
  cancelled: { status: "cancelled", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
  needs_review: { status: "needs_review", fulfilment: "unfulfilled", totalPaise: 1000, refundedPaise: 0 },
};
const COMMANDS: Record<string, OrderCommand> = {
  created: { type: "cashfree_order_created" },
  checkout_failed: { type: "checkout_failed" },
  superseded: { type: "checkout_superseded" },
  paid: { type: "payment_succeeded", amountMatches: true, stockAvailable: true },
  paid_no_stock: { type: "payment_succeeded", amountMatches: true, stockAvailable: false },
  wrong_amount: { type: "payment_succeeded", amountMatches: false, stockAvailable: true },
  attempt: { type: "payment_attempt" },
  expired: { type: "order_expired" },
  terminated: { type: "order_terminated" },
  ship: { type: "mark_shipped" },
  deliver: { type: "mark_delivered" },
  cancel: { type: "cancel_fulfilment" },
  refund_200: { type: "request_refund", amountPaise: 200, maxRefundedPaise: null },
  refund_200_staff_150: { type: "request_refund", amountPaise: 200, maxRefundedPaise: 150 },
  refund_failed_300: { type: "refund_failed", amountPaise: 300 },
  refund_recorded_300: { type: "refund_recorded", amountPaise: 300 },
  link: { type: "send_payment_link" },
};

const show = (d: ReturnType<typeof decide>) =>
  d.refusal
    ? `!${d.refusal}`
    : [
        d.to,
        d.fulfilment && `ship:${d.fulfilment}`,
        d.refundDeltaPaise && `Δ${d.refundDeltaPaise}`,
        d.flag && `#${d.flag}`,
        ...d.effects,
      ]
        .filter(Boolean)
        .join(" ");

const TABLE: Record<keyof typeof STATES, Record<keyof typeof COMMANDS, string>> = {
  pending: {
    created: "awaiting_payment",
    checkout_failed: "checkout_failed release_stock",
    superseded: "cancelled release_stock",
    paid: "paid ship:ready_to_ship commit_stock fulfil",
    paid_no_stock: "paid ship:ready_to_ship commit_stock fulfil",
    wrong_amount: "needs_review #amount_mismatch",
    attempt: "pending",
    expired: "expired release_stock",
    terminated: "cancelled release_stock",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "!not_refundable",
    refund_200_staff_150: "!not_refundable",
    refund_failed_300: "pending",
    refund_recorded_300: "pending Δ300",
    link: "!not_unpaid",
  },
  awaiting_payment: {
    created: "awaiting_payment",
    checkout_failed: "awaiting_payment",
    superseded: "cancelled release_stock",
    paid: "paid ship:ready_to_ship commit_stock fulfil",
    paid_no_stock: "paid ship:ready_to_ship commit_stock fulfil",
    wrong_amount: "needs_review #amount_mismatch",
    attempt: "awaiting_payment",
    expired: "expired release_stock",
    terminated: "cancelled release_stock",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "!not_refundable",
    refund_200_staff_150: "!not_refundable",
    refund_failed_300: "awaiting_payment",
    refund_recorded_300: "awaiting_payment Δ300",
    link: "awaiting_payment",
  },
  "paid/ready": {
    created: "paid",
    checkout_failed: "paid",
    superseded: "paid",
    paid: "paid #payment_after_paid",
    paid_no_stock: "paid #payment_after_paid",
    wrong_amount: "paid #payment_after_paid",
    attempt: "paid",
    expired: "paid",
    terminated: "paid",
    ship: "paid ship:shipped",
    deliver: "!not_shipped",
    cancel: "paid ship:cancelled restock",
    refund_200: "paid Δ200",
    refund_200_staff_150: "!exceeds_limit",
    refund_failed_300: "paid",
    refund_recorded_300: "paid Δ300",
    link: "!not_unpaid",
  },
  "paid/shipped": {
    created: "paid",
    checkout_failed: "paid",
    superseded: "paid",
    paid: "paid #payment_after_paid",
    paid_no_stock: "paid #payment_after_paid",
    wrong_amount: "paid #payment_after_paid",
    attempt: "paid",
    expired: "paid",
    terminated: "paid",
    ship: "!not_ready_to_ship",
    deliver: "paid ship:delivered",
    cancel: "!not_ready_to_ship",
    refund_200: "!exceeds_balance",
    refund_200_staff_150: "!exceeds_balance",
    refund_failed_300: "paid Δ-300",
    refund_recorded_300: "paid Δ100",
    link: "!not_unpaid",
  },
  "paid/delivered": {
    created: "paid",
    checkout_failed: "paid",
    superseded: "paid",
    paid: "paid #payment_after_paid",
    paid_no_stock: "paid #payment_after_paid",
    wrong_amount: "paid #payment_after_paid",
    attempt: "paid",
    expired: "paid",
    terminated: "paid",
    ship: "!not_ready_to_ship",
    deliver: "!not_shipped",
    cancel: "!not_ready_to_ship",
    refund_200: "!exceeds_balance",
    refund_200_staff_150: "!exceeds_balance",
    refund_failed_300: "paid Δ-300",
    refund_recorded_300: "paid",
    link: "!not_unpaid",
  },
  checkout_failed: {
    created: "checkout_failed",
    checkout_failed: "checkout_failed",
    superseded: "checkout_failed",
    paid: "paid ship:ready_to_ship #late_payment reserve_stock_again commit_stock fulfil",
    paid_no_stock: "needs_review #late_payment_no_stock",
    wrong_amount: "needs_review #amount_mismatch",
    attempt: "checkout_failed",
    expired: "checkout_failed",
    terminated: "checkout_failed",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "!not_refundable",
    refund_200_staff_150: "!not_refundable",
    refund_failed_300: "checkout_failed",
    refund_recorded_300: "checkout_failed Δ300",
    link: "checkout_failed",
  },
  expired: {
    created: "expired",
    checkout_failed: "expired",
    superseded: "expired",
    paid: "paid ship:ready_to_ship #late_payment reserve_stock_again commit_stock fulfil",
    paid_no_stock: "needs_review #late_payment_no_stock",
    wrong_amount: "needs_review #amount_mismatch",
    attempt: "expired",
    expired: "expired",
    terminated: "expired",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "!not_refundable",
    refund_200_staff_150: "!not_refundable",
    refund_failed_300: "expired",
    refund_recorded_300: "expired Δ300",
    link: "expired",
  },
  cancelled: {
    created: "cancelled",
    checkout_failed: "cancelled",
    superseded: "cancelled",
    paid: "paid ship:ready_to_ship #late_payment reserve_stock_again commit_stock fulfil",
    paid_no_stock: "needs_review #late_payment_no_stock",
    wrong_amount: "needs_review #amount_mismatch",
    attempt: "cancelled",
    expired: "cancelled",
    terminated: "cancelled",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "!not_refundable",
    refund_200_staff_150: "!not_refundable",
    refund_failed_300: "cancelled",
    refund_recorded_300: "cancelled Δ300",
    link: "cancelled",
  },
  needs_review: {
    created: "needs_review",
    checkout_failed: "needs_review",
    superseded: "needs_review",
    paid: "needs_review",
    paid_no_stock: "needs_review",
    wrong_amount: "needs_review",
    attempt: "needs_review",
    expired: "needs_review",
    terminated: "needs_review",
    ship: "!not_paid",
    deliver: "!not_paid",
    cancel: "!not_paid",
    refund_200: "needs_review Δ200",
    refund_200_staff_150: "!exceeds_limit",
    refund_failed_300: "needs_review",
    refund_recorded_300: "needs_review Δ300",
    link: "!not_unpaid",
  },
};

describe("the order lifecycle table", () => {
  for (const [state, snapshot] of Object.entries(STATES)) {
    for (const [name, command] of Object.entries(COMMANDS)) {
      it(`${state} + ${name} → ${TABLE[state]![name]}`, () => {
        expect(show(decide(snapshot, command))).toBe(TABLE[state]![name]);
      });
    }
  }

  it("lists every state and every command", () => {
    expect(Object.keys(TABLE)).toEqual(Object.keys(STATES));
    for (const row of Object.values(TABLE)) expect(Object.keys(row)).toEqual(Object.keys(COMMANDS));
  });

  it("never lets the refundable balance go negative, whatever sequence of refund commands arrives", () => {
    let order: OrderSnapshot = { status: "paid", fulfilment: "ready_to_ship", totalPaise: 10_000, refundedPaise: 0 };
    const sequence: OrderCommand[] = [
      { type: "request_refund", amountPaise: 6_000, maxRefundedPaise: null },
      { type: "request_refund", amountPaise: 6_000, maxRefundedPaise: null },
      { type: "refund_recorded", amountPaise: 9_000 },
      { type: "refund_failed", amountPaise: 25_000 },
      { type: "request_refund", amountPaise: 10_000, maxRefundedPaise: null },
      { type: "refund_recorded", amountPaise: 1 },
    ];
    for (const command of sequence) {
      const decision = decide(order, command);
      order = { ...order, refundedPaise: order.refundedPaise + (decision.refundDeltaPaise ?? 0) };
      expect(order.refundedPaise).toBeGreaterThanOrEqual(0);
      expect(order.refundedPaise).toBeLessThanOrEqual(order.totalPaise);
    }
  });
});
