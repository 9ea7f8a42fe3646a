/**
 * Storage budget of design.md §9: stored bytes at most 1.05x the unique layer
 * bytes, and back to the baseline once everything is removed.
 *
 * Writes a synthetic lab (images sharing base layers, so many blob puts are
 * duplicates) into each backend, then removes everything. "Stored" is
 * measured independently of `usage()`: by reading what each backend really
 * keeps (the full ArrayBuffer behind each blob, as structured clone keeps it;
 * file sizes on disk for the directory store), plus record JSON.
 *
 * Run: npx tsx bench/store-usage.ts [images]   (prints figures, asserts nothing)
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../worker/store/store.ts';
import type { Batch, Store } from '../worker/store/store.ts';
import { recordBytes } from '../worker/store/batch.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';
import { IdbStore } from '../worker/store/idb-store.ts';
import { DirStore } from '../worker/store/dir-store.ts';

const IMAGES = Number(process.argv[2] ?? 60);

/** Deterministic bytes of a given size (xorshift), so every run measures the same lab. */
function bytesOf(seed: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function layer(seed: number): { digest: string; bytes: Uint8Array } {
  // A view into a larger buffer, as a tar writer with a growable buffer hands
  // out: a store that kept the view would keep the slack too.
  const bytes = bytesOf(seed, 8192 + ((seed * 7919) % 200) * 1024).subarray(0, 4096 + ((seed * 7919) % 200) * 1024);
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes };
}

/** One commit per image: 8 shared base layers (most are duplicates) plus 2 of its own. */
function lab(): Batch[] {
  const base = Array.from({ length: 8 }, (_, i) => layer(i));
  return Array.from({ length: IMAGES }, (_, n) => {
    const layers = [base[n % 8]!, base[(n * 3) % 8]!, layer(100 + 2 * n), layer(101 + 2 * n)];
    return {
      put: [{ collection: 'images', key: `img${n}`, value: { layers: layers.map((l) => l.digest) } }],
      putBlobs: layers,
    };
  });
}

/** Bytes a backend really holds, measured without its own usage(). */
type Measure = (store: Store) => Promise<number>;

async function recordsJson(store: Store): Promise<number> {
  const snapshot = await store.load();
  let bytes = 0;
  for (const c of COLLECTIONS) for (const [k, v] of snapshot[c]) bytes += recordBytes(k, JSON.stringify(v));
  return bytes;
}

const measureMemory: Measure = async (store) => {
  let bytes = await recordsJson(store);
  for (const d of await store.listBlobs()) bytes += (await store.getBlob(d))!.buffer.byteLength;
  return bytes;
};

function measureIdb(name: string): Measure {
  return async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('blobs').objectStore('blobs').getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return (await recordsJson(store)) + values.reduce<number>((n, v) => n + (v as Uint8Array).buffer.byteLength, 0);
  };
}

function measureDir(dir: string): Measure {
  return async () => {
    const blobDir = join(dir, 'blobs', 'sha256');
    const files = readdirSync(blobDir).reduce((n, f) => n + statSync(join(blobDir, f)).size, 0);
    // Before the first commit there is no state file yet.
    const state = join(dir, 'state.json');
    return files + (readdirSync(dir).includes('state.json') ? statSync(state).size : 0);
  };
}

async function bench(name: string, store: Store, measure: Measure): Promise<void> {
  const batches = lab();
  const baseline = { stored: await measure(store), usage: await store.usage() };
  let written = 0;
  const unique = new Map<string, number>();
  for (const batch of batches) {
    for (const b of batch.putBlobs!) {
      written += b.bytes.byteLength;
      unique.set(b.digest, b.bytes.byteLength);
    }
    await store.commit(batch);
  }
  const uniqueBytes = [...unique.values()].reduce((a, b) => a + b, 0);
  const full = { stored: await measure(store), usage: await store.usage() };
  await store.commit({
    delete: batches.flatMap((b) => b.put!.map(({ collection, key }) => ({ collection, key }))),
    deleteBlobs: [...unique.keys()],
  });
  const emptied = { stored: await measure(store), usage: await store.usage() };
  const n = (v: number) => v.toLocaleString('en-US').padStart(11);
  console.log(
    [
      name.padEnd(7),
      n(written),
      n(uniqueBytes),
      n(full.stored),
      n(full.usage),
      `${(full.stored / uniqueBytes).toFixed(4)}x`.padStart(8),
      `${n(baseline.stored)} / ${baseline.usage}`,
      `${n(emptied.stored)} / ${emptied.usage}`,
    ].join('  '),
  );
  await store.close();
}

console.log(`${IMAGES} images, 4 layer puts each, 8 shared base layers; budget: ratio <= 1.05x, back to baseline`);
console.log(
  ['store'.padEnd(7), ...['blobs put', 'unique', 'stored', 'usage()'].map((h) => h.padStart(11)), 'ratio'.padStart(8), 'baseline stored / usage()', 'emptied stored / usage()'].join('  '),
);
await bench('memory', await MemoryStore.open(), measureMemory);
await bench('idb', await IdbStore.open('bench'), measureIdb('bench'));
const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
try {
  await bench('dir', await DirStore.open(dir), measureDir(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('dir: the emptied figure is state.json itself, the empty collections and blob index.');
