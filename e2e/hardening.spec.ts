import { expect, test } from "@playwright/test";

import { E2E_APP_URL, E2E_CRON_SECRET } from "./ports";

// Defects from the outside review, checked against the running production build over real HTTP.

test("the public health check says only whether the shop is alive; the operator gets the details", async ({
  request,
}) => {
  const open = await request.get("/api/health");
  expect(open.status()).toBe(200);
  expect(await open.json()).toEqual({ ok: true });
  const operator = await request.get("/api/health", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(await operator.json()).toMatchObject({ ok: true, database: { ok: true }, cashfree: { ok: true } });
});

test("a cross-origin Server Action post gets 403, not a server error", async ({ request }) => {
  const response = await request.post("/checkout", {
    headers: {
      "next-action": "0123456789abcdef0123456789abcdef01234567",
      origin: "https://evil.example",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe("Cross-origin request refused.");
});

test("a chunked oversized webhook is refused with 413 without the app reading it all", async () => {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x7b);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      // 50 MB on offer; the app must stop reading at its 256 KB limit.
      if (sent >= 50 * 1024 * 1024) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const response = await fetch(`${E2E_APP_URL}/api/webhooks/cashfree`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/json" },
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(sent).toBeLessThan(10 * 1024 * 1024);
});
