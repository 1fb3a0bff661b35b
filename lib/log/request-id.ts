import { randomUUID } from "node:crypto";

import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/** The header proxy.ts sets on every request (a fresh id, or the caller's when it is a sane token). */
export const REQUEST_ID_HEADER = "x-request-id";

/** What we accept as someone else's request id: a short token, nothing that could forge a log line. */
export const isSaneRequestId = (value: string | null | undefined): value is string =>
  !!value && /^[\w.:-]{1,128}$/.test(value);

const fallbackIds = new WeakMap<object, string>();

/**
 * The current request's id, read without side effects: `headers()` from next/headers would make a cached page
 * dynamic, hang in a prerender and throw in `'use cache'` or outside a request, and a logger must do none of
 * that. So we peek at the store Next.js keeps for the request being served (the one `headers()` reads) and take
 * its x-request-id header. Outside a request (the outbox loop, a script, a prerender) there is none: undefined.
 * A request that reached us without the header (the proxy not in front of this route) still gets one id for all
 * its lines.
 */
export function currentRequestId(): string | undefined {
  const store = workUnitAsyncStorage.getStore();
  if (store?.type !== "request") return undefined;
  const header = store.headers.get(REQUEST_ID_HEADER);
  if (isSaneRequestId(header)) return header;
  let id = fallbackIds.get(store);
  if (!id) fallbackIds.set(store, (id = randomUUID()));
  return id;
}
