import "server-only";

import { type Database, getDb } from "@/db";
import { insertAuditEvent } from "@/db/queries/audit";
import { logError } from "@/lib/log";

import type { AuditAction, AuditOutcome, AuditTargetType } from "./actions";
import { requestContext } from "./request";

/**
 * Writing the audit log. When is the row written?
 *
 * - In the change's own transaction (`audit.writeIn(tx)`) where the change is one transaction: settings, prices
 *   and SKUs, stock, product details, policy pages. The row and the change commit together or not at all; if
 *   the row cannot be written, nothing changes and the action says so.
 * - Right after the action, by the action client, everywhere else: refunds, cancellations, shipping, payment
 *   links, disputes, Cashfree connect (each calls Cashfree, or spans several transactions, so there is no one
 *   transaction to join; their own tables — order_events, refunds, stock_adjustments — name the admin in the
 *   change's transaction). A row that cannot be written then is logged as an error and the action still answers
 *   what really happened: answering "failed" for a change that was made would invite doing it twice.
 *
 * Failures are recorded too: a lesser role's attempt (refused), invalid input, a business rule or Cashfree saying
 * no (failed), with the sentence the admin was shown. A caller with no session at all is not: nothing can be
 * attributed to them, and anyone on the internet could fill the table (sign-in attempts are the exception).
 */

export interface AuditActor {
  id: string | null;
  email: string | null;
}

export interface AuditChange {
  target?: { type: AuditTargetType; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  detail?: Record<string, unknown>;
}

export interface AuditEntry extends AuditChange {
  action: AuditAction;
  outcome: AuditOutcome;
  actor: AuditActor | null;
}

/** Writes one row, with where the request came from; in `db` when it is the caller's transaction. Throws. */
async function recordAudit(entry: AuditEntry, db?: Database) {
  const context = await requestContext();
  await insertAuditEvent(db ?? (await getDb()), {
    action: entry.action,
    outcome: entry.outcome,
    actorAdminId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email?.slice(0, 200) ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id.slice(0, 200) ?? null,
    ...context,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
  });
}

/** For rows written after the fact: a failure is logged, never thrown over the action's real answer. */
export async function recordAuditSafely(entry: AuditEntry) {
  try {
    await recordAudit(entry);
  } catch (error) {
    logError(`audit: could not record ${entry.action} (${entry.outcome}, ${entry.target?.type ?? "no target"})`, error);
  }
}

/** The row's values of the fields a change sets: its "before", read in the change's transaction. */
export function fieldsOf(row: object, change: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(change).map((key) => [key, (row as Record<string, unknown>)[key]]));
}

/** An action's input names its target by its id field; the first of these it has. */
const TARGET_FIELDS: [string, AuditTargetType][] = [
  ["orderId", "order"],
  ["variantId", "variant"],
  ["imageId", "photo"],
  ["productId", "product"],
  ["disputeId", "dispute"],
  ["linkId", "payment_link"],
  ["eventId", "webhook_event"],
  ["jobId", "outbox_job"],
];

export function targetOf(input: unknown): AuditChange["target"] {
  if (!input || typeof input !== "object") return undefined;
  for (const [field, type] of TARGET_FIELDS) {
    const id = (input as Record<string, unknown>)[field];
    if (typeof id === "string" && id) return { type, id };
  }
  return undefined;
}

/** What an admin action's body may tell its audit row. */
export interface Audit {
  /** Adds to what the row says: its target, before and after (replaced), details (merged), or a finer action. */
  note(change: AuditChange & { action?: AuditAction }): void;
  /** Writes the `ok` row now, in the change's own transaction; call it last in a transaction that commits. */
  writeIn(tx: Database, change?: AuditChange): Promise<void>;
}

/** One admin action's row, as the action client gathers it (lib/actions/client.ts). */
export class AuditRun implements Audit {
  private actor: AuditActor | null = null;
  private refused = false;
  private written = false;
  private change: AuditChange = {};

  constructor(private action: AuditAction) {}

  note({ action, detail, ...change }: AuditChange & { action?: AuditAction }) {
    if (action) this.action = action;
    this.change = {
      ...this.change,
      ...change,
      detail: detail ? { ...this.change.detail, ...detail } : this.change.detail,
    };
  }

  async writeIn(tx: Database, change: AuditChange = {}) {
    this.note(change);
    await recordAudit(this.entry("ok"), tx);
    this.written = true;
  }

  /** Who is acting; `refused` when their role is not enough. */
  identify(actor: AuditActor, options: { refused?: boolean } = {}) {
    this.actor = { id: actor.id, email: actor.email };
    this.refused = !!options.refused;
  }

  /**
   * Writes the row unless its transaction already did. A failure after `writeIn` (an error once the change was
   * committed, or one that rolled it back) is written as its own `failed` row: the log may then say both, never
   * neither.
   */
  async finish(outcome: "ok" | "failed", detail?: Record<string, unknown>) {
    if (!this.actor) return;
    if (outcome === "ok" && this.written) return;
    if (detail) this.note({ detail });
    await recordAuditSafely(this.entry(this.refused ? "refused" : outcome));
  }

  private entry(outcome: AuditOutcome): AuditEntry {
    return { action: this.action, outcome, actor: this.actor, ...this.change };
  }
}
