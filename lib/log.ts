import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * The one place that turns errors into log text. Database errors carry their query's parameters (order tokens,
 * names, e-mails, phones, addresses, webhook bodies): only the SQL, with its $n placeholders, and the database's
 * own error code and message are kept. Whatever text remains is passed through `redact`.
 */

const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[email]"],
  [/(?<![\w-])(\+?91[\s-]?)?[6-9]\d{9}(?!\d)/g, "[phone]"],
  // Tokens, session ids, keys: long runs of base64url characters with letters and digits (not snake_case names).
  [/(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{20,}/g, "[token]"],
  [/\b(cfsk_|Bearer\s+)\S+/gi, "$1[secret]"],
];

export function redact(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function causeOf(error: unknown): { code?: string; message?: string } | undefined {
  const cause = (error as { cause?: unknown })?.cause;
  return cause && typeof cause === "object" ? (cause as { code?: string; message?: string }) : undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof DrizzleQueryError) {
    const cause = causeOf(error);
    const sql = error.query.replace(/\s+/g, " ").slice(0, 160);
    return redact(
      `database error${cause?.code ? ` ${cause.code}` : ""}: ${cause?.message ?? "query failed"} (in: ${sql})`,
    );
  }
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return redact(String(error));
}

/** Logs an unexpected error once, with its context, and never its personal data or secrets. */
export function logError(context: string, error: unknown) {
  console.error(`${context}: ${describeError(error)}`);
}

/** Logs something worth an operator's look that is not an error (a CSP violation): one line, its details redacted. */
export function logWarning(context: string, details: Record<string, unknown>) {
  console.warn(`${context}: ${redact(JSON.stringify(details))}`);
}
