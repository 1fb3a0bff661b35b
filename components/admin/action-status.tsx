"use client";

import { useState, useTransition } from "react";

type Outcome = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Runs an admin action in a transition and keeps what it said (and which fields it refused) for the form. */
export function useActionStatus() {
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = (action: () => Promise<Outcome>, after?: (outcome: Outcome) => void) =>
    start(async () => {
      const result = await action();
      setOutcome(result);
      after?.(result);
    });
  const errors = outcome && !outcome.ok ? (outcome.fieldErrors ?? {}) : {};
  return { pending, outcome, errors, run };
}

/** What the last action said, announced to screen readers. */
export function ActionStatus({ outcome, className = "" }: { outcome: Outcome | null; className?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`text-sm ${outcome?.ok ? "text-emerald-800" : "text-red-700"} ${className}`}
    >
      {outcome ? (outcome.ok ? outcome.message : outcome.error) : null}
    </p>
  );
}
