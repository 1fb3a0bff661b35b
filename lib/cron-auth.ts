import "server-only";

import { timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";

/** `Authorization: Bearer $CRON_SECRET` (Vercel Cron sends it), compared in constant time; false when unset. */
export function hasCronSecret(request: Request) {
  const secret = env.cronSecret;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
