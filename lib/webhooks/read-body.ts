/**
 * Reads a request body as UTF-8 text, stopping as soon as it exceeds `limitBytes`: returns null then, having
 * cancelled the stream, so an oversized (e.g. chunked, undeclared) body costs at most the limit in memory.
 */
export async function readBodyWithin(request: Request, limitBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel("body too large");
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
