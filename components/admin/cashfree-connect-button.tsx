"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { connectCashfreeAction, disconnectCashfreeAction } from "@/lib/actions/admin/cashfree";

import { useConfirm } from "./confirm-dialog";

/** "Connect with Cashfree" (or "Reconnect"): the server makes the state and the link; the browser goes there. */
export function CashfreeConnectButton({ label = "Connect with Cashfree" }: { label?: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await connectCashfreeAction({});
            if (result.ok) window.location.assign(result.data.url);
            else setError(result.error);
          })
        }
        className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Opening Cashfree…" : label}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

export function CashfreeDisconnectButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { ask, dialog } = useConfirm();
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          const confirmed = await ask({
            question: "Disconnect your Cashfree account?",
            consequence:
              "Cashfree revokes the shop's access to it, and payments go back to the API keys in the server's settings. Using the account again means connecting it from scratch.",
            confirmLabel: "Disconnect",
          });
          if (!confirmed) return;
          start(async () => {
            const result = await disconnectCashfreeAction({});
            // Success re-renders settings without this button, so the page itself says what happened.
            if (result.ok) router.replace(`/admin/settings?cashfree=${result.data.outcome}`);
            else setMessage({ ok: false, text: result.error });
          });
        }}
        className="rounded-lg border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Disconnecting…" : "Disconnect"}
      </button>
      {dialog}
      <span role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {message?.text}
      </span>
    </span>
  );
}
