import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orderWithCardAttempt, startTestSandbox, type TestSandbox } from "@/sandbox/testing/harness";

import type { CashfreeConfig } from "./config";
import {
  acceptCashfreeDispute,
  getCashfreeDispute,
  getCashfreeOrderDisputes,
  uploadCashfreeDisputeDocument,
} from "./disputes";
import { CashfreeApiError } from "./errors";
import { cashfreeTime } from "./schemas";

// The dispute client against the local sandbox over real HTTP: multipart evidence, accept, errors.
let t: TestSandbox;
let config: CashfreeConfig;

beforeAll(async () => {
  t = await startTestSandbox();
  config = {
    baseUrl: `${t.sandbox.url}/pg`,
    credentials: { kind: "merchant", appId: t.sandbox.appId, secretKey: t.sandbox.secretKey },
    timeoutMs: 2_000,
    maxRetries: 2,
    retryBaseMs: 5,
  };
});
afterAll(() => t.close());

async function disputedOrder() {
  const { orderId, cfPaymentId } = await orderWithCardAttempt(t);
  await t.api("POST", "/simulate", {
    entity: "PAYMENTS",
    entity_id: cfPaymentId,
    entity_simulation: { payment_status: "SUCCESS" },
  });
  const { body } = await t.control<{ dispute_id: number }>("POST", "/disputes", { order_id: orderId });
  return { orderId, disputeId: String(body.dispute_id) };
}

const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
const upload = (disputeId: string) => ({
  disputeId,
  bytes: pdf,
  fileName: "receipt.pdf",
  contentType: "application/pdf",
  sha256: createHash("sha256").update(pdf).digest("hex"),
  docType: "Shipping Proof",
  note: "Courier receipt",
});

describe("cashfreeTime", () => {
  it("reads Cashfree's timestamps: with offset, without (India time), with nanoseconds, and 9999 as none", () => {
    expect(cashfreeTime("2023-06-15T21:49:48+05:30")?.toISOString()).toBe("2023-06-15T16:19:48.000Z");
    expect(cashfreeTime("2023-01-18T11:26:58")?.toISOString()).toBe("2023-01-18T05:56:58.000Z");
    expect(cashfreeTime("2023-06-15T21:16:51.682836678+05:30")?.toISOString()).toBe("2023-06-15T15:46:51.682Z");
    expect(cashfreeTime("9999-09-09T00:00:00")).toBeNull();
    expect(cashfreeTime("not a time")).toBeNull();
    expect(cashfreeTime(null)).toBeNull();
  });
});

describe("dispute client", () => {
  it("reads a dispute by id and an order's disputes, in our types", async () => {
    const { orderId, disputeId } = await disputedOrder();
    const dispute = await getCashfreeDispute(config, disputeId);
    expect(dispute).toMatchObject({
      disputeId,
      status: "DISPUTE_CREATED",
      disputeType: "DISPUTE",
      amountPaise: 49_950,
      orderId,
      respondBy: expect.any(Date),
      resolvedAt: null,
    });
    expect(dispute.preferredEvidence[0]).toMatchObject({ documentType: "Delivery/Service Proof" });
    expect((await getCashfreeOrderDisputes(config, orderId)).map((d) => d.disputeId)).toEqual([disputeId]);
  });

  it("uploads evidence as multipart; the same upload again replays under its key and adds nothing", async () => {
    const { disputeId } = await disputedOrder();
    const first = await uploadCashfreeDisputeDocument(config, upload(disputeId));
    expect(first).toMatchObject({ disputeId, status: "DISPUTE_DOCS_RECEIVED" });
    expect(first!.evidence).toEqual([expect.objectContaining({ name: "receipt.pdf", documentType: "Shipping Proof" })]);
    const again = await uploadCashfreeDisputeDocument(config, upload(disputeId));
    expect(again!.evidence).toHaveLength(1);
    const sent = await t.control<{ evidence_notes: string[] }>("GET", `/disputes/${disputeId}`);
    expect(sent.body.evidence_notes).toEqual(["Courier receipt"]);
  });

  it("accepts a dispute; accepting a closed one is Cashfree's 400, an unknown one its 404", async () => {
    const { disputeId } = await disputedOrder();
    expect(await acceptCashfreeDispute(config, disputeId)).toMatchObject({
      status: "DISPUTE_MERCHANT_ACCEPTED",
      resolvedAt: expect.any(Date),
    });
    // A retry of the same accept (same key) replays the answer rather than failing.
    expect((await acceptCashfreeDispute(config, disputeId)).status).toBe("DISPUTE_MERCHANT_ACCEPTED");
    const other = await disputedOrder();
    await t.control("POST", `/disputes/${other.disputeId}/status`, { status: "MERCHANT_LOST" });
    await expect(acceptCashfreeDispute(config, other.disputeId)).rejects.toMatchObject({
      status: 400,
      code: "dispute_already_closed",
    });
    await expect(getCashfreeDispute(config, "123")).rejects.toBeInstanceOf(CashfreeApiError);
    await expect(getCashfreeDispute(config, "123")).rejects.toMatchObject({ status: 404, code: "dispute_not_found" });
  });
});

describe("evidence upload retries", () => {
  it("sends the same bytes, boundary and idempotency key again after a 500", async () => {
    const seen: { body: string; type: string; key: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({
          body: Buffer.concat(chunks).toString("latin1"),
          type: String(req.headers["content-type"]),
          key: String(req.headers["x-idempotency-key"]),
        });
        const first = seen.length === 1;
        res.writeHead(first ? 500 : 200, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            first
              ? { message: "internal Server Error", code: "internal_error", type: "api_error" }
              : [{ dispute_id: 42, dispute_status: "DISPUTE_DOCS_RECEIVED" }],
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const local = { ...config, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pg` };
      expect(await uploadCashfreeDisputeDocument(local, upload("42"))).toMatchObject({
        disputeId: "42",
        status: "DISPUTE_DOCS_RECEIVED",
      });
      expect(seen).toHaveLength(2);
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[0]!.type).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen[0]!.body).toContain('name="doc_type"\r\n\r\nShipping Proof');
      expect(seen[0]!.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
