import "server-only";

import { headers } from "next/headers";

import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

const NONE: RequestContext = { ipAddress: null, userAgent: null, requestId: null };

/**
 * Where the request came from, as far as it can be trusted: the address the nearest trusted proxy saw (never a
 * client-written X-Forwarded-For entry), the user agent (as the browser says it, capped), and the request id
 * proxy.ts gives every request. Outside a request (a script, a test) all three are null.
 */
export async function requestContext(): Promise<RequestContext> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return NONE;
  }
  return {
    ipAddress: clientAddress(list, env.trustedProxyHops),
    userAgent: list.get("user-agent")?.slice(0, 400) || null,
    requestId: list.get("x-request-id")?.slice(0, 100) || null,
  };
}
