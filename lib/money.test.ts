import { describe, expect, it } from "vitest";

import { formatInr, paiseToRupeeString, parseRupeeInput, rupeesToPaise } from "./money";

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

  it.each([
    ["1250", 125_000],
    ["1,250", 125_000],
    ["1,25,000", 12_500_000],
    ["12,34,567.89", 123_456_789],
    ["₹1,250.50", 125_050],
    ["₹ 1,250.5", 125_050],
    ["Rs. 1,250/-", 125_000],
    ["rs 99", 9_900],
    ["INR 1,250", 125_000],
    ["125,000", 12_500_000],
    ["1,250,000.75", 125_000_075],
    [" 0.29 ", 29],
    ["007", 700],
  ])("reads a typed amount %j as %i paise", (text, paise) => {
    expect(parseRupeeInput(text)).toEqual({ ok: true, paise });
  });

  it.each([
    ["1,2,50", "Commas go between groups of digits, e.g. 1,250 or 1,25,000"],
    ["1,25,0000", "Commas go between groups of digits, e.g. 1,250 or 1,25,000"],
    [",250", "Commas go between groups of digits, e.g. 1,250 or 1,25,000"],
    ["1250.505", "An amount has at most two decimals (paise), e.g. 1,250 or 1,250.50"],
    ["-5", "Enter the amount in rupees, using digits, e.g. 1,250 or 1,250.50"],
    ["1e5", "Enter the amount in rupees, using digits, e.g. 1,250 or 1,250.50"],
    ["$5", "Enter the amount in rupees, using digits, e.g. 1,250 or 1,250.50"],
    ["", "Enter the amount in rupees, using digits, e.g. 1,250 or 1,250.50"],
  ])("refuses %j saying which rule it broke", (text, error) => {
    expect(parseRupeeInput(text)).toEqual({ ok: false, error });
  });
});
