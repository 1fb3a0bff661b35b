import "server-only";

import { countEach, forget, giveBack, type LimitName, verdictOf } from "@/lib/rate-limit";

/**
 * Sign-in rate limits (lib/rate-limit/limits.ts: signIn…), counted before the password is checked, so parallel
 * guesses cannot overtake the count, and the same for e-mails with and without an account, so the answer never
 * tells them apart.
 *
 * One address guessing one account cools down first, then an address guessing many accounts: those refuse even
 * the right password, from that address only. The account's own limit is counted only for attempts its address
 * and pair let through, and it never locks the owner out: over it, an attempt is still checked when it is the
 * first from its address in that address's window (no failures from there lately), so the right password from
 * a clean address signs in; every other attempt is refused unchecked.
 *
 * The guessing bound per account: at most signInPerAccount.points (50) checked passwords until its cool-down,
 * as before, plus, while it is over, one per address new within the hour (signInPerAddress's window); that one
 * check spends the address's clean state for the rest of its hour. A guesser cycling through a pool of addresses
 * has already used each of them, so it gains nothing; only never-seen addresses buy a guess, one each an hour.
 * (Refusing every attempt instead let any guesser lock the owner out, the risk OWASP warns of:
 * https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#account-lockout)
 */
export type ThrottleDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; refusedBy: SignInLimit };

export type SignInLimit = Extract<LimitName, `signIn${string}`>;

const keysFor = (email: string, address: string | null) => {
  // Without a trusted proxy's address, attempts share the "unknown" bucket: admins are few, guessers are not.
  const addr = address ?? "unknown";
  return { pair: `${email}|${addr}`, address: addr, account: email };
};

/** Counts an attempt before its password is checked, or refuses it while a cool-down runs. */
export async function beginSignInAttempt(email: string, address: string | null): Promise<ThrottleDecision> {
  const keys = keysFor(email, address);
  const [pair, addr] = await countEach(["signInPerAccountAddress", keys.pair], ["signInPerAddress", keys.address]);
  const near = verdictOf([pair!, addr!]);
  if (near.limited) {
    // Named by the wider of the two: an address guessing many accounts is one guesser, not one per account.
    const refusedBy = addr!.limited ? "signInPerAddress" : "signInPerAccountAddress";
    return { allowed: false, retryAfterSeconds: near.retryAfterSeconds, refusedBy };
  }
  const [account] = await countEach(["signInPerAccount", keys.account]);
  if (!account!.limited) return { allowed: true };
  // The address's own count decides (not the pair's too: parallel attempts may reach the two counts in different
  // orders, and then none would be first on both). A rewarded success can leave it below 1: still no failures.
  const firstFromAddress = addr!.consumed <= 1;
  if (firstFromAddress) return { allowed: true };
  return { allowed: false, retryAfterSeconds: account!.retryAfterSeconds, refusedBy: "signInPerAccount" };
}

/**
 * An attempt answered without a password check (input that is no e-mail and password, the seeded local accounts
 * on a public deployment) counts on its address like any other, so a flood of them is refused too.
 */
export async function beginUncheckedAttempt(address: string | null): Promise<ThrottleDecision> {
  const verdict = verdictOf(await countEach(["signInPerAddress", keysFor("", address).address]));
  if (!verdict.limited) return { allowed: true };
  return { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds, refusedBy: "signInPerAddress" };
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
