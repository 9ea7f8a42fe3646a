/**
 * Two tabs of the page share one IndexedDB state (design.md §6): writers are
 * serialized with a Web Lock held for a whole command line, and after a line
 * that committed anything the tab tells the others over a BroadcastChannel,
 * which then re-read the state before their next line. Both browser APIs are
 * taken structurally, so tests (and Node, which has neither lock manager nor
 * a shared origin) pass their own or none.
 */
import type { Batch, Store } from '../store/store.ts';

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The part of a BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * What one tab tells the others. `reset`: the whole state was replaced
 * (Reset lab, Import lab); `progress`: only the lessons' progress record was
 * written (the engine and home are unchanged, so no session is rebuilt).
 */
export interface SyncMessage {
  kind: 'changed' | 'reset' | 'progress';
  from: string;
}

/** The lock name every tab of the origin uses. */
export const LOCK_NAME = 'layerlab-state';

/** Lock, announce, listen. */
export class TabSync {
  #locks: LockManagerLike | undefined;
  #channel: ChannelLike | undefined;
  #id: string;
  // Without a lock manager, this tab still runs its own lines one at a time.
  #local: Promise<unknown> = Promise.resolve();

  constructor(id: string, locks?: LockManagerLike, channel?: ChannelLike) {
    this.#id = id;
    this.#locks = locks;
    this.#channel = channel;
  }

  /** Runs `fn` while holding the state lock of the origin. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#locks) return this.#locks.request(LOCK_NAME, fn);
    const run = this.#local.then(fn);
    this.#local = run.catch(() => undefined);
    return run;
  }

  /** Tells the other tabs that the state changed. */
  announce(kind: SyncMessage['kind']): void {
    this.#channel?.postMessage({ kind, from: this.#id } satisfies SyncMessage);
  }

  /** Calls `listener` for every message of another tab. */
  listen(listener: (message: SyncMessage) => void): void {
    this.#channel?.addEventListener('message', (event) => {
      const m = event.data as Partial<SyncMessage> | null;
      if (m && (m.kind === 'changed' || m.kind === 'reset' || m.kind === 'progress') && m.from !== this.#id) listener(m as SyncMessage);
    });
  }
}

/** A store that counts its commits, so a tab knows whether a line changed the shared state. */
export class CountingStore implements Store {
  #inner: Store;
  /** Commits and clears so far. */
  writes = 0;
  /**
   * Called after every commit or clear, whoever made it: a line, the
   * lessons, or a detached container storing what it wrote in the
   * background (the lessons' goal follows every change, not only lines).
   */
  onWrite: () => void = () => undefined;

  constructor(inner: Store) {
    this.#inner = inner;
  }

  load: Store['load'] = () => this.#inner.load();
  getBlob: Store['getBlob'] = (digest) => this.#inner.getBlob(digest);
  hasBlob: Store['hasBlob'] = (digest) => this.#inner.hasBlob(digest);
  listBlobs: Store['listBlobs'] = () => this.#inner.listBlobs();
  usage: Store['usage'] = () => this.#inner.usage();

  async commit(batch: Batch): Promise<void> {
    await this.#inner.commit(batch);
    this.writes++;
    this.onWrite();
  }

  async clear(): Promise<void> {
    await this.#inner.clear();
    this.writes++;
    this.onWrite();
  }

  /** Sessions are rebuilt on the same store; closing it is the page's business, at unload. */
  async close(): Promise<void> {}

  /** Closes the underlying store. */
  closeInner(): Promise<void> {
    return this.#inner.close();
  }
}
