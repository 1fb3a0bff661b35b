// GET /media/:name?w=640 – an uploaded product image, at the stored width nearest the one asked for
import { IMAGE_WIDTHS } from "@/lib/images";
import { imageStorage } from "@/lib/storage";

const LARGEST = IMAGE_WIDTHS.at(-1)!;

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const asked = Number(new URL(request.url).searchParams.get("w"));
  const width = Number.isInteger(asked) && asked > 0 ? Math.min(asked, LARGEST) : IMAGE_WIDTHS[1];
  const file = await imageStorage.read((await params).name, width);
  if (!file) return new Response("Not found", { status: 404 });
  // Names are never reused (a new upload gets a new name), so a year of caching is safe; the ETag answers
  // revalidations without sending the bytes again.
  const headers = {
    "content-type": file.contentType,
    "cache-control": "public, max-age=31536000, immutable",
    etag: file.etag,
    "x-content-type-options": "nosniff",
  };
  if (request.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.data), { headers });
}
