/**
 * The unguessable status link's token: 32 random bytes, base64url; only its SHA-256 is stored. With an
 * Idempotency-Key the token is the HMAC of 32 random stored bytes under that key, so a retry with the same key can be
 * given the same token again while the table still holds nothing from which to recompute it without the key.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface IssuedToken {
  token: string;
  sha256: string;
  /** Stored to derive the token again on a retry (with an Idempotency-Key only). */
  salt: string | null;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export function issueStatusToken(idempotencyKey: string | undefined): IssuedToken {
  if (idempotencyKey === undefined) {
    const token = randomBytes(32).toString('base64url');
    return { token, sha256: sha256Hex(token), salt: null };
  }
  const salt = randomBytes(32).toString('base64url');
  const token = derivedToken(idempotencyKey, salt);
  return { token, sha256: sha256Hex(token), salt };
}

export function derivedToken(idempotencyKey: string, salt: string): string {
  return createHmac('sha256', idempotencyKey).update(salt).digest('base64url');
}

/** A well-formed token: 43 base64url characters (32 bytes). */
export const STATUS_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
