import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { SettlementLineRow } from "./settlement-line-row";

type Line = Parameters<typeof SettlementLineRow>[0];

/** The amount cells of a row, as the page prints them. */
function amounts(props: Line) {
  const html = renderToStaticMarkup(
    <table>
      <tbody>
        <SettlementLineRow {...props} />
      </tbody>
    </table>,
  );
  return [...html.matchAll(/<td class="[^"]*text-right[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
}

describe("a settlement line's amounts", () => {
  it("writes Cashfree's charges and a refund's debit in one format", () => {
    const refund = {
      line: {
        orderId: "KC-260105-ABCDEFGH",
        cfOrderId: "KC-260105-ABCDEFGH",
        eventType: "REFUND",
        eventId: "rf_1",
        eventTime: new Date("2026-01-05T10:00:00Z"),
        amountPaise: 91_999,
        serviceChargePaise: 8_715,
        serviceTaxPaise: 0,
        settlementAmountPaise: -91_999,
      },
      customerName: "Asha Rao",
    } as unknown as Line;
    // Before: "− ₹87.15" (a minus sign and a space) beside "-₹919.99" (a hyphen) in the same row.
    expect(amounts(refund)).toEqual(["₹919.99", "\u2212₹87.15", "₹0.00", "\u2212₹919.99"]);
  });
});
