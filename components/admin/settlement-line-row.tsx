import Link from "next/link";

import { formatInr } from "@/lib/money";
import type { settlementDetail } from "@/lib/settlements/view";

import { deduction, settlementTime } from "./settlement-amounts";

type Line = NonNullable<Awaited<ReturnType<typeof settlementDetail>>>["lines"][number];

const EVENT_LABELS: Record<string, string> = {
  PAYMENT: "Payment",
  REFUND: "Refund",
  REFUND_REVERSAL: "Refund reversed",
  DISPUTE: "Dispute",
  DISPUTE_REVERSAL: "Dispute reversed",
  CHARGEBACK: "Chargeback",
  CHARGEBACK_REVERSAL: "Chargeback reversed",
  OTHER_ADJUSTMENT: "Adjustment",
};

/** One line of Cashfree's reconciliation report: the order (ours, linked), what happened, and the money. */
export function SettlementLineRow({ line, customerName }: Line) {
  return (
    <tr className="border-t border-stone-100">
      <td className="px-3 py-2">
        {line.orderId ? (
          <Link
            href={`/admin/orders/${encodeURIComponent(line.orderId)}`}
            className="font-mono text-brand-700 underline"
          >
            {line.orderId}
          </Link>
        ) : (
          <span className="font-mono" title="Not an order of this shop">
            {line.cfOrderId ?? "—"}
          </span>
        )}
        {customerName && <span className="block text-xs text-stone-500">{customerName}</span>}
      </td>
      <td className="px-3 py-2">
        {EVENT_LABELS[line.eventType] ?? line.eventType}
        <span className="block font-mono text-xs text-stone-500">{line.eventId}</span>
      </td>
      <td className="px-3 py-2">{settlementTime(line.eventTime)}</td>
      <td className="px-3 py-2 text-right">{formatInr(line.amountPaise)}</td>
      <td className="px-3 py-2 text-right">{deduction(line.serviceChargePaise)}</td>
      <td className="px-3 py-2 text-right">{deduction(line.serviceTaxPaise)}</td>
      <td className="px-3 py-2 text-right">{formatInr(line.settlementAmountPaise)}</td>
    </tr>
  );
}
