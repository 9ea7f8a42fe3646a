/**
 * Session ids and tokens. The id names the session in URLs and directories
 * (128 random bits, 22 base64url characters); the token proves the holder
 * created it (256 random bits, 43 characters). The runner keeps only the
 * token's SHA-256 and compares digests in constant time, so neither timing
 * nor a memory dump of the runner yields a usable token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh session id. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** A fresh token and the digest to keep. */
export function newToken(): { token: string; digest: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: digestOf(token) };
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether `token` is the one whose digest is kept: constant time in the token's content (both sides are 32-byte digests). */
export function tokenMatches(token: unknown, digest: Buffer): boolean {
  if (typeof token !== 'string' || token.length > 256) return false;
  return timingSafeEqual(digestOf(token), digest);
}
