import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { decryptToken, encryptToken, TokenDecryptionError } from "./token-crypto";

const key = randomBytes(32);
const token = "cfat_eyJhbGciOiJIUzI1NiJ9.secret-access-token";

describe("token encryption", () => {
  it("round-trips, with a fresh IV each time, and never contains the token", () => {
    const a = encryptToken(key, token);
    const b = encryptToken(key, token);
    expect(a).not.toBe(b);
    expect(a).not.toContain("secret-access-token");
    expect(a.split(".")).toHaveLength(3);
    expect(decryptToken(key, a)).toBe(token);
    expect(decryptToken(key, b)).toBe(token);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const stored = encryptToken(key, token);
    const [iv, tag, data] = stored.split(".") as [string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    for (const forged of [
      `${iv}.${tag}.${flip(data)}`,
      `${iv}.${flip(tag)}.${data}`,
      `${flip(iv)}.${tag}.${data}`,
      `${iv}.${tag}`,
      "not-a-token",
    ]) {
      expect(() => decryptToken(key, forged), forged).toThrow(TokenDecryptionError);
    }
  });

  it("refuses another key", () => {
    expect(() => decryptToken(randomBytes(32), encryptToken(key, token))).toThrow(TokenDecryptionError);
  });
});
