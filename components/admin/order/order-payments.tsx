import { TableHead } from "@/components/admin/admin-table";
import { OrderDisputes } from "@/components/admin/order-disputes";
import { OrderSettlement } from "@/components/admin/order-settlement";
import { RefundForm } from "@/components/admin/refund-form";
import { Section } from "@/components/admin/section";
import { StatusBadge } from "@/components/admin/status-badge";
import { statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";
import { isRefundable, refundablePaise } from "@/lib/orders/transitions";
import { isSuccessfulAttempt } from "@/lib/orders/view";
import { refundDestination } from "@/lib/refund-rules";

import type { AdminOrderDetail } from "./detail";

/** The money: each payment attempt, refunds (and the form for one), the settlement and any disputes. */
export function OrderPayments({ detail }: { detail: AdminOrderDetail }) {
  const { order, payments, refunds, disputes } = detail;
  const refundable = refundablePaise(order);
  const canRefund = isRefundable(order.status) && refundable > 0;
  return (
    <>
      <Section title="Payment attempts">
        {payments.length === 0 ? (
          <p className="text-sm text-stone-600">No attempts yet.</p>
        ) : (
          <table className="w-full text-sm">
            <TableHead
              columns={[{ label: "Payment", className: "py-1" }, "Status", "Method", "Amount", "Failure reason"]}
              className="text-left text-stone-600"
            />
            <tbody>
              {payments.map((p) => (
                <tr key={p.cfPaymentId} className="border-t border-stone-100">
                  <td className="py-1 font-mono">{p.cfPaymentId}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{p.paymentGroup ? statusLabel(p.paymentGroup) : "—"}</td>
                  <td>{formatInr(p.amountPaise)}</td>
                  <td className="text-stone-700">{isSuccessfulAttempt(p.status) ? "" : (p.errorDescription ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Refunds">
        {refunds.length > 0 && (
          <ul className="mb-3 space-y-1 text-sm">
            {refunds.map((r) => (
              <li key={r.refundId} className="flex flex-wrap justify-between gap-2">
                <span className="font-mono">{r.refundId}</span>
                <span>
                  {formatInr(r.amountPaise)} · <StatusBadge status={r.status} /> · {r.reason ?? r.refundType}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canRefund ? (
          <RefundForm
            orderId={order.id}
            refundablePaise={refundable}
            destination={refundDestination(order.paidPaymentGroup)}
          />
        ) : (
          <p className="text-sm text-stone-600">Nothing refundable.</p>
        )}
      </Section>

      {order.paidAt && <OrderSettlement orderId={order.id} />}

      {disputes.length > 0 && (
        <Section title="Disputes">
          <OrderDisputes orderId={order.id} />
        </Section>
      )}
    </>
  );
}
