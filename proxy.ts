// Runs only for Server Action posts (the `next-action` header): a cross-origin one is refused with 403 here,
// where Next.js itself would throw and answer 500. Actions still check their session and input themselves.
import { type NextRequest, NextResponse } from "next/server";

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

export function proxy(request: NextRequest) {
  if (request.method === "POST" && !sameOrigin(request)) {
    return new NextResponse("Cross-origin request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
