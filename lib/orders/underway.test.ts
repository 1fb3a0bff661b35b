import { describe, expect, it } from "vitest";

import { checkoutIsUnderway } from "./underway";

const placed = new Date("2026-12-08T10:00:00Z");
const before = new Date("2026-12-08T09:58:00Z");
const after = new Date("2026-12-08T10:05:00Z");

describe("checkoutIsUnderway: the checkout page sends the shopper to the cart's order instead", () => {
  it.each([
    ["paid, nothing added since", { status: "paid", cartUpdatedAt: before }, true],
    ["paid, then something added: a new checkout", { status: "paid", cartUpdatedAt: after }, false],
    ["reached us, being checked", { status: "needs_review", cartUpdatedAt: before }, true],
    ["a payment still with the bank", { status: "awaiting_payment", latestAttemptStatus: "PENDING" }, true],
    ["unpaid: continue or replace it", { status: "awaiting_payment", latestAttemptStatus: null }, false],
    ["failed: pay again here", { status: "awaiting_payment", latestAttemptStatus: "FAILED" }, false],
    ["expired", { status: "expired", cartUpdatedAt: before }, false],
    ["replaced by a newer checkout", { status: "cancelled", cartUpdatedAt: before }, false],
  ] as const)("%s", (_, order, expected) => {
    expect(checkoutIsUnderway({ createdAt: placed, cartUpdatedAt: before, latestAttemptStatus: null, ...order })).toBe(
      expected,
    );
  });
});
