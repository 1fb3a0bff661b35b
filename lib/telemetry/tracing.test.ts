import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { enqueueJobs } from "@/db/queries/outbox";
import { insertTestOrder, orderAtSandbox } from "@/lib/testing/orders";
import { paymentWebhookBody, signedHeaders } from "@/lib/testing/webhook-fixtures";
import { startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";
import { deliverWebhook } from "@/lib/testing/deliver-webhook";

// Traces end to end: the app's tracer sends to an OTLP/HTTP receiver of this test's own (a plain HTTP server
// reading the JSON the exporter posts), while the app calls the local Cashfree sandbox over HTTP, applies a
// webhook in a database transaction and runs an outbox job, on an in-memory PGlite database.

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
  status: { code?: number; message?: string };
}

async function startOtlpReceiver() {
  const posts: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      posts.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spans = () =>
    posts.flatMap((post) =>
      (JSON.parse(post.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap(
        (resource) => resource.scopeSpans.flatMap((scope) => scope.spans),
      ),
    );
  return { base, posts, spans, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let t: TestSandbox;
let provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> } | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  t = await startTestSandbox({ webhookUrl: null });
  Object.assign(process.env, {
    NEXT_RUNTIME: "nodejs",
    PGLITE_DIR: "memory://",
    DATABASE_URL: "",
    CASHFREE_ENV: "local",
    CASHFREE_SANDBOX_PORT: String(t.sandbox.port),
    OUTBOX_LOOP: "off",
    ORDER_EMAILS: "off",
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
  });
  // The embedded database migrates and seeds itself on first use: before the tests, not inside the first.
  await (await import("@/db")).getDb();
}, 120_000);
afterAll(async () => {
  await provider?.shutdown();
  trace.disable();
  await (await import("@/db")).closeDb();
  await t?.close();
  await receiver?.close();
});

describe("traces", () => {
  it("with no endpoint configured, registers nothing and exports nothing", async () => {
    await (await import("@/instrumentation")).register();
    const probe = trace.getTracer("probe").startSpan("probe");
    expect(probe.isRecording()).toBe(false);
    probe.end();
    const { orderId } = await orderAtSandbox(t, 49_900, { paid: false });
    const { cashfree } = await import("@/lib/cashfree");
    expect(await cashfree.getOrder(orderId)).toMatchObject({ status: "ACTIVE" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.posts).toHaveLength(0);
  });

  it("sends spans for Cashfree calls, database transactions and outbox jobs, named and without secrets", async () => {
    const { startTracing } = await import("./sdk");
    provider = startTracing({ url: `${receiver.base}/v1/traces`, headers: {}, serviceName: "storefront-test" });
    const { cashfree } = await import("@/lib/cashfree");
    const db = await (await import("@/db")).getDb();

    // A Cashfree call that succeeds and one that Cashfree refuses (404).
    const created = await orderAtSandbox(t, 149_900, { paid: true });
    await cashfree.getOrder(created.orderId);
    await expect(cashfree.getOrder("KC-NOT-AT-CASHFREE")).rejects.toThrow(/404/);

    // A verified webhook, applied in a database transaction.
    const orderId = await insertTestOrder(db, created.orderId, 149_900, { cfOrderId: "1" });
    const body = paymentWebhookBody({
      orderId,
      cfPaymentId: created.cfPaymentId,
      status: "SUCCESS",
      amount: "1499.00",
    });
    expect(await deliverWebhook({ rawBody: body, headers: signedHeaders(body), remoteAddress: null })).toMatchObject({
      status: 200,
    });

    // An outbox job that calls Cashfree itself.
    await enqueueJobs(db, [
      {
        kind: "cashfree_shipment",
        key: `cashfree_shipment:shipped:${orderId}`,
        orderId,
        payload: { status: "SHIPPED", courier: "Delhivery", trackingNumber: "DL12345678" },
      },
    ]);
    const { outboxIdle, runDueJobs } = await import("@/lib/outbox/worker");
    await outboxIdle();
    await runDueJobs();

    // A span as Next.js records one for a request: the URL with the order link's token, a thrown query error.
    trace.getTracer("next.js").startActiveSpan("GET /orders/[orderId]", (span) => {
      span.setAttributes({ "http.target": `/orders/${orderId}?token=token-${orderId}`, "http.method": "GET" });
      span.recordException(new Error(`Failed query: select 1\nparams: asha@example.com,Asha Rao,token-${orderId}`));
      span.end();
    });

    await provider.forceFlush();
    await expect.poll(() => receiver.spans().some((s) => s.name === "outbox job cashfree_shipment")).toBe(true);
    const spans = receiver.spans();
    const named = (name: string) => spans.filter((s) => s.name === name);

    expect(receiver.posts[0]).toMatchObject({
      path: "/v1/traces",
      headers: expect.objectContaining({ "content-type": "application/json" }),
    });
    const gets = named("cashfree GET /pg/orders/{id}");
    expect(gets.map((s) => attribute(s, "http.response.status_code")).sort()).toEqual([200, 404]);
    expect(gets.find((s) => attribute(s, "http.response.status_code") === 404)?.status.code).toBe(2);
    expect(attribute(gets[0]!, "http.request.method")).toBe("GET");
    expect(attribute(gets[0]!, "server.address")).toBe("127.0.0.1");
    expect(gets[0]!.kind).toBe(3); // SPAN_KIND_CLIENT

    expect(named("db transaction").length).toBeGreaterThan(0);

    const [job] = named("outbox job cashfree_shipment");
    expect(attribute(job!, "outbox.job.kind")).toBe("cashfree_shipment");
    expect(attribute(job!, "order.id")).toBe(orderId);
    // The job's Cashfree call is its child, in the same trace.
    const [shipment] = named("cashfree PUT /pg/orders/{id}/extended");
    expect(shipment).toMatchObject({ traceId: job!.traceId, parentSpanId: job!.spanId });

    const [page] = named("GET /orders/[orderId]");
    expect(attribute(page!, "http.target")).toMatch(new RegExp(`^/orders/${orderId}\\?token=\\[\\w+\\]$`));

    const exported = receiver.posts.map((post) => post.body).join("\n");
    for (const secret of [
      t.sandbox.secretKey,
      "x-client-secret",
      `token-${orderId}`,
      "asha@example.com",
      "9876543210",
      "Asha Rao",
      "testsuccess@gocash",
    ])
      expect(exported).not.toContain(secret);
  });
});
