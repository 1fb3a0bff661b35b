/**
 * Every request proxy.ts sees carries an id in this header, on the way in (server code reads it with
 * `(await headers()).get(REQUEST_ID_HEADER)`) and on the way out, so a log line and a shopper's report meet.
 */
export const REQUEST_ID_HEADER = "x-request-id";

// A load balancer's or platform's id is kept when it looks like one (it then matches their logs too); anything
// else (long, or with characters a log line or a header should not carry) is replaced.
const SANE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function requestIdFrom(incoming: string | null): string {
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
