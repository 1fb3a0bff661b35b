import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { allViolations, contractAvailable } from "./testing/contract";
import { sandboxWithWebhooks } from "./testing/suite";
import { orderWithCardAttempt } from "./testing/harness";

const { t, hooks } = sandboxWithWebhooks();

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function paidOrder() {
  const { orderId, cfPaymentId } = await orderWithCardAttempt(t);
  await t.api("POST", "/simulate", {
    entity: "PAYMENTS",
    entity_id: cfPaymentId,
    entity_simulation: { payment_status: "SUCCESS" },
  });
  return orderId;
}

type Dispute = { dispute_id: number; dispute_status: string; dispute_evidence: unknown[]; resolved_at?: string };

async function openDispute(orderId: string, extra: Record<string, unknown> = {}) {
  const res = await t.control<Dispute>("POST", "/disputes", { order_id: orderId, ...extra });
  expect(res.status).toBe(200);
  return res.body;
}

/** Submit Evidence as a merchant server sends it: multipart with file, doc_type and note. */
async function upload(
  disputeId: number | string,
  file: { bytes: Buffer; name: string } | null,
  docType = "Shipping Proof",
) {
  const form = new FormData();
  if (file) form.set("file", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.name);
  if (docType) form.set("doc_type", docType);
  form.set("note", "Courier receipt attached");
  const path = `/disputes/${disputeId}/documents`;
  const headers = t.headers();
  delete (headers as Record<string, string>)["content-type"];
  const response = await fetch(`${t.sandbox.url}/pg${path}`, { method: "POST", headers, body: form });
  const body = (await response.json()) as Dispute[] & { code?: string };
  t.exchanges.push({ method: "POST", path, requestBody: null, status: response.status, responseBody: body });
  return { status: response.status, body };
}

const disputeEvents = (id: number) =>
  hooks.received
    .map((r) => ({ headers: r.headers, raw: r.body, event: JSON.parse(r.body) as { type: string; data: any } })) // eslint-disable-line @typescript-eslint/no-explicit-any
    .filter((r) => r.event.type.startsWith("DISPUTE_") && String(r.event.data.dispute.dispute_id) === String(id));

async function waitForDisputeEvents(id: number, count: number) {
  const until = Date.now() + 5_000;
  while (disputeEvents(id).length < count) {
    if (Date.now() > until) throw new Error(`expected ${count} dispute webhooks, got ${disputeEvents(id).length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return disputeEvents(id);
}

describe("disputes", () => {
  it("opens a dispute on a paid order with a signed DISPUTE_CREATED, readable by id and by order", async () => {
    const orderId = await paidOrder();
    const created = await openDispute(orderId, { dispute_type: "CHARGEBACK", dispute_amount: 200 });
    expect(created).toMatchObject({ dispute_status: "CHARGEBACK_CREATED", dispute_amount: 200 });

    const [hook] = await waitForDisputeEvents(created.dispute_id, 1);
    expect(hook!.event).toMatchObject({
      type: "DISPUTE_CREATED",
      data: {
        dispute: { dispute_status: "CHARGEBACK_CREATED", dispute_type: "CHARGEBACK", dispute_action_on: "MERCHANT" },
        order_details: { order_id: orderId },
      },
    });
    expect(hook!.raw).toContain('"dispute_amount":200.00');
    const signature = createHmac("sha256", t.sandbox.secretKey)
      .update(String(hook!.headers["x-webhook-timestamp"]) + hook!.raw)
      .digest("base64");
    expect(hook!.headers["x-webhook-signature"]).toBe(signature);

    const byId = await t.api<Dispute>("GET", `/disputes/${created.dispute_id}`);
    expect(byId.body).toMatchObject({
      dispute_id: created.dispute_id,
      dispute_status: "CHARGEBACK_CREATED",
      preferred_evidence: expect.arrayContaining([expect.objectContaining({ document_type: "Shipping Proof" })]),
      order_details: expect.objectContaining({ order_id: orderId }),
    });
    const byOrder = await t.api<Dispute[]>("GET", `/orders/${orderId}/disputes`);
    expect(byOrder.body.map((d) => d.dispute_id)).toEqual([created.dispute_id]);
  });

  it("refuses a dispute for an order that is not paid", async () => {
    const { orderId } = await orderWithCardAttempt(t);
    expect((await t.control("POST", "/disputes", { order_id: orderId })).body).toMatchObject({
      code: "dispute_invalid",
    });
  });

  it("takes evidence (DOCS_RECEIVED, DISPUTE_UPDATED), then review and a win close it with DISPUTE_CLOSED", async () => {
    const orderId = await paidOrder();
    const { dispute_id: id } = await openDispute(orderId);
    const res = await upload(id, { bytes: PDF, name: "receipt.pdf" });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({
      dispute_status: "DISPUTE_DOCS_RECEIVED",
      dispute_evidence: [expect.objectContaining({ document_name: "receipt.pdf", document_type: "Shipping Proof" })],
    });
    expect((await t.control<{ evidence_notes: string[] }>("GET", `/disputes/${id}`)).body.evidence_notes).toEqual([
      "Courier receipt attached",
    ]);

    await t.control("POST", `/disputes/${id}/status`, { status: "UNDER_REVIEW" });
    const won = await t.control<Dispute>("POST", `/disputes/${id}/status`, { status: "MERCHANT_WON" });
    expect(won.body).toMatchObject({ dispute_status: "DISPUTE_MERCHANT_WON", resolved_at: expect.any(String) });

    const events = await waitForDisputeEvents(id, 4);
    expect(events.map((e) => [e.event.type, e.event.data.dispute.dispute_status])).toEqual([
      ["DISPUTE_CREATED", "DISPUTE_CREATED"],
      ["DISPUTE_UPDATED", "DISPUTE_DOCS_RECEIVED"],
      ["DISPUTE_UPDATED", "DISPUTE_UNDER_REVIEW"],
      ["DISPUTE_CLOSED", "DISPUTE_MERCHANT_WON"],
    ]);
    expect(events[3]!.event.data.dispute.resolved_at).toEqual(expect.any(String));
    // Each change carries a later updated_at, so a receiver can order them whatever the arrival order.
    const times = events.map((e) => Date.parse(e.event.data.dispute.updated_at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(4);

    // Closed: neither evidence nor a move is taken.
    expect((await upload(id, { bytes: PDF, name: "late.pdf" })).body).toMatchObject({ code: "dispute_already_closed" });
    expect((await t.control("POST", `/disputes/${id}/status`, { status: "MERCHANT_LOST" })).body).toMatchObject({
      code: "dispute_invalid_state",
    });
  });

  it("accepts a dispute (MERCHANT_ACCEPTED, DISPUTE_CLOSED) and refuses to accept it again", async () => {
    const orderId = await paidOrder();
    const { dispute_id: id } = await openDispute(orderId);
    const accepted = await t.api<Dispute>("PUT", `/disputes/${id}/accept`, undefined, {
      "x-idempotency-key": crypto.randomUUID(),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      dispute_status: "DISPUTE_MERCHANT_ACCEPTED",
      resolved_at: expect.any(String),
    });
    const events = await waitForDisputeEvents(id, 2);
    expect(events[1]!.event).toMatchObject({
      type: "DISPUTE_CLOSED",
      data: { dispute: { dispute_status: "DISPUTE_MERCHANT_ACCEPTED" } },
    });
    const again = await t.api("PUT", `/disputes/${id}/accept`);
    expect(again).toMatchObject({ status: 400, body: expect.objectContaining({ code: "dispute_already_closed" }) });
  });

  it("replays an accept with the same idempotency key instead of failing it", async () => {
    const { dispute_id: id } = await openDispute(await paidOrder());
    const key = crypto.randomUUID();
    const first = await t.api("PUT", `/disputes/${id}/accept`, undefined, { "x-idempotency-key": key });
    const replay = await t.api("PUT", `/disputes/${id}/accept`, undefined, { "x-idempotency-key": key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("x-idempotency-replayed")).toBe("true");
  });

  it("refuses an accept while under review, and evidence of the wrong kind", async () => {
    const { dispute_id: id } = await openDispute(await paidOrder());
    expect((await upload(id, { bytes: PDF, name: "receipt.exe" })).body).toMatchObject({ code: "file_type_invalid" });
    expect((await upload(id, null)).body).toMatchObject({ code: "file_missing" });
    expect((await upload(id, { bytes: PDF, name: "a.pdf" }, "")).body).toMatchObject({ code: "doc_type_missing" });
    await t.control("POST", `/disputes/${id}/status`, { status: "UNDER_REVIEW" });
    expect((await t.api("PUT", `/disputes/${id}/accept`)).body).toMatchObject({ code: "dispute_invalid_state" });
    expect((await upload(id, { bytes: PDF, name: "a.pdf" })).body).toMatchObject({ code: "dispute_invalid_state" });
  });

  it("answers an unknown dispute with 404 dispute_not_found", async () => {
    for (const [method, path] of [
      ["GET", "/disputes/999999999"],
      ["PUT", "/disputes/999999999/accept"],
    ] as const)
      expect(await t.api(method, path)).toMatchObject({
        status: 404,
        body: expect.objectContaining({ code: "dispute_not_found", type: "invalid_request_error" }),
      });
    expect((await upload(999999999, { bytes: PDF, name: "a.pdf" })).status).toBe(404);
  });

  it("refuses evidence after the respond-by time", async () => {
    const { dispute_id: id } = await openDispute(await paidOrder(), { respond_by_days: -1 });
    expect((await upload(id, { bytes: PDF, name: "a.pdf" })).body).toMatchObject({ code: "respond_by_passed" });
  });
});

describe("dispute contract", () => {
  it.skipIf(!contractAvailable)("every dispute request and response above matches Cashfree's OpenAPI document", () => {
    expect(t.exchanges.some((e) => e.path.startsWith("/disputes/"))).toBe(true);
    expect(allViolations(t.exchanges)).toEqual([]);
  });
});
