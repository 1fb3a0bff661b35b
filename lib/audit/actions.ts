/**
 * What the audit log can say happened: every admin action names one of these (the action client requires it,
 * and lib/audit/audited-actions.test.ts fails for an admin action export without one). Labels are for the Audit
 * log page; the codes are what rows, filters and the CSV carry. Safe for client code (constants only).
 */
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "order.resync": "Order re-synced with Cashfree",
  "order.refund": "Refund",
  "order.cancel": "Order cancelled",
  "order.terminate": "Order terminated",
  "order.ship": "Marked shipped",
  "order.deliver": "Marked delivered",
  "order.resend_email": "Confirmation e-mail resent",
  "order.export": "Orders exported (CSV)",
  "order.document_download": "Invoice or credit note downloaded",
  "webhook.replay": "Webhook replayed",
  "outbox.retry": "Outbox job retried",
  "payment_link.create": "Payment link created",
  "payment_link.cancel": "Payment link cancelled",
  "payment_link.send": "Payment link sent for an order",
  "product.create": "Product created",
  "product.update": "Product edited",
  "product.options": "Product options changed",
  "product.archive": "Product archived or restored",
  "product.photo_add": "Photo added",
  "product.photo_move": "Photo moved",
  "product.photo_describe": "Photo description changed",
  "product.photo_remove": "Photo removed",
  "variant.update": "Variant price or SKU changed",
  "variant.on_sale": "Variant put on or taken off sale",
  "stock.adjust": "Stock adjusted",
  "policy.update": "Policy page edited",
  "settings.update": "Settings changed",
  "cashfree.connect_start": "Cashfree connection started",
  "cashfree.connect": "Cashfree connected",
  "cashfree.disconnect": "Cashfree disconnected",
  "dispute.accept": "Dispute accepted",
  "dispute.evidence": "Dispute evidence submitted",
  "gst.export": "GST report exported (CSV)",
  "settlement.export": "Settlements exported (CSV)",
  "audit.export": "Audit log exported (CSV)",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/**
 * ok: it happened. failed: it was tried and did not happen (invalid input, a business rule, Cashfree said no, an
 * error; a wrong password). refused: the person may not do it (a lesser role; sign-in throttled).
 */
export const AUDIT_OUTCOMES = ["ok", "failed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_TARGET_TYPES = [
  "order",
  "product",
  "variant",
  "photo",
  "policy",
  "settings",
  "payment_link",
  "dispute",
  "webhook_event",
  "outbox_job",
  "cashfree",
  "document",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
