import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { plainTextOf } from "@/lib/email/send";
import { orderEmail, type OrderEmailData } from "@/lib/email/templates";
import { moneyBack, type OrderView } from "@/lib/orders/view";
import { shippedPartlyRefunded } from "@/lib/testing/order-view";

import { OrderReceipt } from "./order-receipt";

/** The receipt's totals as text, row by row ("Net paid ₹799.00"). */
function receiptRows(order: OrderView) {
  const html = renderToStaticMarkup(<OrderReceipt order={order} />);
  const tfoot = html.slice(html.indexOf("<tfoot"), html.indexOf("</tfoot>"));
  return [...tfoot.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    row[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

function emailData(order: OrderView): OrderEmailData {
  return {
    store: { name: "Kaveri & Co.", address: "Kaveri & Co., Bengaluru" },
    order: {
      ...order,
      url: "http://localhost:3000/orders/x?token=t",
      courier: null,
      trackingNumber: null,
      trackingUrl: null,
      moneyBack: moneyBack(order),
    },
    gst: order.gst,
    refund: { amountPaise: 20_000, method: "original payment method" },
  };
}

describe("the order's receipt after shipping and partial refunds", () => {
  it("lists each refund with its date and status under the total, and the net paid", () => {
    expect(receiptRows(shippedPartlyRefunded())).toEqual([
      "Subtotal ₹999.00",
      "Shipping Free",
      "Total (GST included) ₹999.00",
      "Refunded · 8 Dec 2026 \u2212₹200.00",
      "Net paid ₹799.00",
      "Refund in progress · 9 Dec 2026 ₹100.00",
    ]);
  });

  it("agrees with the e-mails: the refund e-mail and a resent confirmation show the same net paid", async () => {
    const order = shippedPartlyRefunded();
    for (const template of ["refund_completed", "order_confirmed"] as const) {
      const text = await plainTextOf(orderEmail(template, emailData(order)).body as React.ReactElement);
      expect(text).toContain("Refunded: \u2212₹200.00");
      expect(text).toContain("Net paid: ₹799.00");
      expect(text).toContain("Refund in progress: ₹100.00");
    }
  });
});
