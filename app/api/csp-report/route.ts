// POST /api/csp-report – browsers report Content-Security-Policy violations here (the policy's report-uri)
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { limitRoute } from "@/lib/rate-limit";
import { parseViolationReport } from "@/lib/security/csp-report";
import { readBodyWithin } from "@/lib/webhooks/read-body";

// A batch of a few reports is a few kB; anything far larger is not a browser's report.
const MAX_REPORT_BYTES = 32 * 1024;

export async function POST(request: Request) {
  // Anyone can post here: counted per address before anything is read or logged (lib/rate-limit/limits.ts).
  const limited = await limitRoute(["cspReportsPerAddress", clientAddress(request.headers, env.trustedProxyHops)]);
  if (limited) return limited;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REPORT_BYTES)
    return new Response("Report too large.", { status: 413 });
  const body = await readBodyWithin(request, MAX_REPORT_BYTES);
  if (body === null) return new Response("Report too large.", { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return new Response("Not a violation report.", { status: 400 });
  }
  const violations = parseViolationReport(json);
  if (!violations) return new Response("Not a violation report.", { status: 400 });
  for (const violation of violations) log.warn({ violation }, "csp violation");
  return new Response(null, { status: 204 });
}
