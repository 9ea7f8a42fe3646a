/**
 * A first-in first-out queue of async tasks, one at a time.
 *
 * The Store port promises that commits are serialized in call order. IndexedDB
 * orders overlapping readwrite transactions by itself, but the file backend
 * has several awaits per commit and `clear()` must not interleave with a
 * commit in any backend, so every store runs its writes through one queue.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled; resolves or rejects with its result. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // A failed task must not poison the tasks queued after it.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/** The error every store raises when used after `close()`. */
export class StoreClosedError extends Error {
  /** Stable code, as engine errors carry one. */
  readonly code = 'ECLOSED';
  constructor() {
    super('store is closed');
    this.name = 'StoreClosedError';
  }
}
