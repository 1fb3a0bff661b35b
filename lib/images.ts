import "server-only";

import { createHash } from "node:crypto";

import sharp from "sharp";

/** The widths product pages ask for (cards, the product page, large screens); next/image picks among them. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export class ImageRejected extends Error {}

/** What the first bytes say the file is, whatever its name or claimed type. */
function sniffImageType(data: Buffer): "image/png" | "image/jpeg" | "image/webp" | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  if (data.subarray(0, 4).toString("latin1") === "RIFF" && data.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  return null;
}

export interface PreparedImage {
  width: number;
  height: number;
  contentType: "image/webp";
  data: Buffer;
  etag: string;
}

/**
 * Checks an upload by its content (magic bytes, then a full decode) and its size, and makes the square WebP
 * renditions the pages use, with its metadata (camera, location) stripped.
 */
export async function prepareImage(data: Buffer): Promise<PreparedImage[]> {
  if (data.length > MAX_UPLOAD_BYTES) throw new ImageRejected("Images must be 5 MB or smaller.");
  if (!sniffImageType(data)) throw new ImageRejected("This file is not a PNG, JPEG or WebP image.");
  try {
    const source = sharp(data, { limitInputPixels: 40_000_000 }).rotate();
    return await Promise.all(
      IMAGE_WIDTHS.map(async (width) => {
        const out = await source
          .clone()
          .resize({ width, height: width, fit: "cover", withoutEnlargement: false })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        return {
          width: out.info.width,
          height: out.info.height,
          contentType: "image/webp" as const,
          data: out.data,
          etag: `"${createHash("sha256").update(out.data).digest("base64url")}"`,
        };
      }),
    );
  } catch {
    throw new ImageRejected("This image could not be read: it may be damaged. Try another file.");
  }
}
