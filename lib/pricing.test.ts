import { describe, expect, it } from "vitest";

import { computeTotals, SHIPPING_FEE_PAISE } from "./pricing";

describe("computeTotals", () => {
  it("charges shipping below the free-shipping threshold", () => {
    expect(computeTotals([{ unitPricePaise: 34_900, quantity: 2 }])).toEqual({
      subtotalPaise: 69_800,
      shippingPaise: SHIPPING_FEE_PAISE,
      totalPaise: 69_800 + SHIPPING_FEE_PAISE,
    });
  });

  it("ships free from ₹999.00", () => {
    expect(computeTotals([{ unitPricePaise: 99_900, quantity: 1 }]).shippingPaise).toBe(0);
    expect(computeTotals([{ unitPricePaise: 99_899, quantity: 1 }]).shippingPaise).toBe(SHIPPING_FEE_PAISE);
  });

  it("adds paise exactly", () => {
    expect(computeTotals([{ unitPricePaise: 33_335, quantity: 3 }]).subtotalPaise).toBe(100_005);
  });

  it("is zero for an empty cart", () => {
    expect(computeTotals([]).totalPaise).toBe(0);
  });
});
