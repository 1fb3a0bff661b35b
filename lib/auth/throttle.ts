import "server-only";

import { consume, forget, giveBack } from "@/lib/rate-limit";

/**
 * Sign-in rate limits (lib/rate-limit/limits.ts: signInPer…), counted before the password is checked, so
 * parallel guesses cannot overtake the count, and the same for e-mails with and without an account, so the
 * answer never tells them apart. One address guessing one account cools down first: the owner signing in from
 * elsewhere is not locked out by it. The account's own limit is counted only for attempts its address and pair
 * let through, so one address alone can never reach it.
 */
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const keysFor = (email: string, address: string | null) => {
  // Without a trusted proxy's address, attempts share the "unknown" bucket: admins are few, guessers are not.
  const addr = address ?? "unknown";
  return { pair: `${email}|${addr}`, address: addr, account: email };
};

/** Counts an attempt before its password is checked, or refuses it while a cool-down runs. */
export async function beginSignInAttempt(email: string, address: string | null): Promise<ThrottleDecision> {
  const keys = keysFor(email, address);
  const near = await consume(["signInPerAccountAddress", keys.pair], ["signInPerAddress", keys.address]);
  if (near.limited) return { allowed: false, retryAfterSeconds: near.retryAfterSeconds };
  const account = await consume(["signInPerAccount", keys.account]);
  if (account.limited) return { allowed: false, retryAfterSeconds: account.retryAfterSeconds };
  return { allowed: true };
}

/** A right password clears the pair and gives back the attempt it counted on the address and the account. */
export async function signInSucceeded(email: string, address: string | null) {
  const keys = keysFor(email, address);
  await Promise.all([
    forget("signInPerAccountAddress", keys.pair),
    giveBack("signInPerAddress", keys.address),
    giveBack("signInPerAccount", keys.account),
  ]);
}
