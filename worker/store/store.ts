/**
 * The persistence port of the simulated engine (design.md §6).
 *
 * The engine keeps its metadata (images, tags, layers, containers, files) in
 * memory and persists every command's state change as one {@link Batch}: the
 * store applies a batch atomically or not at all, so a reload at any moment
 * sees the state before or after a command, never between. Blobs (layer
 * tars, configs, file contents) are content addressed and stored once.
 *
 * Implementations: `memory-store.ts` (tests, default CLI), `dir-store.ts`
 * (`bin/layerlab --state DIR`, Node only) and `idb-store.ts` (the browser,
 * the only file that imports `idb`). One contract suite
 * (test/store/contract.ts) runs against each.
 */

/** The metadata collections. Keys are strings; values are JSON-serializable records. */
export const COLLECTIONS = ['images', 'tags', 'layers', 'containers', 'files', 'meta', 'volumes'] as const;

/** Name of one metadata collection. */
export type Collection = (typeof COLLECTIONS)[number];

/** A JSON-serializable value as the store keeps it (structured-clone safe too). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every record of every collection, keyed by collection then by key. */
export type Snapshot = { [C in Collection]: Map<string, Json> };

/** One state change, applied atomically by {@link Store.commit}. */
export interface Batch {
  /** Records to create or replace. */
  put?: Array<{ collection: Collection; key: string; value: Json }>;
  /** Records to delete; deleting a missing key is not an error. */
  delete?: Array<{ collection: Collection; key: string }>;
  /**
   * Blobs to store under their digest (`sha256:<hex>`); storing an existing
   * digest is a no-op. The store copies the bytes at commit(), so the caller
   * may reuse its buffer at once, unless `handedOver` says the caller gives
   * the buffer away: it never writes it again, and the store may keep it.
   */
  putBlobs?: Array<{ digest: string; bytes: Uint8Array; handedOver?: boolean }>;
  /** Blobs to free; freeing a missing digest is not an error. */
  deleteBlobs?: string[];
}

/**
 * How much of its storage quota the origin uses, in bytes (the browser's
 * `navigator.storage.estimate()`). `quota` is left out when the refused
 * write would have fit in it: the browser then enforces a limit its estimate
 * does not show (DevTools' quota override does that), and "of" a figure that
 * had room would mislead.
 */
export interface StorageFigures {
  usage: number;
  quota?: number;
}

/** Raised when the backing storage refuses a write (quota, private mode). The state is unchanged. */
export class StoreFullError extends Error {
  /** Stable code, as engine errors carry one. */
  readonly code = 'ENOSPC';
  /** Usage and quota when the write was refused, where the backend can tell. */
  readonly figures: StorageFigures | undefined;
  constructor(cause?: unknown, figures?: StorageFigures) {
    super('no space left on device');
    this.name = 'StoreFullError';
    this.figures = figures;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** The persistence port. All methods are safe to call concurrently; commits are serialized. */
export interface Store {
  /** Reads every metadata record (not blobs). */
  load(): Promise<Snapshot>;
  /** Reads one blob, or undefined when absent. The returned bytes must not be mutated. */
  getBlob(digest: string): Promise<Uint8Array | undefined>;
  /** Whether a blob is stored. */
  hasBlob(digest: string): Promise<boolean>;
  /** Digests of every stored blob. */
  listBlobs(): Promise<string[]>;
  /** Applies a batch atomically: afterwards either all of it is visible or none of it. */
  commit(batch: Batch): Promise<void>;
  /** Removes everything (the "Reset lab" of the page). */
  clear(): Promise<void>;
  /** Total bytes of stored blobs plus serialized metadata; for the storage budget of design.md §9. */
  usage(): Promise<number>;
  /** Releases handles (closes the database); the store is unusable afterwards. */
  close(): Promise<void>;
}

/** An empty snapshot, one empty map per collection. */
export function emptySnapshot(): Snapshot {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, Json>()])) as Snapshot;
}
