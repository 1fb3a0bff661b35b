"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminAction } from "@/lib/actions/client";
import { acceptDispute, submitEvidence } from "@/lib/disputes/admin";
import { EVIDENCE_DOCUMENT_TYPES, MAX_EVIDENCE_BYTES } from "@/lib/disputes/evidence";

const disputeId = z.string().regex(/^\d{1,20}$/, "Unknown dispute.");
const aDispute = z.object({ disputeId });

function changed(id: string) {
  revalidatePath(`/admin/disputes/${id}`);
  revalidatePath("/admin/disputes");
}

// Answering a dispute decides money (accepting debits it): owner only; staff may look.
export const acceptDisputeAction = adminAction("owner", "dispute.accept", aDispute, async (data, admin) => {
  const result = await acceptDispute(admin, data.disputeId);
  changed(data.disputeId);
  return result;
});

/** A server action is a public endpoint: the body may not be a form at all (then nothing validates). */
const evidence = z.preprocess(
  (formData) => {
    if (!(formData instanceof FormData)) return null;
    const file = formData.get("file");
    return {
      disputeId: formData.get("disputeId"),
      docType: formData.get("docType"),
      note: formData.get("note") || undefined,
      file: file instanceof File && file.size > 0 ? file : undefined,
    };
  },
  z.object({
    disputeId,
    docType: z.enum(EVIDENCE_DOCUMENT_TYPES, "Choose the document type."),
    note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
    // Its bytes are checked before anything is sent (lib/disputes/evidence.ts): a name or a claimed type proves nothing.
    file: z
      .instanceof(File, { message: "Choose a file (PDF, JPEG or PNG)." })
      .refine((f) => f.size <= MAX_EVIDENCE_BYTES, "Evidence files must be 5 MB or smaller."),
  }),
);

export const submitEvidenceAction = adminAction("owner", "dispute.evidence", evidence, async (data, admin, audit) => {
  // The file's name as sent is the browser's (any length, any characters): the audit row gets the checked one.
  audit.note({ detail: { docType: data.docType, bytes: data.file.size } });
  const result = await submitEvidence(
    admin,
    {
      disputeId: data.disputeId,
      bytes: new Uint8Array(await data.file.arrayBuffer()),
      fileName: data.file.name,
      docType: data.docType,
      note: data.note || null,
    },
    audit,
  );
  changed(data.disputeId);
  return result;
});
