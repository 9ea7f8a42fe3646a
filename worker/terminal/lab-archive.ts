/**
 * "Export lab" / "Import lab": the whole state of a lab (every metadata
 * record of the store and every blob) as one tar file, so a learner can keep
 * it, move it to another browser, or hand it in. The archive is plain tar as
 * the engine writes layers (ustar/PAX, worker/engine/layer/tar-write.ts):
 *
 *     layerlab-lab.json            {"format":"layerlab-lab","version":1,"records":{collection:{key:value}}}
 *     blobs/sha256/<hex>           one file per blob, named by its digest
 *
 * Both directions stream (issue 12): export writes blob by blob, import
 * stores blobs as they arrive and replaces the records in one last batch
 * (design.md §6: a reload sees the old lab or the new one, never a mix).
 */
import { COLLECTIONS } from '../store/store.ts';
import type { Batch, Collection, Json, Store } from '../store/store.ts';
import { tracked } from '../progress.ts';
import type { Entry } from '../engine/layer/entry.ts';
import { BLOCK, encodeHeader } from '../engine/layer/tar-header.ts';

const MANIFEST = 'layerlab-lab.json';
const FORMAT = 'layerlab-lab';
const VERSION = 1;

export type { ByteStream } from '../engine/stream.ts';
import type { ByteStream } from '../engine/stream.ts';

/** Raised for a file that is not a lab export. */
export class LabArchiveError extends Error {
  readonly code = 'EINVAL';
}

interface Manifest {
  format: string;
  version: number;
  records: Record<string, Record<string, Json>>;
}

/**
 * Writes the whole state of `store` as one tar archive through `write`, blob
 * by blob: at most one blob is in memory at a time, so a lab whose home
 * holds archives of hundreds of MB exports in a few MB. `write` is awaited
 * (the page's back-pressure). Resolves to the archive's size.
 */
export async function exportLab(store: Store, write: (chunk: Uint8Array) => unknown, now: Date = new Date()): Promise<number> {
  const snapshot = await store.load();
  const records: Manifest['records'] = {};
  for (const c of COLLECTIONS) records[c] = Object.fromEntries(snapshot[c]);
  const mtime = Math.floor(now.getTime() / 1000);
  const header = (path: string, size: number): Uint8Array => encodeHeader({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, size } as Entry);
  let written = 0;
  const put = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length === 0) return;
    written += bytes.length;
    await write(bytes);
  };
  const file = async (path: string, bytes: Uint8Array): Promise<void> => {
    await put(header(path, bytes.length));
    await put(bytes);
    await put(new Uint8Array((BLOCK - (bytes.length % BLOCK)) % BLOCK));
  };
  const manifest: Manifest = { format: FORMAT, version: VERSION, records };
  // The manifest first, so an import can tell a lab export before storing any blob.
  await file(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)));
  const digests = (await store.listBlobs()).sort();
  // Reading the blobs is most of an export's time: the status bar counts them.
  await tracked('Exporting the lab', async (m) => {
    for (const [i, digest] of digests.entries()) {
      const bytes = await store.getBlob(digest);
      if (bytes) await file(blobPath(digest), bytes);
      m.update(i + 1);
    }
  }, digests.length);
  // Go's tar.Writer.Close: two zero blocks end the archive.
  await put(new Uint8Array(2 * BLOCK));
  return written;
}

/**
 * Replaces the whole state of `store` with the lab in `archive`, read as a
 * stream: each blob is stored as it arrives, in a batch of its own (stored
 * but not yet listed by any record, it changes nothing a reload shows), and
 * the records follow in one last batch (design.md §6: a reload sees the old
 * lab or the new one, never a mix). A failed import frees the blobs it added.
 */
export async function importLab(store: Store, archive: ByteStream): Promise<void> {
  const had = new Set(await store.listBlobs());
  const incoming = new Set<string>();
  const added: string[] = [];
  let manifest: Manifest | undefined;
  try {
    for await (const { path, bytes } of tarFiles(archive)) {
      if (manifest === undefined) {
        if (path !== MANIFEST) throw new LabArchiveError(`not a lab export: no ${MANIFEST}`);
        manifest = parseManifest(bytes);
        continue;
      }
      const digest = digestOf(path);
      if (digest === undefined) continue;
      incoming.add(digest);
      if (had.has(digest) || added.includes(digest)) continue;
      await store.commit({ putBlobs: [{ digest, bytes }] });
      added.push(digest);
    }
    if (manifest === undefined) throw new LabArchiveError(`not a lab export: no ${MANIFEST}`);
    const current = await store.load();
    const batch: Required<Batch> = { put: [], delete: [], putBlobs: [], deleteBlobs: [] };
    for (const c of COLLECTIONS) {
      const records = manifest.records[c] ?? {};
      for (const key of current[c].keys()) if (!(key in records)) batch.delete.push({ collection: c as Collection, key });
      for (const [key, value] of Object.entries(records)) batch.put.push({ collection: c as Collection, key, value });
    }
    for (const digest of had) if (!incoming.has(digest)) batch.deleteBlobs.push(digest);
    await store.commit(batch);
  } catch (error) {
    if (added.length > 0) await store.commit({ deleteBlobs: added }).catch(() => undefined);
    throw error instanceof LabArchiveError ? error : new LabArchiveError(`not a lab export: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseManifest(bytes: Uint8Array): Manifest {
  const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw new LabArchiveError(`not a lab export: format ${manifest.format} version ${manifest.version}`);
  }
  return manifest;
}

/**
 * The regular files of a tar stream, each whole (a lab's files are its
 * blobs: a few MB each), in archive order. Reads ustar headers with PAX
 * `path`/`size` records, as tar-header.ts writes them; other entry types are
 * skipped. Throws on a truncated archive or a header whose checksum fails.
 */
async function* tarFiles(archive: ByteStream): AsyncGenerator<{ path: string; bytes: Uint8Array }> {
  const reader = new ByteReader(archive);
  let pax: Record<string, string> = {};
  for (;;) {
    const block = await reader.read(BLOCK);
    if (block === undefined || block.every((b) => b === 0)) return;
    if (!checksumOk(block)) throw new Error('invalid tar header');
    const type = String.fromCharCode(block[156]!);
    const size = pax.size !== undefined ? Number(pax.size) : octal(block.subarray(124, 136));
    const prefix = text(block.subarray(345, 500));
    const path = pax.path ?? (prefix ? `${prefix}/${text(block.subarray(0, 100))}` : text(block.subarray(0, 100)));
    const body = size > 0 ? await reader.read(size) : new Uint8Array(0);
    if (body === undefined) throw new Error('unexpected end of archive');
    await reader.skip((BLOCK - (size % BLOCK)) % BLOCK);
    if (type === 'x') {
      pax = parsePax(body);
      continue;
    }
    pax = {};
    if (type === '0' || type === '\0') yield { path, bytes: body };
  }
}

/** Reads exact byte counts from a stream of chunks of any size. */
class ByteReader {
  #it: AsyncIterator<Uint8Array>;
  #buf: Uint8Array = new Uint8Array(0);
  constructor(source: ByteStream) {
    this.#it = source[Symbol.asyncIterator]();
  }
  /** The next `n` bytes in a fresh buffer, or undefined at the end of the stream. */
  async read(n: number): Promise<Uint8Array | undefined> {
    const out = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      if (this.#buf.length === 0) {
        const next = await this.#it.next();
        if (next.done) return undefined;
        this.#buf = next.value;
        continue;
      }
      const k = Math.min(n - off, this.#buf.length);
      out.set(this.#buf.subarray(0, k), off);
      this.#buf = this.#buf.subarray(k);
      off += k;
    }
    return out;
  }
  async skip(n: number): Promise<void> {
    if (n > 0 && (await this.read(n)) === undefined) throw new Error('unexpected end of archive');
  }
}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function octal(bytes: Uint8Array): number {
  const s = text(bytes).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function checksumOk(block: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === octal(block.subarray(148, 156));
}

function parsePax(body: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const s = new TextDecoder().decode(body);
  let pos = 0;
  while (pos < s.length) {
    const space = s.indexOf(' ', pos);
    const len = Number(s.slice(pos, space));
    if (!(len > 0)) break;
    const record = s.slice(space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

function blobPath(digest: string): string {
  const [algo, hex] = digest.split(':');
  return `blobs/${algo}/${hex}`;
}

function digestOf(path: string): string | undefined {
  const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]+)$/.exec(path);
  return m ? `${m[1]}:${m[2]}` : undefined;
}
