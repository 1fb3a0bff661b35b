import "server-only";

import { createHash } from "node:crypto";

import { RateLimiterRes } from "rate-limiter-flexible";

import { fail, type Result } from "@/lib/actions/result";

import type { LimitName } from "./limits";
import { appLimiters, type Limiters, sweepExpired } from "./store";

export { LIMITS, type LimitName } from "./limits";

/**
 * One request to count: a named limit and whose request it is (a cart id, an address, an e-mail). A null key is
 * not counted: an unknown client address (no trusted proxy wrote one) would otherwise put every shopper in one
 * bucket that any single client could fill.
 */
export type Check<N extends string = LimitName> = readonly [name: N, key: string | null];

export type Verdict = { limited: false } | { limited: true; retryAfterSeconds: number };

// The store holds no e-mails or addresses: only a digest of them.
const digest = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 32);

const retrySeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Counts the request on every check at once, atomically in the store; a refused request counts too. Limited
 * when any check is over, for as long as the longest of them still has to run.
 */
export async function hit<N extends string>(limiters: Limiters<N>, checks: readonly Check<N>[]): Promise<Verdict> {
  const outcomes = await Promise.allSettled(
    checks.flatMap(([name, key]) => (key === null ? [] : [limiters[name].consume(digest(key))])),
  );
  let retryAfterSeconds = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    // The library rejects with its result when a limit is reached, with an Error when the store failed.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    retryAfterSeconds = Math.max(retryAfterSeconds, retrySeconds(outcome.reason));
  }
  void sweepExpired(limiters.store);
  return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

/** Counts the request on the shop's limits. */
export async function consume(...checks: Check[]): Promise<Verdict> {
  return hit(await appLimiters(), checks);
}

/** Gives back one counted request (a sign-in that turned out to be right). */
export async function giveBack(name: LimitName, key: string) {
  await (await appLimiters())[name].reward(digest(key));
}

/** Forgets a key's count and cool-down. */
export async function forget(name: LimitName, key: string) {
  await (await appLimiters())[name].delete(digest(key));
}

/** "40 seconds", "3 minutes", "1 hour": how long a limited client waits, in words. */
export function waitText(seconds: number) {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** The sentence for a limited request: `tooMany`, then how long to wait. */
export function limitedMessage(tooMany: string, retryAfterSeconds: number) {
  return `${tooMany} Please try again in ${waitText(retryAfterSeconds)}.`;
}

/** For server actions: the failure to return when a check is over its limit, else null (go on). */
export async function limitAction(tooMany: string, ...checks: Check[]): Promise<Result<never> | null> {
  const verdict = await consume(...checks);
  return verdict.limited ? fail(limitedMessage(tooMany, verdict.retryAfterSeconds)) : null;
}

/** For route handlers: 429 with Retry-After when a check is over its limit, else null (go on). */
export async function limitRoute(...checks: Check[]): Promise<Response | null> {
  const verdict = await consume(...checks);
  if (!verdict.limited) return null;
  return Response.json(
    { error: limitedMessage("Too many requests.", verdict.retryAfterSeconds) },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
