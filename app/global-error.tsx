"use client";

import { ErrorReference } from "@/components/layout/error-reference";

import "./globals.css";

// The root layout itself failed: this page replaces it, so it brings its own <html> and <body>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-IN">
      <body className="font-sans">
        <div role="alert" className="mx-auto max-w-md space-y-4 px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-stone-600">Kaveri &amp; Co. could not load this page. Please try again in a moment.</p>
          <button
            type="button"
            onClick={reset}
            className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            Try again
          </button>
          <ErrorReference digest={error.digest} />
        </div>
      </body>
    </html>
  );
}
