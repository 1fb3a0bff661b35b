import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "../client";
import { seedCatalog } from "../seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "../testing/databases";
import { listProducts } from "./products";

// Typo-tolerant search and the listing's filters, on each driver the shop runs on.
const postgres = await requirePostgres();
const drivers: DatabaseDriver[] = postgres ? ["pglite", "pg", "neon"] : ["pglite"];

describe.each(drivers)("catalog search and listings (%s)", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedCatalog(database.db);
  });
  afterAll(() => database?.close());

  const names = async (params: Parameters<typeof listProducts>[1]) =>
    (await listProducts(database.db, params)).rows.map((row) => row.name);

  it.each([
    ["masala chia", "Masala Chai Blend"],
    ["filtr cofee", "Coorg Filter Coffee"],
    ["darjeling", "Darjeeling First Flush Tea, 100 g"],
    ["KULHAD", "Terracotta Kulhad, set of 6"],
    ["bedsheet", "Block-Print Cotton Bedsheet"],
  ])("finds %j first: %s", async (search, expected) => {
    expect((await names({ search }))[0]).toBe(expected);
  });

  it("finds words in the description too, and nothing for gibberish", async () => {
    expect(await names({ search: "cardamom" })).toEqual(["Masala Chai Blend"]);
    expect(await names({ search: "zqxwv" })).toEqual([]);
  });

  it("takes search input as data, never as SQL or tsquery syntax", async () => {
    for (const search of ["'; drop table products; --", "chai & | ! ( :*", "%_\\"])
      await expect(listProducts(database.db, { search })).resolves.toBeDefined();
    expect((await listProducts(database.db, {})).total).toBe(14);
  });

  it("sorts by price both ways and filters by price, category and stock, counting all matches", async () => {
    const cheap = await listProducts(database.db, { sort: "price_asc", limit: 3 });
    expect(cheap.total).toBe(14);
    expect(cheap.rows.map((r) => r.pricePaise)).toEqual([...cheap.rows.map((r) => r.pricePaise)].sort((a, b) => a - b));
    const dear = await listProducts(database.db, { sort: "price_desc", limit: 1 });
    expect(dear.rows[0]!.pricePaise).toBe(
      Math.max(...(await listProducts(database.db, {})).rows.map((r) => r.pricePaise)),
    );
    const ranged = await listProducts(database.db, { minPricePaise: 30_000, maxPricePaise: 60_000 });
    expect(ranged.rows.every((r) => r.pricePaise >= 30_000 && r.pricePaise <= 60_000)).toBe(true);
    const tea = await listProducts(database.db, { category: "Tea & Coffee" });
    expect(tea.total).toBe(4);
    const inStock = await listProducts(database.db, { inStockOnly: true });
    expect(inStock.rows.every((r) => r.stock > 0)).toBe(true);
    expect(inStock.total).toBeLessThan(14);
    const page2 = await listProducts(database.db, { limit: 5, offset: 10 });
    expect(page2.rows).toHaveLength(4);
    expect(page2.total).toBe(14);
  });
});
