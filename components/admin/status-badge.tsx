import { statusLabel } from "@/lib/format";

const STYLES: Record<string, string> = {
  paid: "bg-emerald-100 text-emerald-900",
  awaiting_payment: "bg-amber-100 text-amber-900",
  pending: "bg-amber-100 text-amber-900",
  needs_review: "bg-red-100 text-red-900",
  checkout_failed: "bg-stone-200 text-stone-800",
  expired: "bg-stone-200 text-stone-800",
  cancelled: "bg-stone-200 text-stone-800",
  SUCCESS: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
  PENDING: "bg-amber-100 text-amber-900",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? "bg-stone-100 text-stone-800"}`}
    >
      {statusLabel(status)}
    </span>
  );
}
