import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where product images live. Local disk by default; an object store implements the same two methods. */
export interface ImageStorage {
  save(data: Buffer, contentType: string): Promise<string>;
  read(name: string): Promise<{ data: Buffer; contentType: string } | null>;
}

const TYPES: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
const UPLOAD_DIR = path.join(process.cwd(), ".data", "uploads");

/** Files under .data/uploads, served by /media/[name] (files added to public/ after a build are not served). */
const localImageStorage: ImageStorage = {
  async save(data, contentType) {
    const extension = TYPES[contentType];
    if (!extension) throw new Error("Only PNG, JPEG and WebP images are accepted.");
    const name = `${randomBytes(12).toString("hex")}.${extension}`;
    await mkdir(UPLOAD_DIR, { recursive: true });
    await writeFile(path.join(UPLOAD_DIR, name), data);
    return `/media/${name}`;
  },
  async read(name) {
    const match = /^[a-f0-9]{24}\.(png|jpg|webp)$/.exec(name);
    if (!match) return null;
    const data = await readFile(path.join(UPLOAD_DIR, name)).catch(() => null);
    const contentType = Object.entries(TYPES).find(([, ext]) => ext === match[1])![0];
    return data && { data, contentType };
  },
};

export const imageStorage: ImageStorage = localImageStorage;
