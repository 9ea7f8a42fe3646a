/**
 * digest.ts hashes with hash-wasm when a pooled hasher is ready and with
 * noble otherwise: both must give node:crypto's digest, for one-shot and
 * streamed input, with several streams open at once (each holds its own
 * hasher until its digest).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256Stream, digestOf, prepareFastSha256 } from '../../worker/engine/digest.ts';

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}
const nodeDigest = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('sha256 with and without the WASM pool', () => {
  it('one-shot digests equal node:crypto below and above the WASM threshold', async () => {
    await prepareFastSha256();
    for (const n of [0, 1, 65535, 65536, 1 << 20]) expect(digestOf(pattern(n, n))).toBe(nodeDigest(pattern(n, n)));
  });

  it('ten interleaved streams (more than the pool holds) each give their own digest', async () => {
    await prepareFastSha256();
    const inputs = Array.from({ length: 10 }, (_, i) => pattern(300_000 + i * 7919, i));
    const streams = inputs.map(() => new Sha256Stream());
    for (let off = 0; off < 400_000; off += 65_000) {
      streams.forEach((s, i) => {
        const chunk = inputs[i]!.subarray(off, off + 65_000);
        if (chunk.length) s.update(chunk);
      });
    }
    expect(streams.map((s) => s.digest())).toEqual(inputs.map(nodeDigest));
    expect(streams.map((s) => s.length)).toEqual(inputs.map((b) => b.length));
  });

  it('a streamed digest cannot be taken twice from a pooled hasher', async () => {
    await prepareFastSha256();
    const s = new Sha256Stream().update(pattern(10, 1));
    expect(s.digest()).toBe(nodeDigest(pattern(10, 1)));
    // The first stream after a prepare gets a WASM hasher; a second digest would hand it out twice.
    expect(() => s.digest()).toThrow('digest() called twice');
  });
});
