import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/db";
import { listVariants } from "@/db/queries/products";
import { productImages, products, productVariants } from "@/db/schema";
import type { Admin } from "@/lib/auth/admins";
import { soleVariant } from "@/lib/testing/catalog";

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

let db: Database;
let variants: typeof import("./variants");
type VariantInput = import("./variants").VariantInput;
const owner = { email: "owner@example.com" } as Admin;

async function productId(slug: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
  return row!.id;
}

const live = async (id: string) => listVariants(db, id, { onSaleOnly: true });

describe("options and variants (admin)", () => {
  beforeAll(async () => {
    db = await (await import("@/db")).getDb(); // opens, migrates and seeds the in-memory database
    variants = await import("./variants");
  });

  it("keeps a product's one variant, stock and all, as its first combination and adds the rest empty", async () => {
    const before = await soleVariant(db, "darjeeling-first-flush");
    const id = before.productId;
    expect(await variants.setProductOptions(id, [{ name: "Weight", values: ["100 g", "250 g", "500 g"] }])).toEqual({
      created: 2,
      archived: 0,
      restored: 0,
    });
    const rows = await live(id);
    expect(rows.map((v) => [v.optionValues, v.sku, v.pricePaise, v.stock])).toEqual([
      [["100 g"], before.sku, before.pricePaise, before.stock],
      [["250 g"], "DARJEELING-FIRST-FLUSH-250G", before.pricePaise, 0],
      [["500 g"], "DARJEELING-FIRST-FLUSH-500G", before.pricePaise, 0],
    ]);
    expect(rows[0]!.id).toBe(before.id);
  });

  it("stops selling a removed value's variants and sells them again, with their stock, when it returns", async () => {
    const id = await productId("darjeeling-first-flush");
    const big = (await live(id)).find((v) => v.optionValues[0] === "500 g")!;
    expect(await variants.adjustStocks(owner, id, [{ variantId: big.id, delta: 4 }], "Delivery")).toEqual({
      stock: { [big.sku]: 4 },
    });
    expect(await variants.setProductOptions(id, [{ name: "Weight", values: ["100 g", "250 g"] }])).toEqual({
      created: 0,
      archived: 1,
      restored: 0,
    });
    expect((await live(id)).map((v) => v.optionValues[0])).toEqual(["100 g", "250 g"]);
    expect(await variants.setProductOptions(id, [{ name: "Weight", values: ["500 g", "100 g", "250 g"] }])).toEqual({
      created: 0,
      archived: 0,
      restored: 1,
    });
    const again = await live(id);
    expect(again.map((v) => v.optionValues[0])).toEqual(["500 g", "100 g", "250 g"]);
    expect(again[0]).toMatchObject({ id: big.id, stock: 4 });
  });

  it("refuses a taken SKU and another product's photo, and never stops the last variant on sale", async () => {
    const id = await productId("darjeeling-first-flush");
    const [first] = await live(id);
    const dabba = await soleVariant(db, "brass-masala-dabba");
    const save = (fields: Partial<VariantInput>) =>
      variants.saveVariants(id, [{ variantId: first!.id, sku: "DJ-500", pricePaise: 100, imageId: null, ...fields }]);
    expect(await save({ sku: dabba.sku })).toEqual({ error: `Another variant already uses the SKU ${dabba.sku}.` });
    const [dabbaPhoto] = await db.select().from(productImages).where(eq(productImages.productId, dabba.productId));
    expect(await save({ imageId: dabbaPhoto!.id })).toEqual({ error: "Choose one of this product's photos." });
    expect(await variants.setVariantOnSale(dabba.id, false)).toEqual({
      error: "This is the last variant on sale: archive the product instead.",
    });
    expect(await save({ pricePaise: 129_900, mrpPaise: 149_900, netQuantity: { value: 500, unit: "g" } })).toEqual({
      slug: "darjeeling-first-flush",
      changed: 1,
    });
    expect((await live(id))[0]).toMatchObject({
      sku: "DJ-500",
      pricePaise: 129_900,
      mrpPaise: 149_900,
      netQuantity: 500,
      netQuantityUnit: "g",
    });
    expect(await save({ pricePaise: 129_900, mrpPaise: 149_900, netQuantity: { value: 500, unit: "g" } })).toEqual({
      slug: "darjeeling-first-flush",
      changed: 0,
    });
  });

  it("never takes a variant's stock below zero, and a refused change keeps none of the form's changes", async () => {
    const coffee = await productId("coorg-filter-coffee");
    const [first, second] = await live(coffee);
    const refused = await variants.adjustStocks(
      owner,
      coffee,
      [
        { variantId: first!.id, delta: 5 },
        { variantId: second!.id, delta: -(second!.stock + 1) },
      ],
      "Miscount",
    );
    expect(refused).toEqual({ error: `${second!.sku} has ${second!.stock} in stock: it cannot go below zero.` });
    expect((await live(coffee)).slice(0, 2).map((v) => v.stock)).toEqual([first!.stock, second!.stock]);
  });

  it("the database itself refuses an MRP below the price, and half a net quantity", async () => {
    const dabba = await soleVariant(db, "brass-masala-dabba");
    const set = (values: Partial<typeof productVariants.$inferInsert>) =>
      db.update(productVariants).set(values).where(eq(productVariants.id, dabba.id));
    await expect(set({ mrpPaise: dabba.pricePaise - 1 })).rejects.toThrow();
    await expect(set({ netQuantity: 250, netQuantityUnit: null })).rejects.toThrow();
    await expect(set({ netQuantity: 1, netQuantityUnit: "oz" })).rejects.toThrow();
    await set({ mrpPaise: dabba.pricePaise });
  });

  it("refuses a variant of another product in the stock form", async () => {
    const dabba = await soleVariant(db, "brass-masala-dabba");
    const coffee = await productId("coorg-filter-coffee");
    expect(await variants.adjustStocks(owner, coffee, [{ variantId: dabba.id, delta: 1 }], "Delivery")).toEqual({
      error: "That variant is gone: reload the page.",
    });
  });
});
