import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { DisputeEvidenceForm } from "@/components/admin/dispute-evidence-form";
import { DisputeStatus } from "@/components/admin/dispute-status";
import { Section } from "@/components/admin/section";
import { acceptDisputeAction } from "@/lib/actions/admin/disputes";
import { requireAdminPage } from "@/lib/auth/session";
import { getDisputeDetail } from "@/lib/disputes/admin";
import { EVIDENCE_DOCUMENT_TYPES } from "@/lib/disputes/evidence";
import { humanType } from "@/lib/disputes/state";
import { formatDateTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "Dispute · Admin" };

export default async function DisputePage({ params }: { params: Promise<{ disputeId: string }> }) {
  const admin = await requireAdminPage();
  const { disputeId } = await params;
  if (!/^\d{1,20}$/.test(disputeId)) notFound();
  const detail = await getDisputeDetail(disputeId);
  if (!detail) notFound();
  const { dispute: d, history, documents, answerable, overdue, debitedPaise } = detail;
  const owner = admin.role === "owner";
  const orderPath = d.orderId ? `/admin/orders/${encodeURIComponent(d.orderId)}` : null;
  const known = new Set<string>(EVIDENCE_DOCUMENT_TYPES);
  const preferred = (d.preferredEvidence ?? []).map((e) => e.documentType).find((t) => known.has(t)) ?? null;

  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href="/admin/disputes" className="text-brand-700 underline">
            ← Disputes
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">
          {humanType(d.disputeType)} <span className="font-mono">{d.disputeId}</span>
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <DisputeStatus status={d.status} />
          <span>{d.amountPaise === null ? "" : formatInr(d.amountPaise)}</span>
          <span>· {d.reasonDescription ?? d.reasonCode ?? "no reason given"}</span>
          {d.actionOn && <span>· next move: {d.actionOn === "MERCHANT" ? "yours" : "Cashfree's"}</span>}
        </p>
      </div>

      {debitedPaise !== null && (
        <p role="note" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-900">
          {formatInr(debitedPaise)} debited:{" "}
          {d.status.endsWith("_MERCHANT_ACCEPTED")
            ? "you accepted the dispute."
            : "Cashfree closed the dispute in the customer's favour."}
        </p>
      )}

      <Section title="Details">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-stone-600">Order: </dt>
            <dd className="inline">
              {orderPath ? (
                <Link href={orderPath} className="font-mono text-brand-700 underline">
                  {d.orderId}
                </Link>
              ) : (
                <span>not an order of this shop (Cashfree order id {d.cfOrderId ?? "unknown"})</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="inline text-stone-600">Payment: </dt>
            <dd className="inline font-mono">
              {orderPath && d.cfPaymentId ? (
                <Link href={`${orderPath}#payments`} className="text-brand-700 underline">
                  {d.cfPaymentId}
                </Link>
              ) : (
                (d.cfPaymentId ?? "—")
              )}
            </dd>
          </div>
          <div>
            <dt className="inline text-stone-600">Respond by: </dt>
            <dd className="inline">
              {d.respondBy ? formatDateTime(d.respondBy) : "—"}
              {overdue && <strong className="ml-2 text-red-800">Overdue</strong>}
            </dd>
          </div>
          <div>
            <dt className="inline text-stone-600">Cashfree says: </dt>
            <dd className="inline">{d.cfRemarks ?? "—"}</dd>
          </div>
          {d.resolvedAt && (
            <div>
              <dt className="inline text-stone-600">Closed: </dt>
              <dd className="inline">{formatDateTime(d.resolvedAt)}</dd>
            </div>
          )}
        </dl>
      </Section>

      <Section title="Preferred evidence">
        {(d.preferredEvidence ?? []).length === 0 ? (
          <p className="text-sm text-stone-600">Cashfree has not said which documents it prefers.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {d.preferredEvidence!.map((e) => (
              <li key={e.documentType}>
                <span className="font-medium">{e.documentType}</span>
                {e.description && <span className="text-stone-600"> — {e.description}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {answerable && (
        <Section title="Answer">
          {owner ? (
            <div className="space-y-4">
              <DisputeEvidenceForm
                disputeId={d.disputeId}
                documentTypes={EVIDENCE_DOCUMENT_TYPES}
                preferred={preferred}
              />
              <div className="border-t border-stone-100 pt-3">
                <p className="mb-2 text-sm text-stone-700">
                  Accepting ends the dispute in the customer&apos;s favour:{" "}
                  {d.amountPaise === null ? "the disputed amount" : formatInr(d.amountPaise)} is debited.
                </p>
                <ActionButton
                  label="Accept dispute"
                  confirm={`Accept dispute ${d.disputeId}? ${d.amountPaise === null ? "The amount" : formatInr(d.amountPaise)} will be debited; this cannot be undone.`}
                  run={acceptDisputeAction.bind(null, { disputeId: d.disputeId })}
                />
              </div>
            </div>
          ) : (
            <p className="text-sm text-stone-600">Only the owner can accept a dispute or submit evidence.</p>
          )}
        </Section>
      )}

      <Section title="Submitted documents">
        {documents.length === 0 ? (
          <p className="text-sm text-stone-600">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {documents.map((doc) => (
              <li key={doc.id}>
                <span className="font-medium">{doc.docType}</span> · {doc.fileName} ({Math.ceil(doc.sizeBytes / 1024)}{" "}
                KB) · {formatDateTime(doc.createdAt)} · {doc.uploadedBy}
                {doc.note && <span className="text-stone-600"> — {doc.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="History">
        <ol className="space-y-1 text-sm">
          {history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-2">
              <span className="text-stone-600">{formatDateTime(h.occurredAt)}</span>
              {h.status && <DisputeStatus status={h.status} />}
              <span>
                {h.kind === "webhook" ? "Cashfree" : h.actor}
                {h.note && `: ${h.note}`}
              </span>
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
