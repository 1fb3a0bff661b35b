import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LIMITS } from "./limits";

// The shop's own limiters (lib/rate-limit/limits.ts) on its default store, an in-memory PGlite here.
process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";
delete process.env.REDIS_URL;

let rateLimit: typeof import("./index");

describe("answers to a limited request", () => {
  beforeAll(async () => {
    rateLimit = await import("./index");
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
  });

  it("an action gets its clear message with the wait, once the limit is used up", async () => {
    const { points } = LIMITS.paymentLinksPerAdmin;
    for (let i = 0; i < points; i++)
      expect(await rateLimit.limitAction("Too many payment links.", ["paymentLinksPerAdmin", "admin-1"])).toBeNull();
    expect(await rateLimit.limitAction("Too many payment links.", ["paymentLinksPerAdmin", "admin-1"])).toEqual({
      ok: false,
      error: "Too many payment links. Please try again in 10 minutes.",
    });
    expect(await rateLimit.limitAction("Too many payment links.", ["paymentLinksPerAdmin", "admin-2"])).toBeNull();
  });

  it("a route handler gets 429 with Retry-After in seconds, never cached", async () => {
    const { points, durationSeconds } = LIMITS.searchSuggestPerAddress;
    for (let i = 0; i < points; i++)
      expect(await rateLimit.limitRoute(["searchSuggestPerAddress", "203.0.113.5"])).toBeNull();
    const response = await rateLimit.limitRoute(["searchSuggestPerAddress", "203.0.113.5"]);
    expect(response?.status).toBe(429);
    const retryAfter = Number(response?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(durationSeconds - 5);
    expect(retryAfter).toBeLessThanOrEqual(durationSeconds);
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(await response?.json()).toEqual({ error: `Too many requests. Please try again in ${retryAfter} seconds.` });
  });

  it("an unknown client address is not counted", async () => {
    for (let i = 0; i < LIMITS.searchSuggestPerAddress.points + 5; i++)
      expect(await rateLimit.limitRoute(["searchSuggestPerAddress", null])).toBeNull();
  });

  it("says the wait in words", () => {
    expect(rateLimit.waitText(1)).toBe("1 second");
    expect(rateLimit.waitText(89)).toBe("89 seconds");
    expect(rateLimit.waitText(90)).toBe("2 minutes");
    expect(rateLimit.waitText(900)).toBe("15 minutes");
    expect(rateLimit.waitText(3599)).toBe("1 hour");
    expect(rateLimit.waitText(5400)).toBe("2 hours");
  });
});
