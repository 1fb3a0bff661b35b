import { env } from "@/lib/env";

const PILLS = {
  local: { text: "Local", className: "bg-stone-100 text-stone-700" },
  sandbox: { text: "Sandbox", className: "bg-amber-100 text-amber-900" },
  production: { text: "Live", className: "bg-emerald-100 text-emerald-900" },
} as const;

/** Which Cashfree ("Local": the sandbox that npm run dev starts) the shop takes money through: test payments (sandbox) or real ones (live). */
export function EnvironmentPill() {
  const pill = PILLS[env.cashfree.env];
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${pill.className}`}>
      {pill.text}
    </span>
  );
}
