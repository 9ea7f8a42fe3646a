/**
 * The Chromium side of bench/limits.ts, bundled into a classic dedicated
 * worker (the engine runs in one): the common kernels, then what only a
 * browser has: IndexedDB puts and gets of 1-4 MiB chunks, raw and through
 * the project's IdbStore, and postMessage copies between this worker and
 * the page. Posts each figure to the page as `{ figure }`, then `{ done }`.
 */
import { openDB } from 'idb';
import { IdbStore } from '../worker/store/idb-store.ts';
import { best, buffers, commonKernels, type Figure, type IncrementalHash } from './limits-kernels.ts';

const MiB = 1 << 20;
const scope = self as unknown as {
  postMessage(m: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  importScripts(url: string): void;
  hashwasm?: { createSHA256(): Promise<IncrementalHash> };
};
const report = (figure: Figure): void => scope.postMessage({ figure });

async function timed(label: string, bytes: number, f: () => Promise<unknown>, note?: string): Promise<void> {
  report({ label, bytes, ms: await best(f), ...(note ? { note } : {}) });
}

/** Raw IndexedDB: 128 MiB of `size` chunks, `perTx` puts per readwrite transaction, each transaction awaited; then read back one get per transaction. */
async function idbRaw(size: number, perTx: number): Promise<void> {
  const name = `bench-limits-${size}-${perTx}`;
  await new Promise((ok) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: ok, onerror: ok }));
  const db = await openDB(name, 1, { upgrade: (d) => d.createObjectStore('chunks') });
  const n = (128 * MiB) / size;
  const chunks = buffers(Math.min(n, 16), size);
  await timed(`IndexedDB put, ${size / MiB} MiB chunks, ${perTx} per transaction`, n * size, async () => {
    for (let i = 0; i < n; i += perTx) {
      const tx = db.transaction('chunks', 'readwrite');
      for (let j = i; j < i + perTx; j++) void tx.store.put(chunks[j % chunks.length]!, j);
      await tx.done;
    }
  });
  if (perTx === 1) {
    await timed(`IndexedDB get, ${size / MiB} MiB chunks, 1 per transaction`, n * size, async () => {
      for (let i = 0; i < n; i++) await db.get('chunks', i);
    });
  }
  db.close();
  await new Promise((ok) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: ok, onerror: ok }));
}

/** The project's store: one commit per 4 MiB blob, then getBlob of each. */
async function idbStore(): Promise<void> {
  const name = 'bench-limits-store';
  await new Promise((ok) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: ok, onerror: ok }));
  const store = await IdbStore.open(name);
  const chunks = buffers(32, 4 * MiB);
  const key = (run: number, i: number): string => `sha256:${String(run * 1000 + i).padStart(64, '0')}`;
  let run = 0;
  // New digests each run: storing a digest already stored is a no-op.
  await timed('IdbStore.commit, one 4 MiB blob per commit', 128 * MiB, async () => {
    run++;
    for (let i = 0; i < 32; i++) await store.commit({ putBlobs: [{ digest: key(run, i), bytes: chunks[i]! }] });
  });
  await timed('IdbStore.getBlob, 4 MiB blobs', 128 * MiB, async () => {
    for (let i = 0; i < 32; i++) await store.getBlob(key(1, i));
  });
  await store.close();
  await new Promise((ok) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: ok, onerror: ok }));
}

/** postMessage of 1 MiB chunks to the page, which answers once it has them all: copied (structured clone), then transferred. */
async function toPage(): Promise<void> {
  const acked = (): Promise<void> =>
    new Promise((ok) => {
      const on = (e: MessageEvent): void => {
        if ((e.data as { ack?: boolean }).ack) ok();
      };
      scope.addEventListener('message', on);
    });
  const chunk = buffers(1, MiB)[0]!;
  await timed('postMessage worker → page, 1 MiB copied', 256 * MiB, async () => {
    const done = acked();
    for (let i = 0; i < 256; i++) scope.postMessage({ chunk, last: i === 255 });
    await done;
  });
  await timed('postMessage worker → page, 1 MiB transferred', 256 * MiB, async () => {
    const done = acked();
    for (let i = 0; i < 256; i++) {
      const fresh = chunk.slice();
      scope.postMessage({ chunk: fresh, last: i === 255 }, [fresh.buffer]);
    }
    await done;
  }, 'a new buffer per chunk, its copy included');
}

void (async () => {
  try {
    if (new URL(location.href).searchParams.has('hash-wasm')) scope.importScripts('/hash-wasm.js');
    const hw = scope.hashwasm;
    await commonKernels(report, hw ? () => hw.createSHA256() : undefined);
    await idbRaw(1 * MiB, 1);
    await idbRaw(1 * MiB, 16);
    await idbRaw(4 * MiB, 1);
    await idbRaw(4 * MiB, 4);
    await idbStore();
    await toPage();
    scope.postMessage({ done: true });
  } catch (error) {
    scope.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
})();
