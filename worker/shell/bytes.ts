/**
 * just-bash's byte-string convention (a string whose chars are bytes 0–255,
 * `encoding.d.ts`): the three helpers our commands need. just-bash exports
 * them from its Node entry only, not from `just-bash/browser`, which is what
 * the page loads, so the shell carries its own copies of these one-liners.
 */
import type { ByteString } from 'just-bash';

/** Reveals a ByteString's latin1 view (one char per byte). */
export function latin1FromBytes(b: ByteString): string {
  return b as unknown as string;
}

/** Tags a latin1 string (one char per byte) as a ByteString. */
export function unsafeBytesFromLatin1(s: string): ByteString {
  return s as unknown as ByteString;
}

/** A command result whose stdout is bytes, in both of just-bash's spellings. */
export function bytesOutput(data: ByteString): { stdout: string; stdoutKind: 'bytes'; stdoutEncoding: 'binary' } {
  return { stdout: data as unknown as string, stdoutKind: 'bytes', stdoutEncoding: 'binary' };
}
