"use client";

import { useState, useTransition } from "react";

import { savePolicyAction } from "@/lib/actions/admin/policies";
import type { PolicySlug } from "@/lib/policies";

export function PolicyForm({ slug, title, body }: { slug: PolicySlug; title: string; body: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-label={`Edit ${title}`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          const outcome = await savePolicyAction({
            slug,
            title: String(data.get("title") ?? ""),
            body: String(data.get("body") ?? ""),
          });
          setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
        });
      }}
    >
      <label className="block text-sm font-medium">
        Title
        <input
          name="title"
          defaultValue={title}
          required
          className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5"
        />
      </label>
      <label className="block text-sm font-medium">
        Text (Markdown)
        <textarea
          name="body"
          defaultValue={body}
          required
          rows={14}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </p>
    </form>
  );
}
