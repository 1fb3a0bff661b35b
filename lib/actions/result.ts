/**
 * The one shape every server action answers with, shop and admin alike. Safe for client components to import
 * (types and two helpers, nothing server-only).
 */
export type Result<T = undefined> =
  | ({ ok: true; message: string } & (T extends undefined ? { data?: undefined } : { data: T }))
  | {
      ok: false;
      /** A sentence for the person, never a stack trace. */
      error: string;
      /** Per-field messages for a form (the last segment of each invalid path). */
      fieldErrors?: Record<string, string>;
      /** The page is out of date (the cart changed, the checkout finished): reload it. */
      reload?: boolean;
    };

export function ok(message: string): Result;
export function ok<T>(message: string, data: T): Result<T>;
export function ok<T>(message: string, data?: T) {
  return { ok: true as const, message, data };
}

export function fail(
  error: string,
  extra: { fieldErrors?: Record<string, string>; reload?: boolean } = {},
): Result<never> {
  return { ok: false, error, ...extra };
}
