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

/** What one check counted: how many requests its key has made in the window, this one included. */
export interface Count {
  limited: boolean;
  consumed: number;
  retryAfterSeconds: number;
}

// A null key counts nothing (see Check).
const NOT_COUNTED: Count = { limited: false, consumed: 0, retryAfterSeconds: 0 };

/** Counts the request on every check at once, atomically in the store; a refused request counts too. */
async function countOn<N extends string>(limiters: Limiters<N>, checks: readonly Check<N>[]): Promise<Count[]> {
  const outcomes = await Promise.allSettled(
    checks.map(([name, key]) => (key === null ? Promise.resolve(null) : limiters[name].consume(digest(key)))),
  );
  void sweepExpired(limiters.store);
  return outcomes.map((outcome) => {
    if (outcome.status === "fulfilled")
      return outcome.value
        ? { limited: false, consumed: outcome.value.consumedPoints, retryAfterSeconds: 0 }
        : NOT_COUNTED;
    // The library rejects with its result when a limit is reached, with an Error when the store failed.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    return { limited: true, consumed: outcome.reason.consumedPoints, retryAfterSeconds: retrySeconds(outcome.reason) };
  });
}

/** Limited when any count is over, for as long as the longest of them still has to run. */
export function verdictOf(counts: readonly Count[]): Verdict {
  const retryAfterSeconds = Math.max(0, ...counts.map((c) => (c.limited ? c.retryAfterSeconds : 0)));
  return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

/** Counts the request on every check at once; limited when any check is over. */
export async function hit<N extends string>(limiters: Limiters<N>, checks: readonly Check<N>[]): Promise<Verdict> {
  return verdictOf(await countOn(limiters, checks));
}

/** Counts the request on the shop's limits. */
export async function consume(...checks: Check[]): Promise<Verdict> {
  return hit(await appLimiters(), checks);
}

/** Counts the request on the shop's limits, each check's count apart. */
export async function countEach(...checks: Check[]): Promise<Count[]> {
  return countOn(await appLimiters(), checks);
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
