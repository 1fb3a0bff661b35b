import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable, AmountCell, numeric } from "@/components/admin/admin-table";
import { PaymentLinkForm } from "@/components/admin/payment-link-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireAdminPage } from "@/lib/auth/session";
import { listPaymentLinks } from "@/lib/payment-links";

export const metadata: Metadata = { title: "Payment links · Admin" };

const STATUSES = ["ACTIVE", "PARTIALLY_PAID", "PAID", "EXPIRED", "CANCELLED", "FAILED"];

export default async function PaymentLinksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireAdminPage();
  const { status } = await searchParams;
  const filter = status && STATUSES.includes(status) ? status : undefined;
  const links = await listPaymentLinks(filter);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Payment links</h1>
      <PaymentLinkForm />
      <nav aria-label="Filter links" className="flex flex-wrap gap-2 text-sm">
        <Link href="/admin/payment-links" className="rounded border border-stone-300 px-2 py-1">
          All
        </Link>
        {STATUSES.map((s) => (
          <Link
            key={s}
            href={`/admin/payment-links?status=${s}`}
            aria-current={s === filter ? "page" : undefined}
            className="rounded border border-stone-300 px-2 py-1 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
          >
            {s.replace("_", " ").toLowerCase()}
          </Link>
        ))}
      </nav>
      <AdminTable
        columns={["Link", "Purpose", "Customer", "Status", ...numeric("Amount")]}
        empty={links.length === 0 && "No payment links yet."}
      >
        {links.map((link) => (
          <tr key={link.linkId} className="border-t border-stone-100">
            <td className="px-3 py-2 font-mono">
              <Link href={`/admin/payment-links/${link.linkId}`} className="text-brand-700 underline">
                {link.linkId}
              </Link>
            </td>
            <td className="px-3 py-2">{link.purpose}</td>
            <td className="px-3 py-2">{link.customerName ?? link.customerPhone}</td>
            <td className="px-3 py-2">
              <StatusBadge status={link.status} />
            </td>
            <AmountCell paise={link.amountPaise} also={["paid", link.amountPaidPaise]} />
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
