import type { Instrumentation } from "next";

import { log } from ".";
import { currentRequestId, isSaneRequestId, REQUEST_ID_HEADER } from "./request-id";

/**
 * instrumentation.ts's onRequestError: an error no code of ours caught (a page, a route handler) logged once with
 * the digest the error page shows the shopper as its reference, next to the request id, so the reference they
 * quote finds the request's every line. The path is logged without its query (an order link carries its token).
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = isSaneRequestId(typeof header === "string" ? header : undefined) ? header : currentRequestId();
  const digest = (error as { digest?: unknown } | null)?.digest;
  log.error(
    {
      ...(requestId ? { requestId } : {}),
      ...(typeof digest === "string" ? { digest } : {}),
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
