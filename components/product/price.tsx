import { formatInr } from "@/lib/money";

/** A price; `from` when the product's variants cost different amounts and this is the lowest. */
export function Price({ paise, from = false, className }: { paise: number; from?: boolean; className?: string }) {
  return <span className={className}>{from ? `from ${formatInr(paise)}` : formatInr(paise)}</span>;
}
