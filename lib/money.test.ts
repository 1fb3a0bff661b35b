import { describe, expect, it } from "vitest";

import { formatInr, paiseToRupeeString, rupeesToPaise } from "./money";

describe("money", () => {
  it("formats paise as Indian rupees with two decimals", () => {
    expect(formatInr(149_900)).toBe("₹1,499.00");
    expect(formatInr(12_34_567_89)).toBe("₹12,34,567.89");
    expect(formatInr(5)).toBe("₹0.05");
  });

  it("shows a price the merchant set in whole rupees without .00, any other price with both decimals", () => {
    expect(formatInr(149_900, { style: "price" })).toBe("₹1,499");
    expect(formatInr(12_34_567_00, { style: "price" })).toBe("₹12,34,567");
    expect(formatInr(124_950, { style: "price" })).toBe("₹1,249.50");
    expect(formatInr(5, { style: "price" })).toBe("₹0.05");
    expect(formatInr(0, { style: "price" })).toBe("₹0");
    // Totals and amounts to pay stay exact.
    expect(formatInr(149_900, { style: "exact" })).toBe("₹1,499.00");
  });

  it("writes every negative amount one way: the minus sign (U+2212) right before the rupee sign", () => {
    expect(formatInr(-91_999)).toBe("\u2212₹919.99");
    expect(formatInr(-8_715)).toBe("\u2212₹87.15");
    expect(formatInr(-12_34_567_89)).toBe("\u2212₹12,34,567.89");
    expect(formatInr(-0)).toBe("₹0.00");
    // Files keep the number a spreadsheet reads.
    expect(paiseToRupeeString(-91_999)).toBe("-919.99");
  });

  it("writes Cashfree amounts with exactly two decimals", () => {
    expect(paiseToRupeeString(17_000)).toBe("170.00");
    expect(paiseToRupeeString(89_999)).toBe("899.99");
    expect(paiseToRupeeString(105)).toBe("1.05");
    expect(paiseToRupeeString(0)).toBe("0.00");
  });

  it("parses rupees into paise without floating point error", () => {
    expect(rupeesToPaise("170.00")).toBe(17_000);
    expect(rupeesToPaise(150.5)).toBe(15_050);
    expect(rupeesToPaise(1.1)).toBe(110);
    expect(rupeesToPaise(0.29)).toBe(29);
    expect(rupeesToPaise("899.99")).toBe(89_999);
  });

  it("refuses fractional paise and non-integers", () => {
    expect(() => rupeesToPaise("1.005")).toThrow(RangeError);
    expect(() => rupeesToPaise("abc")).toThrow(RangeError);
    expect(() => paiseToRupeeString(1.5)).toThrow(RangeError);
  });
});
