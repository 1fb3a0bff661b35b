"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Re-renders the page (which re-asks Cashfree) every few seconds while a payment is pending, for a bounded time. */
export function AutoRefresh({ everyMs = 4000, maxTimes = 30 }: { everyMs?: number; maxTimes?: number }) {
  const router = useRouter();
  const [times, setTimes] = useState(0);
  useEffect(() => {
    if (times >= maxTimes) return;
    const timer = setTimeout(() => {
      router.refresh();
      setTimes((n) => n + 1);
    }, everyMs);
    return () => clearTimeout(timer);
  }, [router, times, everyMs, maxTimes]);
  if (times < maxTimes) return null;
  return (
    <p className="text-sm text-stone-600">
      Still waiting. You can safely close this page: we will email you when the payment is confirmed.
    </p>
  );
}
