import Link from "next/link";

import { statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";
import { orderSettlement } from "@/lib/settlements/view";

import { SettlementStatus, settlementTime } from "./settlement-amounts";

/** The order page's "Settlement" section: whether Cashfree has paid this order's money out, and in which settlement. */
export async function OrderSettlement({ orderId }: { orderId: string }) {
  const { settledIn, lines } = await orderSettlement(orderId);
  return (
    <section aria-label="Settlement" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 className="mb-3 font-semibold">Settlement</h2>
      {settledIn ? (
        <p className="text-sm">
          {settledIn.settlement.status === "SUCCESS" ? "Settled" : "Being settled"} in settlement{" "}
          <Link href={`/admin/settlements/${settledIn.settlement.id}`} className="font-mono text-brand-700 underline">
            {settledIn.settlement.cfSettlementId}
          </Link>{" "}
          <SettlementStatus status={settledIn.settlement.status} />
          {settledIn.settlement.utr && (
            <>
              {" "}
              · UTR <span className="font-mono">{settledIn.settlement.utr}</span>
            </>
          )}{" "}
          · {settlementTime(settledIn.settlement.settledOn ?? settledIn.settlement.initiatedOn)} ·{" "}
          {formatInr(settledIn.line.settlementAmountPaise)} after Cashfree&apos;s charges
        </p>
      ) : (
        <p className="text-sm text-stone-600">Not settled yet.</p>
      )}
      {lines.filter((l) => l !== settledIn).length > 0 && (
        <ul className="mt-2 space-y-1 text-sm text-stone-600">
          {lines
            .filter((l) => l !== settledIn)
            .map(({ line, settlement }) => (
              <li key={line.id}>
                {statusLabel(line.eventType.toLowerCase())} {formatInr(line.settlementAmountPaise)} in settlement{" "}
                <Link href={`/admin/settlements/${settlement.id}`} className="font-mono underline">
                  {settlement.cfSettlementId}
                </Link>{" "}
                ({settlement.status.toLowerCase()})
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
