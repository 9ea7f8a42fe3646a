/**
 * The pieces an archive goes through, each alone, for bench/limits.ts: run
 * in Node and, bundled, in a Chromium dedicated worker (where the engine
 * runs). Every kernel reports the bytes it moved and the time it took; the
 * slowest piece on a path bounds that path's MB/s.
 *
 * Nothing here touches the DOM, Node's modules or IndexedDB: those kernels
 * live with their side (limits.ts, limits-worker.ts). Each piece runs
 * {@link RUNS} times and reports its fastest run.
 */
import { Sha256Stream } from '../worker/engine/digest.ts';
import type { Entry } from '../worker/engine/layer/entry.ts';
import { readTar } from '../worker/engine/layer/tar-read.ts';
import { tarBytes, tarChunks } from '../worker/engine/layer/tar-write.ts';
import { LAYERS } from '../worker/registry/layers.ts';
import { newHomeFs } from '../worker/shell/home-fs.ts';

/** One figure: `bytes` moved in `ms`. */
export interface Figure {
  label: string;
  bytes: number;
  ms: number;
  note?: string;
}

/** An incremental SHA-256 (hash-wasm's createSHA256() has this shape). */
export interface IncrementalHash {
  /** Starts a new digest (hash-wasm's hashers are reused: init() after digest()). */
  init(): unknown;
  update(data: Uint8Array): unknown;
  digest(): unknown;
}

const MiB = 1 << 20;

/** `n` buffers of `size` bytes of varied content (a hash or a store cannot shortcut zeros). */
export function buffers(n: number, size: number): Array<Uint8Array<ArrayBuffer>> {
  return Array.from({ length: n }, (_, i) => {
    const b = new Uint8Array(size);
    let x = (i + 1) * 2654435761;
    for (let j = 0; j < size; j += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      b[j] = x;
      b[j + 1] = x >>> 8;
    }
    return b;
  });
}

/**
 * The best of `RUNS` timings of `f`: on a machine shared with other work, the
 * fastest run is the one least slowed by it, so the nearest to the piece's own limit.
 */
export async function best(f: () => unknown): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

/** How many times each piece runs. */
export const RUNS = 3;

async function time(label: string, bytes: number, f: () => unknown, note?: string): Promise<Figure> {
  return { label, bytes, ms: await best(f), ...(note ? { note } : {}) };
}

/**
 * The kernels both sides run. `hashWasm` is hash-wasm's createSHA256 when
 * the package is at hand (it is not a dependency; bench/limits.ts says how
 * to point at it).
 */
export async function commonKernels(report: (f: Figure) => void, hashWasm?: () => Promise<IncrementalHash>): Promise<void> {
  const chunks = buffers(64, MiB);
  const total = 256 * MiB;
  // 1. SHA-256 over 256 MiB in 1 MiB chunks.
  report(await time('sha256 @noble/hashes (incremental)', total, () => {
    const h = new Sha256Stream();
    for (let i = 0; i < 256; i++) h.update(chunks[i % 64]!);
    h.digest();
  }));
  report(await time('sha256 WebCrypto, one digest per 1 MiB chunk', total, async () => {
    for (let i = 0; i < 256; i++) await crypto.subtle.digest('SHA-256', chunks[i % 64]!);
  }, 'not incremental: a layer digest needs one call over the whole layer'));
  const whole = new Uint8Array(64 * MiB);
  chunks.forEach((c, i) => whole.set(c, i * MiB));
  report(await time('sha256 WebCrypto, one digest of 64 MiB', 64 * MiB, () => crypto.subtle.digest('SHA-256', whole)));
  if (hashWasm) {
    const h = await hashWasm();
    report(await time('sha256 hash-wasm (incremental)', total, () => {
      h.init();
      for (let i = 0; i < 256; i++) h.update(chunks[i % 64]!);
      h.digest();
    }));
  }

  // 2. Layer generation from the registry's recipe (a pulled layer's bytes in docker save).
  let entries: Entry[] = [];
  const built = await time('node layer: recipe → entries', 0, () => (entries = LAYERS['node-24.4.1']!().entries()));
  let size = 0;
  report({ ...(await time('node layer: entries → tar chunks (tarChunks, 1 MiB)', 0, () => {
    size = 0;
    for (const c of tarChunks(entries)) size += c.length;
  })), bytes: size, note: `recipe → entries ${built.ms.toFixed(0)} ms more` });
  let layer: Uint8Array = new Uint8Array(0);
  report(await time('node layer: entries → one tar (tarBytes, as save does now)', size, () => (layer = tarBytes(entries))));
  report(await time('node layer: tar chunks + sha256 @noble', size, () => {
    const h = new Sha256Stream();
    for (const c of tarChunks(entries)) h.update(c);
    h.digest();
  }));

  // 3. Tar writing and reading of bytes already in memory (a stored layer, a loaded archive).
  const files: Entry[] = chunks.map((bytes, i) => ({
    path: `blobs/sha256/${i}`, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: bytes.length, content: { kind: 'bytes', bytes },
  }));
  let archive: Uint8Array = new Uint8Array(0);
  report(await time('tar writing of 64 × 1 MiB files (tarChunks)', 64 * MiB, () => {
    for (const c of tarChunks(files)) void c;
  }));
  report(await time('tar writing of 64 × 1 MiB files (tarBytes)', 64 * MiB, () => (archive = tarBytes(files))));
  report(await time('tar reading of a 64 MiB archive (readTar)', archive.length, () => readTar(archive)));
  report(await time('tar reading of the node layer (readTar)', layer.length, () => readTar(layer)));

  // 4. Copies: structured clone (what postMessage and IndexedDB's put do to a Uint8Array) and a plain copy.
  report(await time('structuredClone of 1 MiB chunks', total, () => {
    for (let i = 0; i < 256; i++) structuredClone(chunks[i % 64]);
  }));
  // A view's clone copies its whole ArrayBuffer, so the 4 MiB chunk has a buffer of its own.
  const four = whole.slice(0, 4 * MiB);
  report(await time('structuredClone of 4 MiB chunks', total, () => {
    for (let i = 0; i < 64; i++) structuredClone(four);
  }));
  report(await time('Uint8Array.set (memcpy) of 1 MiB chunks', total, () => {
    const into = new Uint8Array(64 * MiB);
    for (let i = 0; i < 256; i++) into.set(chunks[i % 64]!, (i % 64) * MiB);
  }));

  // 5. The home directory's InMemoryFs (just-bash): a whole file, and a file grown by appends.
  const fs = await newHomeFs();
  report(await time('InMemoryFs writeFile, one 64 MiB file', 64 * MiB, () => fs.writeFile('/home/learner/whole', whole), 'keeps the buffer given: no copy'));
  report(await time('InMemoryFs appendFile, 64 × 1 MiB', 64 * MiB, async () => {
    await fs.writeFile('/home/learner/grown', new Uint8Array(0));
    for (let i = 0; i < 64; i++) await fs.appendFile('/home/learner/grown', chunks[i]!);
  }, 'each append copies the file so far'));
  report(await time('InMemoryFs readFileBuffer, 64 MiB', 64 * MiB, () => fs.readFileBuffer('/home/learner/whole'), 'returns the buffer kept: no copy'));
}
