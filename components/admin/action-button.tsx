"use client";

import { useState, useTransition } from "react";

import { type Confirmation, useConfirm } from "./confirm-dialog";

type Result = { ok: true; message: string } | { ok: false; error: string };

/**
 * A button that runs one admin server action and says what happened. With `confirm` it asks first: a question
 * (the button's label goes ahead), or a whole confirmation naming the consequence and the confirming label.
 */
export function ActionButton({
  label,
  run,
  confirm,
}: {
  label: string;
  run: () => Promise<Result>;
  confirm?: string | Confirmation;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const { ask, dialog } = useConfirm();
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          if (confirm) {
            const confirmation = typeof confirm === "string" ? { question: confirm, confirmLabel: label } : confirm;
            if (!(await ask(confirmation))) return;
          }
          start(async () => setResult(await run()));
        }}
        className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Working…" : label}
      </button>
      {dialog}
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result ? (result.ok ? result.message : result.error) : null}
      </p>
    </div>
  );
}
