/**
 * The in-memory store: the default of the CLI and the reference backend of the
 * contract suite (test/store/contract.ts).
 *
 * Records are kept as their JSON text, so `load()` always hands out fresh
 * objects and no caller can reach the stored state through a returned value.
 * Blobs are copied on the way in (the caller may reuse its buffer) but not on
 * the way out: the port says returned bytes must not be mutated, and copying
 * a 20 MB layer on every read would cost more than it protects.
 */
import { COLLECTIONS, emptySnapshot } from './store.ts';
import type { Batch, Collection, Snapshot, Store } from './store.ts';
import { prepareBatch, recordBytes } from './batch.ts';
import { SerialQueue, StoreClosedError } from './serial.ts';

/** A {@link Store} that lives and dies with the process. */
export class MemoryStore implements Store {
  #records = newRecords();
  #blobs = new Map<string, Uint8Array>();
  #queue = new SerialQueue();
  #closed = false;

  /** Opens an empty store; async only to match the other backends' `open()`. */
  static async open(): Promise<MemoryStore> {
    return new MemoryStore();
  }

  async load(): Promise<Snapshot> {
    this.#check();
    const snapshot = emptySnapshot();
    for (const collection of COLLECTIONS) {
      for (const [key, text] of this.#records[collection]) snapshot[collection].set(key, JSON.parse(text));
    }
    return snapshot;
  }

  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    this.#check();
    return this.#blobs.get(digest);
  }

  async hasBlob(digest: string): Promise<boolean> {
    this.#check();
    return this.#blobs.has(digest);
  }

  async listBlobs(): Promise<string[]> {
    this.#check();
    return [...this.#blobs.keys()];
  }

  commit(batch: Batch): Promise<void> {
    // Validate now, not when the queue reaches us: a bad batch is refused
    // before anything is applied, and later mutations by the caller are moot.
    let prepared;
    try {
      this.#check();
      prepared = prepareBatch(batch);
    } catch (error) {
      return Promise.reject(error);
    }
    const ready = prepared;
    return this.#queue.run(async () => {
      // Nothing below can throw, so applying in place is atomic.
      for (const { collection, key } of ready.delete) this.#records[collection].delete(key);
      for (const { collection, key, text } of ready.put) this.#records[collection].set(key, text);
      for (const digest of ready.deleteBlobs) this.#blobs.delete(digest);
      for (const { digest, bytes } of ready.putBlobs) {
        if (!this.#blobs.has(digest)) this.#blobs.set(digest, bytes);
      }
    });
  }

  clear(): Promise<void> {
    try {
      this.#check();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.run(async () => {
      this.#records = newRecords();
      this.#blobs = new Map();
    });
  }

  async usage(): Promise<number> {
    this.#check();
    let bytes = 0;
    for (const blob of this.#blobs.values()) bytes += blob.byteLength;
    for (const collection of COLLECTIONS) {
      for (const [key, text] of this.#records[collection]) bytes += recordBytes(key, text);
    }
    return bytes;
  }

  /** Refuses new calls at once; commits already called still land first, as in the other backends. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#queue.run(async () => {
      this.#records = newRecords();
      this.#blobs = new Map();
    });
  }

  #check(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

function newRecords(): Record<Collection, Map<string, string>> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, string>()])) as Record<
    Collection,
    Map<string, string>
  >;
}
