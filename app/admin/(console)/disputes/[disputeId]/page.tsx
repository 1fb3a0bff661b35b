import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { BackLink } from "@/components/admin/back-link";
import { DisputeAnswer } from "@/components/admin/dispute-answer";
import { DisputeDetails } from "@/components/admin/dispute-details";
import { DisputeNextMove } from "@/components/admin/dispute-next-move";
import { DisputeStatus } from "@/components/admin/dispute-status";
import { Section } from "@/components/admin/section";
import { requireAdminPage } from "@/lib/auth/session";
import { getDisputeDetail } from "@/lib/disputes/admin";
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

  return (
    <div className="space-y-4">
      <div>
        <BackLink href="/admin/disputes">Disputes</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">
          {humanType(d.disputeType)} <span className="font-mono">{d.disputeId}</span>
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <DisputeStatus status={d.status} />
          <span>{d.amountPaise === null ? "" : formatInr(d.amountPaise)}</span>
          <span>· {d.reasonDescription ?? d.reasonCode ?? "no reason given"}</span>
        </p>
      </div>

      {debitedPaise === null && <DisputeNextMove dispute={d} overdue={overdue} />}

      {debitedPaise !== null && (
        <p role="note" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-900">
          {formatInr(debitedPaise)} debited:{" "}
          {d.status.endsWith("_MERCHANT_ACCEPTED")
            ? "you accepted the dispute."
            : "Cashfree closed the dispute in the customer's favour."}
        </p>
      )}

      <DisputeDetails dispute={d} overdue={overdue} />

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

      {answerable && <DisputeAnswer dispute={d} owner={owner} />}

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
