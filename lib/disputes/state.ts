/**
 * What a dispute's status says (`<TYPE>_<STATE>`, as in
 * https://www.cashfree.com/docs/api-reference/payments/latest/disputes/dispute-webhooks), and which of two reports
 * is the newer. Pure: shared by the webhook, the admin's answers and the pages.
 */

const TYPES = ["DISPUTE", "RETRIEVAL", "CHARGEBACK", "PRE_ARBITRATION", "ARBITRATION"] as const;
const STATES = [
  "CREATED",
  "DOCS_RECEIVED",
  "INSUFFICIENT_EVIDENCE",
  "UNDER_REVIEW",
  "MERCHANT_WON",
  "MERCHANT_LOST",
  "MERCHANT_ACCEPTED",
] as const;
type DisputeState = (typeof STATES)[number];

const CLOSED: DisputeState[] = ["MERCHANT_WON", "MERCHANT_LOST", "MERCHANT_ACCEPTED"];
/** The merchant may still answer: accept, or send (more) evidence. */
const ANSWERABLE: DisputeState[] = ["CREATED", "DOCS_RECEIVED", "INSUFFICIENT_EVIDENCE"];

function parseDisputeStatus(status: string): { type: string | null; state: DisputeState | null } {
  const state = [...STATES].sort((a, b) => b.length - a.length).find((s) => status.endsWith(`_${s}`)) ?? null;
  const type = state ? status.slice(0, -state.length - 1) || null : null;
  return { type, state };
}

export const isClosedStatus = (status: string) => CLOSED.includes(parseDisputeStatus(status).state!);
export const isAnswerable = (status: string) => ANSWERABLE.includes(parseDisputeStatus(status).state!);
/** Lost or accepted: Cashfree debits the disputed amount from the merchant's settlements. */
export const isDebited = (status: string) => {
  const { state } = parseDisputeStatus(status);
  return state === "MERCHANT_LOST" || state === "MERCHANT_ACCEPTED";
};

/** "DISPUTE_DOCS_RECEIVED" → "Docs received"; "PRE_ARBITRATION" → "Pre-arbitration". */
export function humanStatus(status: string) {
  const { state } = parseDisputeStatus(status);
  const words = (state ?? status).toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
export const humanType = (type: string | null) =>
  type ? type.charAt(0) + type.slice(1).toLowerCase().replaceAll("_", "-") : "Dispute";

function rank(status: string) {
  const { type, state } = parseDisputeStatus(status);
  const typeRank = type ? Math.max(0, (TYPES as readonly string[]).indexOf(type)) : 0;
  const stateRank = state
    ? ({ CREATED: 0, DOCS_RECEIVED: 1, INSUFFICIENT_EVIDENCE: 2, UNDER_REVIEW: 2 }[state as string] ?? 3)
    : 0;
  return typeRank * 10 + stateRank;
}

/**
 * Whether a report should replace the state we hold: a later Cashfree updated_at wins; on the same second (or
 * when a time is missing) the report further along the lifecycle wins, so any order of arrival ends the same.
 */
export function supersedes(
  incoming: { status: string; changedAt: Date | null },
  held: { status: string; cfUpdatedAt: Date | null },
) {
  if (incoming.changedAt && held.cfUpdatedAt) {
    const delta = incoming.changedAt.getTime() - held.cfUpdatedAt.getTime();
    if (delta !== 0) return delta > 0;
  } else if (held.cfUpdatedAt && !incoming.changedAt) {
    return false;
  }
  return rank(incoming.status) >= rank(held.status);
}
