/**
 * Deterministic tar serialization of Entry[] as Go's archive/tar writes Docker layers:
 * per entry the header blocks of tar-header.ts, then the content padded to 512 bytes;
 * at the end Writer.Close's two zero blocks (1024 bytes) and nothing more (Go adds no
 * blocking-factor padding, unlike GNU tar's 10 KiB records).
 *
 * `tarChunks` streams: it yields fresh 1 MiB chunks (the last one shorter), generating
 * filler content straight into the chunk, so a 200 MB layer is hashed without ever being
 * held in memory. Entries are written in the order given; callers pass parents before
 * children in lexical order.
 */
import type { Entry } from './entry.ts';
import { FillerStream } from './filler.ts';
import { BLOCK, encodeHeader } from './tar-header.ts';
import { encodeUtf8 } from './utf8.ts';

/** Size of the chunks `tarChunks` yields. */
export const CHUNK_SIZE = 1 << 20;

/** Bytes of a file entry's literal content, checked against its declared size. */
function literal(e: Entry): Uint8Array | undefined {
  const c = e.content;
  if (!c || c.kind === 'filler') return undefined;
  const bytes = c.kind === 'bytes' ? c.bytes : encodeUtf8(c.text);
  if (bytes.length !== e.size) throw new Error(`tar: ${e.path}: size ${e.size} but content has ${bytes.length} bytes`);
  return bytes;
}

/** Stream the tar archive of `entries` as chunks (each a fresh buffer the caller may keep). */
export function* tarChunks(entries: Iterable<Entry>, chunkSize = CHUNK_SIZE): Generator<Uint8Array> {
  let buf = new Uint8Array(chunkSize);
  let pos = 0;

  function* put(bytes: Uint8Array): Generator<Uint8Array> {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(bytes.length - off, chunkSize - pos);
      buf.set(bytes.subarray(off, off + n), pos);
      pos += n; off += n;
      if (pos === chunkSize) { yield buf; buf = new Uint8Array(chunkSize); pos = 0; }
    }
  }

  /** Advance over zero bytes (chunks start zeroed). */
  function* skip(n: number): Generator<Uint8Array> {
    while (n > 0) {
      const k = Math.min(n, chunkSize - pos);
      pos += k; n -= k;
      if (pos === chunkSize) { yield buf; buf = new Uint8Array(chunkSize); pos = 0; }
    }
  }

  for (const e of entries) {
    yield* put(encodeHeader(e));
    if (e.type !== 'file' || e.size === 0) continue;
    const pad = (BLOCK - (e.size % BLOCK)) % BLOCK;
    const lit = literal(e);
    if (lit) {
      yield* put(lit);
    } else if (e.content?.kind === 'filler') {
      // pos is a multiple of 512 here and stays so until the last piece: word-aligned fills.
      const gen = new FillerStream(e.content.seed, e.content.program);
      let left = e.size;
      while (left > 0) {
        const n = Math.min(left, chunkSize - pos);
        gen.fill(buf.subarray(pos, pos + n));
        pos += n; left -= n;
        if (pos === chunkSize) { yield buf; buf = new Uint8Array(chunkSize); pos = 0; }
      }
    } else {
      yield* skip(e.size); // no content: zero bytes of the declared size
    }
    yield* skip(pad);
  }
  yield* skip(2 * BLOCK);
  if (pos > 0) yield buf.subarray(0, pos);
}

/** The length of the tar archive of `entries`, without writing it (headers are encoded, contents only counted). */
export function tarLength(entries: Iterable<Entry>): number {
  let n = 2 * BLOCK;
  for (const e of entries) n += encodeHeader(e).length + (e.type === 'file' ? Math.ceil(e.size / BLOCK) * BLOCK : 0);
  return n;
}

/** The whole tar archive of `entries` in one buffer (for small layers, tests, `docker cp`). */
export function tarBytes(entries: Iterable<Entry>): Uint8Array {
  const chunks = [...tarChunks(entries, 64 * 1024)];
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}
