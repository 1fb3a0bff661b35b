/**
 * The keys of events this process knows are stored (with the job that applies them), so a duplicate delivery of
 * one is acknowledged without the database. Only a hint: a key not here (another instance stored it, or it was
 * evicted) costs one insert that finds the event there. At most `CAPACITY` keys, oldest out first.
 */
const CAPACITY = 10_000;
const stored = new Set<string>();

/** Whether any of these keys (an idempotency key, a dedupe key) belongs to an event this process knows is stored. */
export function wasStored(...keys: (string | null)[]) {
  return keys.some((key) => !!key && stored.has(key));
}

/** Remembers an event's keys (its dedupe key and, when sent, its idempotency key). */
export function rememberStored(...keys: (string | null)[]) {
  for (const key of keys) {
    if (!key) continue;
    stored.delete(key);
    stored.add(key);
  }
  // A Set iterates in insertion order: the first keys are the oldest.
  for (const key of stored) {
    if (stored.size <= CAPACITY) break;
    stored.delete(key);
  }
}
