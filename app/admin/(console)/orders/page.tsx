import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable, AmountCell, numeric } from "@/components/admin/admin-table";
import { ExportCsvButton } from "@/components/admin/export-csv-button";
import { OrderFilterForm } from "@/components/admin/order-filter-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { parseOrderFilters } from "@/lib/admin/order-filters";
import { COUNT_CAP, listAdminOrders } from "@/lib/admin/orders";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime, statusLabel } from "@/lib/format";

export const metadata: Metadata = { title: "Orders · Admin" };

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage();
  const params = await searchParams;
  const filters = parseOrderFilters(params);
  const { rows, total, previous, next } = await listAdminOrders(filters);
  // The filters without the page edge: the export takes every matching order; a page link adds its own edge.
  const filterQuery = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" && v && k !== "after" && k !== "before" ? [[k, v]] : [],
    ),
  );
  const pageLink = (edge: "after" | "before", cursor: string) => {
    const link = new URLSearchParams(filterQuery);
    link.set(edge, cursor);
    return `?${link}`;
  };
  const counted = total > COUNT_CAP ? `${COUNT_CAP.toLocaleString("en-IN")}+` : total.toLocaleString("en-IN");

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Orders</h1>
        <ExportCsvButton href={`/admin/orders/export?${filterQuery}`} total={total > COUNT_CAP ? undefined : total} />
      </div>
      <OrderFilterForm filters={filters} />
      <p className="text-sm text-stone-600">
        {counted} {total === 1 ? "order" : "orders"}
      </p>
      <AdminTable
        columns={["Order", "Placed", "Customer", "Status", "Method", ...numeric("Total")]}
        empty={rows.length === 0 && "No orders match these filters."}
      >
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-stone-100">
            <td className="px-3 py-2 font-mono">
              <Link href={`/admin/orders/${encodeURIComponent(row.id)}`} className="text-brand-700 underline">
                {row.id}
              </Link>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
            <td className="px-3 py-2">
              {row.customerName}
              <span className="block text-xs text-stone-500">{row.customerEmail}</span>
            </td>
            <td className="px-3 py-2">
              <StatusBadge status={row.status} />
            </td>
            <td className="px-3 py-2">{row.paymentGroup ? statusLabel(row.paymentGroup) : "—"}</td>
            <AmountCell paise={row.totalPaise} also={["refunded", row.refundedPaise]} nowrap />
          </tr>
        ))}
      </AdminTable>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {previous ? (
          <Link href={pageLink("before", previous)} className="text-brand-700 underline" rel="prev">
            Previous
          </Link>
        ) : (
          <span />
        )}
        {(previous || next) && <Link href={`?${filterQuery}`}>First page</Link>}
        {next ? (
          <Link href={pageLink("after", next)} className="text-brand-700 underline" rel="next">
            Next
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
