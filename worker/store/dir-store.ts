/**
 * The directory store of `bin/layerlab --state DIR` (Node only, design.md §6).
 *
 * Layout of DIR:
 *
 *     lock                  the holder's pid (dir-lock.ts)
 *     state.json            every record + the blob index (dir-state.ts)
 *     blobs/sha256/<hex>    one file per blob, named by digest as in an OCI layout
 *
 * A commit, in an order that makes every crash leave the previous or the next
 * state: (1) write the new blob files, each by temp + fsync + rename; being
 * content addressed and unlisted, they change nothing yet; (2) write the new
 * state.json by temp + fsync + rename: the single atomic commit point;
 * (3) delete the blob files the new state no longer lists. A crash before (2)
 * leaves unlisted files, after (2) undeleted ones; `open()` removes both.
 *
 * The whole state file is rewritten per commit. Records are cached as JSON
 * text so that costs a string join, not a re-serialization; at the scale of
 * design.md §9 (5,000 layers) the file stays a few MB.
 */
import { join } from 'node:path';
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { COLLECTIONS, StoreFullError, emptySnapshot } from './store.ts';
import type { Batch, Snapshot, Store } from './store.ts';
import { isEmptyBatch, prepareBatch, recordBytes } from './batch.ts';
import type { PreparedBatch } from './batch.ts';
import { SerialQueue, StoreClosedError } from './serial.ts';
import { acquireLock } from './dir-lock.ts';
import { TMP_SUFFIX, isNoSpace, syncDir, writeFileAtomic } from './dir-files.ts';
import { emptyState, parseState, serializeState } from './dir-state.ts';
import type { DirState } from './dir-state.ts';

/**
 * Test hooks that simulate a crash at the two points that matter. A hook that
 * throws makes `commit()` reject at that point; the instance should then be
 * closed and the directory reopened, as after a real crash. The object is
 * read at each commit, so tests may set and unset hooks on it later.
 */
export interface DirStoreHooks {
  /** After the new blob files are written, before state.json is replaced. */
  beforeCommitPoint?: () => void | Promise<void>;
  /** After state.json is replaced, before freed blob files are deleted. */
  afterCommitPoint?: () => void | Promise<void>;
}

/** Options of {@link DirStore.open}. */
export interface DirStoreOptions {
  /** How long to wait for another process to release the directory, in ms (default 2000). */
  lockWaitMs?: number;
  /** Crash simulation for tests; see {@link DirStoreHooks}. */
  hooks?: DirStoreHooks;
}

/** A {@link Store} in a directory on disk. */
export class DirStore implements Store {
  readonly #dir: string;
  readonly #blobDir: string;
  readonly #hooks: DirStoreHooks;
  readonly #release: () => Promise<void>;
  #state: DirState;
  #queue = new SerialQueue();
  #closed = false;

  private constructor(dir: string, state: DirState, release: () => Promise<void>, hooks: DirStoreHooks) {
    this.#dir = dir;
    this.#blobDir = join(dir, 'blobs', 'sha256');
    this.#state = state;
    this.#release = release;
    this.#hooks = hooks;
  }

  /**
   * Opens DIR (creating it if needed), taking its lock, reading its state and
   * removing the debris of any interrupted commit. Throws StateLockedError if
   * another live process holds DIR, or an Error naming a damaged state file.
   */
  static async open(dir: string, options: DirStoreOptions = {}): Promise<DirStore> {
    const blobDir = join(dir, 'blobs', 'sha256');
    await mkdir(blobDir, { recursive: true });
    const release = await acquireLock(join(dir, 'lock'), dir, options.lockWaitMs ?? 2000);
    try {
      const statePath = join(dir, 'state.json');
      const text = await readFile(statePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const state = text === undefined ? emptyState() : parseState(text, statePath);
      await unlink(statePath + TMP_SUFFIX).catch(() => undefined);
      const present = new Set<string>();
      for (const name of await readdir(blobDir)) {
        const digest = `sha256:${name}`;
        if (state.blobs.has(digest)) present.add(digest);
        else await unlink(join(blobDir, name));
      }
      for (const digest of state.blobs.keys()) {
        if (!present.has(digest)) throw new Error(`state directory ${dir} is damaged: blob ${digest} is missing`);
      }
      return new DirStore(dir, state, release, options.hooks ?? {});
    } catch (error) {
      await release();
      throw error;
    }
  }

  async load(): Promise<Snapshot> {
    this.#check();
    const snapshot = emptySnapshot();
    for (const collection of COLLECTIONS) {
      for (const [key, text] of this.#state.records[collection]) snapshot[collection].set(key, JSON.parse(text));
    }
    return snapshot;
  }

  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    this.#check();
    if (!this.#state.blobs.has(digest)) return undefined;
    try {
      const buffer = await readFile(this.#blobPath(digest));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      // Freed by a commit that finished while we read: absent, as after that commit.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async hasBlob(digest: string): Promise<boolean> {
    this.#check();
    return this.#state.blobs.has(digest);
  }

  async listBlobs(): Promise<string[]> {
    this.#check();
    return [...this.#state.blobs.keys()];
  }

  commit(batch: Batch): Promise<void> {
    let prepared: PreparedBatch;
    try {
      this.#check();
      prepared = prepareBatch(batch);
    } catch (error) {
      return Promise.reject(error);
    }
    // Nothing to change: skip rewriting the whole state file.
    if (isEmptyBatch(prepared)) return this.#queue.run(async () => undefined);
    return this.#queue.run(() => this.#write(next(this.#state, prepared), prepared.putBlobs));
  }

  clear(): Promise<void> {
    try {
      this.#check();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.run(() => this.#write(emptyState(), []));
  }

  async usage(): Promise<number> {
    this.#check();
    let bytes = 0;
    for (const size of this.#state.blobs.values()) bytes += size;
    for (const collection of COLLECTIONS) {
      for (const [key, text] of this.#state.records[collection]) bytes += recordBytes(key, text);
    }
    return bytes;
  }

  /** Refuses new calls at once; commits already called still land, then the lock is released. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#queue.run(() => this.#release());
  }

  /** Moves the directory from the current state to `target` by the steps of the module comment. */
  async #write(target: DirState, blobs: PreparedBatch['putBlobs']): Promise<void> {
    const current = this.#state;
    const added = blobs.filter(({ digest }) => target.blobs.has(digest) && !current.blobs.has(digest));
    try {
      for (const { digest, bytes } of added) await writeFileAtomic(this.#blobPath(digest), bytes);
      if (added.length > 0) await syncDir(this.#blobDir);
      await this.#hooks.beforeCommitPoint?.();
      await writeFileAtomic(join(this.#dir, 'state.json'), serializeState(target));
    } catch (error) {
      // Not committed: drop the unlisted blob files now rather than at next open.
      for (const { digest } of added) await unlink(this.#blobPath(digest)).catch(() => undefined);
      throw isNoSpace(error) ? new StoreFullError(error) : error;
    }
    this.#state = target;
    // The rename is visible now; a failed directory fsync only risks this
    // commit on power loss, and rejecting a visible commit would be worse.
    await syncDir(this.#dir).catch(() => undefined);
    await this.#hooks.afterCommitPoint?.();
    for (const digest of current.blobs.keys()) {
      // A failed delete only leaves an unlisted file, which open() removes.
      if (!target.blobs.has(digest)) await unlink(this.#blobPath(digest)).catch(() => undefined);
    }
  }

  #blobPath(digest: string): string {
    return join(this.#blobDir, digest.slice('sha256:'.length));
  }

  #check(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

/**
 * The state after a batch, sharing the unchanged collections with `state`:
 * nothing is mutated, so the in-memory state stays the committed one until
 * the state file has been replaced.
 */
function next(state: DirState, batch: PreparedBatch): DirState {
  const records = { ...state.records };
  const touched = new Set([...batch.delete, ...batch.put].map((change) => change.collection));
  for (const collection of touched) records[collection] = new Map(records[collection]);
  for (const { collection, key } of batch.delete) records[collection].delete(key);
  for (const { collection, key, text } of batch.put) records[collection].set(key, text);
  let blobs = state.blobs;
  if (batch.deleteBlobs.length > 0 || batch.putBlobs.length > 0) {
    blobs = new Map(blobs);
    for (const digest of batch.deleteBlobs) blobs.delete(digest);
    for (const { digest, bytes } of batch.putBlobs) if (!blobs.has(digest)) blobs.set(digest, bytes.byteLength);
  }
  return { records, blobs };
}
