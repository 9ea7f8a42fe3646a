/**
 * A store with a quota, as a browser enforces one: a batch that would take
 * usage over the quota is refused with StoreFullError (usage and quota
 * attached, as IdbStore attaches navigator.storage.estimate()), unless it
 * only deletes, which a full origin still allows. Usage is the inner store's
 * own figure. `blobReads` counts getBlob calls, to check what loading reads.
 */
import { StoreFullError } from '../../worker/store/store.ts';
import type { Batch, Store } from '../../worker/store/store.ts';

/** {@link Store} over `inner`, refusing growth past `quota` bytes. */
export class QuotaStore implements Store {
  #inner: Store;
  quota: number;
  /** Calls of getBlob so far. */
  blobReads = 0;

  constructor(inner: Store, quota: number) {
    this.#inner = inner;
    this.quota = quota;
  }

  load: Store['load'] = () => this.#inner.load();
  hasBlob: Store['hasBlob'] = (digest) => this.#inner.hasBlob(digest);
  listBlobs: Store['listBlobs'] = () => this.#inner.listBlobs();
  usage: Store['usage'] = () => this.#inner.usage();
  clear: Store['clear'] = () => this.#inner.clear();
  close: Store['close'] = () => this.#inner.close();

  getBlob: Store['getBlob'] = (digest) => {
    this.blobReads++;
    return this.#inner.getBlob(digest);
  };

  async commit(batch: Batch): Promise<void> {
    const grows = (batch.put?.length ?? 0) + (batch.putBlobs?.length ?? 0) > 0;
    if (grows) {
      const usage = await this.#inner.usage();
      let added = (batch.put ?? []).reduce((n, p) => n + JSON.stringify(p.value).length + p.key.length, 0);
      const seen = new Set<string>();
      for (const { digest, bytes } of batch.putBlobs ?? []) {
        if (!seen.has(digest) && !(await this.#inner.hasBlob(digest))) added += bytes.byteLength;
        seen.add(digest);
      }
      if (usage + added > this.quota) throw new StoreFullError(new Error('QuotaExceededError'), { usage, quota: this.quota });
    }
    await this.#inner.commit(batch);
  }
}
