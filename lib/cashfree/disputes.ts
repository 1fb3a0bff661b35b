import { createHash } from "node:crypto";

import { z } from "zod";

import type { CashfreeConfig } from "./config";
import { cashfreeFetch } from "./http";
import { amountPaise, cashfreeTime, cfId } from "./schemas";

const evidenceSchema = z.looseObject({
  document_id: cfId.nullish(),
  document_name: z.string().nullish(),
  document_type: z.string().nullish(),
});

const disputeEntitySchema = z
  .looseObject({
    dispute_id: cfId,
    dispute_type: z.string().nullish(),
    reason_code: cfId.nullish(),
    reason_description: z.string().nullish(),
    dispute_amount: amountPaise.nullish(),
    dispute_amount_currency: z.string().nullish(),
    created_at: z.string().nullish(),
    respond_by: z.string().nullish(),
    updated_at: z.string().nullish(),
    resolved_at: z.string().nullish(),
    dispute_status: z.string(),
    cf_dispute_remarks: z.string().nullish(),
    preferred_evidence: z
      .array(z.looseObject({ document_type: z.string(), document_description: z.string().nullish() }))
      .nullish(),
    dispute_evidence: z.array(evidenceSchema).nullish(),
    order_details: z.looseObject({ order_id: z.string().nullish(), cf_payment_id: cfId.nullish() }).nullish(),
  })
  .transform((d) => ({
    disputeId: d.dispute_id,
    disputeType: d.dispute_type ?? null,
    reasonCode: d.reason_code ?? null,
    reasonDescription: d.reason_description ?? null,
    amountPaise: d.dispute_amount ?? null,
    currency: d.dispute_amount_currency ?? null,
    status: d.dispute_status,
    remarks: d.cf_dispute_remarks ?? null,
    respondBy: cashfreeTime(d.respond_by),
    updatedAt: cashfreeTime(d.updated_at),
    resolvedAt: cashfreeTime(d.resolved_at),
    preferredEvidence: (d.preferred_evidence ?? []).map((e) => ({
      documentType: e.document_type,
      description: e.document_description ?? null,
    })),
    evidence: (d.dispute_evidence ?? []).map((e) => ({
      documentId: e.document_id ?? null,
      name: e.document_name ?? null,
      documentType: e.document_type ?? null,
    })),
    orderId: d.order_details?.order_id ?? null,
    cfPaymentId: d.order_details?.cf_payment_id ?? null,
  }));

export type CashfreeDispute = z.output<typeof disputeEntitySchema>;

/** A UUID made from the request's content: the same accept or the same upload, retried, reuses its key. */
function disputeIdempotencyKey(...parts: string[]) {
  const hex = createHash("sha256").update(parts.join("\n")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const disputePath = (disputeId: string) => `/disputes/${encodeURIComponent(disputeId)}`;

export function getCashfreeDispute(config: CashfreeConfig, disputeId: string) {
  return cashfreeFetch(config, { method: "GET", path: disputePath(disputeId), schema: disputeEntitySchema });
}

export function getCashfreeOrderDisputes(config: CashfreeConfig, orderId: string) {
  return cashfreeFetch(config, {
    method: "GET",
    path: `/orders/${encodeURIComponent(orderId)}/disputes`,
    schema: z.array(disputeEntitySchema),
  });
}

/** Accepting is final (the amount is debited): one idempotency key per dispute, so a retry cannot differ. */
export function acceptCashfreeDispute(config: CashfreeConfig, disputeId: string) {
  return cashfreeFetch(config, {
    method: "PUT",
    path: `${disputePath(disputeId)}/accept`,
    idempotencyKey: disputeIdempotencyKey("accept", disputeId),
    schema: disputeEntitySchema,
  });
}

export interface EvidenceUpload {
  disputeId: string;
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  sha256: string;
  docType: string;
  note: string | null;
}

/** Submit Evidence (multipart: file, doc_type, note). Cashfree answers with a list of disputes; ours is in it. */
export async function uploadCashfreeDisputeDocument(config: CashfreeConfig, upload: EvidenceUpload) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(upload.bytes)], { type: upload.contentType }), upload.fileName);
  form.set("doc_type", upload.docType);
  if (upload.note) form.set("note", upload.note);
  const disputes = await cashfreeFetch(config, {
    method: "POST",
    path: `${disputePath(upload.disputeId)}/documents`,
    form,
    idempotencyKey: disputeIdempotencyKey(
      "documents",
      upload.disputeId,
      upload.sha256,
      upload.docType,
      upload.note ?? "",
    ),
    schema: z.union([z.array(disputeEntitySchema), disputeEntitySchema.transform((d) => [d])]),
  });
  return disputes.find((d) => d.disputeId === upload.disputeId) ?? disputes[0] ?? null;
}
