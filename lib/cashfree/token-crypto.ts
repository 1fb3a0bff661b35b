import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * OAuth tokens at rest: AES-256-GCM with a random 12-byte IV, stored as `keyId.iv.tag.ciphertext` (base64url
 * each). The key id names the key that sealed it, so the keys can be rotated: the newest key seals, any
 * configured key opens what it sealed. The tag makes any change to the stored text fail loudly instead of
 * yielding a wrong token; the key id is authenticated too (GCM additional data).
 * Values written before key ids (`iv.tag.ciphertext`) are opened by whichever configured key fits.
 */
export class TokenDecryptionError extends Error {
  constructor(
    /** The id of the key that sealed the value (null for a value without one): never secret. */
    readonly storedKeyId: string | null,
  ) {
    super(
      storedKeyId
        ? `no configured token key opens the stored token (it was sealed with key ${storedKeyId})`
        : "no configured token key opens the stored token",
    );
    this.name = "TokenDecryptionError";
  }
}

/**
 * A key's public name: an HMAC of a fixed label under the key, so it tells keys apart without revealing anything
 * about them, and can be printed in logs and on the settings page.
 */
export function tokenKeyId(key: Buffer): string {
  return createHmac("sha256", key).update("cashfree-token-key-id").digest("base64url").slice(0, 8);
}

function seal(key: Buffer, plaintext: string, keyId: string | null) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (keyId) cipher.setAAD(Buffer.from(keyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return (keyId ? [keyId, ...parts] : parts).join(".");
}

function unseal(key: Buffer, parts: string[], keyId: string | null): string | null {
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    if (keyId) decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Seals with the newest key, `keys[0]`. */
export function encryptToken(keys: readonly Buffer[], plaintext: string): string {
  const key = keys[0];
  if (!key) throw new Error("no token encryption key is configured");
  return seal(key, plaintext, tokenKeyId(key));
}

/** The token, and which of `keys` opened it (0: the newest). Null when none does. */
export function openToken(keys: readonly Buffer[], stored: string): { token: string; keyIndex: number } | null {
  const parts = stored.split(".");
  if (parts.length === 4) {
    const [keyId, ...sealed] = parts as [string, ...string[]];
    const keyIndex = keys.findIndex((key) => tokenKeyId(key) === keyId);
    const token = keyIndex >= 0 ? unseal(keys[keyIndex]!, sealed, keyId) : null;
    return token === null ? null : { token, keyIndex };
  }
  if (parts.length !== 3) return null;
  for (const [keyIndex, key] of keys.entries()) {
    const token = unseal(key, parts, null);
    if (token !== null) return { token, keyIndex };
  }
  return null;
}

/** The id of the key that sealed a stored value; null for one sealed before key ids (or not a token at all). */
export function storedKeyId(stored: string): string | null {
  const parts = stored.split(".");
  return parts.length === 4 ? parts[0]! : null;
}

export function decryptToken(keys: readonly Buffer[], stored: string): string {
  const opened = openToken(keys, stored);
  if (!opened) throw new TokenDecryptionError(storedKeyId(stored));
  return opened.token;
}
