import { scryptSync } from "node:crypto";

import { describe, expect, it } from "vitest";

import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password";

const legacyKey = async (password: string, salt: string) =>
  scryptSync(password.normalize("NFKC"), Buffer.from(salt, "base64url"), 32, { N: 16_384, r: 8, p: 1 }).toString(
    "base64url",
  );

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("still verifies an older 2^14 hash, and says it needs re-hashing", async () => {
    const old = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$" + (await legacyKey("hunter2", "c2FsdHNhbHRzYWx0c2FsdA"));
    expect(await verifyPassword("hunter2", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("hunter2"))).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("never matches the dummy hash or a malformed one", async () => {
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
