import { describe, expect, it } from "vitest";

import { canChoose, combinations, variantFor, variantHref, variantName } from "./variants";

const coffee = [
  { optionValues: ["250 g", "Filter"], stock: 5, sku: "C-250-F" },
  { optionValues: ["250 g", "Espresso"], stock: 0, sku: "C-250-E" },
  { optionValues: ["500 g", "Filter"], stock: 2, sku: "C-500-F" },
  // 500 g espresso is not sold at all
];

describe("variants", () => {
  it("makes every combination, the first option varying slowest", () => {
    expect(
      combinations([
        { name: "Weight", values: ["250 g", "500 g"] },
        { name: "Grind", values: ["Filter", "Espresso"] },
      ]),
    ).toEqual([
      ["250 g", "Filter"],
      ["250 g", "Espresso"],
      ["500 g", "Filter"],
      ["500 g", "Espresso"],
    ]);
    expect(combinations([])).toEqual([[]]);
  });

  it("lets a value be chosen only when its combination with the other choices is in stock", () => {
    const chosen = ["250 g", "Filter"];
    expect(canChoose(coffee, chosen, 0, "500 g")).toBe(true);
    expect(canChoose(coffee, chosen, 1, "Espresso")).toBe(false); // sold out
    expect(canChoose(coffee, ["500 g", "Filter"], 1, "Espresso")).toBe(false); // not sold
    expect(variantFor(coffee, ["500 g", "Filter"])?.sku).toBe("C-500-F");
    expect(variantFor(coffee, ["500 g", "Espresso"])).toBeUndefined();
  });

  it("names a variant with its values, and links to its page with it chosen", () => {
    expect(variantName("Coorg Filter Coffee", ["250 g", "Filter"])).toBe("Coorg Filter Coffee, 250 g · Filter");
    expect(variantName("Brass Masala Dabba", [])).toBe("Brass Masala Dabba");
    expect(variantHref("coffee", { sku: "C-250 F", optionValues: ["250 g"] })).toBe(
      "/products/coffee?variant=C-250%20F",
    );
    expect(variantHref("dabba", { sku: "DABBA", optionValues: [] })).toBe("/products/dabba");
  });
});
