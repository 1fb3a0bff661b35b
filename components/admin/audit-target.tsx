import Link from "next/link";

import { statusLabel } from "@/lib/format";

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

/** What an audit row is about, linked to its page where it has one. */
export function AuditTarget({
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
export function shownDetail(row: { targetType: string | null; detail: Json }): Json {
  if (!row.detail) return null;
  const { productId: _linked, sku, ...rest } = row.detail;
  const shown = row.targetType === "variant" ? rest : { ...rest, sku };
  return Object.values(shown).some((v) => v !== undefined) ? shown : null;
}
