"use client";

import { useState, useTransition } from "react";

type Result = { ok: true; message: string } | { ok: false; error: string };

/** A button that runs one admin server action and says what happened. */
export function ActionButton({
  label,
  run,
  confirm: confirmText,
}: {
  label: string;
  run: () => Promise<Result>;
  confirm?: string;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          start(async () => setResult(await run()));
        }}
        className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Working…" : label}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result ? (result.ok ? result.message : result.error) : null}
      </p>
    </div>
  );
}
