import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable } from "@/components/admin/admin-table";
import { AuditChanges } from "@/components/admin/audit-changes";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { listAuditLog, parseAuditFilters } from "@/lib/audit/read";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDate, formatTimeWithSeconds, statusLabel } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log · Admin" };

const OUTCOME_STYLES: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-900",
  failed: "bg-amber-100 text-amber-900",
  refused: "bg-red-100 text-red-900",
};

const TARGET_PAGES: Record<string, (id: string) => string> = {
  order: (id) => `/admin/orders/${encodeURIComponent(id)}`,
  product: (id) => `/admin/products/${id}`,
  dispute: (id) => `/admin/disputes/${id}`,
  payment_link: (id) => `/admin/payment-links/${encodeURIComponent(id)}`,
};

type Json = Record<string, unknown> | null;

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
/** Ids we make (uuids) are long and say nothing to a person: their start, the whole on hover. */
const shortId = (id: string) => (/^[0-9a-f-]{36}$/.test(id) ? `${id.slice(0, 8)}…` : id);

function Target({
  row,
}: {
  row: { targetType: string | null; targetId: string | null; before: Json; after: Json; detail: Json };
}) {
  const { targetType: type, targetId: id } = row;
  if (!type || !id) return <span className="text-stone-500">—</span>;
  const page = TARGET_PAGES[type]?.(id);
  // A variant or photo lives on its product's page; a variant is known by its SKU.
  const product = type !== "product" ? text(row.detail?.productId) : undefined;
  const name =
    type === "variant" ? (text(row.detail?.sku) ?? text(row.after?.sku) ?? text(row.before?.sku)) : undefined;
  return (
    <span className="break-words">
      <span className="block text-stone-600">{statusLabel(type)}</span>
      {page ? (
        <Link href={page} className="font-mono text-brand-700 underline" title={id}>
          {shortId(id)}
        </Link>
      ) : (
        <span className="font-mono" title={id}>
          {name ?? shortId(id)}
        </span>
      )}
      {product && (
        <Link href={`/admin/products/${product}`} className="block text-xs text-brand-700 underline">
          its product
        </Link>
      )}
    </span>
  );
}

/** The row's details as shown: without what its target already says (the product it links to, the SKU). */
function shownDetail(row: { targetType: string | null; detail: Json }): Json {
  if (!row.detail) return null;
  const { productId: _linked, sku, ...rest } = row.detail;
  const shown = row.targetType === "variant" ? rest : { ...rest, sku };
  return Object.values(shown).some((v) => v !== undefined) ? shown : null;
}

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
              <Target row={row} />
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
