/**
 * Issue 12: how fast big files stream into and out of the home's store, in
 * Node. Streams N MB (default 512) of distinct bytes through
 * HostFs.writeStream into a MemoryStore and a DirStore home, commits the
 * line, then reads the file back through readStream; prints MB/s for each,
 * and the chunk hashing alone (WebCrypto SHA-256, the floor of any write).
 *
 * With --page (needs `npx vite build`): the same in Chromium's IndexedDB,
 * as IdbStore does it for a streamed file: per 4 MiB chunk, WebCrypto
 * SHA-256 and one readwrite transaction putting the chunk, its size and a
 * pending record; then reading the chunks back one get at a time. Run in
 * a worker of the built page's origin, as the lab's store runs.
 *
 * Run: npx tsx bench/home-stream.ts [MB] [--page]. Prints figures, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HomeSync } from '../worker/shell/store-fs.ts';
import { CHUNK_SIZE, chunkDigest } from '../worker/shell/file-chunks.ts';
import { hostFs } from '../worker/shell/host-fs.ts';
import { DirStore } from '../worker/store/dir-store.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';
import type { Store } from '../worker/store/store.ts';

const argv = process.argv.slice(2);
const MB = Number(argv.find((a) => /^\d+$/.test(a)) ?? 512);
const PIECE = 1024 * 1024;

/** MB megabytes in 1 MiB pieces, each distinct (a counter in its first bytes). */
async function* bytes(): AsyncGenerator<Uint8Array> {
  const base = new Uint8Array(PIECE);
  for (let i = 0; i < PIECE; i++) base[i] = (i * 131) & 0xff;
  for (let i = 0; i < MB; i++) {
    const piece = base.slice();
    new DataView(piece.buffer).setUint32(0, i);
    yield piece;
  }
}

function rate(ms: number): string {
  return `${(MB / (ms / 1000)).toFixed(0)} MB/s`;
}

async function run(name: string, store: Store): Promise<void> {
  const home = await HomeSync.open(store);
  const fs = hostFs(home.fs, '/home/learner');
  let t = performance.now();
  await fs.writeStream('big.tar', bytes());
  await home.commit();
  const write = performance.now() - t;
  t = performance.now();
  let n = 0;
  for await (const chunk of fs.readStream('big.tar')) n += chunk.length;
  const read = performance.now() - t;
  console.log(`${name.padEnd(8)} writeStream+commit ${rate(write).padStart(10)}   readStream ${rate(read).padStart(10)}   (${n >> 20} MB)`);
}

if (argv.includes('--page')) {
  await page();
  process.exit(0);
}

/** IndexedDB in Chromium, in a worker, chunk by chunk as IdbStore commits a streamed file. */
async function page(): Promise<void> {
  const { launchChromium, startPreview } = await import('../test/browser/harness.ts');
  const server = await startPreview();
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(server.url);
    const figures = await tab.evaluate(async ({ mb, chunk }) => {
      const code = `onmessage = async ({ data: { mb, chunk } }) => {
        const req = indexedDB.open('bench-home-stream', 1);
        req.onupgradeneeded = () => { for (const s of ['blobs', 'blobSizes', 'files']) req.result.createObjectStore(s); };
        const db = await new Promise((ok, ko) => { req.onsuccess = () => ok(req.result); req.onerror = () => ko(req.error); });
        const done = (tx) => new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); tx.onabort = () => ko(tx.error); });
        const n = Math.ceil(mb * 1048576 / chunk);
        const base = new Uint8Array(chunk);
        for (let i = 0; i < chunk; i++) base[i] = (i * 131) & 255;
        const keys = [];
        let t = performance.now();
        for (let i = 0; i < n; i++) {
          const bytes = base.slice();
          new DataView(bytes.buffer).setUint32(0, i);
          const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
          const key = 'sha256:' + hex;
          keys.push(key);
          const tx = db.transaction(['blobs', 'blobSizes', 'files'], 'readwrite');
          tx.objectStore('blobs').put(bytes, key);
          tx.objectStore('blobSizes').put(bytes.length, key);
          tx.objectStore('files').put(true, 'pending-chunk:' + key);
          await done(tx);
        }
        const write = performance.now() - t;
        t = performance.now();
        let read = 0;
        for (const key of keys) {
          const tx = db.transaction('blobs', 'readonly');
          const r = tx.objectStore('blobs').get(key);
          read += await new Promise((ok, ko) => { r.onsuccess = () => ok(r.result.length); r.onerror = () => ko(r.error); });
        }
        const readMs = performance.now() - t;
        db.close();
        indexedDB.deleteDatabase('bench-home-stream');
        postMessage({ write, read: readMs, bytes: read });
      };`;
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const result = await new Promise<{ write: number; read: number; bytes: number }>((ok, ko) => {
        worker.onmessage = (e) => ok(e.data);
        worker.onerror = (e) => ko(new Error(e.message));
        worker.postMessage({ mb, chunk });
      });
      worker.terminate();
      return result;
    }, { mb: MB, chunk: CHUNK_SIZE });
    console.log(`page IndexedDB, 4 MiB chunks: write (hash + one transaction per chunk) ${rate(figures.write)}, read ${rate(figures.read)} (${figures.bytes >> 20} MB)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const hashT = performance.now();
const chunk = new Uint8Array(CHUNK_SIZE);
for (let i = 0; i < MB / 4; i++) await chunkDigest(chunk);
console.log(`chunk hashing (WebCrypto SHA-256) ${rate(performance.now() - hashT)}`);

await run('memory', await MemoryStore.open());
const dir = mkdtempSync(join(tmpdir(), 'layerlab-home-stream-'));
try {
  const store = await DirStore.open(dir);
  await run('dir', store);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
