import { type Supply, type TaxedLine, type TaxTotals, taxOrder, totalsByRate, totalsOf } from "./tax";

export interface GstLine {
  productName: string;
  hsnCode: string;
  gstRateBps: number;
  quantity: number;
  lineTotalPaise: number;
}

export interface GstQuote {
  supply: Supply;
  lines: TaxedLine[];
  totals: TaxTotals;
  byRate: ReturnType<typeof totalsByRate>;
}

/** The GST in an order's (or a cart's) GST-inclusive total. */
export function quoteGst(items: GstLine[], shippingPaise: number, supply: Supply): GstQuote {
  const lines = taxOrder(
    items.map((item) => ({
      description: item.productName,
      hsnCode: item.hsnCode,
      rateBps: item.gstRateBps,
      quantity: item.quantity,
      amountPaise: item.lineTotalPaise,
    })),
    shippingPaise,
    supply,
  );
  return { supply, lines, totals: totalsOf(lines), byRate: totalsByRate(lines) };
}
