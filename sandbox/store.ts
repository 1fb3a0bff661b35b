import { randomBytes, randomInt } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Everything the sandbox knows, in one serialisable object (persisted to a JSON file when asked). */

export interface Customer {
  customer_id: string;
  customer_phone: string;
  customer_email?: string | null;
  customer_name?: string | null;
}

export interface SandboxOrder {
  cfOrderId: string;
  orderId: string;
  amountPaise: number;
  currency: string;
  status: "ACTIVE" | "PAID" | "EXPIRED" | "TERMINATED";
  paymentSessionId: string;
  createdMs: number;
  expiryMs: number;
  customer: Customer;
  returnUrl: string | null;
  notifyUrl: string | null;
  paymentMethods: string | null;
  note: string | null;
  tags: Record<string, string> | null;
  linkId: string | null;
  /** The last Update Order Extended (PUT …/extended), kept so tests and the debug page can see it. */
  shipment?: { shipment_details: unknown[]; order_delivery_status: unknown };
}

interface PaymentError {
  error_code: string;
  error_description: string;
  error_reason: string;
  error_source: string;
}

export interface SandboxPayment {
  cfPaymentId: string;
  orderId: string;
  status: "NOT_ATTEMPTED" | "PENDING" | "SUCCESS" | "FAILED" | "USER_DROPPED" | "CANCELLED";
  amountPaise: number;
  currency: string;
  group: string;
  method: Record<string, unknown>;
  message: string;
  timeMs: number;
  completionMs: number | null;
  bankReference: string | null;
  error: PaymentError | null;
  /** How the attempt is finished: on the simulator page (card, netbanking) or at once (test VPAs). */
  needsSimulator: boolean;
}

export interface SandboxRefund {
  cfRefundId: string;
  refundId: string;
  orderId: string;
  cfPaymentId: string;
  amountPaise: number;
  currency: string;
  status: "PENDING" | "SUCCESS" | "CANCELLED";
  note: string | null;
  type: "MERCHANT_INITIATED" | "PAYMENT_AUTO_REFUND";
  createdMs: number;
  processedMs: number | null;
  settlesAtMs: number;
}

export interface SandboxLink {
  cfLinkId: string;
  linkId: string;
  code: string;
  status: "ACTIVE" | "PARTIALLY_PAID" | "PAID" | "EXPIRED" | "CANCELLED";
  amountPaise: number;
  paidPaise: number;
  currency: string;
  purpose: string;
  customer: Omit<Customer, "customer_id">;
  notifyUrl: string | null;
  returnUrl: string | null;
  createdMs: number;
  expiryMs: number;
}

export type DisputeType = "DISPUTE" | "CHARGEBACK" | "RETRIEVAL" | "PRE_ARBITRATION" | "ARBITRATION";
export type DisputeState =
  | "CREATED"
  | "DOCS_RECEIVED"
  | "UNDER_REVIEW"
  | "MERCHANT_WON"
  | "MERCHANT_LOST"
  | "MERCHANT_ACCEPTED"
  | "INSUFFICIENT_EVIDENCE";

/**
 * A dispute on a paid order; its status is `${type}_${state}`:
 * https://www.cashfree.com/docs/api-reference/payments/latest/disputes/dispute-webhooks
 */
export interface SandboxDispute {
  disputeId: string;
  orderId: string;
  cfPaymentId: string;
  type: DisputeType;
  state: DisputeState;
  amountPaise: number;
  currency: string;
  reasonCode: string;
  reasonDescription: string;
  remarks: string;
  actionOn: "MERCHANT" | "CASHFREE";
  createdMs: number;
  updatedMs: number;
  respondByMs: number;
  resolvedMs: number | null;
  preferredEvidence: { document_type: string; document_description: string }[];
  evidence: { document_id: number; document_name: string; document_type: string; note: string | null }[];
}

interface WebhookAttempt {
  attempt: number;
  atMs: number;
  status: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  type: string;
  url: string;
  body: string;
  version: string;
  idempotencyKey: string;
  state: "pending" | "delivered" | "failed" | "dropped";
  attempts: WebhookAttempt[];
  createdMs: number;
}

interface Simulation {
  simulation_id: string;
  entity: string;
  entity_id: string;
  entity_simulation: { payment_status: string; payment_error_code?: string | null };
}

interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
}

interface OAuthState {
  /** Consent requests behind auth links (valid 1 h). */
  links: Record<string, { state: string | null; redirectUri: string; expiresMs: number }>;
  /** Authorization codes (valid 5 min, single use). */
  codes: Record<string, { merchantId: string; expiresMs: number }>;
  accessTokens: Record<string, { merchantId: string; expiresMs: number }>;
  refreshTokens: Record<string, { merchantId: string; expiresMs: number }>;
  linked: Record<string, boolean>;
  /** Refresh-token grants answered (tests count rotations). */
  refreshes: number;
  /** The last PG calls made with a bearer token (newest last), so tests can see which credential was used. */
  bearerCalls: { method: string; path: string; merchantId: string; atMs: number }[];
  /** Token-endpoint answers to fail next ("token endpoint down"). */
  tokenFailNext: number;
}

export type SettlementStatus = "INITIATED" | "SUCCESS" | "FAILED" | "REVERSED";

export interface SandboxSettlementLine {
  eventType: "PAYMENT" | "REFUND";
  eventId: string;
  orderId: string;
  cfPaymentId: string;
  amountPaise: number;
  serviceChargePaise: number;
  serviceTaxPaise: number;
  /** What the line adds to (PAYMENT, CREDIT) or takes from (REFUND, DEBIT) the settlement; always positive. */
  settlementAmountPaise: number;
  eventMs: number;
}

/** A settlement the sandbox made (sandbox/settlements.ts), kept with the rest of its state. */
export interface SandboxSettlement {
  cfSettlementId: string;
  utr: string | null;
  status: SettlementStatus;
  paymentFromMs: number;
  paymentTillMs: number;
  initiatedMs: number;
  settledMs: number | null;
  paymentAmountPaise: number;
  serviceChargePaise: number;
  serviceTaxPaise: number;
  adjustmentPaise: number;
  amountSettledPaise: number;
  reason: string | null;
  lines: SandboxSettlementLine[];
}

export interface SandboxState {
  orders: Record<string, SandboxOrder>;
  payments: Record<string, SandboxPayment>;
  refunds: Record<string, SandboxRefund>;
  links: Record<string, SandboxLink>;
  disputes: Record<string, SandboxDispute>;
  deliveries: WebhookDelivery[];
  simulations: Record<string, Simulation>;
  idempotency: Record<string, IdempotencyRecord>;
  oauth: OAuthState;
  settlements: Record<string, SandboxSettlement>;
}

export const emptyState = (): SandboxState => ({
  orders: {},
  payments: {},
  refunds: {},
  links: {},
  disputes: {},
  deliveries: [],
  simulations: {},
  idempotency: {},
  oauth: {
    links: {},
    codes: {},
    accessTokens: {},
    refreshTokens: {},
    linked: {},
    refreshes: 0,
    bearerCalls: [],
    tokenFailNext: 0,
  },
  settlements: {},
});

export const digits = (length: number) =>
  String(randomInt(1, 9)) + Array.from({ length: length - 1 }, () => randomInt(0, 10)).join("");
export const token = (bytes: number) => randomBytes(bytes).toString("base64url");

export function loadState(path: string | undefined): SandboxState {
  if (!path) return emptyState();
  try {
    const saved = JSON.parse(readFileSync(path, "utf8")) as SandboxState;
    const empty = emptyState();
    return { ...empty, ...saved, oauth: { ...empty.oauth, ...saved.oauth } };
  } catch {
    return emptyState();
  }
}

export function saveState(path: string | undefined, state: SandboxState) {
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(state));
}

export function paymentsOf(state: SandboxState, orderId: string) {
  return Object.values(state.payments)
    .filter((p) => p.orderId === orderId)
    .sort((a, b) => a.timeMs - b.timeMs);
}
