import { describe, expect, it } from "vitest";

import { orderTimeline } from "./order-timeline";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 10, minute));

describe("orderTimeline", () => {
  it("puts the order's events and its disputes' history in one list by time, saying who did each", () => {
    const timeline = orderTimeline(
      [
        { id: 1, type: "order_placed", source: "checkout", createdAt: at(0) },
        { id: 2, type: "payment_succeeded", source: "webhook", createdAt: at(5) },
      ],
      [
        {
          id: "a",
          disputeId: "433475258",
          kind: "webhook",
          status: "CHARGEBACK_CREATED",
          actor: null,
          occurredAt: at(5),
        },
        { id: "b", disputeId: "433475258", kind: "accepted", status: null, actor: "Owner", occurredAt: at(3) },
        { id: "c", disputeId: "433475258", kind: "evidence", status: null, actor: "Owner", occurredAt: at(9) },
      ],
    );
    expect(timeline.map((e) => `${e.what} via ${e.via}`)).toEqual([
      "order placed via checkout",
      "dispute 433475258 accepted via Owner",
      "payment succeeded via webhook",
      "dispute 433475258: created via Cashfree",
      "dispute 433475258: evidence sent via Owner",
    ]);
  });

  it("puts a dispute dated to the second after the order's events within that second", () => {
    const paidAt = new Date(Date.UTC(2026, 11, 3, 10, 0, 3, 450));
    const disputedAt = new Date(Date.UTC(2026, 11, 3, 10, 0, 3));
    const timeline = orderTimeline(
      [{ id: 7, type: "payment_success", source: "webhook", createdAt: paidAt }],
      [{ id: "d", disputeId: "1", kind: "webhook", status: "DISPUTE_CREATED", actor: null, occurredAt: disputedAt }],
    );
    expect(timeline.map((e) => e.what)).toEqual(["payment success", "dispute 1: created"]);
  });
});
