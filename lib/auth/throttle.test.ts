import { scryptSync } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { adminUsers } from "@/db/schema";
import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { clientAddress } from "@/lib/client-address";

// Real PostgreSQL: parallel guesses race on real connections, which PGlite (one connection) cannot show.
const postgres = await requirePostgres();

let database: TestDatabase;
let checkCredentials: typeof import("./admins").checkCredentials;
let beginSignInAttempt: typeof import("./throttle").beginSignInAttempt;
let hashPassword: typeof import("./password").hashPassword;
let n = 0;

async function newAdmin(password: string, passwordHash?: string) {
  const email = `owner-${++n}@throttle.test`;
  await database.db
    .insert(adminUsers)
    .values({ email, name: "Owner", role: "owner", passwordHash: passwordHash ?? (await hashPassword(password)) });
  return email;
}

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe.skipIf(!postgres)("sign-in throttling on real PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase("pg", { poolSize: 20 });
    process.env.DATABASE_URL = database.url;
    ({ checkCredentials } = await import("./admins"));
    ({ beginSignInAttempt } = await import("./throttle"));
    ({ hashPassword } = await import("./password"));
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  // Review defect 4a: the count was read before failures were written, so 30 parallel guesses got 15 checks.
  it("checks at most 5 passwords out of 30 parallel wrong guesses on one account from one address", async () => {
    const email = await newAdmin("the-right-password");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => checkCredentials(email, "a-wrong-guess", "203.0.113.7")),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(25);
  });

  // Review defect 4b: the first X-Forwarded-For entry was trusted, so rotating it gave 22 of 22 attempts.
  it("throttles a client that rotates the X-Forwarded-For entries it writes itself", async () => {
    const email = await newAdmin("the-right-password");
    const outcomes = [];
    for (let i = 0; i < 22; i++) {
      const address = clientAddress(forwardedFor(`198.51.100.${i}, 192.0.2.44`), 1);
      outcomes.push(await checkCredentials(email, "a-wrong-guess", address));
    }
    expect(outcomes.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(outcomes.at(-1)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  // Review defect 4c: five failures locked the owner out for 15 minutes, from anywhere.
  it("never locks the owner out: another address signs in at once, and the guessing address waits a back-off", async () => {
    const email = await newAdmin("the-right-password");
    for (let i = 0; i < 8; i++) await checkCredentials(email, "a-wrong-guess", "203.0.113.99");
    expect(await checkCredentials(email, "the-right-password", "203.0.113.99")).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await checkCredentials(email, "the-right-password", "192.0.2.10")).toMatchObject({ ok: true });
    // The back-off is 30 s after the fifth failure and doubles with each further one; it ends by itself.
    const refused = await beginSignInAttempt(email, "203.0.113.99");
    expect(refused).toMatchObject({ allowed: false });
    const later = new Date(Date.now() + (refused.allowed ? 0 : refused.retryAfterSeconds * 1000) + 1000);
    expect(await beginSignInAttempt(email, "203.0.113.99", later)).toEqual({ allowed: true });
  });

  it("slows one address guessing many accounts, without touching other addresses", async () => {
    const hash = await hashPassword("pw-unused");
    const emails: string[] = [];
    for (let i = 0; i < 21; i++) emails.push(await newAdmin("", hash));
    const results = await Promise.all(emails.map((email) => checkCredentials(email, "wrong", "198.51.100.250")));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(20);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(1);
    expect(await checkCredentials(emails[20]!, "wrong", "198.51.100.251")).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });

  it("re-hashes an older 2^14 password hash at the next successful sign-in", async () => {
    const salt = "c2FsdHNhbHRzYWx0c2FsdA";
    const key = scryptSync("legacy-password", Buffer.from(salt, "base64url"), 32, { N: 16_384, r: 8, p: 1 }).toString(
      "base64url",
    );
    const email = await newAdmin("", `scrypt$16384$8$1$${salt}$${key}`);
    expect(await checkCredentials(email, "legacy-password", "192.0.2.20")).toMatchObject({ ok: true });
    const [row] = await database.db.select().from(adminUsers).where(eq(adminUsers.email, email));
    expect(row!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await checkCredentials(email, "legacy-password", "192.0.2.20")).toMatchObject({ ok: true });
  });
});

describe("client address", () => {
  it("takes the entry the trusted proxies wrote, never one the client wrote", () => {
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress(forwardedFor("203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(forwardedFor("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientAddress(forwardedFor("not-an-ip"), 1)).toBeNull();
    expect(clientAddress(new Headers(), 1)).toBeNull();
  });
});
