import { quoteGst } from "@/lib/gst/quote";
import type { OrderView } from "@/lib/orders/view";

/**
 * A paid ₹999 order as the order page receives it (for render and headline tests): one Brass Masala Dabba to
 * Bengaluru, paid by UPI, not shipped, nothing refunded. `fields` makes it what the test is about.
 */
export function paidOrderView(fields: Partial<OrderView> = {}): OrderView {
  const items = [{ productName: "Brass Masala Dabba", quantity: 1, unitPricePaise: 99_900, lineTotalPaise: 99_900 }];
  const gst = quoteGst([{ ...items[0]!, hsnCode: "7418", gstRateBps: 500 }], 0, "intra_state");
  return {
    id: "KC-261206-ABCDEFGH",
    accessToken: "token",
    status: "paid",
    cashfreeStatus: "PAID",
    paymentSessionId: null,
    expiresAt: new Date("2026-12-06T05:00:00Z"),
    createdAt: new Date("2026-12-06T04:40:00Z"),
    items,
    subtotalPaise: 99_900,
    shippingPaise: 0,
    totalPaise: 99_900,
    refundedPaise: 0,
    customerName: "Priya Raman",
    customerEmail: "priya@example.com",
    shippingAddress: "14, 2nd Cross, Indiranagar, Bengaluru, Karnataka 560038",
    gst,
    placeOfSupply: "Karnataka",
    business: null,
    documents: [],
    latestAttempt: { status: "SUCCESS", reason: null, group: "upi" },
    paidPayment: { cfPaymentId: "5114910", group: "upi", bankReference: "412345678901" },
    confirmationDelayed: false,
    shipment: {
      fulfilment: "ready_to_ship",
      courier: null,
      trackingNumber: null,
      trackingUrl: null,
      shippedAt: null,
      deliveredAt: null,
    },
    refunds: [],
    disputes: [],
    ...fields,
  };
}

/** Shipped with Delhivery on 7 Dec; ₹200 refunded on 8 Dec, ₹100 more on its way since 9 Dec. */
export const shippedPartlyRefunded = (fields: Partial<OrderView> = {}) =>
  paidOrderView({
    refundedPaise: 30_000,
    shipment: {
      fulfilment: "shipped",
      courier: "Delhivery",
      trackingNumber: "DL123456789IN",
      trackingUrl: "https://www.delhivery.com/track/package/DL123456789IN",
      shippedAt: new Date("2026-12-07T06:00:00Z"),
      deliveredAt: null,
    },
    refunds: [
      { id: "rf_2", amountPaise: 10_000, status: "PENDING", createdAt: new Date("2026-12-09T06:00:00Z") },
      { id: "rf_1", amountPaise: 20_000, status: "SUCCESS", createdAt: new Date("2026-12-08T06:00:00Z") },
    ],
    ...fields,
  });
