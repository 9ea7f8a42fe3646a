/**
 * Bytes on stdout. just-bash carries binary output as "byte strings" (one
 * char per byte, U+0000-U+00FF), so the shell converts between those and
 * Uint8Array, and recovers a line's exact bytes from its decoded stdout.
 */
import { decodeLatin1 } from '../engine/layer/utf8.ts';

// Node's Buffer converts latin1 natively, about 20 times faster than the
// portable loops below; the browser has no such codec (TextDecoder's
// "latin1" is windows-1252), so it takes the loops.
interface NodeBufferStatic {
  from(data: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'latin1'): string };
  from(data: string, encoding: 'latin1'): Uint8Array;
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferStatic }).Buffer;

/** Bytes to a string of one char per byte (see decodeLatin1 for why in slices). */
export function bytesToLatin1(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return decodeLatin1(bytes);
}

/** A string of one char per byte back to bytes. */
export function latin1ToBytes(latin1: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(latin1, 'latin1'));
  const bytes = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) bytes[i] = latin1.charCodeAt(i);
  return bytes;
}

/**
 * The exact bytes of a line's stdout when it is binary output of our commands
 * and nothing else: just-bash hands the final stdout back decoded (as UTF-8
 * when valid, else one char per byte), so the reported bytes are taken when
 * decoding them the same way gives exactly that string.
 */
export function exactBytes(stdout: string, outputs: Uint8Array[]): Uint8Array | undefined {
  if (outputs.length === 0 || stdout === '') return undefined;
  const total = outputs.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of outputs) {
    bytes.set(b, at);
    at += b.length;
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    decoded = bytesToLatin1(bytes);
  }
  return decoded === stdout ? bytes : undefined;
}

