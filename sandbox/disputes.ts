import { istTimestamp } from "./clock";
import type { SandboxEngine } from "./engine";
import { CfError, invalid, missing } from "./errors";
import type { Reply, Request, Router } from "./http";
import { amountNumber, Decimal2, stringifyWithDecimals } from "./money";
import {
  digits,
  type DisputeState,
  type DisputeType,
  paymentsOf,
  type SandboxDispute,
  type SandboxOrder,
} from "./store";

/**
 * Disputes on paid orders (https://www.cashfree.com/docs/api-reference/payments/latest/disputes/dispute-webhooks, and the API's /disputes endpoints): created and moved through their states by
 * the test controls, answered by the merchant with Accept or evidence, each change sent as a signed DISPUTE_*
 * webhook. Which moves are allowed where Cashfree documents none is our choice (sandbox/README.md, deviations).
 */

const DISPUTE_TYPES: DisputeType[] = ["DISPUTE", "CHARGEBACK", "RETRIEVAL", "PRE_ARBITRATION", "ARBITRATION"];
const CLOSED: DisputeState[] = ["MERCHANT_WON", "MERCHANT_LOST", "MERCHANT_ACCEPTED"];
/** States in which the merchant may still answer (accept, or send documents). */
const ANSWERABLE: DisputeState[] = ["CREATED", "DOCS_RECEIVED", "INSUFFICIENT_EVIDENCE"];
/** What Cashfree's control moves may do (the bank's side of the dispute). */
const MOVES: Record<DisputeState, DisputeState[]> = {
  CREATED: ["DOCS_RECEIVED", "UNDER_REVIEW", "MERCHANT_LOST"],
  DOCS_RECEIVED: ["UNDER_REVIEW", "MERCHANT_WON", "MERCHANT_LOST"],
  INSUFFICIENT_EVIDENCE: ["DOCS_RECEIVED", "UNDER_REVIEW", "MERCHANT_LOST"],
  UNDER_REVIEW: ["MERCHANT_WON", "MERCHANT_LOST", "INSUFFICIENT_EVIDENCE"],
  MERCHANT_WON: [],
  MERCHANT_LOST: [],
  MERCHANT_ACCEPTED: [],
};
const PREFERRED_EVIDENCE = [
  {
    document_type: "Delivery/Service Proof",
    document_description: "Proof that the cardholder/customer received the goods or services.",
  },
  { document_type: "Shipping Proof", document_description: "Courier receipt or tracking record of the shipment." },
];
const REMARKS: Record<DisputeState, string> = {
  CREATED: "Dispute is created, please take action",
  DOCS_RECEIVED: "Documents received, Cashfree will review them",
  UNDER_REVIEW: "Dispute is under review with the bank",
  INSUFFICIENT_EVIDENCE: "Evidence was insufficient, please submit more documents",
  MERCHANT_WON: "Dispute resolved in favour of the merchant",
  MERCHANT_LOST: "Dispute resolved in favour of the customer; the amount is debited",
  MERCHANT_ACCEPTED: "Dispute accepted by the merchant; the amount is debited",
};
const DOCUMENT_TYPES = /^[\w /&-]{2,60}$/;
const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const disputeStatus = (d: SandboxDispute) => `${d.type}_${d.state}`;
const isClosed = (d: SandboxDispute) => CLOSED.includes(d.state);

const disputeNotFound = () => new CfError(404, "dispute_not_found", "invalid_request_error", "Dispute does not exist");

function findDispute(engine: SandboxEngine, disputeId: string) {
  const dispute = engine.state.disputes[disputeId];
  if (!dispute) throw disputeNotFound();
  return dispute;
}

function requireAnswerable(dispute: SandboxDispute, what: string) {
  if (isClosed(dispute))
    throw new CfError(
      400,
      "dispute_already_closed",
      "invalid_request_error",
      `Dispute is already closed (${disputeStatus(dispute)}); it cannot be ${what}`,
    );
  if (!ANSWERABLE.includes(dispute.state))
    throw new CfError(
      400,
      "dispute_invalid_state",
      "invalid_request_error",
      `Dispute in ${disputeStatus(dispute)} cannot be ${what}`,
    );
}

function disputeEntity(d: SandboxDispute, order: SandboxOrder) {
  return {
    dispute_id: Number(d.disputeId),
    dispute_type: d.type,
    reason_code: d.reasonCode,
    reason_description: d.reasonDescription,
    dispute_amount: amountNumber(d.amountPaise),
    dispute_amount_currency: d.currency,
    created_at: istTimestamp(d.createdMs),
    respond_by: istTimestamp(d.respondByMs),
    updated_at: istTimestamp(d.updatedMs),
    resolved_at: d.resolvedMs ? istTimestamp(d.resolvedMs) : null,
    dispute_status: disputeStatus(d),
    cf_dispute_remarks: d.remarks,
    preferred_evidence: d.preferredEvidence,
    dispute_evidence: d.evidence.map(({ document_id, document_name, document_type }) => ({
      document_id,
      document_name,
      document_type,
    })),
    order_details: {
      order_id: order.orderId,
      order_currency: order.currency,
      order_amount: amountNumber(order.amountPaise),
      cf_payment_id: d.cfPaymentId,
      payment_currency: order.currency,
      payment_amount: amountNumber(order.amountPaise),
    },
    customer_details: {
      customer_name: order.customer.customer_name ?? null,
      customer_phone: order.customer.customer_phone,
      customer_email: order.customer.customer_email ?? null,
    },
  };
}

/** The webhook for a dispute as it now is (2025-01-01 shape, §7.9). */
function disputeStateWebhook(d: SandboxDispute, order: SandboxOrder, nowMs: number, update?: string) {
  const type = d.state === "CREATED" ? "DISPUTE_CREATED" : isClosed(d) ? "DISPUTE_CLOSED" : "DISPUTE_UPDATED";
  const dispute = {
    dispute_id: d.disputeId,
    dispute_type: d.type,
    reason_code: d.reasonCode,
    reason_description: d.reasonDescription,
    dispute_amount: new Decimal2(d.amountPaise),
    created_at: istTimestamp(d.createdMs),
    updated_at: istTimestamp(d.updatedMs),
    respond_by: istTimestamp(d.respondByMs),
    dispute_status: disputeStatus(d),
    cf_dispute_remarks: d.remarks,
    dispute_action_on: d.actionOn,
    dispute_amount_currency: d.currency,
    ...(type === "DISPUTE_UPDATED" ? { dispute_update: update ?? "STATUS_UPDATE" } : {}),
    ...(type === "DISPUTE_CLOSED" ? { resolved_at: istTimestamp(d.resolvedMs ?? nowMs) } : {}),
  };
  const data = {
    dispute,
    order_details: {
      order_id: order.orderId,
      order_amount: new Decimal2(order.amountPaise),
      order_currency: order.currency,
      cf_payment_id: Number(d.cfPaymentId),
      payment_amount: new Decimal2(order.amountPaise),
      payment_currency: order.currency,
    },
    customer_details: {
      customer_name: order.customer.customer_name ?? null,
      customer_phone: order.customer.customer_phone,
      customer_email: order.customer.customer_email ?? null,
    },
  };
  return { type, body: stringifyWithDecimals({ data, event_time: istTimestamp(nowMs), type }) };
}

/** Moves a dispute and sends the webhook that says so. Each change gets its own updated_at, a second apart at least. */
function transition(engine: SandboxEngine, d: SandboxDispute, state: DisputeState, update?: string) {
  const now = Math.max(engine.clock.now(), d.updatedMs + 1000);
  d.state = state;
  d.updatedMs = now;
  d.remarks = REMARKS[state];
  d.actionOn = ANSWERABLE.includes(state) && state !== "DOCS_RECEIVED" ? "MERCHANT" : "CASHFREE";
  if (isClosed(d)) d.resolvedMs = now;
  const order = engine.state.orders[d.orderId]!;
  const { type, body } = disputeStateWebhook(d, order, now, update);
  return engine.deliver(order.notifyUrl, type, body);
}

function createDispute(
  engine: SandboxEngine,
  input: { orderId: string; type?: unknown; amountPaise?: number; respondByMs?: number; reason?: unknown },
) {
  const order = engine.order(input.orderId);
  const payment = paymentsOf(engine.state, order.orderId).find((p) => p.status === "SUCCESS");
  if (order.status !== "PAID" || !payment)
    throw new CfError(400, "dispute_invalid", "invalid_request_error", "disputes need a paid order");
  const type = (input.type ?? "DISPUTE") as DisputeType;
  if (!DISPUTE_TYPES.includes(type))
    throw invalid("dispute_type", `should be one of ${DISPUTE_TYPES.join(", ")}`, type);
  const amountPaise = input.amountPaise ?? payment.amountPaise;
  if (!Number.isInteger(amountPaise) || amountPaise <= 0 || amountPaise > payment.amountPaise)
    throw invalid("dispute_amount", "should be positive and at most the payment's amount", amountPaise / 100);
  const now = engine.clock.now();
  const reasons = {
    "1402": "Duplicate Processing",
    "1401": "Fraud Transaction",
    "1405": "Goods or services not received",
  } as Record<string, string>;
  const reasonCode = typeof input.reason === "string" && reasons[input.reason] ? input.reason : "1405";
  const dispute: SandboxDispute = {
    disputeId: digits(9),
    orderId: order.orderId,
    cfPaymentId: payment.cfPaymentId,
    type,
    state: "CREATED",
    amountPaise,
    currency: order.currency,
    reasonCode,
    reasonDescription: reasons[reasonCode]!,
    remarks: REMARKS.CREATED,
    actionOn: "MERCHANT",
    createdMs: now,
    updatedMs: now,
    respondByMs: input.respondByMs ?? now + 7 * 86_400_000,
    resolvedMs: null,
    preferredEvidence: PREFERRED_EVIDENCE,
    evidence: [],
  };
  engine.state.disputes[dispute.disputeId] = dispute;
  const order_ = engine.state.orders[dispute.orderId]!;
  const { type: webhookType, body } = disputeStateWebhook(dispute, order_, now);
  return { dispute, delivery: engine.deliver(order_.notifyUrl, webhookType, body) };
}

function moveDispute(engine: SandboxEngine, disputeId: string, state: unknown) {
  const dispute = findDispute(engine, disputeId);
  const allowed = MOVES[dispute.state];
  if (!allowed.includes(state as DisputeState))
    throw new CfError(
      400,
      "dispute_invalid_state",
      "invalid_request_error",
      `Dispute in ${disputeStatus(dispute)} cannot move to ${String(state)}; allowed: ${allowed.join(", ") || "none (closed)"}`,
    );
  return { dispute, delivery: transition(engine, dispute, state as DisputeState) };
}

function acceptDispute(engine: SandboxEngine, disputeId: string) {
  const dispute = findDispute(engine, disputeId);
  requireAnswerable(dispute, "accepted");
  transition(engine, dispute, "MERCHANT_ACCEPTED");
  return dispute;
}

/** Evidence: multipart file (jpeg, jpg, png, pdf; up to 20 MB), doc_type and note (§ PGUploadDisputesDocuments). */
async function addEvidence(engine: SandboxEngine, disputeId: string, req: Request) {
  const dispute = findDispute(engine, disputeId);
  const contentType = String(req.headers["content-type"] ?? "");
  if (!contentType.startsWith("multipart/form-data"))
    throw new CfError(400, "request_invalid", "invalid_request_error", "request must be multipart/form-data");
  const form = await new Response(new Uint8Array(req.rawBytes), { headers: { "content-type": contentType } })
    .formData()
    .catch(() => {
      throw new CfError(400, "request_invalid", "invalid_request_error", "multipart body could not be read");
    });
  const file = form.get("file");
  const docType = form.get("doc_type");
  if (!(file instanceof Blob) || file.size === 0) throw missing("file");
  if (typeof docType !== "string" || !docType) throw missing("doc_type");
  if (!DOCUMENT_TYPES.test(docType)) throw invalid("doc_type", "is not a document type", docType);
  const name = (file as File).name || "document";
  if (!/\.(jpe?g|png|pdf)$/i.test(name))
    throw invalid("file", "file types supported are jpeg, jpg, png, pdf", name, "file_type_invalid");
  if (file.size > MAX_EVIDENCE_BYTES)
    throw invalid("file", "maximum file size allowed is 20 MB", file.size, "file_size_invalid");
  requireAnswerable(dispute, "contested");
  if (dispute.respondByMs < engine.clock.now())
    throw new CfError(400, "respond_by_passed", "invalid_request_error", "The respond_by time has passed");
  const note = form.get("note");
  dispute.evidence.push({
    document_id: Number(digits(5)),
    document_name: name,
    document_type: docType,
    note: typeof note === "string" && note ? note : null,
  });
  transition(engine, dispute, "DOCS_RECEIVED", dispute.state === "DOCS_RECEIVED" ? "COMMENT_UPDATE" : "STATUS_UPDATE");
  return dispute;
}

const ok = (body: unknown): Reply => ({ status: 200, body });

/** PG API: Get Dispute, Get Disputes of an Order, Accept, Submit Evidence. */
export function addDisputeApi(router: Router, engine: SandboxEngine) {
  const entity = (d: SandboxDispute) => disputeEntity(d, engine.state.orders[d.orderId]!);
  router.on("GET", "/pg/disputes/:id", (_req, [id]) => ok(entity(findDispute(engine, id!))));
  router.on("GET", "/pg/orders/:id/disputes", (_req, [id]) => {
    const order = engine.order(id!);
    return ok(
      Object.values(engine.state.disputes)
        .filter((d) => d.orderId === order.orderId)
        .map(entity),
    );
  });
  router.on("PUT", "/pg/disputes/:id/accept", (_req, [id]) => ok(entity(acceptDispute(engine, id!))));
  // The document answers Submit Evidence with a list of disputes: the one changed.
  router.on("POST", "/pg/disputes/:id/documents", async (req, [id]) =>
    ok([entity(await addEvidence(engine, id!, req))]),
  );
}

/** Test controls: open a dispute on a paid order, and move it as the bank and Cashfree would. */
export function addDisputeControls(router: Router, engine: SandboxEngine) {
  router.on("POST", "/_sandbox/disputes", (req) => {
    const body = req.json();
    if (!body.order_id) throw missing("order_id");
    const respondByDays = body.respond_by_days;
    if (respondByDays !== undefined && typeof respondByDays !== "number")
      throw invalid("respond_by_days", "should be a number (negative: already overdue)", respondByDays);
    const amount = body.dispute_amount;
    if (amount !== undefined && typeof amount !== "number")
      throw invalid("dispute_amount", "should be a number of rupees", amount);
    const { dispute, delivery } = createDispute(engine, {
      orderId: String(body.order_id),
      type: body.dispute_type,
      reason: body.reason_code,
      amountPaise: amount === undefined ? undefined : Math.round(amount * 100),
      respondByMs: respondByDays === undefined ? undefined : engine.clock.now() + respondByDays * 86_400_000,
    });
    return ok({ ...entityFor(engine, dispute), delivery_id: delivery?.id ?? null });
  });
  router.on("POST", "/_sandbox/disputes/:id/status", (req, [id]) => {
    const { dispute, delivery } = moveDispute(engine, id!, req.json().status);
    return ok({ ...entityFor(engine, dispute), delivery_id: delivery?.id ?? null });
  });
  router.on("GET", "/_sandbox/disputes/:id", (_req, [id]) => {
    const dispute = findDispute(engine, id!);
    return ok({ ...entityFor(engine, dispute), evidence_notes: dispute.evidence.map((e) => e.note) });
  });
}

const entityFor = (engine: SandboxEngine, d: SandboxDispute) => disputeEntity(d, engine.state.orders[d.orderId]!);
