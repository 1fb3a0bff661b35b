import { formatDateTime, formatIsoDate, formatTime } from "@/lib/format";
import { formatInr } from "@/lib/money";

export const settlementTime = (date: Date | null) => (date ? formatDateTime(date) : "—");

/** "14 Feb 2025, 12:00 pm – 12:15 pm": a settlement's window of payments, in India time. */
export function settlementPeriod(from: Date | null, till: Date | null) {
  if (!from && !till) return "—";
  if (from && till && formatIsoDate(from) === formatIsoDate(till))
    return `${formatDateTime(from)} – ${formatTime(till)}`;
  return `${settlementTime(from)} – ${settlementTime(till)}`;
}

/** Charges and their tax are what Cashfree keeps: shown as negative amounts, as a refund's debit is ("−₹87.15"). */
export const deduction = (paise: number) => formatInr(-paise);

const STYLES: Record<string, string> = {
  SUCCESS: "bg-emerald-100 text-emerald-900",
  INITIATED: "bg-amber-100 text-amber-900",
  FAILED: "bg-red-100 text-red-900",
  REVERSED: "bg-red-100 text-red-900",
};

export function SettlementStatus({ status }: { status: string }) {
  const label = status === "SUCCESS" ? "settled" : status === "INITIATED" ? "on its way" : status.toLowerCase();
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? "bg-stone-100 text-stone-800"}`}
    >
      {label}
    </span>
  );
}
