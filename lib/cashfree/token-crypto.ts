import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * OAuth tokens at rest: AES-256-GCM with a random 12-byte IV, stored as `iv.tag.ciphertext` (base64url each).
 * The tag makes any change to the stored text (or a wrong key) fail loudly instead of yielding a wrong token.
 */
export class TokenDecryptionError extends Error {
  constructor() {
    super("stored token could not be decrypted (tampered with, or another key)");
    this.name = "TokenDecryptionError";
  }
}

export function encryptToken(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

export function decryptToken(key: Buffer, stored: string): string {
  const parts = stored.split(".");
  if (parts.length !== 3) throw new TokenDecryptionError();
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) throw new TokenDecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenDecryptionError();
  }
}
