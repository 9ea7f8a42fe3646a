/**
 * Big home files kept as chunks (issue 12): a file above {@link CHUNK_SIZE}
 * is stored as a list of chunk blobs of that size (the last one shorter),
 * so no step between a `docker save` and the store ever needs the whole
 * archive in one buffer: a 1.4 GB archive would not fit a V8 array, and
 * every copy of it costs the tab its size again.
 *
 * Why 4 MiB: below it one blob per file is cheapest (one store read, and the
 * chapters' scripts and Dockerfiles keep the records they always had); above
 * it, 4 MiB pieces keep a stream's memory bounded (store-fs.ts GROUP: a group filling, one
 * being stored) while each IndexedDB transaction carries enough bytes that its
 * fixed cost (a few ms) stays under a tenth of the time its bytes take.
 *
 * Chunk keys are salted for the reason store-fs.ts gives for whole files
 * (a home file's blob and an engine layer's blob must never share a key), and
 * computed with WebCrypto, native in the worker and in Node 20: the key is
 * SHA-256(salt ‖ SHA-256(chunk)), which hashes the chunk in place (no salted
 * copy of 4 MiB) and cannot collide with a plain content digest.
 */

export type { ByteStream } from '../engine/stream.ts';
import type { ByteStream } from '../engine/stream.ts';

/** Size of a stored chunk, and the size above which a file is stored as chunks. */
export const CHUNK_SIZE = 4 * 1024 * 1024;

/** One chunk of a chunked file, as its file record lists it. */
export interface ChunkRef {
  blob: string;
  size: number;
}

const SALT = new TextEncoder().encode('layerlab home chunk\n');

/** The blob digest of one chunk of a home file (see the module comment). */
export async function chunkDigest(bytes: Uint8Array): Promise<string> {
  const inner = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const salted = new Uint8Array(SALT.length + inner.length);
  salted.set(SALT);
  salted.set(inner, SALT.length);
  return `sha256:${hex(new Uint8Array(await crypto.subtle.digest('SHA-256', salted)))}`;
}

/**
 * Regroups a stream into pieces of exactly `size` bytes (the last one
 * shorter, none empty). Each piece is a fresh buffer the consumer may keep;
 * at most one piece is being filled at a time.
 */
export async function* rechunk(chunks: ByteStream, size: number = CHUNK_SIZE): AsyncGenerator<Uint8Array> {
  let buf = new Uint8Array(size);
  let pos = 0;
  for await (const chunk of chunks) {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(chunk.length - off, size - pos);
      buf.set(chunk.subarray(off, off + n), pos);
      pos += n;
      off += n;
      if (pos === size) {
        yield buf;
        buf = new Uint8Array(size);
        pos = 0;
      }
    }
  }
  if (pos > 0) yield buf.subarray(0, pos);
}

/** Pieces of at most `size` bytes of one buffer, as views (no copy). */
export function* slices(bytes: Uint8Array, size: number = CHUNK_SIZE): Generator<Uint8Array> {
  for (let off = 0; off < bytes.length; off += size) yield bytes.subarray(off, Math.min(off + size, bytes.length));
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
