import type { StockLevel } from "@/lib/products";

const labels: Record<StockLevel, { text: string; className: string }> = {
  in_stock: { text: "In stock", className: "bg-emerald-50 text-emerald-800" },
  low_stock: { text: "Only a few left", className: "bg-amber-50 text-amber-900" },
  sold_out: { text: "Sold out", className: "bg-stone-200 text-stone-700" },
};

export function StockBadge({ level }: { level: StockLevel }) {
  const { text, className } = labels[level];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>{text}</span>;
}
