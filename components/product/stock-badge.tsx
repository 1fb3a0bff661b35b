import type { StockLevel } from "@/lib/products";

const labels: Record<StockLevel, { text: string; className: string }> = {
  in_stock: { text: "In stock", className: "bg-emerald-50 text-emerald-800" },
  low_stock: { text: "Only a few left", className: "bg-amber-50 text-amber-900" },
  sold_out: { text: "Sold out", className: "bg-stone-200 text-stone-800" },
};

/** One pill, never wrapped: on a card it sits on the photo, on the product page beside the price. */
export function StockBadge({ level, className = "" }: { level: StockLevel; className?: string }) {
  const { text, className: colours } = labels[level];
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-caption font-medium whitespace-nowrap ${colours} ${className}`}
    >
      {text}
    </span>
  );
}
