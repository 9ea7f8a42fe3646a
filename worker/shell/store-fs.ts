/**
 * The learner's home directory kept in the {@link Store} (design.md §5-6):
 * one record per path in the `files` collection, file contents as blobs.
 * The shell works on an in-memory filesystem; after each command line
 * {@link HomeSync.commit} writes what changed as one batch, so a reload shows
 * the home as it was before or after a line, never between.
 *
 * File blobs are keyed by the SHA-256 of a fixed prefix plus the content, not
 * of the content alone. An extracted `docker save` archive holds files whose
 * plain digest is a layer's, and the engine frees a layer's blob when the
 * last image using it goes; keyed apart, neither side can free the other's
 * bytes.
 *
 * Loading reads no file bytes: restored files stay lazy (home-fs.ts) until
 * a command reads them, and a commit recognizes them unread, so a home of
 * hundreds of MB of archives costs its records, not its bytes.
 *
 * Files above 4 MiB are stored as chunks (file-chunks.ts): the record lists
 * `chunks: [{blob, size}]` instead of one `blob`. A file streamed into the
 * home (HomeFs.writeStream: `docker save -o`, `> f.tar`) has its chunks put
 * into the store while the stream runs, each in a batch of its own with a
 * `pending-chunk:<digest>` record in `files`; the line's commit then adds the
 * file's record by reference to those chunks and deletes the pending records,
 * freeing any chunk no record uses (a file removed within the line). The
 * chunks of a line the tab never finished stay pending and the next commit
 * frees them, so the home still changes only at line ends.
 *
 * When the store is full (StoreFullError), a commit first retries without
 * the best-effort paths (the shell history) and the meta records, so a line
 * that wrote nothing of its own still succeeds; if that fails too, the home
 * is put back as the store holds it, so what `ls` shows is what a reload
 * shows, and the error goes to the caller.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { IFileSystem } from 'just-bash';
import { StoreFullError } from '../store/store.ts';
import type { Batch, Json, Store } from '../store/store.ts';
import { toHex } from '../engine/digest.ts';
import { LEARNER } from './commands/identity.ts';
import { concat, loadJustBash, newHomeFs } from './home-fs.ts';
import type { ChunkSink, HomeFs, SinkResult, StoredFile } from './home-fs.ts';
import { CHUNK_SIZE, chunkDigest, rechunk, slices } from './file-chunks.ts';
import type { ByteStream, ChunkRef } from './file-chunks.ts';

/** One persisted path. `mtime` in ms since the epoch. */
export interface FileRecord {
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  mtime: number;
  size?: number;
  /** The content of a file stored whole. */
  blob?: string;
  /** The content of a file stored as chunks (above CHUNK_SIZE), in order. */
  chunks?: ChunkRef[];
  target?: string;
}

/**
 * Chunks a streamed file stores per transaction, and transactions it keeps
 * in flight. Measured in the page (bench/archives.ts, `docker save -o` of
 * node, python:3.9-slim and nginx, 1241 MB, on this 2-core machine): one
 * chunk per transaction 71-81 MB/s, two 85, four 105-113, eight 108 with
 * 60 MB more memory. IndexedDB alone (bench/idb-write.ts, 4 MiB values)
 * agrees: one per transaction ~146 MB/s, four ~198, eight ~224, a single
 * 16 MiB value ~160; a group spreads each transaction's fixed cost (its
 * round trips to the browser process and the commit). More transactions in
 * flight measured no faster (two: 149; three in the page: 24 against 32 MB/s
 * under the same load): the browser runs readwrite transactions on one
 * store one after another anyway, and the worker and IndexedDB share the
 * CPU. So a stream holds at most two groups, 32 MiB: one being stored while
 * the next fills and is hashed.
 */
const GROUP = 4;
const IN_FLIGHT = 1;

/** Key prefix, in `files`, of the chunks a stream stored that no committed record lists yet. */
export const PENDING_CHUNK = 'pending-chunk:';

const SALT = new TextEncoder().encode('layerlab home file\n');

/** The blob digest of a home file's content (see the module comment). */
export function fileBlobDigest(bytes: Uint8Array): string {
  const h = sha256.create();
  h.update(SALT);
  h.update(bytes);
  return `sha256:${toHex(h.digest())}`;
}

/** A meta record to write with the home's next commit; no value deletes it. */
export interface MetaWrite {
  key: string;
  value?: Json;
}

/** Options of {@link HomeSync.open}. */
export interface HomeSyncOptions {
  /** The home directory; /home/learner by default. */
  root?: string;
  /** Paths whose changes may wait when the store is full (the shell history). */
  bestEffort?: readonly string[];
}

/** Keeps a filesystem's home directory in sync with a store. */
export class HomeSync {
  /** The host filesystem the shell works on; its home directory is what gets persisted. */
  readonly fs: HomeFs & IFileSystem;
  #store: Store;
  #root: string;
  #bestEffort: ReadonlySet<string>;
  #index: Map<string, FileRecord>;
  // The meta records as stored, as JSON text, to write only what changed.
  #meta: Map<string, string>;
  // Files restored from the store are older than this, so they are not re-read.
  #lastCommit = Date.now();
  // Chunks of finished streams (and of lines a tab never finished) that the next commit settles.
  #pending = new Set<string>();
  // Pending chunks the store held when this home was opened: another tab's unfinished line, or one still running there.
  #orphans = new Set<string>();

  private constructor(fs: HomeFs & IFileSystem, store: Store, root: string, bestEffort: ReadonlySet<string>, index: Map<string, FileRecord>, meta: Map<string, string>) {
    this.fs = fs;
    this.#store = store;
    this.#root = root;
    this.#bestEffort = bestEffort;
    this.#index = index;
    this.#meta = meta;
  }

  /** Builds the host filesystem with the home directory the store holds, reading no file bytes. */
  static async open(store: Store, opts: HomeSyncOptions = {}): Promise<HomeSync> {
    const root = opts.root ?? LEARNER.home;
    const jb = await loadJustBash();
    const fs = await newHomeFs(jb);
    const snapshot = await store.load();
    const index = new Map<string, FileRecord>();
    for (const [path, rec] of snapshot.files) if (path.startsWith(`${root}/`)) index.set(path, rec as unknown as FileRecord);
    const meta = new Map([...snapshot.meta].map(([key, value]) => [key, JSON.stringify(value)]));
    const sync = new HomeSync(fs, store, root, new Set(opts.bestEffort ?? []), index, meta);
    for (const key of snapshot.files.keys()) if (key.startsWith(PENDING_CHUNK)) sync.#orphans.add(key.slice(PENDING_CHUNK.length));
    fs.attachSink(sync.#sink());
    await sync.#restore();
    return sync;
  }

  /** A meta record as last committed (read at open, then as written), or undefined. */
  meta(key: string): Json | undefined {
    const text = this.#meta.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as Json);
  }

  /**
   * Writes the changes since the last commit, and `meta`, as one batch; a
   * no-op when nothing changed. Throws StoreFullError, with the home put
   * back as stored, when even the learner's own changes do not fit.
   */
  async commit(meta: readonly MetaWrite[] = []): Promise<void> {
    const started = Date.now();
    const walked = await this.#walkHome();
    this.#lastCommit = started;
    const full = this.#plan(walked, () => false, meta);
    if (full === undefined) return;
    try {
      await this.#store.commit(full.batch);
      this.#settle(full.next, meta);
      this.#release(walked, full.next);
      return;
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
    }
    // Full: the history and meta records wait for a later commit; the learner's files may not.
    const own = this.#plan(walked, (path) => this.#bestEffort.has(path), []);
    try {
      if (own !== undefined) await this.#store.commit(own.batch);
      if (own !== undefined) this.#settle(own.next, []);
      if (own !== undefined) this.#release(walked, own.next);
      return;
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      await this.#rollback();
      throw error;
    }
  }

  #settle(next: Map<string, FileRecord>, meta: readonly MetaWrite[]): void {
    this.#index = next;
    for (const digest of this.#settling) this.#pending.delete(digest);
    for (const { key, value } of meta) {
      if (value === undefined) this.#meta.delete(key);
      else this.#meta.set(key, JSON.stringify(value));
    }
  }

  /** The batch that brings the store to `walked` (but for `skip`ped paths, left as stored), or undefined when none is needed. */
  #plan(walked: Walked, skip: (path: string) => boolean, meta: readonly MetaWrite[]): { batch: Batch; next: Map<string, FileRecord> } | undefined {
    const next = new Map<string, FileRecord>();
    const put: NonNullable<Batch['put']> = [];
    const del: NonNullable<Batch['delete']> = [];
    const putBlobs: NonNullable<Batch['putBlobs']> = [];
    for (const [path, rec] of walked.records) {
      const old = this.#index.get(path);
      if (skip(path)) {
        if (old !== undefined) next.set(path, old);
        continue;
      }
      next.set(path, rec);
      if (old === undefined || !sameRecord(old, rec)) put.push({ collection: 'files', key: path, value: rec as unknown as Json });
      // Bytes are at hand only for files read this walk; a blob already stored is a no-op for the store.
      const had = new Set(old === undefined ? [] : blobsOf(old));
      for (const digest of blobsOf(rec)) {
        const bytes = walked.bytes.get(digest);
        if (bytes !== undefined && !had.has(digest)) putBlobs.push({ digest, bytes });
      }
    }
    for (const [path, old] of this.#index) {
      if (walked.records.has(path)) continue;
      if (skip(path)) next.set(path, old);
      else del.push({ collection: 'files', key: path });
    }
    for (const { key, value } of meta) {
      if (value === undefined) {
        if (this.#meta.has(key)) del.push({ collection: 'meta', key });
      } else if (this.#meta.get(key) !== JSON.stringify(value)) put.push({ collection: 'meta', key, value });
    }
    // Streamed chunks are settled now: listed by a record (kept) or by none (freed).
    for (const digest of walked.pending) del.push({ collection: 'files', key: PENDING_CHUNK + digest });
    const live = new Set([...next.values()].flatMap(blobsOf));
    const deleteBlobs = [...new Set([...[...this.#index.values()].flatMap(blobsOf), ...walked.pending])].filter((b) => !live.has(b));
    if (put.length === 0 && del.length === 0) return undefined;
    return { batch: { put, delete: del, putBlobs, deleteBlobs }, next };
  }

  // The pending chunks the commit under way settles (those of streams finished before its walk).
  #settling: readonly string[] = [];

  /** Lets big files the commit read and stored as chunks go from memory: they become lazy, read from the store. */
  #release(walked: Walked, next: Map<string, FileRecord>): void {
    for (const [path, bytes] of walked.big) {
      const rec = next.get(path);
      if (rec?.chunks === undefined || rec.size !== bytes.length) continue;
      const { stored, load } = this.#storedFile(rec.size, rec.chunks);
      this.fs.releaseStored(path, bytes, stored, load);
    }
  }

  /** What the home fs needs for a chunked file: its chunk list, a chunk-by-chunk reader, and a whole-file loader. */
  #storedFile(size: number, chunks: readonly ChunkRef[]): { stored: StoredFile; load: () => Promise<Uint8Array> } {
    const store = this.#store;
    const stream = (): ByteStream => readChunks(store, chunks);
    return { stored: { size, chunks, stream }, load: () => concat(stream(), size) };
  }

  /** Where HomeFs.writeStream sends files under the home: chunks into the store as they come (module comment). */
  #sink(): ChunkSink {
    return {
      accepts: (path) => path.startsWith(`${this.#root}/`),
      write: (chunks) => this.#writeChunks(chunks),
      append: async (stored, more) => {
        const last = stored.chunks.at(-1);
        // Every chunk but the last is full; a full last one is kept too, and the new bytes start a chunk of their own.
        const short = last !== undefined && last.size < CHUNK_SIZE ? last : undefined;
        const keep = short ? stored.chunks.slice(0, -1) : stored.chunks;
        const head = short ? readChunks(this.#store, [short]) : (async function* () {})();
        return this.#writeChunks(concatStreams(head, more), keep);
      },
    };
  }

  /** Stores a stream as chunks after `keep` (chunks already stored, full ones, that the file starts with). */
  async #writeChunks(chunks: ByteStream, keep: readonly ChunkRef[] = []): Promise<SinkResult> {
    const refs: ChunkRef[] = [...keep];
    const mine = new Set<string>();
    // Commits of earlier groups not yet landed, oldest first: at most IN_FLIGHT (see GROUP).
    const storing: Array<Promise<void>> = [];
    let group: Array<{ digest: string; bytes: Uint8Array; handedOver: boolean }> = [];
    const flush = async (): Promise<void> => {
      if (group.length === 0) return;
      while (storing.length >= IN_FLIGHT) await storing.shift();
      const commit = this.#store.commit({ putBlobs: group, put: group.map(({ digest }) => ({ collection: 'files' as const, key: PENDING_CHUNK + digest, value: true })) });
      group = [];
      // Awaited in order below; marked handled now, so a failure waiting its turn is not reported unhandled.
      commit.catch(() => undefined);
      storing.push(commit);
    };
    const put = async (piece: Uint8Array): Promise<void> => {
      const digest = await chunkDigest(piece);
      refs.push({ blob: digest, size: piece.length });
      mine.add(digest);
      // rechunk's pieces are fresh buffers nothing else holds (the last one a view, which the store copies).
      group.push({ digest, bytes: piece, handedOver: true });
      if (group.length >= GROUP) await flush();
    };
    let held: Uint8Array | undefined;
    let size = keep.reduce((n, c) => n + c.size, 0);
    let puts = 0;
    try {
      for await (const piece of rechunk(chunks, CHUNK_SIZE)) {
        if (held !== undefined) {
          await put(held);
          puts++;
        }
        held = piece;
        size += piece.length;
      }
      // Never more than one piece: a small file, stored whole by the line's commit as before.
      if (puts === 0 && keep.length === 0) return { bytes: held ?? new Uint8Array(0) };
      if (held !== undefined) await put(held);
      await flush();
      while (storing.length > 0) await storing.shift();
    } catch (error) {
      await Promise.allSettled(storing);
      for (const digest of mine) this.#pending.add(digest);
      throw error;
    }
    const { stored, load } = this.#storedFile(size, refs);
    return { stored, load, done: () => mine.forEach((digest) => this.#pending.add(digest)) };
  }

  /**
   * Takes over the pending chunks seen at open that are orphans now. This
   * runs inside the line's commit, so under the tab lock: a line that was
   * streaming in another tab when this home opened has ended since, and its
   * commit either listed its chunks (skipped here: a record in the store uses
   * them) or never came (the pending record is still there and nothing uses them).
   */
  async #adoptOrphans(): Promise<void> {
    if (this.#orphans.size === 0) return;
    const { files } = await this.#store.load();
    const used = new Set([...files.values()].flatMap((rec) => (typeof rec === 'object' && rec !== null ? blobsOf(rec as unknown as FileRecord) : [])));
    for (const digest of this.#orphans) if (files.has(PENDING_CHUNK + digest) && !used.has(digest)) this.#pending.add(digest);
    this.#orphans.clear();
  }

  /** Every path of the home with its record; bytes only of files written since they were stored. */
  async #walkHome(): Promise<Walked> {
    // Taken before the walk: a stream that ends during it is settled by the next commit.
    await this.#adoptOrphans();
    this.#settling = [...this.#pending];
    const walked: Walked = { records: new Map(), bytes: new Map(), big: new Map(), pending: this.#settling };
    await this.#walk(this.#root, async (path, rec) => {
      const old = this.#index.get(path);
      if (rec.type === 'file') {
        // A lazy file nothing has replaced holds the stored blob or chunks, wherever it was moved.
        const stored = this.fs.storedAs(path);
        // Unchanged metadata and no write since the last commit began: same content.
        const untouched = old?.type === 'file' && old.size === rec.size && old.mtime === rec.mtime && rec.mtime < this.#lastCommit;
        if (stored?.chunks !== undefined) rec.chunks = [...stored.chunks];
        else if (stored?.tag !== undefined) rec.blob = stored.tag;
        else if (untouched && old.chunks !== undefined) rec.chunks = old.chunks;
        else if (untouched) rec.blob = old.blob;
        else {
          const bytes = await this.fs.readFileBuffer(path);
          if (bytes.length > CHUNK_SIZE) {
            rec.chunks = [];
            for (const piece of slices(bytes, CHUNK_SIZE)) {
              const digest = await chunkDigest(piece);
              rec.chunks.push({ blob: digest, size: piece.length });
              walked.bytes.set(digest, piece);
            }
            walked.big.set(path, bytes);
          } else {
            rec.blob = fileBlobDigest(bytes);
            walked.bytes.set(rec.blob, bytes);
          }
        }
      }
      walked.records.set(path, rec);
    });
    return walked;
  }

  /** Puts the home back as the index says, files lazily. */
  async #rollback(): Promise<void> {
    await this.fs.rm(this.#root, { recursive: true, force: true });
    this.fs.mkdirSync(this.#root, { recursive: true });
    await this.#restore();
  }

  /** Creates the index's paths in the filesystem: directories, links, and files that read their blob on first use. */
  async #restore(): Promise<void> {
    const paths = [...this.#index.keys()].sort();
    const store = this.#store;
    for (const path of paths) {
      const rec = this.#index.get(path)!;
      if (rec.type === 'directory') {
        this.fs.mkdirSync(path, { recursive: true });
        await this.fs.chmod(path, rec.mode);
      } else if (rec.type === 'symlink') {
        await this.fs.symlink(rec.target ?? '', path);
      } else if (rec.chunks !== undefined) {
        const { stored, load } = this.#storedFile(rec.size ?? 0, rec.chunks);
        this.fs.restoreFile(path, stored, load, { mode: rec.mode, mtime: new Date(rec.mtime) });
      } else {
        const digest = rec.blob;
        const load = async (): Promise<Uint8Array> => (digest ? ((await store.getBlob(digest)) ?? new Uint8Array(0)) : new Uint8Array(0));
        this.fs.restoreFile(path, { size: rec.size ?? 0, ...(digest ? { tag: digest } : {}) }, load, { mode: rec.mode, mtime: new Date(rec.mtime) });
      }
    }
    // Creating entries inside a directory changes its mtime: set them last.
    for (const path of paths) {
      const rec = this.#index.get(path)!;
      if (rec.type === 'directory') await this.fs.utimes(path, new Date(rec.mtime), new Date(rec.mtime));
    }
  }

  async #walk(dir: string, visit: (path: string, rec: FileRecord) => Promise<void>): Promise<void> {
    for (const name of (await this.fs.readdir(dir)).sort()) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = await this.fs.lstat(path);
      const base = { mode: st.mode & 0o7777, mtime: st.mtime.getTime() };
      if (st.isSymbolicLink) await visit(path, { type: 'symlink', ...base, target: await this.fs.readlink(path) });
      else if (st.isDirectory) {
        await visit(path, { type: 'directory', ...base });
        await this.#walk(path, visit);
      } else await visit(path, { type: 'file', ...base, size: st.size });
    }
  }
}

/** The home as one walk found it: a record per path, and the bytes of the files it had to read, by blob digest. */
interface Walked {
  records: Map<string, FileRecord>;
  bytes: Map<string, Uint8Array>;
  /** Big files read whole (written by a command, not streamed), by path: memory the commit can release. */
  big: Map<string, Uint8Array>;
  /** The pending chunks this commit settles. */
  pending: readonly string[];
}

function sameRecord(a: FileRecord, b: FileRecord): boolean {
  return a.type === b.type && a.mode === b.mode && a.mtime === b.mtime && a.size === b.size && a.blob === b.blob && a.target === b.target && sameChunks(a.chunks, b.chunks);
}

function sameChunks(a: readonly ChunkRef[] | undefined, b: readonly ChunkRef[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((c, i) => c.blob === b[i]!.blob && c.size === b[i]!.size);
}

/** The blobs a record's content lives in. */
function blobsOf(rec: FileRecord): string[] {
  if (rec.chunks !== undefined) return rec.chunks.map((c) => c.blob);
  return rec.blob === undefined ? [] : [rec.blob];
}

/** One stream after another. */
async function* concatStreams(...streams: ByteStream[]): ByteStream {
  for (const s of streams) yield* s;
}

/** A chunked file's bytes from the store, chunk by chunk, each checked against its record. */
async function* readChunks(store: Store, chunks: readonly ChunkRef[]): ByteStream {
  for (const { blob, size } of chunks) {
    const bytes = await store.getBlob(blob);
    if (bytes === undefined || bytes.length !== size) throw new Error(`EIO: input/output error (chunk ${blob} of a stored file is ${bytes === undefined ? 'missing' : 'damaged'})`);
    yield bytes;
  }
}
