/**
 * Fault injection for the IndexedDB store tests: patches fake-indexeddb's
 * IDBObjectStore.prototype.put, which idb calls through its proxies, so a
 * commit can be made to fail after some of its requests were issued.
 */

/** Makes the put calls after the first `allowed` ones throw `error()`; returns the undo function. */
export function failPutsAfter(allowed: number, error: () => unknown): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const original = proto.put;
  let calls = 0;
  proto.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    calls++;
    if (calls > allowed) throw error();
    return original.apply(this, args);
  };
  return () => {
    proto.put = original;
  };
}

/** A DOMException as browsers raise it when the origin's quota is exhausted. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}
