import { ActionButton } from "@/components/admin/action-button";
import { DisputeEvidenceForm } from "@/components/admin/dispute-evidence-form";
import { Section } from "@/components/admin/section";
import { acceptDisputeAction } from "@/lib/actions/admin/disputes";
import type { getDisputeDetail } from "@/lib/disputes/admin";
import { EVIDENCE_DOCUMENT_TYPES } from "@/lib/disputes/evidence";
import { formatInr } from "@/lib/money";

type Dispute = NonNullable<Awaited<ReturnType<typeof getDisputeDetail>>>["dispute"];

/** The owner's answer to an open dispute: evidence to submit, or accepting it (the amount is debited). */
export function DisputeAnswer({ dispute: d, owner }: { dispute: Dispute; owner: boolean }) {
  const known = new Set<string>(EVIDENCE_DOCUMENT_TYPES);
  const preferred = (d.preferredEvidence ?? []).map((e) => e.documentType).find((t) => known.has(t)) ?? null;
  return (
    <Section title="Answer">
      {owner ? (
        <div className="space-y-4">
          <DisputeEvidenceForm disputeId={d.disputeId} documentTypes={EVIDENCE_DOCUMENT_TYPES} preferred={preferred} />
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
  );
}
