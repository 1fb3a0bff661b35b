"use client";

import { useState } from "react";

/**
 * Streams the CSV export and shows how many orders have arrived, then saves the file. The server streams in
 * batches, so 100,000 orders never sit in its memory; the browser assembles the file as a Blob.
 */
/** `total` is left out when the list only knows "10,000+": progress then counts without "of". */
export function ExportCsvButton({ href, total }: { href: string; total?: number }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportCsv() {
    setBusy(true);
    setProgress("Starting export…");
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(`export failed (${response.status})`);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let rows = -1; // the header line is not an order
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) rows++;
        const of = total === undefined ? "" : ` of ${total.toLocaleString("en-IN")}`;
        setProgress(`Exporting… ${Math.max(rows, 0).toLocaleString("en-IN")}${of} orders`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "orders.csv";
      const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress(`Exported ${Math.max(rows, 0).toLocaleString("en-IN")} orders.`);
    } catch (error) {
      setProgress(`Could not export: ${error instanceof Error ? error.message : "unknown error"}. Please try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-3">
      <p role="status" aria-live="polite" className="text-sm text-stone-600">
        {progress}
      </p>
      <button
        type="button"
        onClick={exportCsv}
        disabled={busy}
        className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        Export CSV
      </button>
    </div>
  );
}
