import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { StatusBadge } from "@/components/admin/status-badge";
import { cancelPaymentLinkAction } from "@/lib/actions/admin/payment-links";
import { requireAdminPage } from "@/lib/auth/session";
import { formatInr } from "@/lib/money";
import { getPaymentLinkDetail, canCancelLink } from "@/lib/payment-links";

export const metadata: Metadata = { title: "Payment link · Admin" };

export default async function PaymentLinkPage({ params }: { params: Promise<{ linkId: string }> }) {
  await requireAdminPage();
  const { linkId } = await params;
  const detail = await getPaymentLinkDetail(linkId);
  if (!detail) notFound();
  const { link, orders } = detail;
  return (
    <div className="space-y-4">
      <h1 className="font-mono text-2xl font-semibold">{link.linkId}</h1>
      <p className="flex items-center gap-2 text-sm">
        <StatusBadge status={link.status} /> {formatInr(link.amountPaise)} · paid {formatInr(link.amountPaidPaise)} ·{" "}
        {link.purpose}
      </p>
      {link.linkUrl && (
        <p className="text-sm break-all">
          Link:{" "}
          <a href={link.linkUrl} className="text-brand-700 underline">
            {link.linkUrl}
          </a>
        </p>
      )}
      <p className="text-sm text-stone-700">
        {[link.customerName, link.customerEmail, link.customerPhone].filter(Boolean).join(" · ")}
      </p>
      {canCancelLink(link.status) && (
        <ActionButton
          label="Cancel link"
          confirm={{
            question: "Cancel this payment link?",
            consequence: "The customer can no longer pay through it.",
            confirmLabel: "Cancel link",
          }}
          run={cancelPaymentLinkAction.bind(null, { linkId: link.linkId })}
        />
      )}
      <section aria-label="Orders" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Orders and payments at Cashfree</h2>
        {orders === null ? (
          <p className="text-sm text-red-700">Cashfree could not be reached; try again shortly.</p>
        ) : orders.length === 0 ? (
          <p className="text-sm text-stone-600">No payments yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {orders.map((o) => (
              <li key={o.orderId}>
                <span className="font-mono">{o.orderId}</span> · {o.status} · {formatInr(o.amountPaise)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
