import { changeLines, detailLines } from "@/lib/audit/diff";

type Json = Record<string, unknown> | null;

const LONG = 120;

/** A value as written, or its start with the whole of it one click away (a policy page's text). */
function Value({ text, className }: { text: string; className: string }) {
  if (text.length <= LONG) return <span className={className}>{text}</span>;
  return (
    <details className={`inline ${className}`}>
      <summary className="cursor-pointer">
        {text.slice(0, LONG)}… ({text.length.toLocaleString("en-IN")} characters)
      </summary>
      <span className="block whitespace-pre-wrap">{text}</span>
    </details>
  );
}

/** An audit row's before → after, field by field (changed fields only; the rest counted), then its details. */
export function AuditChanges({ before, after, detail }: { before: Json; after: Json; detail: Json }) {
  const lines = before || after ? changeLines(before, after) : [];
  const changed = lines.filter((line) => line.changed);
  const unchanged = lines.length - changed.length;
  const facts = detailLines(detail);
  if (!lines.length && !facts.length) return <span className="text-stone-500">—</span>;
  return (
    <div className="space-y-1">
      {lines.length > 0 && (
        <ul aria-label="Changes" className="space-y-0.5">
          {changed.map((line) => (
            <li key={line.field} className="break-words">
              <span className="font-medium">{line.field}</span>{" "}
              {before && (
                <>
                  <Value text={line.before} className="bg-red-50 text-red-900 line-through decoration-red-400" />
                  <span aria-hidden> → </span>
                  <span className="sr-only">changed to </span>
                </>
              )}
              <Value text={line.after} className="bg-emerald-50 text-emerald-900" />
            </li>
          ))}
          {changed.length === 0 && <li className="text-stone-500">Saved as it was: nothing changed.</li>}
          {unchanged > 0 && changed.length > 0 && (
            <li className="text-xs text-stone-500">
              {unchanged} other {unchanged === 1 ? "field" : "fields"} unchanged
            </li>
          )}
        </ul>
      )}
      {facts.length > 0 && (
        <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-stone-600">
          {facts.map((fact) => (
            <div key={fact.field} className="flex gap-1">
              <dt>{fact.field}:</dt>
              <dd className="[overflow-wrap:anywhere] text-stone-800">
                <Value text={fact.value} className="" />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
