import type { WebhookKeys } from "@/db/queries/webhooks";

/**
 * The keys of events this process saw settled (applied, unmatched or ignored: outcomes that never change again),
 * so a duplicate delivery of one is answered without the database. Only a hint: a key not here (another
 * instance settled it, or it was evicted) is looked up as before. At most `CAPACITY` keys, oldest out first.
 */
const CAPACITY = 10_000;
const settled = new Set<string>();

export function wasSettled(keys: WebhookKeys) {
  return settled.has(keys.dedupeKey) || (!!keys.idempotencyKey && settled.has(keys.idempotencyKey));
}

export function rememberSettled(keys: WebhookKeys) {
  for (const key of [keys.dedupeKey, keys.idempotencyKey]) {
    if (!key) continue;
    settled.delete(key);
    settled.add(key);
  }
  // A Set iterates in insertion order: the first keys are the oldest.
  for (const key of settled) {
    if (settled.size <= CAPACITY) break;
    settled.delete(key);
  }
}
