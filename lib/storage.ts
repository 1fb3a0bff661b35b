import "server-only";

import { randomBytes } from "node:crypto";

import { type Database, getDb } from "@/db";
import * as queries from "@/db/queries/media";
import type { PreparedImage } from "@/lib/images";

/**
 * Where product images live. In the database by default (the bytes go where the catalog goes: they survive a
 * deploy and every instance serves them). Both writes take the transaction that writes the gallery row using the
 * image, so an image exists exactly as long as a committed row refers to it: an upload whose row fails is rolled
 * back with it, and a removed photo stops being served when its removal commits. An object store (S3 and alike)
 * would write before that transaction and delete after it commits.
 */
export interface ImageStorage {
  /** Stores an upload's checked renditions (`prepareImage`, lib/images.ts); answers the path pages use for it. */
  save(tx: Database, renditions: PreparedImage[]): Promise<string>;
  /** Deletes the image at a path `save` answered; any other path (the seed's files in public/) is not ours. */
  remove(tx: Database, path: string): Promise<void>;
  /** The stored rendition nearest `width` (at least as wide), or null. */
  read(name: string, width: number): Promise<{ data: Buffer; contentType: string; etag: string } | null>;
}

const NAME = /^([a-f0-9]{24})\.webp$/;
const PATH = /^\/media\/([a-f0-9]{24})\.webp$/;

const databaseImageStorage: ImageStorage = {
  async save(tx, renditions) {
    const id = randomBytes(12).toString("hex");
    await queries.insertMediaFiles(
      tx,
      renditions.map((image) => ({ id, ...image })),
    );
    return `/media/${id}.webp`;
  },
  async remove(tx, path) {
    const match = PATH.exec(path);
    if (match) await queries.deleteMediaFiles(tx, match[1]!);
  },
  async read(name, width) {
    const match = NAME.exec(name);
    if (!match) return null;
    const file = await queries.readMediaFile(await getDb(), match[1]!, width);
    return file ? { data: file.data, contentType: file.contentType, etag: file.etag } : null;
  },
};

export const imageStorage: ImageStorage = databaseImageStorage;
