import { describe, expect, it } from "vitest";

import { paidOrderView, shippedPartlyRefunded } from "@/lib/testing/order-view";

import { orderHeadline } from "./headline";
import { moneyBack } from "./view";

const shipment = paidOrderView().shipment;
const shipped = { ...shipment, fulfilment: "shipped", shippedAt: new Date("2026-12-07T06:00:00Z") };
const refund = (status: string, amountPaise: number) => ({
  id: `rf_${status}_${amountPaise}`,
  amountPaise,
  status,
  createdAt: new Date("2026-12-08T06:00:00Z"),
});

describe("the order page's headline follows the order's state", () => {
  it("paid: payment successful, will ship soon", () => {
    expect(orderHeadline(paidOrderView())).toMatchObject({ title: "Payment successful", tone: "success" });
  });

  it("shipped, then delivered", () => {
    expect(orderHeadline(paidOrderView({ shipment: shipped })).title).toBe("Your order is on its way");
    const delivered = { ...shipped, fulfilment: "delivered", deliveredAt: new Date("2026-12-09T06:00:00Z") };
    expect(orderHeadline(paidOrderView({ shipment: delivered })).title).toBe("Delivered");
  });

  it("shipped and partly refunded: says so, with what came back and the net paid (it said Payment successful)", () => {
    const { title, body } = orderHeadline(shippedPartlyRefunded());
    expect(title).toBe("Partly refunded");
    expect(body).toContain("₹200.00 of your ₹999.00 was refunded: you paid ₹799.00 in the end.");
    expect(body).toContain("It has shipped: track it below.");
    expect(body).toContain("A refund of ₹100.00 is in progress");
  });

  it("refunded in full; cancelled before shipping, refunded or with its refund on the way", () => {
    expect(orderHeadline(paidOrderView({ refunds: [refund("SUCCESS", 99_900)] })).title).toBe("Refunded");
    const cancelled = { ...shipment, fulfilment: "cancelled" };
    expect(orderHeadline(paidOrderView({ shipment: cancelled, refunds: [refund("SUCCESS", 99_900)] })).title).toBe(
      "Cancelled and refunded",
    );
    const pending = orderHeadline(paidOrderView({ shipment: cancelled, refunds: [refund("PENDING", 99_900)] }));
    expect(pending).toMatchObject({ title: "Order cancelled", tone: "neutral" });
    expect(pending.body).toContain("A refund of ₹999.00 is in progress");
  });

  it("a failed refund changes nothing", () => {
    expect(orderHeadline(paidOrderView({ refunds: [refund("FAILED", 10_000)] })).title).toBe("Payment successful");
  });

  it("disputed while the bank decides; returned by the bank once the merchant lost or accepted", () => {
    const open = paidOrderView({ disputes: [{ status: "CHARGEBACK_UNDER_REVIEW", amountPaise: 99_900 }] });
    expect(orderHeadline(open)).toMatchObject({ title: "Payment disputed", tone: "waiting" });
    const lost = paidOrderView({ disputes: [{ status: "CHARGEBACK_MERCHANT_LOST", amountPaise: 99_900 }] });
    expect(orderHeadline(lost).title).toBe("Payment returned by your bank");
    expect(moneyBack(lost)).toMatchObject({ chargebackPaise: 99_900, netPaidPaise: 0 });
    const won = paidOrderView({ disputes: [{ status: "DISPUTE_MERCHANT_WON", amountPaise: 99_900 }] });
    expect(orderHeadline(won).title).toBe("Payment successful");
  });
});

describe("moneyBack", () => {
  it("takes completed refunds off the total and counts the ones under way apart", () => {
    expect(moneyBack(shippedPartlyRefunded())).toEqual({
      refundedPaise: 20_000,
      refundingPaise: 10_000,
      chargebackPaise: 0,
      netPaidPaise: 79_900,
    });
  });
});
