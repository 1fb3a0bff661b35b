import { Cashfree, CFEnvironment } from "cashfree-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestSandbox, startWebhookReceiver, type TestSandbox, type WebhookReceiver } from "./testing/harness";

// Cashfree's official Node SDK, pointed at the sandbox: if it works unchanged, our storefront's client will too.
let t: TestSandbox;
let hooks: WebhookReceiver;
let cashfree: Cashfree;

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  t = await startTestSandbox({ webhookUrl: hooks.url });
  // Error analytics off: the SDK would otherwise start Sentry and try to reach the internet.
  cashfree = new Cashfree(
    CFEnvironment.SANDBOX,
    t.sandbox.appId,
    t.sandbox.secretKey,
    undefined,
    undefined,
    undefined,
    false,
  );
  cashfree.basePath = `${t.sandbox.url}/pg`;
});
afterAll(async () => {
  await t.close();
  await hooks.close();
});

describe("cashfree-pg (official Node SDK) against the sandbox", () => {
  it("sends x-api-version 2026-01-01, which the sandbox accepts", () => {
    expect(cashfree.XApiVersion).toBe("2026-01-01");
  });

  it("creates, fetches, pays and refunds an order; its signature check accepts our webhooks", async () => {
    const orderId = `sdk_${Date.now().toString(36)}`;
    const created = await cashfree.PGCreateOrder(
      {
        order_id: orderId,
        order_amount: 749,
        order_currency: "INR",
        customer_details: { customer_id: "sdk_customer", customer_phone: "9876543210" },
        order_meta: { return_url: "http://localhost:3000/orders/{order_id}" },
      },
      "req-sdk-1",
      `idem-${orderId}`,
    );
    expect(created.status).toBe(200);
    expect(created.data.order_status).toBe("ACTIVE");
    expect(created.data.payment_session_id).toMatch(/^session_/);

    const fetched = await cashfree.PGFetchOrder(orderId);
    expect(fetched.data.order_amount).toBe(749);

    const pay = await cashfree.PGPayOrder({
      payment_session_id: created.data.payment_session_id!,
      payment_method: { upi: { channel: "collect", upi_id: "testsuccess@gocash" } },
    });
    expect(pay.data.cf_payment_id).toBeTruthy();
    const [hook] = await hooks.waitFor(1);
    const event = cashfree.PGVerifyWebhookSignature(
      String(hook!.headers["x-webhook-signature"]),
      hook!.body,
      String(hook!.headers["x-webhook-timestamp"]),
    );
    expect(event.type).toBe("PAYMENT_SUCCESS_WEBHOOK");
    expect(() =>
      cashfree.PGVerifyWebhookSignature("bm9wZQ==", hook!.body, String(hook!.headers["x-webhook-timestamp"])),
    ).toThrow();

    const payments = await cashfree.PGOrderFetchPayments(orderId);
    expect(payments.data[0]?.payment_status).toBe("SUCCESS");
    expect((await cashfree.PGFetchOrder(orderId)).data.order_status).toBe("PAID");

    const refund = await cashfree.PGOrderCreateRefund(orderId, {
      refund_id: "sdk_refund_1",
      refund_amount: 100,
      refund_note: "sdk test",
    });
    expect(refund.data.refund_status).toBe("PENDING");
    const settled = await hooks.waitForEvents((e) => e.type === "REFUND_STATUS_WEBHOOK", 1);
    expect(settled[0]!.data.refund.refund_id).toBe("sdk_refund_1");
    expect((await cashfree.PGOrderFetchRefund(orderId, "sdk_refund_1")).data.refund_status).toBe("SUCCESS");
  });

  it("surfaces Cashfree's error body through the SDK's axios error", async () => {
    const failure = await cashfree
      .PGFetchOrder("missing_order")
      .catch((error: { response?: { status: number; data: unknown } }) => error.response);
    expect(failure?.status).toBe(404);
    expect(failure?.data).toMatchObject({ code: "order_not_found", type: "invalid_request_error" });
  });
});
