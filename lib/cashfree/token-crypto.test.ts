import { createCipheriv, randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { decryptToken, encryptToken, openToken, TokenDecryptionError, tokenKeyId } from "./token-crypto";

const key = randomBytes(32);
const token = "cfat_eyJhbGciOiJIUzI1NiJ9.secret-access-token";

/** A token as stored before key ids existed: `iv.tag.ciphertext`, what existing rows hold. */
function sealedWithoutKeyId(withKey: Buffer, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", withKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

describe("token encryption", () => {
  it("round-trips, with a fresh IV each time, names its key, and never contains the token", () => {
    const a = encryptToken([key], token);
    const b = encryptToken([key], token);
    expect(a).not.toBe(b);
    expect(a).not.toContain("secret-access-token");
    expect(a.split(".")).toHaveLength(4);
    expect(a.split(".")[0]).toBe(tokenKeyId(key));
    expect(decryptToken([key], a)).toBe(token);
    expect(decryptToken([key], b)).toBe(token);
  });

  it("detects tampering with the ciphertext, the tag, the IV or the key id", () => {
    const stored = encryptToken([key], token);
    const [id, iv, tag, data] = stored.split(".") as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    for (const forged of [
      `${id}.${iv}.${tag}.${flip(data)}`,
      `${id}.${iv}.${flip(tag)}.${data}`,
      `${id}.${flip(iv)}.${tag}.${data}`,
      `${id}.${iv}.${tag}`,
      `${iv}.${tag}.${data}`,
      "not-a-token",
    ]) {
      expect(() => decryptToken([key], forged), forged).toThrow(TokenDecryptionError);
    }
  });

  it("refuses another key, naming the key that sealed the token", () => {
    const sealed = encryptToken([key], token);
    expect(() => decryptToken([randomBytes(32)], sealed)).toThrow(TokenDecryptionError);
    try {
      decryptToken([randomBytes(32)], sealed);
    } catch (error) {
      expect((error as TokenDecryptionError).storedKeyId).toBe(tokenKeyId(key));
      expect(String(error)).not.toContain(key.toString("base64"));
    }
  });

  it("rotation: the newest key seals, a previous one still opens what it sealed", () => {
    const previous = key;
    const newest = randomBytes(32);
    const old = encryptToken([previous], token);
    expect(openToken([newest, previous], old)).toEqual({ token, keyIndex: 1 });
    const resealed = encryptToken([newest, previous], token);
    expect(resealed.split(".")[0]).toBe(tokenKeyId(newest));
    expect(openToken([newest, previous], resealed)).toEqual({ token, keyIndex: 0 });
    expect(openToken([newest], old)).toBeNull();
  });

  it("opens a token stored before key ids (`iv.tag.ciphertext`) with the current or a previous key", () => {
    const legacy = sealedWithoutKeyId(key, token);
    expect(legacy.split(".")).toHaveLength(3);
    expect(decryptToken([key], legacy)).toBe(token);
    expect(openToken([randomBytes(32), key], legacy)).toEqual({ token, keyIndex: 1 });
    expect(() => decryptToken([randomBytes(32)], legacy)).toThrow(TokenDecryptionError);
  });
});
