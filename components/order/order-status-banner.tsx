import type { Tone } from "@/lib/orders/headline";

import { AutoRefresh } from "./auto-refresh";

const TONES: Record<Tone, string> = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  error: "border-red-200 bg-red-50 text-red-900",
  waiting: "border-amber-200 bg-amber-50 text-amber-900",
  neutral: "border-stone-200 bg-stone-100 text-stone-900",
};

/** The order page's answer to "did it work?", coloured by how it went; while it is `refreshing` the page reloads itself. */
export function OrderStatusBanner({
  title,
  body,
  tone,
  refreshing,
}: {
  title: string;
  body: string;
  tone: Tone;
  refreshing: boolean;
}) {
  return (
    <div role="status" className={`rounded-xl border p-5 ${TONES[tone]}`}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2">{body}</p>
      {refreshing && <AutoRefresh />}
    </div>
  );
}
