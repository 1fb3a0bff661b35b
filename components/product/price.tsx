import { formatInr } from "@/lib/money";

/**
 * A catalog price: whole rupees as the merchant set them (₹1,499, not ₹1,499.00: lib/money.ts); `from` when the
 * product's variants cost different amounts and this is the lowest. It never breaks across lines.
 */
export function Price({ paise, from = false, className }: { paise: number; from?: boolean; className?: string }) {
  return (
    <span data-price-atom className={`whitespace-nowrap tabular-nums ${className ?? ""}`}>
      {from && <span className="text-meta font-normal text-muted">from </span>}
      {formatInr(paise, { style: "price" })}
    </span>
  );
}
