import { type DisputeMover, nextMove } from "@/lib/disputes/state";
import { formatDateTime } from "@/lib/format";

const TONES: Record<Exclude<DisputeMover, null> | "none", string> = {
  merchant: "border-amber-300 bg-amber-50 text-amber-950",
  cashfree: "border-sky-200 bg-sky-50 text-sky-950",
  bank: "border-sky-200 bg-sky-50 text-sky-950",
  none: "border-stone-200 bg-stone-50 text-stone-900",
};

/** Whose move it is on a dispute (yours, Cashfree's, the bank's) and what happens next, from its status. */
export function DisputeNextMove({
  dispute,
  overdue,
}: {
  dispute: { status: string; respondBy: Date | null };
  overdue: boolean;
}) {
  const deadline = dispute.respondBy ? formatDateTime(dispute.respondBy) : null;
  const move = nextMove(dispute.status, deadline, overdue);
  return (
    <section aria-label="Next move" className={`rounded-lg border p-3 text-sm ${TONES[move.mover ?? "none"]}`}>
      <p className="font-semibold">{move.title}</p>
      <p className="mt-0.5">{move.detail}</p>
    </section>
  );
}
