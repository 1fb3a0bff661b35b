import { afterEach, describe, expect, it, vi } from "vitest";

import { paymentWebhookBody, signedHeaders } from "@/lib/testing/webhook-fixtures";

const body = paymentWebhookBody({ orderId: "KC-REF-1", cfPaymentId: "1", status: "SUCCESS", amount: "100.00" });

/** The route as a server with this setting would load it (the configuration is read once, at import). */
async function routeWith(setting: string | undefined) {
  vi.resetModules();
  vi.stubEnv("CASHFREE_ENV", "local");
  vi.stubEnv("BENCH_REFERENCE_ROUTES", setting);
  return import("./route");
}

const post = (route: Awaited<ReturnType<typeof routeWith>>, headers: Headers) =>
  route.POST(new Request("http://localhost/api/webhooks/verify-only", { method: "POST", body, headers }));

afterEach(() => vi.unstubAllEnvs());

describe("POST /api/webhooks/verify-only (the benchmarks' reference route)", () => {
  it("does not exist unless BENCH_REFERENCE_ROUTES=on", async () => {
    const response = await post(await routeWith(undefined), signedHeaders(body));
    expect(response.status).toBe(404);
  });

  it("verifies the signature on the raw body, like the real route, and does nothing else", async () => {
    const route = await routeWith("on");
    expect(await (await post(route, signedHeaders(body))).json()).toEqual({ ok: true, status: "verified" });
    const forged = await post(route, signedHeaders(body, { secret: "not-the-secret" }));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ ok: false, status: "bad_signature" });
  });
});
