import { describe, expect, it } from "vitest";

import {
  creditLines,
  placeOfSupply,
  type SaleLine,
  supplyType,
  taxLine,
  taxOrder,
  totalsByRate,
  totalsOf,
} from "./tax";

const line = (amountPaise: number, rateBps: number, hsnCode = "0902"): SaleLine => ({
  description: `item at ${rateBps}`,
  hsnCode,
  rateBps,
  quantity: 1,
  amountPaise,
});

describe("tax on a GST-inclusive line", () => {
  it("splits an intra-state 18% line into equal CGST and SGST", () => {
    // ₹1,180.00 at 18%: ₹1,000.00 taxable, ₹90.00 + ₹90.00.
    expect(taxLine(line(118_000, 1800), "intra_state")).toMatchObject({
      taxablePaise: 100_000,
      cgstPaise: 9_000,
      sgstPaise: 9_000,
      igstPaise: 0,
    });
  });

  it("charges IGST alone on an inter-state line", () => {
    expect(taxLine(line(105_000, 500), "inter_state")).toMatchObject({
      taxablePaise: 100_000,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 5_000,
    });
  });

  it("rounds each tax half up to the paisa and leaves the rest as taxable value", () => {
    // ₹299.99 at 5%: 29,999 × 250 / 10,500 = 714.26 → 714 each; IGST 29,999 × 500 / 10,500 = 1,428.52 → 1,429.
    expect(taxLine(line(29_999, 500), "intra_state")).toMatchObject({ taxablePaise: 28_571, cgstPaise: 714 });
    expect(taxLine(line(29_999, 500), "inter_state")).toMatchObject({ taxablePaise: 28_570, igstPaise: 1_429 });
    // Exactly half a paisa rounds up: 59 × 900 / 11,800 = 4.5 → 5.
    expect(taxLine(line(59, 1800), "intra_state")).toMatchObject({ cgstPaise: 5, sgstPaise: 5, taxablePaise: 49 });
  });

  it("has no tax at nil rate, and handles the special 0.25% and 3% rates", () => {
    expect(taxLine(line(50_000, 0), "intra_state")).toMatchObject({ taxablePaise: 50_000, cgstPaise: 0 });
    expect(taxLine(line(1_03_000, 300), "inter_state")).toMatchObject({ taxablePaise: 1_00_000, igstPaise: 3_000 });
    expect(taxLine(line(1_00_250, 25), "inter_state")).toMatchObject({ taxablePaise: 1_00_000, igstPaise: 250 });
  });

  it("adds up to the line's amount for every amount and rate", () => {
    for (const rate of [0, 25, 150, 300, 500, 1800, 2800, 4000]) {
      for (let amount = 1; amount < 5_000; amount += 7) {
        for (const supply of ["intra_state", "inter_state"] as const) {
          const taxed = taxLine(line(amount, rate), supply);
          expect(taxed.taxablePaise + taxed.cgstPaise + taxed.sgstPaise + taxed.igstPaise).toBe(amount);
          expect(taxed.taxablePaise).toBeGreaterThanOrEqual(0);
          // Within half a paisa per component (and the rate's share of that) of the rate applied to the taxable value.
          const expected = (taxed.taxablePaise * rate) / 10_000;
          expect(Math.abs(taxed.cgstPaise + taxed.sgstPaise + taxed.igstPaise - expected)).toBeLessThanOrEqual(1.5);
        }
      }
    }
  });
});

describe("an order's tax", () => {
  const goods = [line(149_900, 500, "7418"), line(54_900, 1800, "4820"), line(29_999 * 2, 500, "0902")];

  it("taxes several rates in one cart and adds up to the order total to the paisa", () => {
    const lines = taxOrder(goods, 0, "intra_state");
    const totals = totalsOf(lines);
    expect(totals.totalPaise).toBe(149_900 + 54_900 + 59_998);
    expect(totals.taxablePaise + totals.taxPaise).toBe(totals.totalPaise);
    expect(totals.cgstPaise).toBe(totals.sgstPaise);
    expect(totals.igstPaise).toBe(0);
    expect(totalsByRate(lines).map((r) => r.rateBps)).toEqual([500, 1800]);
    expect(totalsByRate(lines).reduce((sum, r) => sum + r.totalPaise, 0)).toBe(totals.totalPaise);
  });

  it("taxes shipping at the rate of the largest line and prints it under that line's HSN", () => {
    const lines = taxOrder([line(20_000, 1800, "4820"), line(60_000, 500, "7418")], 7_900, "inter_state");
    const shipping = lines.at(-1)!;
    expect(shipping).toMatchObject({ description: "Shipping", hsnCode: "7418", rateBps: 500, quantity: null });
    expect(shipping.igstPaise).toBe(376); // 7,900 × 500 / 10,500 = 376.19
    expect(totalsOf(lines).totalPaise).toBe(87_900);
  });

  it("takes the higher rate when two lines are equally large", () => {
    const lines = taxOrder([line(30_000, 500), line(30_000, 1800, "4820")], 7_900, "intra_state");
    expect(lines.at(-1)).toMatchObject({ rateBps: 1800, hsnCode: "4820" });
  });

  it("adds no shipping line when shipping is free", () => {
    expect(taxOrder(goods, 0, "inter_state")).toHaveLength(3);
  });
});

describe("place of supply", () => {
  it("is the delivery state for a shopper, and the GSTIN's state for a business buyer", () => {
    expect(placeOfSupply({ shippingState: "Kerala" })).toBe("Kerala");
    expect(placeOfSupply({ shippingState: "Kerala", buyerGstin: "27AAPFU0939F1ZV" })).toBe("Maharashtra");
    // An order keeps the place of supply it was placed with.
    expect(placeOfSupply({ shippingState: "Kerala", buyerGstin: "27AAPFU0939F1ZV", placeOfSupply: "Goa" })).toBe("Goa");
    expect(supplyType("Karnataka", "Karnataka")).toBe("intra_state");
    expect(supplyType("Karnataka", "Maharashtra")).toBe("inter_state");
  });
});

describe("credit notes", () => {
  const invoice = taxOrder([line(149_900, 500, "7418"), line(54_900, 1800, "4820")], 7_900, "intra_state");

  it("credits a whole invoice line for line", () => {
    const credit = creditLines(invoice, 212_700, "intra_state");
    expect(credit.map((l) => l.amountPaise)).toEqual(invoice.map((l) => l.amountPaise));
    expect(totalsOf(credit)).toEqual(totalsOf(invoice));
  });

  it("spreads a partial refund over the lines so the shares add up to the refund exactly", () => {
    for (const refund of [1, 100, 33_333, 99_999, 212_699]) {
      const credit = creditLines(invoice, refund, "intra_state");
      expect(totalsOf(credit).totalPaise).toBe(refund);
      for (const l of credit) expect(l.quantity).toBeNull();
    }
  });

  it("shares a refund of ₹20 lakh within a paisa of each line's proportion, and exactly in total", () => {
    const big = [line(100_000_000, 500, "7113"), line(99_999_999, 300, "7113"), line(7_900, 500, "7113")];
    const refund = 199_999_997;
    const credit = creditLines(taxOrder(big, 0, "inter_state"), refund, "inter_state");
    expect(totalsOf(credit).totalPaise).toBe(refund);
    const invoiced = 100_000_000 + 99_999_999 + 7_900;
    for (const [index, share] of credit.entries()) {
      const exact = (BigInt(big[index]!.amountPaise) * BigInt(refund)) / BigInt(invoiced);
      expect([Number(exact), Number(exact) + 1]).toContain(share.amountPaise);
    }
  });

  it("refuses to credit more than was invoiced", () => {
    expect(() => creditLines(invoice, 212_701, "intra_state")).toThrow(RangeError);
    expect(() => creditLines(invoice, 0, "intra_state")).toThrow(RangeError);
  });
});
