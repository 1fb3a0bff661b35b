import { describe, expect, it } from "vitest";

import { parseVariantRows, productDetailsForm } from "./product-schemas";

const PRODUCT_ID = "00000000-0000-4000-8000-000000000001";
const VARIANT_ID = "00000000-0000-4000-8000-000000000002";

/** The details form of a product sold as one item, filled in as the seeded dabba is. */
function detailsForm(fields: Record<string, string | null> = {}) {
  const values: Record<string, string | null> = {
    id: PRODUCT_ID,
    name: "Brass Masala Dabba",
    slug: "brass-masala-dabba",
    description: "A hand-polished brass spice box with seven katoris.",
    category: "Kitchen",
    hsnCode: "7418",
    gstRate: "500",
    prepackaged: "on",
    genericName: "Brass spice box with seven bowls and lid",
    countryOfOrigin: "India",
    makerRole: "manufacturer",
    makerName: "Moradabad Metal Crafts",
    makerAddress: "Plot 14, Lakri Fazalpur Industrial Area, Moradabad, Uttar Pradesh 244001",
    sku: "BRASS-MASALA-DABBA",
    price: "1499",
    mrp: "1999",
    netQuantity: "1",
    netQuantityUnit: "N",
    ...fields,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== null) form.set(key, value);
  return form;
}

const errorsOf = (form: FormData) => {
  const result = productDetailsForm.safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.at(-1), issue.message]));
};

describe("the product details form", () => {
  it("takes a complete pre-packaged product, its pack in paise and its net quantity", () => {
    const parsed = productDetailsForm.parse(detailsForm());
    expect(parsed.pack).toEqual({
      sku: "BRASS-MASALA-DABBA",
      price: 149_900,
      mrp: 199_900,
      netQuantity: 1,
      netQuantityUnit: "N",
    });
    expect(parsed.declarations).toMatchObject({ prepackaged: true, food: false, makerRole: "manufacturer" });
  });

  it("refuses a price above the MRP, beside the MRP field, naming the rule", () => {
    expect(errorsOf(detailsForm({ price: "2100", mrp: "1999" }))).toEqual({
      mrp: "The price cannot be above the MRP of ₹1,999.00: it is the maximum retail price, inclusive of all taxes (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
    });
    expect(errorsOf(detailsForm({ price: "1999", mrp: "1999" }))).toEqual({});
  });

  it("requires the declarations of a pre-packaged product, and of food its best-before period", () => {
    const bare = { genericName: "", makerName: "", mrp: "", netQuantity: "" };
    expect(Object.keys(errorsOf(detailsForm(bare)))).toEqual(["genericName", "makerName", "mrp", "netQuantity"]);
    expect(errorsOf(detailsForm({ food: "on" }))).toEqual({
      bestBefore:
        "Food declares its best-before or use-by period (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
    });
    expect(errorsOf(detailsForm({ food: "on", bestBefore: "12 months from packing" }))).toEqual({});
  });

  it("requires nothing of a product not sold pre-packaged, but still no price above its MRP", () => {
    const loose = { prepackaged: null, genericName: "", makerRole: "", makerName: "", makerAddress: "", mrp: "" };
    expect(errorsOf(detailsForm({ ...loose, netQuantity: "" }))).toEqual({});
    expect(Object.keys(errorsOf(detailsForm({ ...loose, mrp: "100" })))).toEqual(["mrp"]);
  });

  it("says what is wrong with a mistyped MRP or net quantity", () => {
    expect(errorsOf(detailsForm({ mrp: "1,999.999", netQuantity: "250g" }))).toEqual({
      mrp: "An amount has at most two decimals (paise), e.g. 499 or 499.50.",
      netQuantity: "Enter the net quantity as a number, e.g. 250 or 1.5.",
    });
    // Indian digit grouping is how merchants write prices.
    expect(productDetailsForm.parse(detailsForm({ mrp: "₹1,999" })).pack?.mrp).toBe(199_900);
    expect(errorsOf(detailsForm({ netQuantityUnit: "oz" }))).toEqual({
      netQuantityUnit: "Choose a unit: g, kg, mg, ml, L, cm, m or N.",
    });
  });

  it("leaves out the pack of a product sold in variants (they have their own form)", () => {
    expect(productDetailsForm.parse(detailsForm({ price: null, mrp: null, sku: null })).pack).toBeNull();
  });
});

describe("the variants form", () => {
  const row = (fields: Record<string, string> = {}) => ({
    variantId: VARIANT_ID,
    sku: "COORG-250-FLT",
    price: "389",
    mrp: "449",
    netQuantity: "250",
    netQuantityUnit: "g",
    imageId: "",
    ...fields,
  });

  it("takes each row's pack", () => {
    expect(parseVariantRows([row()], true)).toEqual({
      rows: [
        {
          variantId: VARIANT_ID,
          sku: "COORG-250-FLT",
          price: 38_900,
          mrp: 44_900,
          netQuantity: 250,
          netQuantityUnit: "g",
          imageId: null,
        },
      ],
    });
  });

  it("names a refused field by its row, so each row shows its own message", () => {
    const outcome = parseVariantRows([row({ price: "500" }), row({ variantId: PRODUCT_ID, netQuantity: "" })], true);
    expect(outcome).toEqual({
      error:
        "The price cannot be above the MRP of ₹449.00: it is the maximum retail price, inclusive of all taxes (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
      fieldErrors: {
        [`${VARIANT_ID}.mrp`]: expect.stringContaining("cannot be above the MRP"),
        [`${PRODUCT_ID}.netQuantity`]:
          "Give the net quantity, e.g. 250 g or 1 N (Legal Metrology (Packaged Commodities) Rules, rule 6(1)).",
      },
    });
    expect(parseVariantRows([row({ netQuantity: "", mrp: "" })], false)).toMatchObject({ rows: [{ mrp: null }] });
  });
});
