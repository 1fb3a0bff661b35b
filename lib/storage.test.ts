import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";

// Uploaded images live in the database: a restart in an empty directory and a second instance both serve them.
const postgres = await requirePostgres();

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 84, b: 31 } } })
    .png()
    .toBuffer();

/** A fresh copy of the app's modules, as a new process or another instance would load them. */
async function freshInstance() {
  vi.resetModules();
  const [storage, images, db, route] = await Promise.all([
    import("@/lib/storage"),
    import("@/lib/images"),
    import("@/db"),
    import("@/app/media/[name]/route"),
  ]);
  const get = (name: string, init: RequestInit & { width?: number } = {}) =>
    route.GET(new Request(`http://localhost/media/${name}?w=${init.width ?? 640}`, init), {
      params: Promise.resolve({ name }),
    });
  const save = async (data: Buffer) => storage.imageStorage.save(await db.getDb(), await images.prepareImage(data));
  return { save, closeDb: db.closeDb, get };
}

describe.skipIf(!postgres)("image storage in the database (real PostgreSQL)", () => {
  let database: TestDatabase;
  const startDir = process.cwd();
  let emptyDir: string;

  beforeAll(async () => {
    database = await createTestDatabase("pg");
    process.env.DATABASE_URL = database.url;
    emptyDir = await mkdtemp(path.join(tmpdir(), "storefront-empty-"));
  });
  afterAll(async () => {
    process.chdir(startDir);
    await rm(emptyDir, { recursive: true, force: true });
    await database?.close();
  });

  it("serves an upload after a restart in an empty working directory, and from a second instance", async () => {
    const first = await freshInstance();
    const imagePath = await first.save(await png(1600, 1200));
    expect(imagePath).toMatch(/^\/media\/[a-f0-9]{24}\.webp$/);
    const name = imagePath.replace("/media/", "");
    const before = await first.get(name);
    await first.closeDb();

    process.chdir(emptyDir); // nothing on disk: no .data, no uploads
    const restarted = await freshInstance();
    const second = await freshInstance();
    for (const instance of [restarted, second]) {
      const response = await instance.get(name);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(await before.clone().arrayBuffer()))).toBe(
        true,
      );
    }
    // Sizes the pages use, square, and a revalidation answered without the bytes.
    const small = await second.get(name, { width: 300 });
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(320);
    const etag = before.headers.get("etag")!;
    const revalidated = await second.get(name, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect((await second.get("0123456789abcdef01234567.webp")).status).toBe(404);
    expect((await second.get("../../etc/passwd")).status).toBe(404);
    await second.closeDb();
    process.chdir(startDir);
  });

  it("refuses a file whose name and type say image but whose bytes do not", async () => {
    const instance = await freshInstance();
    await expect(instance.save(Buffer.from("<?php system($_GET['c']); ?>"))).rejects.toThrow(
      "This file is not a PNG, JPEG or WebP image.",
    );
    // PNG magic bytes and nothing behind them: caught by the decode.
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    await expect(instance.save(fake)).rejects.toThrow("could not be read");
    await expect(instance.save(Buffer.alloc(6 * 1024 * 1024))).rejects.toThrow("5 MB or smaller");
    await instance.closeDb();
  });
});

describe.each(["pglite", "neon"] as const)("image bytes on %s", (driver) => {
  it.skipIf(driver === "neon" && !postgres)("come back byte for byte", async () => {
    const database = await createTestDatabase(driver);
    try {
      const { insertMediaFiles, readMediaFile } = await import("@/db/queries/media");
      const data = await png(10, 10);
      await insertMediaFiles(database.db, [
        { id: "abc", width: 320, height: 320, contentType: "image/png", data, etag: '"x"' },
      ]);
      const back = await readMediaFile(database.db, "abc", 640);
      expect(Buffer.isBuffer(back!.data)).toBe(true);
      expect(back!.data.equals(data)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
