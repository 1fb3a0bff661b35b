import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "@/db";
import { productVariants } from "@/db/schema";
import { seedCatalog } from "@/db/seed";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { soleVariant } from "@/lib/testing/catalog";

// Add to cart through the real action, on real PostgreSQL; the shopper's cookie jar is a Map.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
vi.mock("@/lib/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const postgres = await requirePostgres();

describe.skipIf(!postgres)("adding to the cart past the stock", () => {
  let database: TestDatabase;
  let db: Database;
  let variantId: string;

  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 2 });
    await seedCatalog(database.db);
    process.env.DATABASE_URL = database.url;
    db = await (await import("@/db")).getDb();
    variantId = (await soleVariant(db, "copper-water-bottle")).id;
    await db.update(productVariants).set({ stock: 3 }).where(eq(productVariants.id, variantId));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("says how many are left and how many the cart holds, never a bare Added", async () => {
    const { addToCartAction } = await import("@/lib/actions/cart");
    const quantities = (result: Awaited<ReturnType<typeof addToCartAction>>) =>
      result.ok ? result.data.cart.lines.map((line) => line.quantity) : null;

    const first = await addToCartAction({ variantId, quantity: 2 });
    expect(first).toMatchObject({ ok: true, message: "Added Copper Water Bottle, 1 L to your cart." });

    // Two more asked, one left: one is added and the shopper is told.
    const second = await addToCartAction({ variantId, quantity: 2 });
    expect(second).toMatchObject({ ok: true, message: "Only 3 left — your cart has 3." });
    expect(quantities(second)).toEqual([3]);

    // None left to add: a refusal (no drawer saying "Added"), the cart as it was.
    const third = await addToCartAction({ variantId, quantity: 1 });
    expect(third).toEqual({ ok: false, error: "Only 3 left — your cart has 3." });
  });
});
