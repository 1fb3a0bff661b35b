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

/** Who acts next on a dispute: the merchant, Cashfree, the customer's bank (or card network, NPCI), or no one. */
export type DisputeMover = "merchant" | "cashfree" | "bank" | null;

/**
 * How long the bank usually takes to decide once it has the evidence, per dispute type: Cashfree's "Chargeback
 * types" table (resolution time), https://www.cashfree.com/docs/payments/manage/disputes.
 */
const DECISION_TIME: Record<string, string> = {
  DISPUTE: "usually within 5–7 working days (fraud cases can take months)",
  RETRIEVAL: "usually within 30–45 days",
  CHARGEBACK: "usually within 30–45 days for cards, 15–20 days for UPI",
  PRE_ARBITRATION: "usually within 30–45 days for cards, 15–20 days for UPI",
  ARBITRATION: "usually within about 15 days",
};

/**
 * Whose move it is and what happens next, from the dispute's status: Cashfree's dispute states
 * (https://www.cashfree.com/docs/payments/manage/disputes/disputes-states). Not from `dispute_action_on`: only
 * webhooks carry it, so after an answer sent through the API it still said MERCHANT until the next webhook.
 * `deadline` is the respond-by time, already written for people ("12 Dec 2026, 11:59 pm"), or null.
 */
export function nextMove(
  status: string,
  deadline: string | null,
  overdue: boolean,
): { mover: DisputeMover; title: string; detail: string } {
  const { type, state } = parseDisputeStatus(status);
  const by = deadline ? ` by ${deadline}` : "";
  switch (state) {
    case "CREATED":
    case "INSUFFICIENT_EVIDENCE": {
      const ask =
        state === "CREATED"
          ? `Accept the dispute, or contest it with evidence${by}.`
          : `Cashfree found the evidence insufficient: send more${by}, or accept the dispute.`;
      // Cashfree's disputes FAQ: "The dispute will be ruled in favour of the customer if you don't respond".
      const otherwise = overdue
        ? "The respond-by time has passed: without your answer, Cashfree rules for the customer."
        : "Without your answer in time, Cashfree rules for the customer and the amount is debited.";
      return { mover: "merchant", title: "Your move", detail: `${ask} ${otherwise}` };
    }
    case "DOCS_RECEIVED":
      return {
        mover: "cashfree",
        title: "Cashfree's move",
        detail: `Cashfree has your documents and is checking them before it sends them to the customer's bank. Nothing to do now; Cashfree asks here if it needs more${deadline ? `, and you can still add documents until ${deadline}` : ""}.`,
      };
    case "UNDER_REVIEW":
      return {
        mover: "bank",
        title: "The bank's move",
        detail: `Cashfree sent your evidence to the customer's bank, which decides: ${DECISION_TIME[type ?? "DISPUTE"] ?? DECISION_TIME.DISPUTE}. Nothing to do meanwhile.`,
      };
    case "MERCHANT_WON":
      return {
        mover: null,
        title: "Closed in your favour",
        detail:
          "Nothing more to do: the money stays with you. The customer can still escalate it (pre-arbitration); Cashfree would report that here.",
      };
    case "MERCHANT_LOST":
    case "MERCHANT_ACCEPTED":
      return {
        mover: null,
        title: "Closed for the customer",
        detail: "Nothing more to do: Cashfree debits the disputed amount from your settlements.",
      };
    default:
      return { mover: null, title: "Waiting for Cashfree", detail: `Cashfree reported "${status}".` };
  }
}
