import type { IndianState } from "./codes";
import { gstinState } from "./codes";

/**
 * GST on GST-inclusive prices, in integer paise. The rounding rule (README, "GST"):
 *
 * - Each line's tax comes out of its amount (unit price × quantity, tax included) at the line's rate r:
 *   inter-state, IGST = round(amount × r / (100 + r)); intra-state, CGST = SGST = round(amount × (r/2) / (100 + r)).
 *   Rounding is half up, to the paisa. The taxable value is what is left: amount − tax. So every line adds up
 *   to its amount exactly, and the invoice to the order's total, to the paisa.
 * - Shipping charged with goods is part of one composite supply (CGST Act s.8(a)): it is taxed at the rate of the
 *   principal supply, the order's largest line (the higher rate on a tie), and printed under that line's HSN.
 * - Place of supply: the delivery state (IGST Act s.10(1)(a)); for a business buyer, the state of its GSTIN,
 *   the "bill to / ship to" rule of s.10(1)(b), so the buyer can claim the credit where it is registered.
 */

export type Supply = "intra_state" | "inter_state";

export interface SaleLine {
  description: string;
  hsnCode: string;
  rateBps: number;
  /** Null on a credit note for part of a line. */
  quantity: number | null;
  /** What the shopper pays for the line, tax included. */
  amountPaise: number;
}

export interface TaxedLine extends SaleLine {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
}

export interface TaxTotals {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  taxPaise: number;
  totalPaise: number;
}

/** Where GST is due: as the order recorded it when placed, else worked out from its buyer and delivery. */
export function placeOfSupply(order: {
  shippingState: string;
  buyerGstin?: string | null;
  placeOfSupply?: string | null;
}): string {
  return order.placeOfSupply || (order.buyerGstin && gstinState(order.buyerGstin)) || order.shippingState;
}

export function supplyType(sellerState: IndianState | string, place: string): Supply {
  return sellerState === place ? "intra_state" : "inter_state";
}

/** Half-up division of non-negative integers, without floating point. */
function divideRounded(numerator: number, denominator: number) {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export function taxLine(line: SaleLine, supply: Supply): TaxedLine {
  const { amountPaise: amount, rateBps: rate } = line;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not an amount in paise: ${amount}`);
  if (supply === "inter_state") {
    const igstPaise = divideRounded(amount * rate, 10_000 + rate);
    return { ...line, taxablePaise: amount - igstPaise, cgstPaise: 0, sgstPaise: 0, igstPaise };
  }
  const half = divideRounded(amount * rate, 2 * (10_000 + rate));
  return { ...line, taxablePaise: amount - 2 * half, cgstPaise: half, sgstPaise: half, igstPaise: 0 };
}

/** The principal supply of a composite supply: the largest line, the higher rate on a tie. */
function principalLine(lines: SaleLine[]) {
  return lines.reduce((best, line) =>
    line.amountPaise > best.amountPaise || (line.amountPaise === best.amountPaise && line.rateBps > best.rateBps)
      ? line
      : best,
  );
}

/** The order's goods lines and its shipping, each with its taxable value and tax. */
export function taxOrder(goods: SaleLine[], shippingPaise: number, supply: Supply): TaxedLine[] {
  const lines = goods.map((line) => taxLine(line, supply));
  if (shippingPaise > 0 && goods.length > 0) {
    const principal = principalLine(goods);
    lines.push(
      taxLine(
        {
          description: "Shipping",
          hsnCode: principal.hsnCode,
          rateBps: principal.rateBps,
          quantity: null,
          amountPaise: shippingPaise,
        },
        supply,
      ),
    );
  }
  return lines;
}

export function totalsOf(lines: TaxedLine[]): TaxTotals {
  const sum = (pick: (line: TaxedLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const cgstPaise = sum((l) => l.cgstPaise);
  const sgstPaise = sum((l) => l.sgstPaise);
  const igstPaise = sum((l) => l.igstPaise);
  return {
    taxablePaise: sum((l) => l.taxablePaise),
    cgstPaise,
    sgstPaise,
    igstPaise,
    taxPaise: cgstPaise + sgstPaise + igstPaise,
    totalPaise: sum((l) => l.amountPaise),
  };
}

/** The lines' totals for each rate, as an invoice's tax summary and the monthly return show them. */
export function totalsByRate(lines: TaxedLine[]): (TaxTotals & { rateBps: number })[] {
  const rates = [...new Set(lines.map((line) => line.rateBps))].sort((a, b) => a - b);
  return rates.map((rateBps) => ({ rateBps, ...totalsOf(lines.filter((line) => line.rateBps === rateBps)) }));
}

/**
 * A credit note's lines for a refund of `amountPaise` of an invoice: each invoice line gets its share of the refund
 * (largest remainders, so the shares add up to the refund exactly) and is taxed again at its own rate.
 */
export function creditLines(invoiceLines: SaleLine[], amountPaise: number, supply: Supply): TaxedLine[] {
  const invoiced = invoiceLines.reduce((total, line) => total + line.amountPaise, 0);
  if (amountPaise <= 0 || amountPaise > invoiced) throw new RangeError(`cannot credit ${amountPaise} of ${invoiced}`);
  const whole = amountPaise === invoiced;
  const shares = invoiceLines.map((line, index) => {
    const exact = line.amountPaise * amountPaise;
    return { index, paise: Math.floor(exact / invoiced), remainder: exact % invoiced };
  });
  let left = amountPaise - shares.reduce((total, share) => total + share.paise, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    share.paise += 1;
    left -= 1;
  }
  return invoiceLines
    .map((line, index) => ({ ...line, quantity: whole ? line.quantity : null, amountPaise: shares[index]!.paise }))
    .filter((line) => line.amountPaise > 0)
    .map((line) => taxLine(line, supply));
}
