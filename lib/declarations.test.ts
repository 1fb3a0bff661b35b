import { describe, expect, it } from "vitest";

import {
  formatNetQuantity,
  formatUnitSalePrice,
  missingDeclarations,
  percentOff,
  productDeclarationIssues,
  type ProductDeclarations,
  unitSalePrice,
  variantPackIssues,
} from "./declarations";

const declared: ProductDeclarations = {
  prepackaged: true,
  food: true,
  genericName: "Roasted coffee with chicory (80:20)",
  countryOfOrigin: "India",
  makerRole: "manufacturer",
  makerName: "Kodagu Coffee Curing Works",
  makerAddress: "KIADB Industrial Area, Kushalnagar, Kodagu, Karnataka 571234",
  bestBefore: "6 months from the date of packing",
};

describe("unit sale price (Legal Metrology rule 6(11))", () => {
  it("is per g below 1 kg and per kg above it, rounded to the paisa", () => {
    expect(formatUnitSalePrice(44_900, { value: 250, unit: "g" })).toBe("₹1.80 per g");
    expect(formatUnitSalePrice(38_900, { value: 250, unit: "g" })).toBe("₹1.56 per g");
    expect(formatUnitSalePrice(150_000, { value: 1.5, unit: "kg" })).toBe("₹1,000.00 per kg");
    expect(formatUnitSalePrice(90_000, { value: 1500, unit: "g" })).toBe("₹600.00 per kg");
  });

  it("is per ml or L, per cm or m, and per unit for goods sold by number", () => {
    expect(formatUnitSalePrice(50_000, { value: 500, unit: "ml" })).toBe("₹1.00 per ml");
    expect(formatUnitSalePrice(30_000, { value: 2, unit: "L" })).toBe("₹150.00 per L");
    expect(formatUnitSalePrice(25_000, { value: 2.5, unit: "m" })).toBe("₹100.00 per m");
    expect(formatUnitSalePrice(39_900, { value: 6, unit: "N" })).toBe("₹66.50 per unit");
  });

  it("is not declared where it equals the retail sale price: one piece, exactly 1 kg or 1 L", () => {
    expect(unitSalePrice(149_900, { value: 1, unit: "N" })).toBeNull();
    expect(unitSalePrice(149_900, { value: 1, unit: "kg" })).toBeNull();
    expect(unitSalePrice(149_900, { value: 1000, unit: "g" })).toBeNull();
    expect(unitSalePrice(149_900, { value: 1, unit: "L" })).toBeNull();
  });
});

describe("net quantity and MRP", () => {
  it("formats a net quantity in its declared unit", () => {
    expect(formatNetQuantity({ value: 250, unit: "g" })).toBe("250 g");
    expect(formatNetQuantity({ value: 1.5, unit: "L" })).toBe("1.5 L");
    expect(formatNetQuantity({ value: 6, unit: "N" })).toBe("6 N");
  });

  it("states the discount in whole percent, never overstated", () => {
    expect(percentOff(44_900, 49_900)).toBe(10);
    expect(percentOff(38_900, 44_900)).toBe(13);
    expect(percentOff(49_900, 49_900)).toBe(0);
  });

  it("refuses a price above the MRP, pre-packaged or not, naming the rule", () => {
    const pack = { pricePaise: 50_000, mrpPaise: 49_900, netQuantity: { value: 250, unit: "g" as const } };
    for (const prepackaged of [true, false])
      expect(variantPackIssues(pack, prepackaged)).toEqual([
        {
          path: "mrp",
          message:
            "The price cannot be above the MRP of ₹499.00: it is the maximum retail price, inclusive of all taxes (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
        },
      ]);
    expect(variantPackIssues({ ...pack, pricePaise: 49_900 }, true)).toEqual([]);
  });

  it("asks a pre-packaged product's pack for its MRP and net quantity; a loose one for neither", () => {
    const bare = { pricePaise: 49_900, mrpPaise: null, netQuantity: null };
    expect(variantPackIssues(bare, true).map((issue) => [issue.path, issue.message])).toEqual([
      ["mrp", "Give the MRP, inclusive of all taxes (Legal Metrology (Packaged Commodities) Rules, rule 6(1))."],
      [
        "netQuantity",
        "Give the net quantity, e.g. 250 g or 1 N (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
      ],
    ]);
    expect(variantPackIssues(bare, false)).toEqual([]);
  });
});

describe("a product's declarations", () => {
  it("are complete for the seeded coffee", () => {
    expect(productDeclarationIssues(declared)).toEqual([]);
  });

  it("require the generic name, origin and maker of a pre-packaged product, each message naming its rule", () => {
    const bare = {
      ...declared,
      genericName: null,
      countryOfOrigin: null,
      makerRole: null,
      makerName: null,
      makerAddress: null,
    };
    const issues = productDeclarationIssues(bare);
    expect(issues.map((issue) => issue.path)).toEqual([
      "genericName",
      "countryOfOrigin",
      "makerRole",
      "makerName",
      "makerAddress",
    ]);
    expect(issues.find((issue) => issue.path === "countryOfOrigin")!.message).toBe(
      "Give the country of origin (Consumer Protection (E-Commerce) Rules 2020, rule 7; Legal Metrology (Packaged Commodities) Rules, rule 6(1) for imports).",
    );
    for (const issue of issues) expect(issue.message).toMatch(/Rules.*rule \d/);
  });

  it("require a best-before period for food only", () => {
    expect(productDeclarationIssues({ ...declared, bestBefore: null }).map((issue) => issue.message)).toEqual([
      "Food declares its best-before or use-by period (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
    ]);
    expect(productDeclarationIssues({ ...declared, food: false, bestBefore: null })).toEqual([]);
  });

  it("name the importer of an imported product", () => {
    expect(productDeclarationIssues({ ...declared, countryOfOrigin: "Sri Lanka" })).toEqual([
      {
        path: "makerRole",
        message:
          "An imported product declares its importer's name and address (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
      },
    ]);
    expect(productDeclarationIssues({ ...declared, countryOfOrigin: "Sri Lanka", makerRole: "importer" })).toEqual([]);
  });

  it("ask nothing of a product that is not pre-packaged", () => {
    const loose = { ...declared, prepackaged: false, genericName: null, makerName: null, bestBefore: null };
    expect(productDeclarationIssues(loose)).toEqual([]);
  });

  it("list what a product migrated from before the declarations lacks, for the admin's warning", () => {
    const migrated = {
      ...declared,
      food: false,
      genericName: null,
      countryOfOrigin: null,
      makerRole: null,
      makerName: null,
      makerAddress: null,
      bestBefore: null,
    };
    expect(missingDeclarations(migrated, [{ pricePaise: 100, mrpPaise: null, netQuantity: null }])).toEqual([
      "generic name",
      "country of origin",
      "maker",
      "maker's address",
      "MRP",
      "net quantity",
    ]);
    expect(
      missingDeclarations(declared, [{ pricePaise: 100, mrpPaise: 100, netQuantity: { value: 1, unit: "N" } }]),
    ).toEqual([]);
  });
});
