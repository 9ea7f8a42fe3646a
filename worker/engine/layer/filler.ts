/**
 * Deterministic pseudo-random file contents ("filler") for large files of simulated
 * images: a 200 MB layer is described by (seed, size) and regenerated on demand, never
 * stored. xorshift128 writes whole Uint32 words straight into the output buffer, which
 * keeps generation far faster than SHA-256, so hashing stays the bottleneck.
 *
 * Byte i of a filler file is byte i of the little-endian word stream, except for executables:
 * their first bytes are an ELF-like marker naming the simulated program (see exec-marker.ts).
 */
import { execHeader } from './exec-marker.ts';

/** Generator of one filler stream; `fill` continues where the previous call stopped. */
export class FillerStream {
  private x: number;
  private y: number;
  private z: number;
  private w: number;
  private pos = 0;
  private readonly header: Uint8Array | undefined;

  constructor(seed: number, program?: string) {
    // splitmix32 spreads small consecutive seeds into independent, never-all-zero states.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // State is kept as int32 (not uint32): values stay in V8's int32 representation,
    // which makes the loop below ~3x faster than with `>>> 0`; the bytes are the same.
    this.x = next() | 0; this.y = next() | 0; this.z = next() | 0; this.w = next() | 1;
    this.header = program === undefined ? undefined : execHeader(program);
  }

  /**
   * Write the next `out.length` bytes of the stream into `out`. Every call but the last
   * must have a length that is a multiple of 4 (word stream stays aligned).
   */
  fill(out: Uint8Array): void {
    const start = this.pos;
    const words = out.length >>> 2;
    let x = this.x, y = this.y, z = this.z, w = this.w;
    if ((out.byteOffset & 3) === 0) {
      const i32 = new Int32Array(out.buffer, out.byteOffset, words);
      for (let i = 0; i < words; i++) {
        const t = x ^ (x << 11);
        x = y; y = z; z = w;
        w = w ^ (w >>> 19) ^ t ^ (t >>> 8);
        i32[i] = w;
      }
    } else {
      for (let i = 0; i < words; i++) {
        const t = x ^ (x << 11);
        x = y; y = z; z = w;
        w = w ^ (w >>> 19) ^ t ^ (t >>> 8);
        const o = i << 2;
        out[o] = w & 255; out[o + 1] = (w >>> 8) & 255; out[o + 2] = (w >>> 16) & 255; out[o + 3] = w >>> 24;
      }
    }
    const rest = out.length & 3;
    if (rest) {
      const t = x ^ (x << 11);
      x = y; y = z; z = w;
      w = w ^ (w >>> 19) ^ t ^ (t >>> 8);
      for (let i = 0; i < rest; i++) out[(words << 2) + i] = (w >>> (8 * i)) & 255;
    }
    this.x = x; this.y = y; this.z = z; this.w = w;
    this.pos += out.length;
    const h = this.header;
    if (h && start < h.length) {
      for (let i = start; i < h.length && i < this.pos; i++) out[i - start] = h[i]!;
    }
  }
}

/** All `size` bytes of a filler file (for small files and `contentBytes`). */
export function fillerBytes(seed: number, size: number, program?: string): Uint8Array {
  const out = new Uint8Array(size);
  new FillerStream(seed, program).fill(out);
  return out;
}
