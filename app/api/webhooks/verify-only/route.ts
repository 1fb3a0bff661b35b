// POST /api/webhooks/verify-only – the benchmarks' reference route, only with BENCH_REFERENCE_ROUTES=on (else 404):
// reads the body and verifies the signature, nothing else (lib/webhooks/verify-only.ts).
import { answerVerifyOnly } from "@/lib/webhooks/verify-only";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return answerVerifyOnly(request);
}
