import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { outboxJobs } from "@/db/schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";

// Real PostgreSQL: the counters (rate-limiter-flexible on the database) are one upsert each, raced here by
// parallel requests.
const postgres = await requirePostgres();
let database: TestDatabase;
let emailOrderLinkIfMatches: typeof import("./find").emailOrderLinkIfMatches;

describe.skipIf(!postgres)("find my order: rate limits", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    process.env.DATABASE_URL = database.url;
    ({ emailOrderLinkIfMatches } = await import("./find"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  it("limits one address to 10 asks in 10 minutes, counted atomically under 30 parallel asks", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        emailOrderLinkIfMatches({ email: `probe${i}@example.com`, orderId: `KC-NOPE-${i}`, address: "203.0.113.50" }),
      ),
    );
    expect(results.filter((r) => r === "answered")).toHaveLength(10);
    expect(results.find((r) => r !== "answered")).toEqual({ limited: true, retryAfterSeconds: expect.any(Number) });
    expect(
      await emailOrderLinkIfMatches({ email: "other@example.com", orderId: "KC-NOPE", address: "203.0.113.51" }),
    ).toBe("answered");
  });

  it("limits one e-mail to 3 asks an hour from any addresses, and sends nothing for orders that do not match", async () => {
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(
        await emailOrderLinkIfMatches({ email: "victim@example.com", orderId: "KC-NOPE", address: `198.51.100.${i}` }),
      );
    const limited = results.map((r) => r !== "answered");
    expect(limited).toEqual([false, false, false, true, true]);
    // Retry-After: the rest of the e-mail's hour.
    const wait =
      results.at(-1) !== "answered" ? (results.at(-1) as { retryAfterSeconds: number }).retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(3590);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(await database.db.select().from(outboxJobs)).toHaveLength(0);
  });

  it("without a client address (no trusted proxy), counts per e-mail only, never in one bucket for everyone", async () => {
    const results = [];
    for (let i = 0; i < 12; i++)
      results.push(
        await emailOrderLinkIfMatches({ email: `shopper${i}@example.com`, orderId: "KC-NOPE", address: null }),
      );
    expect(results.every((r) => r === "answered")).toBe(true);
  });
});
