/**
 * The browser store: IndexedDB through `idb` (design.md §6). This is the only
 * file in the project that imports `idb`.
 *
 * One object store per metadata collection (key = record key, value = the
 * record), `blobs` (key = digest, value = Uint8Array) and `blobSizes` (key =
 * digest, value = byte length). `blobSizes` exists so `usage()`, `hasBlob()`
 * and `listBlobs()` never read blob bodies: IndexedDB cannot report a value's
 * size without cloning the whole value out, and layers run to tens of MB.
 * Both blob stores change in the same transaction, so they cannot disagree.
 * Blobs are Uint8Array rather than Blob: the engine hashes and tars bytes
 * synchronously, and a Blob would need an async read for every use.
 *
 * Every commit is one readwrite transaction over the stores it touches, with
 * nothing but IndexedDB requests awaited inside (idb README, "Transaction
 * lifetime"): validation and copying happen before the transaction opens.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { COLLECTIONS, StoreFullError, emptySnapshot } from './store.ts';
import type { Batch, Json, Snapshot, StorageFigures, Store } from './store.ts';
import { prepareBatch, recordBytes } from './batch.ts';
import type { PreparedBatch } from './batch.ts';
import { SerialQueue, StoreClosedError } from './serial.ts';

/** The database schema, typed for idb. */
export interface LayerlabSchema extends DBSchema {
  images: { key: string; value: Json };
  tags: { key: string; value: Json };
  layers: { key: string; value: Json };
  containers: { key: string; value: Json };
  files: { key: string; value: Json };
  meta: { key: string; value: Json };
  volumes: { key: string; value: Json };
  blobs: { key: string; value: Uint8Array };
  blobSizes: { key: string; value: number };
}

type Name = StoreNames<LayerlabSchema>;
type Db = IDBPDatabase<LayerlabSchema>;
type UpgradeTx = IDBPTransaction<LayerlabSchema, Name[], 'versionchange'>;
type WriteTx = IDBPTransaction<LayerlabSchema, Name[], 'readwrite'>;
type Track = <T>(request: Promise<T>) => Promise<T>;

/**
 * Schema migrations, index i upgrading version i to version i + 1. They run
 * only inside `upgrade()`, in order, so a database at any older version walks
 * every step. To change the schema, append a step; never edit a shipped one.
 */
const MIGRATIONS: ReadonlyArray<(db: Db, tx: UpgradeTx) => void> = [
  // v1: the stores listed in the module comment.
  (db) => {
    for (const collection of ['images', 'tags', 'layers', 'containers', 'files', 'meta'] as const) db.createObjectStore(collection);
    db.createObjectStore('blobs');
    db.createObjectStore('blobSizes');
  },
  // v2: named volumes (`docker volume create`, `-v NAME:/path`).
  (db) => {
    db.createObjectStore('volumes');
  },
];

/** The schema version this build writes: the number of migrations. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

/** Every object store of the current schema. */
export const OBJECT_STORES: readonly Name[] = [...COLLECTIONS, 'blobs', 'blobSizes'];

/**
 * Errors by which a browser refuses storage rather than fails: quota, Firefox
 * private mode (InvalidStateError on open), storage blocked by settings
 * (SecurityError). All become "no space left on device" for the learner.
 */
const REFUSALS: ReadonlySet<string> = new Set(['QuotaExceededError', 'InvalidStateError', 'SecurityError']);

const QUOTA: ReadonlySet<string> = new Set(['QuotaExceededError']);
const ABORT: ReadonlySet<string> = new Set(['AbortError']);

/** A {@link Store} in one IndexedDB database. */
export class IdbStore implements Store {
  #db: Db;
  #queue = new SerialQueue();
  #closed = false;

  private constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Opens (creating or upgrading) the database `name`. Throws StoreFullError
   * when the browser refuses storage; a database from a newer build fails
   * with IndexedDB's own VersionError, since no space would not be the cause.
   */
  static async open(name = 'layerlab'): Promise<IdbStore> {
    if (typeof indexedDB === 'undefined') throw new StoreFullError(new Error('IndexedDB is not available'));
    let store: IdbStore | undefined;
    try {
      const db = await openDB<LayerlabSchema>(name, SCHEMA_VERSION, {
        upgrade(upgrading, oldVersion, _newVersion, tx) {
          for (let version = oldVersion; version < SCHEMA_VERSION; version++) MIGRATIONS[version]!(upgrading, tx);
        },
        // A newer build in another tab wants to upgrade: step aside rather
        // than block it forever; this instance then refuses further use.
        blocking(_current, _blocked, event) {
          (event.target as IDBDatabase).close();
          if (store) store.#closed = true;
        },
      });
      store = new IdbStore(db);
      return store;
    } catch (error) {
      throw hasName(error, REFUSALS) ? new StoreFullError(error) : error;
    }
  }

  async load(): Promise<Snapshot> {
    this.#check();
    const tx = this.#db.transaction(COLLECTIONS, 'readonly');
    const snapshot = emptySnapshot();
    await Promise.all([
      ...COLLECTIONS.map(async (collection) => {
        const store = tx.objectStore(collection);
        // One transaction, so keys and values come from one consistent state, in the same order.
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        keys.forEach((key, i) => snapshot[collection].set(key, values[i]!));
      }),
      tx.done,
    ]);
    return snapshot;
  }

  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    this.#check();
    return this.#db.get('blobs', digest);
  }

  async hasBlob(digest: string): Promise<boolean> {
    this.#check();
    return (await this.#db.getKey('blobSizes', digest)) !== undefined;
  }

  async listBlobs(): Promise<string[]> {
    this.#check();
    return this.#db.getAllKeys('blobSizes');
  }

  commit(batch: Batch): Promise<void> {
    let prepared: PreparedBatch;
    try {
      this.#check();
      prepared = prepareBatch(batch);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.run(() => this.#apply(prepared));
  }

  clear(): Promise<void> {
    try {
      this.#check();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.run(() =>
      this.#transact([...OBJECT_STORES], 0, (tx, track) => {
        for (const name of OBJECT_STORES) track(tx.objectStore(name).clear());
      }),
    );
  }

  async usage(): Promise<number> {
    this.#check();
    const tx = this.#db.transaction([...COLLECTIONS, 'blobSizes'], 'readonly');
    const parts = await Promise.all([
      tx.objectStore('blobSizes').getAll().then((sizes) => sizes.reduce((sum, size) => sum + size, 0)),
      ...COLLECTIONS.map(async (collection) => {
        const store = tx.objectStore(collection);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        return keys.reduce((sum, key, i) => sum + recordBytes(key, JSON.stringify(values[i])), 0);
      }),
      tx.done.then(() => 0),
    ]);
    return parts.reduce((sum, part) => sum + part, 0);
  }

  /** Refuses new calls at once; commits already called still land before the connection closes. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#queue.run(async () => this.#db.close());
  }

  /** Issues a batch's requests in one transaction: deletes before puts (see batch.ts). */
  #apply(batch: PreparedBatch): Promise<void> {
    const names = new Set<Name>();
    for (const { collection } of [...batch.delete, ...batch.put]) names.add(collection);
    if (batch.putBlobs.length > 0 || batch.deleteBlobs.length > 0) names.add('blobs').add('blobSizes');
    if (names.size === 0) return Promise.resolve();
    const bytes = batch.putBlobs.reduce((n, b) => n + b.bytes.byteLength, 0) + batch.put.reduce((n, p) => n + p.text.length, 0);
    return this.#transact([...names], bytes, (tx, track) => {
      for (const { collection, key } of batch.delete) track(tx.objectStore(collection).delete(key));
      for (const { collection, key, value } of batch.put) track(tx.objectStore(collection).put(value, key));
      if (!names.has('blobs')) return;
      const blobs = tx.objectStore('blobs');
      const sizes = tx.objectStore('blobSizes');
      for (const digest of batch.deleteBlobs) track(blobs.delete(digest)), track(sizes.delete(digest));
      for (const { digest, bytes } of batch.putBlobs) {
        // Checked inside this transaction, after this batch's deletes, so a
        // stored layer is never rewritten and a freed-then-stored one is kept.
        track(
          sizes.getKey(digest).then((found) => {
            if (found !== undefined) return undefined;
            const pair: Array<Promise<unknown>> = [];
            guard(tx, () => pair.push(track(blobs.put(bytes, digest)), track(sizes.put(bytes.byteLength, digest))));
            return Promise.all(pair);
          }),
        );
      }
    });
  }

  /**
   * Runs `issue` in one readwrite transaction and waits for it. Any failure
   * (a request that throws or errors, quota at commit time) aborts the whole
   * transaction, so IndexedDB itself guarantees the state is unchanged.
   * `issue` passes every request to `track`, which marks it handled at once:
   * after an abort, each pending request rejects with an AbortError that
   * would otherwise surface as an unhandled rejection.
   */
  async #transact(names: Name[], bytes: number, issue: (tx: WriteTx, track: Track) => void): Promise<void> {
    const tx = this.#db.transaction(names, 'readwrite');
    const failures: unknown[] = [];
    const requests: Array<Promise<unknown>> = [];
    const track: Track = (request) => {
      request.catch(() => undefined);
      requests.push(request);
      return request;
    };
    try {
      guard(tx, () => issue(tx, track));
    } catch (error) {
      // guard() aborted the transaction; its AbortError would hide this cause.
      failures.push(error);
    }
    const outcomes = await Promise.allSettled([...requests, tx.done]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') failures.push(outcome.reason);
    if (failures.length === 0) return;
    if (tx.error) failures.push(tx.error);
    // Report the cause, not the AbortErrors it set off in sibling requests.
    const cause = failures.find((f) => !hasName(f, ABORT)) ?? failures[0];
    throw failures.some((f) => hasName(f, QUOTA)) ? new StoreFullError(cause, await storageFigures(bytes)) : cause;
  }

  #check(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

/**
 * Calls `fn`, aborting `tx` if it throws: an exception outside an IndexedDB
 * event handler does not abort a transaction by itself, and the requests
 * already issued would otherwise commit a partial batch.
 */
function guard<T>(tx: { abort(): void }, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by an earlier failure of this batch.
    }
    throw error;
  }
}

/** The origin's usage and quota after a refused write of `bytes`, for the learner's message (see StorageFigures). */
async function storageFigures(bytes: number): Promise<StorageFigures | undefined> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?(): Promise<{ usage?: number; quota?: number }> } } }).navigator?.storage;
  try {
    const { usage, quota } = (await storage?.estimate?.()) ?? {};
    if (usage === undefined) return undefined;
    return quota !== undefined && usage + bytes > quota ? { usage, quota } : { usage };
  } catch {
    return undefined;
  }
}

function hasName(error: unknown, names: ReadonlySet<string>): boolean {
  return typeof error === 'object' && error !== null && names.has(String((error as { name?: unknown }).name));
}
