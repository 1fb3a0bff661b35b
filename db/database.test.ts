import { readFileSync } from "node:fs";
import path from "node:path";

import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "./client";
import { migrateDatabase } from "./migrate";
import { adjustStock, insertOrder, updateOrder } from "./queries/orders";
import { readDatabaseIdentity } from "./queries/database-identity";
import { storeWebhookEvent } from "./queries/webhooks";
import { APPEND_ONLY_TABLES } from "./roles";
import { orderEvents, orderItems, orders, outboxJobs, products, productVariants, webhookEvents } from "./schema";
import { seedCatalog } from "./seed";
import { seedProducts } from "./seed-data";
import { createTestDatabase, requirePostgres, type TestDatabase } from "./testing/databases";

const postgres = await requirePostgres();

const drivers: { driver: DatabaseDriver; real: boolean }[] = [
  { driver: "pglite", real: false },
  { driver: "pg", real: true },
  { driver: "neon", real: true },
];

describe.each(drivers)("database on $driver", ({ driver, real }) => {
  let database: TestDatabase;
  const MIGRATION_COUNT = (
    JSON.parse(readFileSync(path.join(import.meta.dirname, "migrations/meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;

  beforeAll(async () => {
    if (real && !postgres) return;
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.close());

  it.skipIf(real && !postgres)("applies migrations, and applying them again is a no-op", async () => {
    await migrateDatabase(database);
    const result = (await database.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(result.rows[0]?.n).toBe(MIGRATION_COUNT);
  });

  it.skipIf(real && !postgres)("seeds the catalog idempotently", async () => {
    const first = await seedCatalog(database.db);
    const second = await seedCatalog(database.db);
    expect(first.productsInserted).toBe(seedProducts.length);
    expect(second.productsInserted).toBe(0);
    const [row] = await database.db.select({ n: count() }).from(products);
    expect(row?.n).toBe(seedProducts.length);
    const soldOut = await database.db.select().from(productVariants).where(eq(productVariants.stock, 0));
    expect(soldOut.length).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(real && !postgres)("commits and rolls back transactions", async () => {
    const [variant] = await database.db.select().from(productVariants).limit(1);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(productVariants).set({ stock: 999 }).where(eq(productVariants.id, variant!.id));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const [unchanged] = await database.db.select().from(productVariants).where(eq(productVariants.id, variant!.id));
    expect(unchanged?.stock).toBe(variant!.stock);

    await database.db.transaction(async (tx) => {
      await tx
        .update(productVariants)
        .set({ stock: variant!.stock + 1 })
        .where(eq(productVariants.id, variant!.id));
    });
    const [changed] = await database.db.select().from(productVariants).where(eq(productVariants.id, variant!.id));
    expect(changed?.stock).toBe(variant!.stock + 1);
  });

  it.skipIf(real && !postgres)("refuses negative stock and inconsistent order totals", async () => {
    const [variant] = await database.db.select().from(productVariants).limit(1);
    await expect(
      database.db.update(productVariants).set({ stock: -1 }).where(eq(productVariants.id, variant!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.insert(orders).values({ ...orderFixture("ord_bad_total"), subtotalPaise: 1000, totalPaise: 999 }),
    ).rejects.toThrow();
  });

  it.skipIf(real && !postgres)("keeps the order timeline append-only", async () => {
    await database.db.insert(orders).values(orderFixture("ord_timeline"));
    const [event] = await database.db
      .insert(orderEvents)
      .values({ orderId: "ord_timeline", type: "created", source: "test" })
      .returning();
    await expect(
      database.db.update(orderEvents).set({ type: "edited" }).where(eq(orderEvents.id, event!.id)),
    ).rejects.toThrow();
    await expect(database.db.delete(orderEvents).where(eq(orderEvents.id, event!.id))).rejects.toThrow();
  });

  it.skipIf(real && !postgres)(
    "knows which database it is: the same one answers the same, a new one another",
    async () => {
      const identity = await readDatabaseIdentity(database.db);
      expect(await readDatabaseIdentity(database.db)).toBe(identity);
      // (Neon's WebSocket proxy setting is global: a second Neon database would take this one's connections along.)
      const recreated = await createTestDatabase(driver === "neon" ? "pg" : driver);
      try {
        expect(await readDatabaseIdentity(recreated.db)).not.toBe(identity);
      } finally {
        await recreated.close();
      }
    },
  );

  // TRUNCATE fires no row trigger: a statement trigger refuses it, even to the tables' owner (here a superuser).
  it.skipIf(real && !postgres)("refuses TRUNCATE on every append-only table, even to their owner", async () => {
    await database.db.insert(orders).values(orderFixture("ord_truncate"));
    await database.db.insert(orderEvents).values({ orderId: "ord_truncate", type: "created", source: "test" });
    for (const table of APPEND_ONLY_TABLES) {
      const error = await database.db.execute(sql`truncate ${sql.identifier(table)} cascade`).catch((e: unknown) => e);
      expect(error, `TRUNCATE ${table} went through`).toBeInstanceOf(Error);
      expect(String((error as Error).cause ?? error), table).toMatch(/append-only/);
    }
    const [left] = await database.db.select({ n: count() }).from(orderEvents);
    expect(left!.n).toBeGreaterThan(0);
  });

  // The hot paths write several tables in one statement (data-modifying CTEs, a prepared statement): every
  // driver must run them as PostgreSQL does.
  it.skipIf(real && !postgres)(
    "writes an order, its items and events in one statement, and updates it so",
    async () => {
      const [variant] = await database.db.select().from(productVariants).limit(1);
      const placed = await insertOrder(
        database.db,
        orderFixture("ord_one_statement"),
        [orderLine(variant!, 1)],
        [{ orderId: "ord_one_statement", type: "order_placed", source: "test" }],
      );
      expect(placed).toMatchObject({ id: "ord_one_statement", status: "pending" });
      await updateOrder(database.db, "ord_one_statement", { status: "awaiting_payment" }, [
        { orderId: "ord_one_statement", type: "status_awaiting_payment", source: "test" },
      ]);
      const [order] = await database.db.select().from(orders).where(eq(orders.id, "ord_one_statement"));
      expect(order!.status).toBe("awaiting_payment");
      const timeline = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, "ord_one_statement"));
      expect(timeline.map((e) => e.type)).toEqual(["order_placed", "status_awaiting_payment"]);
      const lines = await database.db.select().from(orderItems).where(eq(orderItems.orderId, "ord_one_statement"));
      expect(lines).toHaveLength(1);
    },
  );

  it.skipIf(real && !postgres)(
    "takes an order's stock in its insert, and changes several variants' stock in one statement",
    async () => {
      const [a, b] = await database.db
        .select()
        .from(productVariants)
        .where(sql`${productVariants.stock} >= 10`)
        .orderBy(productVariants.sku)
        .limit(2);
      const stockOf = async () =>
        Object.fromEntries(
          (await database.db.select().from(productVariants)).map((variant) => [variant.id, variant.stock]),
        );
      const before = await stockOf();
      await insertOrder(database.db, orderFixture("ord_takes_stock"), [orderLine(a!, 2), orderLine(b!, 3)], [], {
        takeStock: true,
      });
      const placed = await stockOf();
      expect(placed[a!.id]).toBe(before[a!.id]! - 2);
      expect(placed[b!.id]).toBe(before[b!.id]! - 3);
      // No other variant moved.
      for (const [id, stock] of Object.entries(before))
        if (id !== a!.id && id !== b!.id) expect(placed[id]).toBe(stock);

      // Each variant its own delta; one named twice gets the sum.
      await adjustStock(database.db, [
        { variantId: a!.id, delta: 2 },
        { variantId: b!.id, delta: 1 },
        { variantId: b!.id, delta: 2 },
      ]);
      expect(await stockOf()).toEqual(before);
    },
  );

  it.skipIf(real && !postgres)("stores a webhook event with its apply job once, in one statement", async () => {
    const event = {
      idempotencyKey: `idem-${driver}`,
      dedupeKey: `PAYMENT_SUCCESS_WEBHOOK:${driver}`,
      eventType: "PAYMENT_SUCCESS_WEBHOOK",
      webhookTimestamp: "1",
      signature: "s",
      rawBody: "{}",
      orderId: "KC-1",
    };
    const job = { kind: "apply_webhook", payload: { channel: "pg" }, dueInSeconds: 30 };
    const stored = await storeWebhookEvent(database.db, event, job);
    expect(stored?.eventId).toBeTruthy();
    // Again, by either key: nothing written.
    expect(await storeWebhookEvent(database.db, event, job)).toBeUndefined();
    expect(await storeWebhookEvent(database.db, { ...event, dedupeKey: "other" }, job)).toBeUndefined();
    const [row] = await database.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.key, `apply_webhook:${stored!.eventId}`));
    expect(row).toMatchObject({
      status: "pending",
      orderId: "KC-1",
      payload: { channel: "pg", eventId: stored!.eventId },
    });
    expect(row!.runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const events = await database.db.select().from(webhookEvents).where(eq(webhookEvents.orderId, "KC-1"));
    expect(events).toHaveLength(1);
  });
});

function orderLine(variant: typeof productVariants.$inferSelect, quantity: number) {
  return {
    productId: variant.productId,
    variantId: variant.id,
    sku: variant.sku,
    productName: "Tea",
    hsnCode: "0902",
    gstRateBps: 500,
    unitPricePaise: 10_000,
    quantity,
    lineTotalPaise: 10_000 * quantity,
  };
}

function orderFixture(id: string) {
  return {
    id,
    accessToken: `token_${id}`,
    subtotalPaise: 10_000,
    totalPaise: 10_000,
    customerName: "Asha Rao",
    customerEmail: "asha@example.com",
    customerPhone: "9876543210",
    shippingLine1: "12 MG Road",
    shippingCity: "Bengaluru",
    shippingState: "Karnataka",
    shippingPincode: "560001",
    expiresAt: new Date(Date.now() + 30 * 60_000),
  };
}
