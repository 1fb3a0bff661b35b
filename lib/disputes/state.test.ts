import { describe, expect, it } from "vitest";

import { nextMove } from "./state";

const deadline = "10 Dec 2026, 11:59 pm";

describe("a dispute's next move, from its status", () => {
  it("is the merchant's while the dispute waits for an answer, with the deadline and what happens without one", () => {
    const created = nextMove("CHARGEBACK_CREATED", deadline, false);
    expect(created).toMatchObject({ mover: "merchant", title: "Your move" });
    expect(created.detail).toContain(`contest it with evidence by ${deadline}`);
    expect(created.detail).toContain("Cashfree rules for the customer");
    expect(nextMove("DISPUTE_INSUFFICIENT_EVIDENCE", deadline, false)).toMatchObject({ mover: "merchant" });
    expect(nextMove("DISPUTE_CREATED", deadline, true).detail).toContain("The respond-by time has passed");
  });

  it("is Cashfree's once the evidence is in, whatever action_on the last webhook said", () => {
    const move = nextMove("CHARGEBACK_DOCS_RECEIVED", deadline, false);
    expect(move).toMatchObject({ mover: "cashfree", title: "Cashfree's move" });
    expect(move.detail).toContain(`you can still add documents until ${deadline}`);
  });

  it("is the bank's under review, with how long the bank usually takes for that type", () => {
    expect(nextMove("CHARGEBACK_UNDER_REVIEW", null, false)).toMatchObject({ mover: "bank", title: "The bank's move" });
    expect(nextMove("CHARGEBACK_UNDER_REVIEW", null, false).detail).toContain("15–20 days for UPI");
    expect(nextMove("PRE_ARBITRATION_UNDER_REVIEW", null, false).detail).toContain("30–45 days for cards");
    expect(nextMove("ARBITRATION_UNDER_REVIEW", null, false).detail).toContain("about 15 days");
  });

  it("is no one's once closed", () => {
    expect(nextMove("DISPUTE_MERCHANT_WON", null, false)).toMatchObject({
      mover: null,
      title: "Closed in your favour",
    });
    expect(nextMove("CHARGEBACK_MERCHANT_LOST", null, false)).toMatchObject({ mover: null });
    expect(nextMove("DISPUTE_MERCHANT_ACCEPTED", null, false)).toMatchObject({ mover: null });
  });
});
