import "server-only";

import { getDb } from "@/db";
import * as queries from "@/db/queries/disputes";
import { fail, ok, type Result } from "@/lib/actions/result";
import type { Audit } from "@/lib/audit/record";
import type { Admin } from "@/lib/auth/admins";
import { CashfreeApiError, cashfree, isCashfreeError } from "@/lib/cashfree";
import type { CashfreeDispute } from "@/lib/cashfree/disputes";
import { logError } from "@/lib/log";

import { checkEvidenceFile, EvidenceRejected } from "./evidence";
import { type DisputeReport, recordDisputeReport } from "./record";
import { isAnswerable, isClosedStatus, isDebited } from "./state";

/** The Disputes page: open ones (overdue first, then the nearest deadline) and the closed ones. */
export async function listDisputes() {
  const db = await getDb();
  const now = new Date();
  const [open, closed] = await Promise.all([queries.listOpenDisputes(db, now), queries.listClosedDisputes(db)]);
  return {
    open: open.map((d) => ({ ...d, overdue: !!d.respondBy && d.respondBy < now })),
    closed: closed.map((d) => ({ ...d, debitedPaise: isDebited(d.status) ? d.amountPaise : null })),
  };
}

/** For "needs attention": open disputes waiting for the merchant's answer. */
export async function listDisputesNeedingAnswer() {
  const now = new Date();
  const rows = await queries.listDisputesAwaitingMerchant(await getDb(), now);
  return rows.map((d) => ({ ...d, overdue: !!d.respondBy && d.respondBy < now }));
}

/**
 * Webhooks carry no preferred evidence: an open dispute without it asks Cashfree (Get Dispute) when its page is
 * opened, as the order page reconciles an open order. A failure leaves the page as it was.
 */
async function syncPreferredEvidence(dispute: queries.DisputeRow) {
  if (dispute.preferredEvidence?.length || isClosedStatus(dispute.status)) return dispute;
  try {
    const entity = await cashfree.getDispute(dispute.disputeId);
    const db = await getDb();
    await db.transaction((tx) => recordDisputeReport(tx, reportFrom(entity, dispute), null));
    return (await queries.getDispute(db, dispute.disputeId)) ?? dispute;
  } catch (error) {
    if (!isCashfreeError(error)) throw error;
    logError("dispute sync failed", error);
    return dispute;
  }
}

export async function getDisputeDetail(disputeId: string) {
  const db = await getDb();
  const held = await queries.getDispute(db, disputeId);
  if (!held) return null;
  const dispute = await syncPreferredEvidence(held);
  const [history, documents] = await Promise.all([
    queries.listDisputeEvents(db, [disputeId]),
    queries.listDisputeDocuments(db, disputeId),
  ]);
  return {
    dispute,
    history,
    documents: documents.map(({ sha256: _hash, ...d }) => d),
    answerable: isAnswerable(dispute.status),
    closed: isClosedStatus(dispute.status),
    overdue: !!dispute.respondBy && dispute.respondBy < new Date() && !isClosedStatus(dispute.status),
    debitedPaise: isDebited(dispute.status) ? dispute.amountPaise : null,
  };
}

/** An order's disputes with their history, for the order page. */
export async function getOrderDisputes(orderId: string) {
  const db = await getDb();
  const rows = await queries.listOrderDisputeRows(db, orderId);
  const history = await queries.listDisputeEvents(
    db,
    rows.map((d) => d.disputeId),
  );
  return rows.map((d) => ({
    ...d,
    debitedPaise: isDebited(d.status) ? d.amountPaise : null,
    history: history.filter((h) => h.disputeId === d.disputeId),
  }));
}

function reportFrom(entity: CashfreeDispute, held: queries.DisputeRow): DisputeReport {
  return {
    disputeId: held.disputeId,
    cfOrderId: entity.orderId ?? held.cfOrderId,
    cfPaymentId: entity.cfPaymentId ?? held.cfPaymentId,
    disputeType: entity.disputeType,
    reasonCode: entity.reasonCode,
    reasonDescription: entity.reasonDescription,
    amountPaise: entity.amountPaise,
    currency: entity.currency,
    status: entity.status,
    actionOn: null,
    remarks: entity.remarks,
    respondBy: entity.respondBy,
    resolvedAt: entity.resolvedAt,
    changedAt: entity.updatedAt,
    preferredEvidence: entity.preferredEvidence,
  };
}

const adminName = (admin: Admin) => `${admin.name} <${admin.email}>`;

function cashfreeFailure(error: unknown, what: string): Result<never> {
  if (error instanceof CashfreeApiError && !error.isRetryable) {
    const reason =
      {
        dispute_already_closed: "the dispute is already closed",
        dispute_invalid_state: "Cashfree is reviewing the dispute and takes no answer now",
        respond_by_passed: "the respond-by time has passed",
        dispute_not_found: "Cashfree does not know this dispute",
        file_type_invalid: "the file type is not accepted",
        file_size_invalid: "the file is too large",
      }[error.code] ?? `Cashfree answered ${error.code}`;
    return fail(`Cashfree refused ${what}: ${reason}. Nothing was changed here.`);
  }
  if (isCashfreeError(error)) {
    logError(`dispute ${what} failed`, error);
    return fail(`Cashfree could not be reached, so ${what} was not sent. Nothing was changed; please try again.`);
  }
  throw error;
}

async function answerable(disputeId: string, verb: string) {
  const dispute = await queries.getDispute(await getDb(), disputeId);
  if (!dispute) return { failure: fail("Dispute not found.") };
  if (isClosedStatus(dispute.status)) return { failure: fail(`This dispute is closed; it cannot be ${verb}.`) };
  if (!isAnswerable(dispute.status))
    return { failure: fail(`Cashfree is reviewing this dispute; it cannot be ${verb} now.`) };
  return { dispute };
}

/** Accept: the disputed amount is debited. Cashfree first; our record only after it said yes. */
export async function acceptDispute(admin: Admin, disputeId: string): Promise<Result> {
  const { dispute, failure } = await answerable(disputeId, "accepted");
  if (failure) return failure;
  let entity: CashfreeDispute;
  try {
    entity = await cashfree.acceptDispute(disputeId);
  } catch (error) {
    return cashfreeFailure(error, "the acceptance");
  }
  const db = await getDb();
  await db.transaction((tx) =>
    recordDisputeReport(tx, reportFrom(entity, dispute), {
      kind: "accepted",
      actor: adminName(admin),
      note: "Accepted by the merchant",
    }),
  );
  return ok("Dispute accepted: Cashfree debits the disputed amount.");
}

export interface EvidenceInput {
  disputeId: string;
  bytes: Uint8Array;
  fileName: string;
  docType: string;
  note: string | null;
}

/** Submit evidence: checked by its bytes, sent to Cashfree, then recorded (document row and history line). */
export async function submitEvidence(admin: Admin, input: EvidenceInput, audit?: Audit): Promise<Result> {
  let file: ReturnType<typeof checkEvidenceFile>;
  try {
    file = checkEvidenceFile(input.bytes, input.fileName);
  } catch (error) {
    if (error instanceof EvidenceRejected) return fail(error.message, { fieldErrors: { file: error.message } });
    throw error;
  }
  // The name as checked and sent on (no path, at most 80 characters, its real extension), never the browser's.
  audit?.note({ detail: { fileName: file.fileName, sha256: file.sha256 } });
  const { dispute, failure } = await answerable(input.disputeId, "contested");
  if (failure) return failure;
  let entity: CashfreeDispute | null;
  try {
    entity = await cashfree.uploadDisputeDocument({
      disputeId: input.disputeId,
      bytes: input.bytes,
      fileName: file.fileName,
      contentType: file.contentType,
      sha256: file.sha256,
      docType: input.docType,
      note: input.note,
    });
  } catch (error) {
    return cashfreeFailure(error, "the evidence");
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (entity)
      await recordDisputeReport(tx, reportFrom(entity, dispute), {
        kind: "evidence",
        actor: adminName(admin),
        note: `${input.docType}: ${file.fileName}${input.note ? ` — ${input.note}` : ""}`,
      });
    await queries.insertDisputeDocument(tx, {
      disputeId: input.disputeId,
      docType: input.docType,
      note: input.note,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedBy: adminName(admin),
    });
  });
  return ok(`Evidence sent to Cashfree: ${file.fileName}.`);
}
