import { humanStatus, isClosedStatus, isDebited } from "@/lib/disputes/state";

/** A dispute's state in words, coloured: red when the money goes, green when it stays, amber while open. */
export function DisputeStatus({ status }: { status: string }) {
  const style = isDebited(status)
    ? "bg-red-100 text-red-900"
    : isClosedStatus(status)
      ? "bg-emerald-100 text-emerald-900"
      : "bg-amber-100 text-amber-900";
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${style}`} title={status}>
      {humanStatus(status)}
    </span>
  );
}
