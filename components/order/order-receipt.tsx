import { formatDate, statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";
import { moneyBack, type OrderView, refundStatusWords } from "@/lib/orders/view";

import { GstBreakdown } from "./gst-breakdown";

const METHOD_NAMES: Record<string, string> = {
  upi: "UPI",
  credit_card: "Credit card",
  debit_card: "Debit card",
  prepaid_card: "Prepaid card",
  net_banking: "Net banking",
  wallet: "Wallet",
  pay_later: "Pay later",
};

export const paymentMethodName = (group: string | null) => (group ? (METHOD_NAMES[group] ?? statusLabel(group)) : "—");

/**
 * Below the total: what came back (completed refunds, a chargeback) and the net paid; then refunds still on their
 * way, or that failed, which the net paid does not count yet.
 */
function MoneyBackRows({ order }: { order: OrderView }) {
  const money = moneyBack(order);
  const refunds = [...order.refunds].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const completed = refunds.filter((r) => r.status === "SUCCESS");
  const others = refunds.filter((r) => r.status !== "SUCCESS");
  if (refunds.length === 0 && money.chargebackPaise === 0) return null;
  return (
    <>
      {completed.map((refund) => (
        <tr key={refund.id}>
          <td colSpan={2}>Refunded · {formatDate(refund.createdAt)}</td>
          <td className="text-right tabular-nums">{formatInr(-refund.amountPaise)}</td>
        </tr>
      ))}
      {money.chargebackPaise > 0 && (
        <tr>
          <td colSpan={2}>Returned by your bank (dispute)</td>
          <td className="text-right tabular-nums">{formatInr(-money.chargebackPaise)}</td>
        </tr>
      )}
      <tr className="font-semibold text-ink">
        <td colSpan={2} className="pt-1">
          Net paid
        </td>
        <td className="pt-1 text-right tabular-nums">{formatInr(money.netPaidPaise)}</td>
      </tr>
      {others.map((refund) => (
        <tr key={refund.id} className="text-stone-600">
          <td colSpan={2} className="pt-1">
            Refund {refundStatusWords(refund.status)} · {formatDate(refund.createdAt)}
            {refund.status === "FAILED" || refund.status === "CANCELLED" ? " (not refunded)" : ""}
          </td>
          <td className="pt-1 text-right tabular-nums">{formatInr(refund.amountPaise)}</td>
        </tr>
      ))}
    </>
  );
}

export function OrderReceipt({ order }: { order: OrderView }) {
  return (
    <section aria-labelledby="receipt-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 id="receipt-heading" className="mb-3 text-lg font-semibold">
        Order {order.id}
      </h2>
      <table className="w-full text-sm">
        <caption className="sr-only">Items in this order</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-600">
            <th scope="col" className="py-2 font-medium">
              Item
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.productName} className="border-b border-stone-100">
              <td className="py-2">{item.productName}</td>
              <td className="py-2 text-right">{item.quantity}</td>
              <td className="py-2 text-right">{formatInr(item.lineTotalPaise)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="text-stone-700">
          <tr>
            <td colSpan={2} className="pt-3">
              Subtotal
            </td>
            <td className="pt-3 text-right">{formatInr(order.subtotalPaise)}</td>
          </tr>
          <tr>
            <td colSpan={2}>Shipping</td>
            <td className="text-right">{order.shippingPaise === 0 ? "Free" : formatInr(order.shippingPaise)}</td>
          </tr>
          <tr className="font-semibold text-ink">
            <td colSpan={2} className="pt-1">
              Total (GST included)
            </td>
            <td className="pt-1 text-right tabular-nums">{formatInr(order.totalPaise)}</td>
          </tr>
          <MoneyBackRows order={order} />
        </tfoot>
      </table>
      <div className="mt-3 ml-auto max-w-xs border-t border-stone-100 pt-2">
        <GstBreakdown quote={order.gst} />
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-600">Ship to</dt>
          <dd>
            {order.customerName}, {order.shippingAddress}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">Place of supply</dt>
          <dd>{order.placeOfSupply}</dd>
        </div>
        {order.business && (
          <div>
            <dt className="text-stone-600">Billed to</dt>
            <dd>
              {order.business.name}, GSTIN <span className="font-mono">{order.business.gstin}</span>
            </dd>
          </div>
        )}
        {order.paidPayment && (
          <>
            <div>
              <dt className="text-stone-600">Paid with</dt>
              <dd>{paymentMethodName(order.paidPayment.group)}</dd>
            </div>
            <div>
              <dt className="text-stone-600">Payment reference</dt>
              <dd className="font-mono">{order.paidPayment.bankReference ?? order.paidPayment.cfPaymentId}</dd>
            </div>
          </>
        )}
      </dl>
      {order.documents.length > 0 && (
        <ul aria-label="Tax documents" className="mt-4 space-y-1 border-t border-stone-100 pt-3 text-sm">
          {order.documents.map((document) => (
            <li key={document.id}>
              {document.kind === "invoice" ? "Tax invoice" : "Credit note"} {document.number}:{" "}
              <a href={document.url} className="font-medium text-brand-700 underline" download>
                Download PDF
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
