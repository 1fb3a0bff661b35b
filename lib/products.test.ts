import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

describe("a product page's slug", () => {
  // Issue 26: `/products/%00` reached PostgreSQL as a NUL, which it refuses with an error (a 500).
  it("is looked up only when a product could have it", async () => {
    const { getProduct } = await import("./products");
    expect((await getProduct("masala-chai-blend"))?.slug).toBe("masala-chai-blend");
    for (const slug of ["\0", "chai\0", "Masala Chai", "../etc/passwd", "x".repeat(5_000) + "\0"])
      expect(await getProduct(slug), JSON.stringify(slug.slice(0, 20))).toBeUndefined();
  });
});
