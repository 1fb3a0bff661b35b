import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable } from "@/components/admin/admin-table";
import { AuditChanges } from "@/components/admin/audit-changes";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AuditTarget, shownDetail } from "@/components/admin/audit-target";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { listAuditLog, parseAuditFilters } from "@/lib/audit/read";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDate, formatTimeWithSeconds } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log · Admin" };

const OUTCOME_STYLES: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-900",
  failed: "bg-amber-100 text-amber-900",
  refused: "bg-red-100 text-red-900",
};

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("owner");
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const { rows, newer, older } = await listAuditLog(filters);
  const selection = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" && v && k !== "older" && k !== "newer" ? [[k, v]] : [],
    ),
  );
  const pageLink = (cursor: "older" | "newer", id: number) => {
    const next = new URLSearchParams(selection);
    next.set(cursor, String(id));
    return `?${next}`;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <a
          href={`/admin/audit/export?${selection}`}
          download
          className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
        >
          Download CSV
        </a>
      </div>
      <p className="text-sm text-stone-600">
        Every admin action, sign-in and export: who, when, from where, and what changed. Entries are never edited or
        removed. Times are India time.
      </p>
      <AuditFilterForm filters={filters} />
      <AdminTable
        columns={["When", "Who", "Action", "Target", "What changed", "From"]}
        empty={rows.length === 0 && "No entries match these filters."}
      >
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-stone-100 align-top">
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={row.occurredAt.toISOString()}>
                {formatDate(row.occurredAt)}
                <span className="block text-stone-600">{formatTimeWithSeconds(row.occurredAt)}</span>
              </time>
            </td>
            <td className="min-w-40 px-3 py-2 [overflow-wrap:anywhere]">
              {row.actorEmail ?? <span className="text-stone-500">—</span>}
            </td>
            <td className="px-3 py-2">
              <span className="block">{AUDIT_ACTIONS[row.action as AuditAction] ?? row.action}</span>
              <span className="mt-0.5 flex flex-wrap items-center gap-1.5">
                <code className="text-xs text-stone-500">{row.action}</code>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLES[row.outcome] ?? ""}`}>
                  {row.outcome}
                </span>
              </span>
            </td>
            <td className="min-w-36 px-3 py-2">
              <AuditTarget row={row} />
            </td>
            <td className="min-w-64 px-3 py-2">
              <AuditChanges before={row.before} after={row.after} detail={shownDetail(row)} />
            </td>
            <td className="px-3 py-2 text-xs text-stone-600">
              <span className="block font-mono">{row.ipAddress ?? "address unknown"}</span>
              {row.userAgent && (
                <span className="block max-w-48 truncate" title={row.userAgent}>
                  {row.userAgent}
                </span>
              )}
              {row.requestId && (
                <span className="block font-mono" title="Request id">
                  {row.requestId}
                </span>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {newer ? (
          <Link href={pageLink("newer", newer)} className="text-brand-700 underline">
            Newer
          </Link>
        ) : (
          <span />
        )}
        {newer && (
          <Link href={`?${selection}`} className="text-brand-700 underline">
            Newest
          </Link>
        )}
        {older ? (
          <Link href={pageLink("older", older)} className="text-brand-700 underline">
            Older
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
