import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseDriver } from "./client";
import { migrateDatabase } from "./migrate";
import { createTestDatabase, migrationsUpTo, requirePostgres, type TestDatabase } from "./testing/databases";

const postgres = await requirePostgres();

type Rows<T> = { rows: T[] };

/**
 * Migrations 0012–0013 turn every product into its one variant. A shop's data as the release before left it (a
 * product with price and stock, a cart line, an order item, a stock adjustment) must come through whole.
 */
describe.each<{ driver: DatabaseDriver; real: boolean }>([
  { driver: "pglite", real: false },
  { driver: "pg", real: true },
])("product variants migration on $driver", ({ driver, real }) => {
  let database: TestDatabase;
  const productId = "8f0c1f7e-5d7a-4b59-9a55-0f6a8d7e1c01";

  beforeAll(async () => {
    if (real && !postgres) return;
    database = await createTestDatabase(driver, { migrationsFolder: migrationsUpTo("0011_product_images") });
    await database.db.execute(sql`
      insert into products (id, slug, name, description, category, price_paise, hsn_code, gst_rate_bps, image_path, stock)
      values (${productId}, 'old-tea', 'Old Tea, 100 g', 'A tea from before variants.', 'Tea', 45000, '0902', 500, '/x.svg', 7)`);
    await database.db.execute(sql`insert into carts (id) values ('0b6b1c55-3f1e-4a52-8a45-1f2a3b4c5d6e')`);
    await database.db.execute(
      sql`insert into cart_items (cart_id, product_id, quantity) values ('0b6b1c55-3f1e-4a52-8a45-1f2a3b4c5d6e', ${productId}, 2)`,
    );
    await database.db.execute(sql`
      insert into orders (id, access_token, status, subtotal_paise, total_paise, customer_name, customer_email,
        customer_phone, shipping_line1, shipping_city, shipping_state, shipping_pincode, expires_at)
      values ('KC-OLD-1', 't', 'paid', 45000, 45000, 'Asha Rao', 'asha@example.com', '9876543210', '12 MG Road',
        'Bengaluru', 'Karnataka', '560001', now())`);
    await database.db.execute(sql`
      insert into order_items (order_id, product_id, product_name, hsn_code, gst_rate_bps, unit_price_paise, quantity, line_total_paise)
      values ('KC-OLD-1', ${productId}, 'Old Tea, 100 g', '0902', 500, 45000, 1, 45000)`);
    await database.db.execute(
      sql`insert into stock_adjustments (product_id, delta, reason, actor) values (${productId}, 7, 'First delivery', 'owner@example.com')`,
    );
    await migrateDatabase(database);
  });
  afterAll(async () => database?.close());

  it.skipIf(real && !postgres)("makes the product its one variant, with its price, stock and SKU", async () => {
    const { rows } = (await database.db.execute(
      sql`select id, product_id, sku, option_values, price_paise, stock from product_variants`,
    )) as unknown as Rows<Record<string, unknown>>;
    expect(rows).toEqual([
      { id: productId, product_id: productId, sku: "OLD-TEA", option_values: [], price_paise: 45_000, stock: 7 },
    ]);
  });

  it.skipIf(real && !postgres)(
    "keeps the cart line, the order item and the stock history, now on the variant",
    async () => {
      const cart = (await database.db.execute(sql`select variant_id, quantity from cart_items`)) as unknown as Rows<{
        variant_id: string;
        quantity: number;
      }>;
      expect(cart.rows).toEqual([{ variant_id: productId, quantity: 2 }]);
      const items = (await database.db.execute(
        sql`select product_id, variant_id, sku, product_name, line_total_paise from order_items`,
      )) as unknown as Rows<Record<string, unknown>>;
      expect(items.rows).toEqual([
        {
          product_id: productId,
          variant_id: productId,
          sku: "OLD-TEA",
          product_name: "Old Tea, 100 g",
          line_total_paise: 45_000,
        },
      ]);
      const history = (await database.db.execute(
        sql`select variant_id, delta, reason from stock_adjustments`,
      )) as unknown as Rows<Record<string, unknown>>;
      expect(history.rows).toEqual([{ variant_id: productId, delta: 7, reason: "First delivery" }]);
    },
  );

  it.skipIf(real && !postgres)("leaves the product without a price or stock of its own", async () => {
    const { rows } = (await database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'products' and column_name in ('price_paise', 'stock')`,
    )) as unknown as Rows<unknown>;
    expect(rows).toEqual([]);
  });
});
