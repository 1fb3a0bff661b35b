/** The store's pricing rules, shared by the cart page and the checkout action. All amounts in paise. */

export const FREE_SHIPPING_THRESHOLD_PAISE = 99_900;
export const SHIPPING_FEE_PAISE = 7_900;
export const MAX_QUANTITY_PER_LINE = 10;

export interface PricedLine {
  unitPricePaise: number;
  quantity: number;
}

/** Prices include GST, so the total is goods plus shipping; the GST inside it is lib/gst's to work out. */
export interface Totals {
  subtotalPaise: number;
  shippingPaise: number;
  totalPaise: number;
}

function shippingFor(subtotalPaise: number): number {
  if (subtotalPaise === 0) return 0;
  return subtotalPaise >= FREE_SHIPPING_THRESHOLD_PAISE ? 0 : SHIPPING_FEE_PAISE;
}

export function computeTotals(lines: PricedLine[]): Totals {
  const subtotalPaise = lines.reduce((sum, line) => sum + line.unitPricePaise * line.quantity, 0);
  const shippingPaise = shippingFor(subtotalPaise);
  return { subtotalPaise, shippingPaise, totalPaise: subtotalPaise + shippingPaise };
}
