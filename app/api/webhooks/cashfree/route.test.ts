import { describe, expect, it } from "vitest";

import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/receive";

import { POST } from "./route";

const CHUNK = 64 * 1024;

/** A chunked body of `totalBytes` (no Content-Length) that counts how much of it was pulled. */
function endlessBody(totalBytes: number) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
  });
  const request = new Request("http://localhost/api/webhooks/cashfree", {
    method: "POST",
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

describe("POST /api/webhooks/cashfree body limit", () => {
  // Review defect 3: a chunked 200 MB body was read whole (app 274 → 879 MB) before the 413.
  it("answers 413 to a chunked 200 MB body after reading no more than the limit", async () => {
    const { request, pulled } = endlessBody(200 * 1024 * 1024);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 2 * CHUNK);
  });

  it("answers 413 at once to a declared oversized body", async () => {
    const request = new Request("http://localhost/api/webhooks/cashfree", {
      method: "POST",
      headers: { "content-length": String(10 * 1024 * 1024) },
      body: "x",
    });
    expect((await POST(request)).status).toBe(413);
  });
});
