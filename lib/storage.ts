import "server-only";

import { randomBytes } from "node:crypto";

import { getDb } from "@/db";
import * as queries from "@/db/queries/media";
import { prepareImage } from "@/lib/images";

/**
 * Where product images live. In the database by default (the bytes go where the catalog goes: they survive a
 * deploy and every instance serves them); an object store (S3 and alike) would implement the same two methods.
 */
export interface ImageStorage {
  /** Checks and resizes the upload, stores it, and answers the path pages use for it. */
  save(data: Buffer): Promise<string>;
  /** The stored rendition nearest `width` (at least as wide), or null. */
  read(name: string, width: number): Promise<{ data: Buffer; contentType: string; etag: string } | null>;
}

const NAME = /^([a-f0-9]{24})\.webp$/;

const databaseImageStorage: ImageStorage = {
  async save(data) {
    const renditions = await prepareImage(data);
    const id = randomBytes(12).toString("hex");
    await queries.insertMediaFiles(
      await getDb(),
      renditions.map((image) => ({ id, ...image })),
    );
    return `/media/${id}.webp`;
  },
  async read(name, width) {
    const match = NAME.exec(name);
    if (!match) return null;
    const file = await queries.readMediaFile(await getDb(), match[1]!, width);
    return file ? { data: file.data, contentType: file.contentType, etag: file.etag } : null;
  },
};

export const imageStorage: ImageStorage = databaseImageStorage;
