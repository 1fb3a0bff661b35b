import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database, DatabaseDriver } from "./client";
import { products } from "./schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "./testing/databases";

// Row locks only mean something with real concurrent connections: PGlite is one connection behind a mutex.
const postgres = await requirePostgres();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function insertProduct(db: Database, slug: string, stock: number) {
  const [row] = await db
    .insert(products)
    .values({
      slug,
      name: slug,
      description: "x",
      category: "Test",
      pricePaise: 10_000,
      hsnCode: "0902",
      imagePath: "/x.svg",
      stock,
    })
    .returning({ id: products.id });
  return row!.id;
}

/** Reserves one unit under a row lock, holding the lock a while to widen any race window. */
async function buyOne(db: Database, productId: string, holdMs: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, productId))
      .for("update");
    await sleep(holdMs);
    if (!row || row.stock < 1) return false;
    await tx
      .update(products)
      .set({ stock: row.stock - 1 })
      .where(eq(products.id, productId));
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
    const first = database.db.transaction(async (tx) => {
      await tx.select().from(products).where(eq(products.id, productId)).for("update");
      timeline.push("first locked");
      await sleep(300);
      await tx.update(products).set({ stock: 0 }).where(eq(products.id, productId));
      timeline.push("first commits");
    });
    await sleep(50);
    const second = database.db.transaction(async (tx) => {
      const [row] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
      timeline.push(`second sees stock ${row?.stock}`);
    });
    await Promise.all([first, second]);
    expect(timeline).toEqual(["first locked", "first commits", "second sees stock 0"]);
  });

  it.skipIf(!postgres)("refuses at once with NOWAIT while another connection holds the lock", async () => {
    const productId = await insertProduct(database.db, `lock-nowait-${driver}`, 1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.select().from(products).where(eq(products.id, productId)).for("update");
      await held;
    });
    await sleep(50);
    const attempt = database.db.transaction(async (tx) =>
      tx.select().from(products).where(eq(products.id, productId)).for("update", { noWait: true }),
    );
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: "55P03" }) });
    release();
    await holder;
  });

  it.skipIf(!postgres)("sells exactly the stock to 10 concurrent buyers of 5 units", async () => {
    const productId = await insertProduct(database.db, `oversell-${driver}`, 5);
    const results = await Promise.all(Array.from({ length: 10 }, () => buyOne(database.db, productId, 20)));
    expect(results.filter(Boolean)).toHaveLength(5);
    const [row] = await database.db.select({ stock: products.stock }).from(products).where(eq(products.id, productId));
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
