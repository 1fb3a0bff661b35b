import { humanStatus } from "@/lib/disputes/state";
import { statusLabel } from "@/lib/format";

/** One line of an order's timeline as the admin reads it. */
export interface TimelineEntry {
  id: string;
  at: Date;
  what: string;
  via: string;
}

interface OrderEventLine {
  id: number | string;
  type: string;
  source: string;
  createdAt: Date;
}

interface DisputeLine {
  id: string;
  disputeId: string;
  kind: string;
  status: string | null;
  actor: string | null;
  occurredAt: Date;
}

const disputeWhat = (line: DisputeLine) => {
  if (line.kind === "accepted") return `dispute ${line.disputeId} accepted`;
  if (line.kind === "evidence") return `dispute ${line.disputeId}: evidence sent`;
  return `dispute ${line.disputeId}: ${line.status ? humanStatus(line.status).toLowerCase() : "updated"}`;
};

/**
 * The order's own events (written by lib/orders) and its disputes' history (records about the order, kept by
 * lib/disputes) in one list by time, so the merchant reads what happened to the order in one place. Read-only:
 * a dispute never becomes an order event.
 */
export function orderTimeline(orderEvents: OrderEventLine[], disputeLines: DisputeLine[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...orderEvents.map((e) => ({
      id: `order-${e.id}`,
      at: e.createdAt,
      what: statusLabel(e.type),
      via: e.source,
    })),
    ...disputeLines.map((line) => ({
      id: `dispute-${line.id}`,
      at: line.occurredAt,
      what: disputeWhat(line),
      via: line.kind === "webhook" || line.kind === "sync" ? "Cashfree" : (line.actor ?? "admin"),
    })),
  ];
  // Cashfree dates a dispute to the second, our events to the millisecond: within one second the order's own
  // events come first (a dispute cannot precede the payment it disputes). The sort is stable beyond that.
  const second = (e: TimelineEntry) => Math.floor(e.at.getTime() / 1000);
  const orderFirst = (e: TimelineEntry) => (e.id.startsWith("order-") ? 0 : 1);
  return entries.sort(
    (a, b) => second(a) - second(b) || orderFirst(a) - orderFirst(b) || a.at.getTime() - b.at.getTime(),
  );
}
