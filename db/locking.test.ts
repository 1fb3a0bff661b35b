import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database, DatabaseDriver } from "./client";
import { products, productVariants } from "./schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "./testing/databases";

// Row locks only mean something with real concurrent connections: PGlite is one connection behind a mutex.
const postgres = await requirePostgres();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A product sold as one variant with `stock` units; answers the variant's id (stock is locked there). */
async function insertProduct(db: Database, slug: string, stock: number) {
  const [product] = await db
    .insert(products)
    .values({ slug, name: slug, description: "x", category: "Test", hsnCode: "0902", imagePath: "/x.svg" })
    .returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values({ productId: product!.id, sku: slug.toUpperCase(), pricePaise: 10_000, stock })
    .returning({ id: productVariants.id });
  return variant!.id;
}

/** Reserves one unit under a row lock, holding the lock a while to widen any race window. */
async function buyOne(db: Database, productId: string, holdMs: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, productId))
      .for("update");
    await sleep(holdMs);
    if (!row || row.stock < 1) return false;
    await tx
      .update(productVariants)
      .set({ stock: row.stock - 1 })
      .where(eq(productVariants.id, productId));
    return true;
  });
}

describe.each<DatabaseDriver>(["pg", "neon"])("SELECT … FOR UPDATE on real PostgreSQL via %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    if (postgres) database = await createTestDatabase(driver, { poolSize: 12 });
  });
  afterAll(async () => database?.close());

  it.skipIf(!postgres)("makes a second locker wait for the first to commit, then see its write", async () => {
    const productId = await insertProduct(database.db, `lock-wait-${driver}`, 1);
    const timeline: string[] = [];
    // The second starts once the first holds the lock, not after a guessed delay: on a loaded machine the first
    // can take longer than any fixed sleep to get it.
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = database.db.transaction(async (tx) => {
      await tx.select().from(productVariants).where(eq(productVariants.id, productId)).for("update");
      timeline.push("first locked");
      firstLocked();
      await sleep(300);
      await tx.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, productId));
      timeline.push("first commits");
    });
    await locked;
    const second = database.db.transaction(async (tx) => {
      const [row] = await tx.select().from(productVariants).where(eq(productVariants.id, productId)).for("update");
      timeline.push(`second sees stock ${row?.stock}`);
    });
    await Promise.all([first, second]);
    expect(timeline).toEqual(["first locked", "first commits", "second sees stock 0"]);
  });

  it.skipIf(!postgres)("refuses at once with NOWAIT while another connection holds the lock", async () => {
    const productId = await insertProduct(database.db, `lock-nowait-${driver}`, 1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const locked = new Promise<void>((resolve) => (holding = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.select().from(productVariants).where(eq(productVariants.id, productId)).for("update");
      holding();
      await held;
    });
    await locked;
    const attempt = database.db.transaction(async (tx) =>
      tx.select().from(productVariants).where(eq(productVariants.id, productId)).for("update", { noWait: true }),
    );
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: "55P03" }) });
    release();
    await holder;
  });

  it.skipIf(!postgres)("sells exactly the stock to 10 concurrent buyers of 5 units", async () => {
    const productId = await insertProduct(database.db, `oversell-${driver}`, 5);
    const results = await Promise.all(Array.from({ length: 10 }, () => buyOne(database.db, productId, 20)));
    expect(results.filter(Boolean)).toHaveLength(5);
    const [row] = await database.db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, productId));
    expect(row?.stock).toBe(0);
    const [{ n } = { n: -1 }] = (
      (await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(n).toBeGreaterThan(1); // the buyers really ran on several connections
  });
});
