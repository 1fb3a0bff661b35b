import { describe, expect, it } from "vitest";

import { MAX_AMOUNT_PAISE, orderIdSchema, rupeeAmount } from "./schemas";

const amount = rupeeAmount({ label: "link", example: "1499 or 1499.50" });

describe("shared input schemas", () => {
  it("reads rupees as integer paise", () => {
    expect(amount.parse("1499.50")).toBe(149_950);
    expect(amount.parse(" 1 ")).toBe(100);
    expect(amount.parse("1000000")).toBe(MAX_AMOUNT_PAISE);
  });

  // Defect 8 of the review: a payment link of 10^20 rupees reached the database before failing.
  it.each(["100000000000000000000", "1000000.01", "99999999999"])(
    "refuses %s rupees with a sentence, before any database",
    (input) => {
      const result = amount.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("The largest link is ₹10,00,000.00.");
    },
  );

  it.each(["0.99", "-5", "12.345", "1e5", ""])("refuses %j", (input) => {
    expect(amount.safeParse(input).success).toBe(false);
  });

  // Issue 28, item 6: "1,250" was refused; amounts are typed as Indians write them.
  it.each([
    ["1,250", 125_000],
    ["1,25,000", 12_500_000],
    ["₹1,250.50", 125_050],
    ["Rs. 1,250/-", 125_000],
    ["125,000", 12_500_000],
  ])("reads %j as %i paise", (input, paise) => {
    expect(amount.parse(input)).toBe(paise);
  });

  it.each([
    ["1,2,50", "Commas go between groups of digits, e.g. 1,250 or 1,25,000."],
    ["12.345", "An amount has at most two decimals (paise), e.g. 1499 or 1499.50."],
    ["abc", "Enter the amount in rupees, using digits, e.g. 1499 or 1499.50."],
    ["0.99", "The smallest link is ₹1.00."],
  ])("refuses %j saying why", (input, message) => {
    expect(amount.safeParse(input).error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it("accepts order ids within Cashfree's rules only", () => {
    expect(orderIdSchema.safeParse("KC-261122-7QH3M2XA").success).toBe(true);
    for (const bad of ["KC", "a".repeat(46), "KC 1", "'; drop table orders; --"])
      expect(orderIdSchema.safeParse(bad).success).toBe(false);
  });
});
