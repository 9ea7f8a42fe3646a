/**
 * Tar archives as streams, for archives far larger than memory (`docker save`
 * of node + python + nginx is ~1.4 GB): the writer takes entries whose
 * contents arrive as streams of known size; the reader parses headers as
 * chunks pass and hands each member's contents on as they come. Both produce
 * exactly the bytes and errors of the whole-archive versions (tar-write.ts,
 * tar-read.ts): same headers (tar-header.ts encodeHeader), same Go
 * archive/tar error words.
 */
import type { ByteStream } from '../stream.ts';
import { Chunker, STREAM_CHUNK } from './chunker.ts';
import type { Entry, EntryType } from './entry.ts';
import { BLOCK, encodeHeader } from './tar-header.ts';
import { TarFormatError } from './tar-read.ts';
import { tarChunks } from './tar-write.ts';
import { decodeUtf8 } from './utf8.ts';

/** One member to write: its header fields, and for a file whose bytes stream, where they come from. */
export interface StreamEntry {
  /** The header; a file's `size` must be the exact number of bytes `body` yields. */
  entry: Entry;
  /** The file's bytes, read when the member is written; absent: the entry's own content. */
  body?: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Called once the member's bytes were written. */
  written?: () => void;
}

/**
 * The tar archive of `items` as Go's archive/tar writes it (tar-write.ts),
 * in fresh chunks of `chunkSize` (the last one shorter). A body that yields
 * another size than its entry declares is an error, as Go's
 * `archive/tar: write too long` / short write.
 */
export async function* tarStream(items: Iterable<StreamEntry>, chunkSize = STREAM_CHUNK): AsyncGenerator<Uint8Array> {
  const out = new Chunker(chunkSize);
  for (const { entry, body, written } of items) {
    if (body === undefined) {
      // The entry's own content (literal or filler), exactly as tarChunks writes it, without its end blocks.
      for (const c of memberChunks(entry, chunkSize)) yield* out.put(c);
    } else {
      yield* out.put(encodeHeader(entry));
      let n = 0;
      for await (const c of body()) {
        n += c.length;
        if (n > entry.size) throw new Error('archive/tar: write too long');
        yield* out.put(c);
      }
      if (n !== entry.size) throw new Error(`archive/tar: missed writing ${entry.size - n} bytes`);
      yield* out.zeros((BLOCK - (entry.size % BLOCK)) % BLOCK);
    }
    written?.();
  }
  yield* out.zeros(2 * BLOCK);
  yield* out.flush();
}

/** The header and padded content of one entry (tarChunks of it, less the archive's end blocks). */
function* memberChunks(e: Entry, chunkSize: number): Generator<Uint8Array> {
  let left = encodeHeader(e).length + (e.type === 'file' ? Math.ceil(e.size / BLOCK) * BLOCK : 0);
  for (const c of tarChunks([e], chunkSize)) {
    const n = Math.min(left, c.length);
    if (n > 0) yield c.subarray(0, n);
    left -= n;
  }
}

/** Wraps a synchronous chunk generator (tarChunks) as a stream. */
export async function* fromChunks(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

// ---------------------------------------------------------------------------
// Reading

/** One member's header as the archive has it, names not cleaned (`tar -t` prints them as they are). */
export interface StreamHeader {
  /** The name after PAX `path` / GNU long name / ustar prefix, as written ('./', trailing '/' kept). */
  name: string;
  /** The tar typeflag character ('0', '5', '2', …; '\0' for old regular files). */
  flag: string;
  /** Our entry type for the flag; undefined for types Docker layers never hold (devices, FIFOs…). */
  type: EntryType | undefined;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
  linkname: string;
  uname: string;
  gname: string;
}

/** A member: its header, and its contents, which must be read (or skipped) before the next member. */
export interface StreamMember {
  header: StreamHeader;
  /** The member's bytes as they pass, in chunks that are views: copy what you keep past the next chunk. */
  body: ByteStream;
}

const TYPES: Record<string, EntryType> = { '0': 'file', '\0': 'file', '7': 'file', '5': 'dir', '2': 'symlink', '1': 'hardlink' };

/** Pulls exact byte counts from a chunk stream, holding at most one chunk plus one block. */
class Reader {
  readonly #it: AsyncIterator<Uint8Array>;
  #cur: Uint8Array = new Uint8Array(0);
  #off = 0;
  #done = false;

  constructor(stream: ByteStream) {
    this.#it = stream[Symbol.asyncIterator]();
  }

  /** Ensures at least one unread byte is at hand; false at the end of the stream. */
  async #fill(): Promise<boolean> {
    while (this.#off >= this.#cur.length) {
      if (this.#done) return false;
      const r = await this.#it.next();
      if (r.done) {
        this.#done = true;
        return false;
      }
      this.#cur = r.value;
      this.#off = 0;
    }
    return true;
  }

  /** Exactly `n` bytes (a copy when they span chunks), or fewer at the end of the stream. */
  async read(n: number): Promise<Uint8Array> {
    if (!(await this.#fill())) return new Uint8Array(0);
    if (this.#cur.length - this.#off >= n) {
      const v = this.#cur.subarray(this.#off, this.#off + n);
      this.#off += n;
      return v;
    }
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n && (await this.#fill())) {
      const k = Math.min(n - got, this.#cur.length - this.#off);
      out.set(this.#cur.subarray(this.#off, this.#off + k), got);
      this.#off += k;
      got += k;
    }
    return got === n ? out : out.subarray(0, got);
  }

  /** Up to `n` bytes as views of the chunks (never copied), in order; stops early at the end of the stream. */
  async *pieces(n: number): AsyncGenerator<Uint8Array> {
    while (n > 0 && (await this.#fill())) {
      const k = Math.min(n, this.#cur.length - this.#off);
      const v = this.#cur.subarray(this.#off, this.#off + k);
      this.#off += k;
      n -= k;
      yield v;
    }
  }

  /** Whether the stream holds no more bytes. */
  async atEnd(): Promise<boolean> {
    return !(await this.#fill());
  }

  /** Ends the underlying stream early (the consumer stopped). */
  async close(): Promise<void> {
    if (!this.#done) await this.#it.return?.();
  }
}

function str(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return decodeUtf8(b.subarray(off, end));
}

/** Go parseNumeric: octal text, or base-256 when the top bit of the first byte is set. */
function num(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    let v = b[off]! & 0x3f;
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i]!;
    return b[off]! & 0x40 ? -v : v;
  }
  const s = str(b, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function isZero(b: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function checksumOk(b: Uint8Array): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const v = i >= 148 && i < 156 ? 32 : b[i]!;
    unsigned += v;
    signed += v > 127 ? v - 256 : v;
  }
  const stored = num(b, 148, 8);
  return stored === unsigned || stored === signed;
}

/** Go parsePAX: "<len> key=value\n" records. */
function parsePax(data: Uint8Array): Record<string, string> {
  const text = decodeUtf8(data);
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const eq = text.indexOf('=', sp);
    const nl = text.indexOf('\n', eq);
    if (eq < 0 || nl < 0) throw new TarFormatError('archive/tar: invalid tar header');
    out[text.slice(sp + 1, eq)] = text.slice(eq + 1, nl);
    i = nl + 1;
  }
  return out;
}

/** Extended header data is read whole; Go caps it at 1 MiB too (maxSpecialFileSize). */
const MAX_SPECIAL = 1 << 20;

/**
 * The members of a tar stream, in order, with Go archive/tar's errors
 * (TarFormatError): `archive/tar: invalid tar header`, `unexpected EOF`.
 * A member's body not read by the consumer is skipped when it asks for the
 * next member. Memory: one chunk of the input and one header at a time.
 */
export async function* readTarStream(stream: ByteStream): AsyncGenerator<StreamMember> {
  const r = new Reader(stream);
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  try {
    for (;;) {
      const h = await r.read(BLOCK);
      if (h.length === 0) return; // Go: io.EOF before any header is a clean end
      // Go's tar.Reader: a header block cut short is io.ErrUnexpectedEOF (`docker load` of a file that is not an archive).
      if (h.length < BLOCK) throw new TarFormatError('unexpected EOF');
      if (isZero(h)) return; // end-of-archive marker
      if (!checksumOk(h)) throw new TarFormatError('archive/tar: invalid tar header');
      const flag = String.fromCharCode(h[156]!);
      const meta = flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K';
      const size = !meta && pax.size !== undefined ? Number(pax.size) : num(h, 124, 12);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (meta) {
        if (size > MAX_SPECIAL) throw new TarFormatError('archive/tar: invalid tar header');
        const data = await r.read(size);
        if (data.length < size) throw new TarFormatError('unexpected EOF');
        await skip(r, pad, false);
        if (flag === 'x') pax = { ...pax, ...parsePax(data) };
        else if (flag === 'L') longName = str(data, 0, data.length);
        else if (flag === 'K') longLink = str(data, 0, data.length);
        continue;
      }
      const magic = str(h, 257, 6);
      let name = str(h, 0, 100);
      if (magic === 'ustar' && h[263] === 48) {
        const prefix = str(h, 345, 155);
        if (prefix) name = prefix + '/' + name;
      }
      const header: StreamHeader = {
        name: pax.path ?? longName ?? name,
        flag,
        type: TYPES[flag],
        mode: num(h, 100, 8) & 0o7777,
        uid: pax.uid !== undefined ? Number(pax.uid) : num(h, 108, 8),
        gid: pax.gid !== undefined ? Number(pax.gid) : num(h, 116, 8),
        mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : num(h, 136, 12),
        size,
        linkname: pax.linkpath ?? longLink ?? str(h, 157, 100),
        uname: pax.uname ?? str(h, 265, 32),
        gname: pax.gname ?? str(h, 297, 32),
      };
      pax = {};
      longName = undefined;
      longLink = undefined;
      let left = size;
      const body = (async function* () {
        for await (const piece of r.pieces(left)) {
          left -= piece.length;
          yield piece;
        }
        if (left > 0) throw new TarFormatError('unexpected EOF');
      })();
      yield { header, body };
      // Whatever the consumer left unread of the member is skipped.
      if (left > 0) await skip(r, left, true);
      await skip(r, pad, true);
    }
  } finally {
    await r.close();
  }
}

async function skip(r: Reader, n: number, strict: boolean): Promise<void> {
  let got = 0;
  for await (const p of r.pieces(n)) got += p.length;
  // Padding cut short at the very end: Go reports unexpected EOF for a truncated member.
  if (strict && got < n) throw new TarFormatError('unexpected EOF');
}

/** Cleans a member name as tar-read.ts does for Entry paths: no './', no leading or trailing '/'. */
export function cleanName(name: string): string {
  let p = name;
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  while (p.endsWith('/')) p = p.slice(0, -1);
  return p === '.' ? '' : p;
}

/** Concatenates a stream into one buffer: for archives known to be small (a `docker cp` upload). */
export async function collectBytes(stream: ByteStream, limit = Infinity): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of stream) {
    n += c.length;
    if (n > limit) throw new RangeError(`more than ${limit} bytes`);
    parts.push(c.slice());
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A stream of one buffer, in views of `chunkSize`. */
export async function* bytesStream(bytes: Uint8Array, chunkSize = STREAM_CHUNK): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
}

/**
 * The entries of a tar stream as readTar (tar-read.ts) gives them for the
 * whole archive, each file's bytes gathered into a buffer of its own: for
 * an archive extracted into a container's filesystem (`docker cp` to a
 * container), which keeps every file's bytes anyway, without also holding
 * the archive.
 */
export async function readTarEntries(stream: ByteStream): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const { header: h, body } of readTarStream(stream)) {
    const path = cleanName(h.name);
    if (h.type === undefined || path === '') continue;
    const e: Entry = { path, type: h.type, mode: h.mode, uid: h.uid, gid: h.gid, mtime: h.mtime, size: h.type === 'file' ? h.size : 0 };
    if (h.type === 'symlink') e.linkname = h.linkname;
    if (h.type === 'hardlink') e.linkname = cleanName(h.linkname);
    if (h.uname) e.uname = h.uname;
    if (h.gname) e.gname = h.gname;
    if (h.type === 'file') {
      const bytes = new Uint8Array(h.size);
      let at = 0;
      for await (const piece of body) {
        bytes.set(piece, at);
        at += piece.length;
      }
      e.content = { kind: 'bytes', bytes };
    }
    entries.push(e);
  }
  return entries;
}
