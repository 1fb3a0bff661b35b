"use client";

import { ErrorReference } from "@/components/layout/error-reference";

// Inside the admin's layout, so its navigation stays: a failed page, not a failed console.
export default function AdminErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl space-y-3 py-8">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-stone-600">
        Nothing was changed. Try again; if it keeps failing, the server log has the details under the reference below.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Try again
      </button>
      <ErrorReference digest={error.digest} />
    </div>
  );
}
