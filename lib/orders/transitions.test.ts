import { describe, expect, it } from "vitest";

import { decide, ORDER_STATUSES, type OrderSignal, type OrderStatus } from "./transitions";

const SIGNALS: OrderSignal[] = [
  { type: "cashfree_order_created" },
  { type: "checkout_failed" },
  { type: "checkout_superseded" },
  { type: "payment_succeeded", amountMatches: true, stockAvailable: true },
  { type: "payment_succeeded", amountMatches: true, stockAvailable: false },
  { type: "payment_succeeded", amountMatches: false, stockAvailable: true },
  { type: "payment_attempt" },
  { type: "order_expired" },
  { type: "order_terminated" },
];

/** Runs a sequence of signals from a start status, applying decisions like settle.ts does. */
function run(start: OrderStatus, signals: OrderSignal[]) {
  let status = start;
  const effects: string[] = [];
  for (const signal of signals) {
    const decision = decide(status, signal);
    effects.push(...decision.effects);
    status = decision.to;
  }
  return { status, effects };
}

const count = (list: string[], item: string) => list.filter((x) => x === item).length;

describe("order transitions", () => {
  it("walks the happy path: created → awaiting payment → paid, fulfilled once", () => {
    const { status, effects } = run("pending", [
      { type: "cashfree_order_created" },
      { type: "payment_attempt" },
      { type: "payment_succeeded", amountMatches: true, stockAvailable: true },
      { type: "payment_succeeded", amountMatches: true, stockAvailable: true },
    ]);
    expect(status).toBe("paid");
    expect(effects).toEqual(["commit_stock", "fulfil"]);
  });

  it("keeps a FAILED attempt non-final: a later success still pays the order", () => {
    expect(
      run("awaiting_payment", [
        { type: "payment_attempt" },
        { type: "payment_succeeded", amountMatches: true, stockAvailable: true },
      ]).status,
    ).toBe("paid");
  });

  it("holds a success with the wrong amount for review, without fulfilment", () => {
    expect(
      decide("awaiting_payment", { type: "payment_succeeded", amountMatches: false, stockAvailable: true }),
    ).toEqual({
      to: "needs_review",
      effects: [],
      flag: "amount_mismatch",
    });
  });

  it("re-reserves stock for a success after expiry when it can, else flags it", () => {
    expect(decide("expired", { type: "payment_succeeded", amountMatches: true, stockAvailable: true })).toMatchObject({
      to: "paid",
      effects: ["reserve_stock_again", "commit_stock", "fulfil"],
    });
    expect(
      decide("cancelled", { type: "payment_succeeded", amountMatches: true, stockAvailable: false }),
    ).toMatchObject({
      to: "needs_review",
      flag: "late_payment_no_stock",
    });
  });

  // Every ordered pair of signals, from every status: the invariants must hold whatever the order of arrival.
  describe.each(ORDER_STATUSES)("from %s, every pair of signals in every order", (start) => {
    for (const first of SIGNALS) {
      for (const second of SIGNALS) {
        it(`${first.type} then ${second.type}`, () => {
          const { status, effects } = run(start, [first, second]);
          // Paid never regresses, and is reached at most once.
          const afterFirst = run(start, [first]).status;
          if (afterFirst === "paid") expect(status).toBe("paid");
          if (start === "paid") expect(status).toBe("paid");
          expect(count(effects, "fulfil")).toBeLessThanOrEqual(1);
          expect(count(effects, "release_stock")).toBeLessThanOrEqual(1);
          // Stock is released only from a reservation, and only re-reserved after a release.
          if (effects.includes("reserve_stock_again"))
            expect(["checkout_failed", "expired", "cancelled"]).toContain(
              start === "pending" || start === "awaiting_payment" ? afterFirst : start,
            );
          // A fulfilled order has committed its stock.
          if (effects.includes("fulfil")) expect(effects).toContain("commit_stock");
        });
      }
    }
  });
});
