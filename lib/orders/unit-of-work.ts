import "server-only";

import type { Database } from "@/db";
import { type OrderRow, updateOrder } from "@/db/queries/orders";
import { enqueueJobs, type NewOutboxJob } from "@/db/queries/outbox";
import { env } from "@/lib/env";

import type { Actor } from "./actors";
import { type AfterCommitWork, runAfterCommit } from "./after-commit";
import type { OrderEventInput } from "./events";
import { type CashfreeObservation, type SettleResult, settleObservation } from "./observation";
import { applyCommands, type CommandContext, type CommandResult, lockOrder, NOT_FOUND } from "./runner";
import type { OrderCommand } from "./transitions";

/**
 * One change to orders, as one transaction: what a caller may do inside it. Whatever must wait for the commit
 * (refreshing product pages, running the outbox jobs written here) is collected and run by the unit once it has
 * committed, so no caller can drop it; a rollback drops it with the writes.
 */
export interface OrderChanges {
  /** The transaction, for the caller's own rows (a refund, a webhook event's outcome). */
  readonly tx: Database;
  /** Locks the order's row until the commit; undefined when there is no such order. */
  lock(orderId: string): Promise<OrderRow | undefined>;
  /** Applies commands to an order locked in this unit (lib/orders/runner.ts): decided, written, or refused. */
  apply(
    order: OrderRow,
    commands: OrderCommand[],
    actor: Actor,
    options?: { detail?: Record<string, unknown> },
  ): Promise<CommandResult>;
  /** What Cashfree said about an order (lib/orders/observation.ts); locks it. */
  settle(observation: CashfreeObservation): Promise<SettleResult>;
  /** Timeline entries for an order, written with its next update here (one statement), or before the commit. */
  recordEvents(events: OrderEventInput[]): void;
  /** Outbox jobs, written with the next update here or before the commit; order e-mails only when they are on. */
  enqueue(jobs: NewOutboxJob[]): void;
  /** Other work for after the commit (the outbox, after a job written beside the order writer). */
  after(work: AfterCommitWork): void;
}

class OrderUnit implements OrderChanges, CommandContext {
  private events: OrderEventInput[] = [];
  private jobs: NewOutboxJob[] = [];

  constructor(
    readonly tx: Database,
    private readonly afterCommit: Set<AfterCommitWork>,
  ) {}

  lock(orderId: string) {
    return lockOrder(this.tx, orderId);
  }

  apply(order: OrderRow, commands: OrderCommand[], actor: Actor, options: { detail?: Record<string, unknown> } = {}) {
    return applyCommands(this, order, commands, actor, { detail: options.detail });
  }

  settle(observation: CashfreeObservation) {
    return settleObservation(this, observation);
  }

  recordEvents(events: OrderEventInput[]) {
    this.events.push(...events);
  }

  enqueue(jobs: NewOutboxJob[]) {
    this.jobs.push(...jobs);
  }

  after(work: AfterCommitWork) {
    this.afterCommit.add(work);
  }

  takeRecorded(orderId: string) {
    const events = this.events.filter((event) => event.orderId === orderId);
    this.events = this.events.filter((event) => event.orderId !== orderId);
    const jobs = this.jobs;
    this.jobs = [];
    return { events, jobs };
  }

  async writeJobs(jobs: NewOutboxJob[]) {
    // ORDER_EMAILS=off (benchmarks, tests of other things): the order's e-mails are not written at all.
    const kept = env.email.orderEmails ? jobs : jobs.filter((job) => job.kind !== "email");
    if (kept.length === 0) return;
    await enqueueJobs(this.tx, kept);
    this.after("run_outbox");
  }

  /** What was recorded and not yet written with an order's update: written before the commit. */
  async writeRecorded() {
    for (const orderId of new Set(this.events.map((event) => event.orderId))) {
      await updateOrder(this.tx, orderId, {}, this.takeRecorded(orderId).events);
    }
    const jobs = this.jobs;
    this.jobs = [];
    await this.writeJobs(jobs);
  }
}

/**
 * Runs `change` as one unit of work: one transaction, committed, then its after-commit work. Whatever `change`
 * returns is returned; an error rolls everything back and runs nothing after.
 */
export async function withOrders<T>(db: Database, change: (orders: OrderChanges) => Promise<T>): Promise<T> {
  const afterCommit = new Set<AfterCommitWork>();
  const result = await db.transaction(async (tx) => {
    const unit = new OrderUnit(tx, afterCommit);
    const value = await change(unit);
    await unit.writeRecorded();
    return value;
  });
  runAfterCommit(afterCommit);
  return result;
}

/** The common case: locks one order and runs `change` on it, as one unit of work. Null when there is no such order. */
export function changeOrder<T>(
  db: Database,
  orderId: string,
  change: (orders: OrderChanges, order: OrderRow) => Promise<T>,
): Promise<T | null> {
  return withOrders(db, async (orders) => {
    const order = await orders.lock(orderId);
    return order ? change(orders, order) : null;
  });
}

/** One command on one order, as one unit of work (admin operations, payment links, a failed checkout). */
export async function applyToOrder(
  db: Database,
  orderId: string,
  command: OrderCommand,
  actor: Actor,
  options: { detail?: Record<string, unknown> } = {},
): Promise<CommandResult> {
  const result = await changeOrder(db, orderId, (orders, order) => orders.apply(order, [command], actor, options));
  return result ?? NOT_FOUND;
}
