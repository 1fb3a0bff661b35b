import { describe, expect, it } from "vitest";

import type { ProductDetail, VariantView } from "./products";
import { productStructuredData } from "./structured-data";

const variant = (fields: Partial<VariantView>): VariantView => ({
  id: "v1",
  sku: "COORG-250-FLT",
  title: "250 g · Filter",
  optionValues: ["250 g", "Filter"],
  pricePaise: 38_900,
  mrpPaise: 44_900,
  netQuantity: { value: 250, unit: "g" },
  stock: 75,
  stockLevel: "in_stock",
  imagePath: null,
  ...fields,
});

const coffee: ProductDetail = {
  id: "p1",
  slug: "coorg-filter-coffee",
  name: "Coorg Filter Coffee",
  category: "Tea & Coffee",
  description: "Medium roast with 20% chicory.",
  pricePaise: 38_900,
  priceVaries: true,
  imagePath: "/products/coorg-filter-coffee.svg",
  stockLevel: "in_stock",
  stock: 105,
  images: [{ path: "/products/coorg-filter-coffee.svg", alt: "Coorg Filter Coffee" }],
  options: [{ name: "Weight", values: ["250 g", "500 g"] }],
  variants: [
    variant({}),
    variant({
      id: "v2",
      sku: "COORG-500-FLT",
      title: "500 g · Filter",
      pricePaise: 72_900,
      mrpPaise: 84_900,
      netQuantity: { value: 500, unit: "g" },
    }),
  ],
  declarations: {
    prepackaged: true,
    food: true,
    genericName: "Roasted coffee with chicory (80:20)",
    countryOfOrigin: "India",
    makerRole: "manufacturer",
    makerName: "Kodagu Coffee Curing Works",
    makerAddress: "KIADB Industrial Area, Kushalnagar, Kodagu, Karnataka 571234",
    bestBefore: "6 months from the date of packing",
  },
};

const APP = "https://shop.example";

describe("Product JSON-LD", () => {
  it("declares the country of origin and the manufacturer with their address", () => {
    const { product } = productStructuredData(coffee, APP, "/categories/tea-and-coffee");
    expect(product.countryOfOrigin).toEqual({ "@type": "Country", name: "India" });
    expect(product.manufacturer).toEqual({
      "@type": "Organization",
      name: "Kodagu Coffee Curing Works",
      address: {
        "@type": "PostalAddress",
        streetAddress: "KIADB Industrial Area, Kushalnagar, Kodagu, Karnataka 571234",
      },
    });
  });

  it("gives each offer its price for its pack and its MRP as the list price", () => {
    const { product } = productStructuredData(coffee, APP, "/categories/tea-and-coffee");
    expect(product.offers[1]).toMatchObject({
      sku: "COORG-500-FLT",
      price: "729.00",
      priceCurrency: "INR",
      priceSpecification: [
        {
          "@type": "UnitPriceSpecification",
          price: "729.00",
          priceCurrency: "INR",
          referenceQuantity: { "@type": "QuantitativeValue", value: 500, unitCode: "GRM" },
        },
        {
          "@type": "UnitPriceSpecification",
          priceType: "https://schema.org/ListPrice",
          price: "849.00",
          priceCurrency: "INR",
        },
      ],
    });
    // Packs differ: no one weight for the product.
    expect(product).not.toHaveProperty("weight");
  });

  it("gives a product sold as one pack its weight; a packer is not named as the manufacturer", () => {
    const tea: ProductDetail = {
      ...coffee,
      variants: [variant({ sku: "DARJEELING-FIRST-FLUSH", title: "", netQuantity: { value: 100, unit: "g" } })],
      declarations: { ...coffee.declarations, makerRole: "packer", makerName: "Kurseong Tea Packers" },
    };
    const { product } = productStructuredData(tea, APP, "/categories/tea-and-coffee");
    expect(product.weight).toEqual({ "@type": "QuantitativeValue", value: 100, unitCode: "GRM" });
    expect(product).not.toHaveProperty("manufacturer");
    expect(product.countryOfOrigin).toEqual({ "@type": "Country", name: "India" });
  });

  it("leaves out what a product from before the declarations has not declared", () => {
    const bare: ProductDetail = {
      ...coffee,
      variants: [variant({ mrpPaise: null, netQuantity: null })],
      declarations: { ...coffee.declarations, countryOfOrigin: null, makerRole: null, makerName: null },
    };
    const { product } = productStructuredData(bare, APP, "/categories/tea-and-coffee");
    expect(product).not.toHaveProperty("countryOfOrigin");
    expect(product).not.toHaveProperty("manufacturer");
    expect(product.offers[0]).not.toHaveProperty("priceSpecification");
  });
});
