import type { Metadata } from "next";

import { numeric, TableHead } from "@/components/admin/admin-table";
import { RevenueChart, ShareChart } from "@/components/admin/dashboard-charts";
import { StatusBadge } from "@/components/admin/status-badge";
import { paymentMethodName } from "@/components/order/order-receipt";
import { getDashboard } from "@/lib/admin/insights";
import { requireAdminPage } from "@/lib/auth/session";
import { statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "Dashboard · Admin" };

export default async function AdminDashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ days?: string; denied?: string }>;
}) {
  await requireAdminPage();
  const params = await searchParams;
  const days = [7, 30, 90].includes(Number(params.days)) ? Number(params.days) : 30;
  const data = await getDashboard(days);
  const cards = [
    { label: "Revenue", value: formatInr(data.revenuePaise) },
    { label: "Paid orders", value: data.paid.toLocaleString("en-IN") },
    { label: "Checkouts started", value: data.started.toLocaleString("en-IN") },
    { label: "Conversion", value: `${(data.conversion * 100).toFixed(1)}%` },
    { label: "Refunded", value: formatInr(data.refundedPaise) },
  ];
  return (
    <div className="space-y-6">
      {params.denied && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
          That page needs the owner role.
        </p>
      )}
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <nav aria-label="Period" className="flex gap-2 text-sm">
          {[7, 30, 90].map((d) => (
            <a
              key={d}
              href={`/admin?days=${d}`}
              aria-current={d === days ? "page" : undefined}
              className="rounded border border-stone-300 px-2 py-1 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
            >
              {d} days
            </a>
          ))}
        </nav>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {cards.map((card) => (
          <div key={card.label} className="rounded-xl border border-stone-200 bg-white p-4">
            <dt className="text-xs tracking-wide text-stone-600 uppercase">{card.label}</dt>
            <dd className="mt-1 text-xl font-semibold">{card.value}</dd>
          </div>
        ))}
      </dl>
      <section aria-label="Revenue by day" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Revenue by day</h2>
        <RevenueChart days={data.byDay} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-stone-600">Numbers</summary>
          <table className="mt-2 w-full">
            <TableHead
              columns={["Day", "Orders", ...numeric("Revenue", "Refunded")]}
              className="text-left text-stone-600"
            />
            <tbody>
              {data.byDay.map((d) => (
                <tr key={d.day} className="border-t border-stone-100">
                  <td>{d.day}</td>
                  <td>{d.n}</td>
                  <td className="text-right">{formatInr(d.revenuePaise)}</td>
                  <td className="text-right">{formatInr(d.refundedPaise)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section aria-label="Orders by status" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">Orders by status</h2>
          <ShareChart slices={data.byStatus.map((row) => ({ label: statusLabel(row.status), n: row.n }))} />
          <ul className="space-y-1 text-sm">
            {data.byStatus.map((row) => (
              <li key={row.status} className="flex justify-between">
                <StatusBadge status={row.status} />
                <span>
                  {row.n} · {formatInr(row.totalPaise)}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Payment methods" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">Payment methods (paid orders)</h2>
          <ShareChart slices={data.byMethod.map((row) => ({ label: paymentMethodName(row.method), n: row.n }))} />
          <ul className="space-y-1 text-sm">
            {data.byMethod.map((row) => (
              <li key={row.method} className="flex justify-between">
                <span>{paymentMethodName(row.method)}</span>
                <span>
                  {row.n} · {formatInr(row.totalPaise)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
