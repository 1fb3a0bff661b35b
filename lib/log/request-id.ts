import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

export { REQUEST_ID_HEADER };

/** What we accept as someone else's request id in a log line: a short token, nothing that could forge a line. */
export const isSaneRequestId = (value: string | null | undefined): value is string =>
  !!value && /^[\w.:-]{1,128}$/.test(value);

const globalForRequestIds = globalThis as unknown as {
  storefrontRequestIds?: AsyncLocalStorage<string>;
  storefrontRequestIdsInstalled?: boolean;
};
// One store per process, though Next bundles this module into several chunks (instrumentation, each route).
const requestIds = (globalForRequestIds.storefrontRequestIds ??= new AsyncLocalStorage<string>());

/**
 * The current request's id, or undefined outside a request (the outbox loop, a script, a prerender). Read without
 * side effects: `headers()` from next/headers would make a cached page dynamic, hang in a prerender and throw in
 * `'use cache'`, and a logger must do none of that.
 */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
}

/**
 * Gives every request the Node.js server receives an id, once, before any framework code sees it: the caller's
 * x-request-id when it is a sane token (a load balancer's, so its logs match ours), else a fresh one. The id is
 * written back into the request's headers (proxy.ts then keeps it and returns it) and held in our own
 * AsyncLocalStorage for everything the request runs, pages, route handlers and Server Actions alike.
 *
 * Node publishes `http.server.request.start` synchronously just before it emits the server's `request` event
 * (https://nodejs.org/api/diagnostics_channel.html#http), so `enterWith` here is the store of the handler that
 * event runs and of every async step it starts; the next request on a kept-alive socket enters its own.
 */
export function installRequestIds() {
  if (globalForRequestIds.storefrontRequestIdsInstalled) return;
  globalForRequestIds.storefrontRequestIdsInstalled = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as RequestStart;
    const header = request.headers[REQUEST_ID_HEADER];
    const id = requestIdFrom(typeof header === "string" ? header : null);
    request.headers[REQUEST_ID_HEADER] = id;
    requestIds.enterWith(id);
  });
}
