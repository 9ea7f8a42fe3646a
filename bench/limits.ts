/**
 * Where an archive's MB/s is bounded (issue 12, "find the limit"): each piece
 * of the save and load paths alone, in Node and in a Chromium dedicated
 * worker, printed as MB/s side by side (bench/limits-kernels.ts has the
 * common pieces; bench/limits-worker.ts the browser's IndexedDB and
 * postMessage ones). Each figure is the fastest of three runs (on a shared
 * machine the one least slowed by other work); still, compare rows with
 * each other, and run again when the load average printed is high.
 *
 *   npx tsx bench/limits.ts [node] [page]
 *
 * hash-wasm (WebAssembly SHA-256, not a dependency) is measured too when
 * HASH_WASM names an unpacked copy of its npm package, e.g.
 *   (mkdir -p /tmp/hw && cd /tmp/hw && npm pack hash-wasm@4.13.0 && tar xzf hash-wasm-4.13.0.tgz)
 *   HASH_WASM=/tmp/hw/package npx tsx bench/limits.ts
 *
 * The worker is bundled by Vite (one IIFE file, so it can importScripts
 * hash-wasm's UMD build) into a temporary directory and served from
 * 127.0.0.1 by a server of its own (no app: nothing else runs in the page).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../test/browser/harness.ts';
import { best, buffers, commonKernels, type Figure, type IncrementalHash } from './limits-kernels.ts';
import { DirStore } from '../worker/store/dir-store.ts';

const MiB = 1 << 20;
const args = process.argv.slice(2);
const sides = args.length === 0 ? ['node', 'page'] : args;
// hash-wasm is a dependency now (worker/engine/digest.ts hashes loads with it): measured from node_modules unless HASH_WASM names another copy.
const HASH_WASM = process.env.HASH_WASM ?? join(import.meta.dirname, '../node_modules/hash-wasm');

/** hash-wasm's createSHA256 in Node, from HASH_WASM. */
async function hashWasmNode(): Promise<(() => Promise<IncrementalHash>) | undefined> {
  if (!HASH_WASM) return undefined;
  const mod = (await import(pathToFileURL(join(HASH_WASM, 'dist/index.esm.js')).href)) as { createSHA256(): Promise<IncrementalHash> };
  return () => mod.createSHA256();
}

async function nodeFigures(): Promise<Figure[]> {
  const out: Figure[] = [];
  const report = (f: Figure): void => void out.push(f);
  await commonKernels(report, await hashWasmNode());
  const chunks = buffers(64, MiB);
  const ms = await best(() => {
    const h = createHash('sha256');
    for (let i = 0; i < 256; i++) h.update(chunks[i % 64]!);
    h.digest();
  });
  report({ label: 'sha256 node:crypto (incremental)', bytes: 256 * MiB, ms, note: 'Node only' });
  // The Node store (bin/layerlab --state): one commit per blob, as a chunked file's writes would be.
  for (const size of [MiB, 4 * MiB]) {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-limits-'));
    const store = await DirStore.open(dir);
    const blobs = buffers(Math.min(32, (128 * MiB) / size), size);
    const n = (128 * MiB) / size;
    const key = (run: number, i: number): string => `sha256:${String(run * 1000 + i).padStart(64, '0')}`;
    let run = 0;
    // New digests each run: storing a digest already stored is a no-op.
    const put = await best(async () => {
      run++;
      for (let i = 0; i < n; i++) await store.commit({ putBlobs: [{ digest: key(run, i), bytes: blobs[i % blobs.length]! }] });
    });
    report({ label: `DirStore.commit, one ${size / MiB} MiB blob per commit`, bytes: 128 * MiB, ms: put, note: 'Node only' });
    const get = await best(async () => {
      for (let i = 0; i < n; i++) await store.getBlob(key(1, i));
    });
    report({ label: `DirStore.getBlob, ${size / MiB} MiB blobs`, bytes: 128 * MiB, ms: get, note: 'Node only' });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function pageFigures(): Promise<Figure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'layerlab-limits-web-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: resolve(import.meta.dirname, '..'),
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        lib: { entry: resolve(import.meta.dirname, 'limits-worker.ts'), formats: ['iife'], name: 'limits', fileName: () => 'limits-worker.js' },
      },
    });
    const page = `<!doctype html><script>
      const w = new Worker('/limits-worker.js${HASH_WASM ? '?hash-wasm' : ''}');
      window.__figures = []; window.__done = null;
      w.onmessage = (e) => {
        const d = e.data;
        if (d.figure) window.__figures.push(d.figure);
        else if (d.chunk) { if (d.last) w.postMessage({ ack: true }); }
        else if (d.done || d.error) window.__done = d;
      };
      w.onerror = (e) => (window.__done = { error: e.message });
    </script>`;
    const files: Record<string, () => Buffer | string> = {
      '/': () => page,
      '/limits-worker.js': () => readFileSync(join(outDir, 'limits-worker.js')),
      '/hash-wasm.js': () => readFileSync(join(HASH_WASM ?? '/nonexistent', 'dist/index.umd.min.js')),
    };
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      try {
        const body = files[path]?.();
        if (body === undefined) throw new Error('not found');
        res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/html' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
      await tab.waitForFunction(() => (window as unknown as { __done: unknown }).__done, undefined, { timeout: 0, polling: 200 });
      const { done, figures } = await tab.evaluate(() => {
        const w = window as unknown as { __done: { error?: string }; __figures: Figure[] };
        return { done: w.__done, figures: w.__figures };
      });
      if (done.error) throw new Error(`in the worker: ${done.error}`);
      return figures;
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const rate = (f: Figure | undefined): string => {
  if (!f || f.bytes === 0) return '';
  const r = f.bytes / 1e6 / (f.ms / 1000);
  // A piece that keeps the buffer it is given takes no measurable time.
  return r > 1e5 ? '>100000' : r.toFixed(0);
};
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${availableParallelism()} cores; MB/s = 10^6 bytes a second${HASH_WASM ? '' : '; hash-wasm not measured (set HASH_WASM, see the header)'}`);
const node = sides.includes('node') ? await nodeFigures() : [];
const web = sides.includes('page') ? await pageFigures() : [];
const labels = [...new Set([...node.map((f) => f.label), ...web.map((f) => f.label)])];
console.log(`${'piece'.padEnd(64)} ${'Node MB/s'.padStart(10)} ${'Chromium MB/s'.padStart(14)}  note`);
for (const label of labels) {
  const n = node.find((f) => f.label === label);
  const w = web.find((f) => f.label === label);
  console.log(`${label.padEnd(64)} ${rate(n).padStart(10)} ${rate(w).padStart(14)}  ${n?.note ?? w?.note ?? ''}`);
}

/**
 * What the pieces allow each path, in MB/s: a chunk goes through the pieces
 * one after another on the worker's thread, except IndexedDB's write, which
 * Chromium does on other threads while the worker makes the next chunk. So
 * a path's bound is the harmonic sum of its same-thread pieces, capped by
 * the store's rate. Compare bench/archives.ts's MB/s with these.
 */
function bounds(figures: Figure[], side: string): void {
  const r = (label: string): number | undefined => {
    const f = figures.find((x) => x.label === label);
    return f && f.bytes > 0 ? f.bytes / 1e6 / (f.ms / 1000) : undefined;
  };
  const serial = (...rates: Array<number | undefined>): number | undefined =>
    rates.some((x) => x === undefined) ? undefined : 1 / rates.reduce<number>((n, x) => n + 1 / x!, 0);
  const show = (what: string, n: number | undefined): void => void (n !== undefined && console.log(`${side.padEnd(9)} ${what.padEnd(86)} ${n.toFixed(0).padStart(5)} MB/s`));
  const put = r('IdbStore.commit, one 4 MiB blob per commit') ?? r('DirStore.commit, one 4 MiB blob per commit');
  const get = r('IdbStore.getBlob, 4 MiB blobs') ?? r('DirStore.getBlob, 4 MiB blobs');
  const gen = r('node layer: entries → tar chunks (tarChunks, 1 MiB)');
  const noble = r('sha256 @noble/hashes (incremental)');
  const wasm = r('sha256 hash-wasm (incremental)');
  const untar = r('tar reading of a 64 MiB archive (readTar)');
  show('save of pulled layers: generate chunks (no hash: their digests are precomputed), store them', put === undefined || gen === undefined ? undefined : Math.min(gen, put));
  show('load: read chunks from the store, split the tar, sha256 each layer (@noble/hashes)', serial(get, untar, noble));
  show('load: the same with hash-wasm', serial(get, untar, wasm));
}
if (node.length > 0) bounds(node, 'Node');
if (web.length > 0) bounds(web, 'Chromium');
