/**
 * Helpers for realistic-looking text in simulated images: package checksums and
 * fixed timestamps.
 */
import { hash32, rng } from './tree.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic base64 text of `bytes` bytes derived from `label` (apk's Q1… checksums). */
export function fakeBase64(label: string, bytes: number): string {
  const r = rng(hash32(label));
  let s = '';
  const chars = Math.ceil((bytes * 4) / 3);
  for (let i = 0; i < chars; i++) s += B64[Math.floor(r() * 64)];
  return s + '='.repeat((4 - (chars % 4)) % 4);
}

/** Deterministic lower-case hex of `n` digits derived from `label` (md5sums, commits). */
export function fakeHex(label: string, n: number): string {
  const r = rng(hash32(label) ^ 0x5bd1e995);
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

/** Unix seconds of an RFC 3339 time. */
export function unix(rfc3339: string): number {
  return Math.floor(Date.parse(rfc3339) / 1000);
}
