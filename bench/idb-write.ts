/**
 * The ceiling a streamed home file's writes run into (issue 12): raw
 * IndexedDB write throughput in this Chromium, from a dedicated worker as the
 * page's engine writes, on an on-disk profile (bench/chromium.ts). Each case
 * writes the same amount of fresh pseudo-random bytes (incompressible, as a
 * layer's filler is) in values of one size, some values per readwrite
 * transaction, some transactions in flight, and prints MB/s with the time the
 * bytes alone took to generate (inside the figure). Nothing else runs: the
 * page's own `docker save` also generates, hashes and tars its bytes on the
 * same two cores, so it can approach, not reach, the best case here.
 *
 *   npx tsx bench/idb-write.ts [MB per case, default 512]
 *
 * `npm run build` first (it serves dist/ for an origin with IndexedDB).
 * Prints figures; asserts nothing.
 */
import { availableParallelism, loadavg } from 'node:os';
import { startPreview } from '../test/browser/harness.ts';
import { launchOnDiskChromium } from './chromium.ts';

const TOTAL_MB = Number(process.argv[2] ?? 512);

/** One case: value size in MiB, values per transaction, transactions in flight, durability. */
interface Case {
  label: string;
  mib: number;
  perTx: number;
  inFlight: number;
  durability: 'default' | 'relaxed' | 'strict';
}

const CASES: Case[] = [
  { label: '4 MiB values, 1 per transaction', mib: 4, perTx: 1, inFlight: 1, durability: 'default' },
  { label: '4 MiB values, 4 per transaction (store-fs.ts GROUP)', mib: 4, perTx: 4, inFlight: 1, durability: 'default' },
  { label: '4 MiB values, 8 per transaction', mib: 4, perTx: 8, inFlight: 1, durability: 'default' },
  { label: '4 MiB values, 1 per transaction, 2 in flight', mib: 4, perTx: 1, inFlight: 2, durability: 'default' },
  { label: '4 MiB values, 1 per transaction, relaxed', mib: 4, perTx: 1, inFlight: 1, durability: 'relaxed' },
  { label: '1 MiB values, 1 per transaction', mib: 1, perTx: 1, inFlight: 1, durability: 'default' },
  { label: '16 MiB values, 1 per transaction', mib: 16, perTx: 1, inFlight: 1, durability: 'default' },
];

// Runs in a dedicated worker: plain JavaScript, since it is sent as a Blob URL.
const WORKER = `
const MIB = 1 << 20;
const open = (name) => new Promise((ok, fail) => {
  const r = indexedDB.open(name, 1);
  r.onupgradeneeded = () => r.result.createObjectStore('b');
  r.onsuccess = () => ok(r.result);
  r.onerror = () => fail(r.error);
});
const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
let seed = 1;
// xorshift32 words: fresh, incompressible bytes for every value.
function piece(size) {
  const a = new Uint8Array(size);
  const w = new Int32Array(a.buffer);
  let x = (seed++ * 2654435761) | 0 || 1;
  for (let i = 0; i < w.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; w[i] = x; }
  return a;
}
onmessage = async ({ data: { c, totalMib } }) => {
  const name = 'bench-' + Math.random();
  const db = await open(name);
  const size = c.mib * MIB;
  const count = Math.max(1, Math.floor(totalMib / c.mib));
  let genMs = 0;
  const flying = [];
  const t0 = performance.now();
  for (let i = 0, key = 0; i < count; i += c.perTx) {
    const g0 = performance.now();
    const values = [];
    for (let j = 0; j < c.perTx && i + j < count; j++) values.push(piece(size));
    genMs += performance.now() - g0;
    while (flying.length >= c.inFlight) await flying.shift();
    const tx = db.transaction('b', 'readwrite', { durability: c.durability });
    for (const v of values) tx.objectStore('b').put(v, key++);
    flying.push(done(tx));
  }
  await Promise.all(flying);
  const ms = performance.now() - t0;
  db.close();
  await new Promise((ok) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = ok; });
  postMessage({ bytes: count * size, ms, genMs });
};
`;

const server = await startPreview();
const { browser, stop } = await launchOnDiskChromium();
try {
  const page = await browser.contexts()[0]!.newPage();
  // Any page of the origin will do; this one starts no lab.
  await page.goto(`${server.url}favicon.svg`);
  console.log(`IndexedDB writes from a worker, ${TOTAL_MB} MiB per case; MB = 10^6 bytes`);
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  const run = (c: Case, totalMib: number) =>
    page.evaluate(
      ([code, c, totalMib]) =>
        new Promise<{ bytes: number; ms: number; genMs: number }>((ok, fail) => {
          const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          w.onmessage = (e) => (w.terminate(), ok(e.data));
          w.onerror = (e) => fail(new Error(e.message));
          w.postMessage({ c, totalMib });
        }),
      [WORKER, c, totalMib] as const,
    );
  await run(CASES[0]!, 64); // warm-up: the database directory and the blob path
  for (const c of CASES) {
    const r = await run(c, TOTAL_MB);
    console.log(`${c.label.padEnd(52)} ${((r.bytes / 1e6 / r.ms) * 1000).toFixed(0).padStart(5)} MB/s  (${(r.ms / 1000).toFixed(2)} s; generating the bytes ${(r.genMs / 1000).toFixed(2)} s of it)`);
  }
} finally {
  await browser.close();
  await stop();
  await server.stop();
}
