import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/db";
import { mediaFiles, productImages, products } from "@/db/schema";

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

let db: Database;
let catalog: typeof import("./catalog");
let media: typeof import("@/app/media/[name]/route");

const photo = (background: string) =>
  sharp({ create: { width: 400, height: 300, channels: 3, background } })
    .png()
    .toBuffer();

async function productId(slug: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
  return row!.id;
}

const gallery = (id: string) =>
  db.select().from(productImages).where(eq(productImages.productId, id)).orderBy(productImages.position);

const storedImages = async () => (await db.select({ n: count() }).from(mediaFiles))[0]!.n;

const served = async (path: string) => {
  const name = path.replace("/media/", "");
  return (await media.GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ name }) })).status;
};

const details = {
  name: "Hammered Copper Lota",
  description: "A hammered copper lota, one litre.",
  category: "Kitchen",
  hsnCode: "7418",
  gstRateBps: 1800,
  featured: false,
};

describe("product photos and their stored images (admin catalog)", () => {
  beforeAll(async () => {
    db = await (await import("@/db")).getDb(); // opens, migrates and seeds the in-memory database
    catalog = await import("./catalog");
    media = await import("@/app/media/[name]/route");
  });

  it("a removed photo's image is deleted with its gallery row: its address answers 404 at once", async () => {
    const id = await productId("darjeeling-first-flush");
    await catalog.addProductImage(id, await photo("#b4541f"), "The tin, open");
    const added = (await gallery(id)).at(-1)!;
    expect(added.path).toMatch(/^\/media\/[a-f0-9]{24}\.webp$/);
    expect(await served(added.path)).toBe(200);
    const before = await storedImages();

    expect(await catalog.removeProductImage(added.id)).toEqual({ productId: id });
    expect(await served(added.path)).toBe(404);
    expect(await storedImages()).toBe(before - 3); // its three widths (lib/images.ts)
  });

  it("removing the cover deletes its image and makes the next photo the cover", async () => {
    const id = await productId("brass-masala-dabba");
    await catalog.saveProduct(id, { ...details, slug: "brass-masala-dabba", image: await photo("#1f54b4") });
    const [cover, next] = await gallery(id);
    expect(cover!.path).toMatch(/^\/media\//);
    expect(await catalog.removeProductImage(cover!.id)).toEqual({ productId: id });
    expect(await served(cover!.path)).toBe(404);
    const [product] = await db.select().from(products).where(eq(products.id, id));
    expect(product!.imagePath).toBe(next!.path);
  });

  it("a new product that cannot be saved (its slug is taken) keeps none of its photo", async () => {
    const before = await storedImages();
    await expect(
      catalog.saveProduct(null, {
        ...details,
        slug: "darjeeling-first-flush",
        image: await photo("#30a050"),
        pack: { sku: "LOTA-1L", pricePaise: 149_900 },
      }),
    ).rejects.toThrow();
    expect(await storedImages()).toBe(before);
  });

  it("a photo whose gallery row fails (the product is gone) is not kept", async () => {
    const before = await storedImages();
    await expect(
      catalog.addProductImage("00000000-0000-4000-8000-000000000000", await photo("#a03050"), "Gone"),
    ).rejects.toThrow();
    expect(await storedImages()).toBe(before);
  });

  it("a new product with a photo keeps it, as its cover and its gallery's first photo", async () => {
    const saved = await catalog.saveProduct(null, {
      ...details,
      slug: "hammered-copper-lota",
      image: await photo("#c08030"),
      pack: { sku: "LOTA-1L", pricePaise: 149_900 },
    });
    if ("error" in saved) throw new Error(saved.error);
    const [first] = await gallery(saved.id);
    expect(await served(first!.path)).toBe(200);
  });
});
