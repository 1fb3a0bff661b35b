import { format } from "node:util";

import { log } from ".";

/**
 * In production, what Next.js and libraries print with console.error and console.warn becomes a JSON line too,
 * redacted like ours: Next prints a failed render's error in full, and a database error's message lists its
 * query's parameters (an order's access token, a shopper's details). An error that carries a digest is
 * skipped: onRequestError logs it once, with the request id and that digest.
 */
export function routeConsoleToLogger() {
  for (const level of ["error", "warn"] as const) {
    console[level] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      if (typeof (error as { digest?: unknown } | undefined)?.digest === "string") return;
      const text = format(...args.filter((arg) => arg !== error)).trim();
      log[level](error ? { err: error } : {}, text || "console");
    };
  }
}
