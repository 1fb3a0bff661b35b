"use client";

import { useRef, useState, useTransition } from "react";

import { submitEvidenceAction } from "@/lib/actions/admin/disputes";

/** Submit evidence: a PDF, JPEG or PNG of at most 5 MB, its document type and a note; checked by the server. */
export function DisputeEvidenceForm({
  disputeId,
  documentTypes,
  preferred,
}: {
  disputeId: string;
  documentTypes: readonly string[];
  preferred: string | null;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  return (
    <form
      ref={form}
      aria-label="Submit evidence"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        data.set("disputeId", disputeId);
        start(async () => {
          try {
            const outcome = await submitEvidenceAction(data);
            setFieldErrors(outcome.ok ? {} : (outcome.fieldErrors ?? {}));
            setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
            if (outcome.ok) form.current?.reset();
          } catch {
            // The request itself was refused (a file far over the limit never reaches the action).
            setResult({ ok: false, text: "The upload was refused: evidence files must be 5 MB or smaller." });
          }
        });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Document type
          <select
            name="docType"
            required
            defaultValue={preferred ?? documentTypes[0]}
            className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
          >
            {documentTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          File (PDF, JPEG or PNG, up to 5 MB)
          <input
            name="file"
            type="file"
            required
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            aria-invalid={!!fieldErrors.file}
            className="mt-1 block w-full text-sm"
          />
          {fieldErrors.file && <span className="text-xs text-red-700">{fieldErrors.file}</span>}
        </label>
      </div>
      <label className="block text-sm font-medium">
        Note for Cashfree (optional)
        <textarea
          name="note"
          rows={2}
          maxLength={500}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Submit evidence"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
    </form>
  );
}
