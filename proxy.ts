// Every page, route handler and Server Action request passes here (static files and images do not: see the
// matcher). Its jobs, none of them authorization (pages, actions and routes check the session themselves):
// - a path that cannot be decoded (`/products/%ZZ`) is answered 404 here, where Next.js would answer 500;
// - a cross-origin post that Next.js may take for a Server Action (a `next-action` header, or a plain HTML form's
//   body) is refused with 403 here, and one declaring a body over the actions' limit with 413, where Next.js
//   itself would throw and answer 500;
// - the request gets an id (x-request-id), readable from next/headers and returned in the response;
// - the response gets the Content-Security-Policy with a fresh nonce, which Next.js reads from the request's copy
//   of the policy and puts on its scripts (lib/security/csp.ts), plus HSTS in production.
import { type NextRequest, NextResponse } from "next/server";

import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import { createNonce, type PolicyConfig, securityHeaders } from "@/lib/security/csp";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/request-limits";

const policy: PolicyConfig = {
  cashfree: { env: env.cashfree.env, baseUrl: env.cashfree.baseUrl },
  https: env.appUrl.startsWith("https://"),
  production: env.isProduction,
  development: env.nodeEnv === "development",
};

function sameOrigin(request: NextRequest) {
  const origin = request.headers.get("origin");
  // Browsers send Origin on every POST; a request without one is not a browser's cross-site form.
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * What Next.js handles as a possible Server Action: a post with the `next-action` header (a client's call), or a
 * form's body, which may carry a no-JavaScript form's action id (multipart; urlencoded is passed on to the page).
 * Next.js checks the Origin of all of them and answers a foreign one with a 500 (getServerActionRequestMetadata
 * in next/dist/server/lib/server-action-request-meta.js; https://nextjs.org/docs/app/guides/data-security#allowed-origins-advanced).
 */
function mayBeServerAction(request: NextRequest) {
  if (request.method !== "POST") return false;
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  return (
    request.headers.has("next-action") ||
    contentType.startsWith("multipart/form-data") ||
    contentType.startsWith("application/x-www-form-urlencoded")
  );
}

/**
 * Whether a path has percent-escapes that decode to nothing (`%ZZ`, a cut UTF-8 sequence `%E0%A4%A`). Next.js
 * decodes a dynamic segment (`/products/[slug]`) after this proxy ran, fails, and answers such a path 500.
 */
function undecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  if (undecodable(request.nextUrl.pathname)) {
    return new NextResponse("Not found.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  if (mayBeServerAction(request) && !sameOrigin(request)) {
    return new NextResponse("Cross-origin request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  // Next.js reads an oversized action body up to its limit and then answers 500 (action-handler.js leaves 413 as a
  // TODO); the declared length tells us before it reads anything. The forms say what the limit is.
  if (mayBeServerAction(request) && Number(request.headers.get("content-length")) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return new NextResponse("Request too large.", {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  const headers = securityHeaders(policy, createNonce());
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Not Next's static chunks, uploaded product photos (/media) or the build's static files: they need no policy.
  // Nor the endpoints that take bodies from machines (Cashfree's webhooks, browsers' CSP reports): Next.js buffers
  // up to 10 MB of a request body for the proxy, where those routes stop reading at their own small limits.
  matcher: ["/((?!_next/static|_next/image|media/|icon.svg|favicon.ico|robots.txt|api/webhooks/|api/csp-report).*)"],
};
