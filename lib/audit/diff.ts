import { checkoutVariantLabel } from "@/lib/checkout-variants";
import { formatInr } from "@/lib/money";

/**
 * An audit row's before and after as a person reads them: one line per field (nested settings such as the
 * seller flattened to `seller · gstin`), each value in words (money in rupees, yes/no), changed ones first.
 */
export interface ChangeLine {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json => !!value && typeof value === "object" && !Array.isArray(value);

function flatten(value: Json | null | undefined, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner)) for (const [k, v] of flatten(inner, path)) out.set(k, v);
    else out.set(path, inner);
  }
  return out;
}

/** An SKU ("COORG-250-FLT"), as a form saving several variants keys their values: kept as written. */
const isSku = (part: string) => /^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/.test(part) && /[A-Z]/.test(part);

/**
 * "pricePaise" → "price", "auto_refund_late_payments" → "auto refund late payments", "seller.gstin" → "seller ·
 * gstin", "COORG-250-FLT.stock" → "COORG-250-FLT · stock".
 */
export function fieldLabel(path: string) {
  return path
    .split(".")
    .map((part) =>
      isSku(part)
        ? part
        : part
            .replace(/Paise$/, "")
            .replace(/_/g, " ")
            .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
            .toLowerCase(),
    )
    .join(" · ");
}

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && /Paise$/.test(field)) return formatInr(value);
  // The checkout variant by the name the settings page gives it ("Popup", not "modal").
  if (typeof value === "string" && /(^|\.)(checkout_variant|checkoutVariant)$/.test(field))
    return checkoutVariantLabel(value);
  if (typeof value === "number") return value.toLocaleString("en-IN");
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return JSON.stringify(value);
}

export function changeLines(before: Json | null | undefined, after: Json | null | undefined): ChangeLine[] {
  const was = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  const lines = fields.map((field) => {
    const b = was.get(field);
    const a = now.get(field);
    return {
      field: fieldLabel(field),
      before: before ? formatValue(field, b) : "—",
      after: after ? formatValue(field, a) : "—",
      changed: JSON.stringify(b) !== JSON.stringify(a),
    };
  });
  return [...lines.filter((l) => l.changed), ...lines.filter((l) => !l.changed)];
}

/** A row's other facts (the refund's amount and reason, an error shown to the admin) as label and value. */
export function detailLines(detail: Json | null | undefined) {
  return [...flatten(detail)]
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ field: fieldLabel(field), value: formatValue(field, value) }));
}
