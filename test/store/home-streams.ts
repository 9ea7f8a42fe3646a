/**
 * Helpers for the chunked-home tests: a cheap byte pattern streamed in odd
 * pieces (so chunk boundaries never line up with the input's), and a store
 * wrapper that counts the blob bytes read through it.
 */
import { createHash } from 'node:crypto';
import type { Batch, Snapshot, Store } from '../../worker/store/store.ts';

// A period prime to every power of two, so no 4 MiB chunk repeats another.
const PERIOD = 251 * 1021;
const BASE = (() => {
  const b = new Uint8Array(PERIOD + 2 * 1024 * 1024);
  for (let i = 0; i < b.length; i++) b[i] = (i * 131 + (i >>> 9)) & 0xff;
  return b;
})();

/** `total` bytes of a fixed pattern in pieces of `piece` bytes (each a fresh copy, as a producer hands them over). */
export async function* pattern(total: number, piece = 1024 * 1024 + 7): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < total; off += piece) {
    const n = Math.min(piece, total - off);
    const start = off % PERIOD;
    yield BASE.slice(start, start + n);
  }
}

/** What {@link pattern} yields for `total` bytes, in one buffer. */
export async function patternBytes(total: number): Promise<Uint8Array> {
  const all = new Uint8Array(total);
  let off = 0;
  for await (const c of pattern(total)) (all.set(c, off), (off += c.length));
  return all;
}

/** The SHA-256 hex of what {@link pattern} yields for `total` bytes. */
export async function patternSha(total: number): Promise<string> {
  return sha(pattern(total));
}

/** SHA-256 hex of a stream. */
export async function sha(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const h = createHash('sha256');
  for await (const c of chunks) h.update(c);
  return h.digest('hex');
}

/** A store that counts the blob bytes read through it. */
export class CountingStore implements Store {
  bytesRead = 0;
  readonly inner: Store;
  constructor(inner: Store) {
    this.inner = inner;
  }
  load(): Promise<Snapshot> {
    return this.inner.load();
  }
  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    const bytes = await this.inner.getBlob(digest);
    this.bytesRead += bytes?.length ?? 0;
    return bytes;
  }
  hasBlob(digest: string): Promise<boolean> {
    return this.inner.hasBlob(digest);
  }
  listBlobs(): Promise<string[]> {
    return this.inner.listBlobs();
  }
  commit(batch: Batch): Promise<void> {
    return this.inner.commit(batch);
  }
  clear(): Promise<void> {
    return this.inner.clear();
  }
  usage(): Promise<number> {
    return this.inner.usage();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
