/**
 * The outbox job that applies a stored webhook event, should the apply right after its response not happen. Its
 * own module: the outbox's handler table names it, and the webhook code that enqueues it also starts the outbox.
 */
export const APPLY_WEBHOOK_JOB = "apply_webhook";

/** Which endpoint received the event, and so how its body is read. */
export type WebhookChannel = "pg" | "partner";
