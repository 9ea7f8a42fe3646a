/**
 * Issue 12: how fast big files stream into and out of the home's store, in
 * Node. Streams N MB (default 512) of distinct bytes through
 * HostFs.writeStream into a MemoryStore and a DirStore home, commits the
 * line, then reads the file back through readStream; prints MB/s for each,
 * and the chunk hashing alone (WebCrypto SHA-256, the floor of any write).
 *
 * Run: npx tsx bench/home-stream.ts [MB]. Prints figures, asserts nothing.
 * (The page's figures for IndexedDB: the browser test
 * test/browser/big-home.test.ts prints them.)
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

const MB = Number(process.argv[2] ?? 512);
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
