/**
 * Throughput of the registry's layer pipeline, printed as MB/s:
 *   - filler generation alone (xorshift128 into 1 MiB buffers),
 *   - tar streaming (tarChunks) without hashing,
 *   - tar streaming + SHA-256 with @noble/hashes (what the browser does: describeLayer),
 *   - tar streaming + node:crypto SHA-256 (what test/registry/digests.test.ts uses),
 * over the given layers (default: a mid-size and the biggest) and for the whole catalog
 * when run with `all`.
 *
 *     npx tsx bench/registry-generate.ts            # two layers
 *     npx tsx bench/registry-generate.ts all        # every layer (~2 GB)
 */
import { createHash } from 'node:crypto';
import { Sha256Stream } from '../worker/engine/digest.ts';
import { FillerStream } from '../worker/engine/layer/filler.ts';
import { tarChunks } from '../worker/engine/layer/tar-write.ts';
import { LAYERS } from '../worker/registry/layers.ts';

const MB = 1e6;

function rate(bytes: number, ms: number): string {
  return `${((bytes / MB) / (ms / 1000)).toFixed(0).padStart(5)} MB/s`;
}

function timeIt(f: () => number): [number, number] {
  const t = performance.now();
  const n = f();
  return [n, performance.now() - t];
}

{
  const buf = new Uint8Array(1 << 20);
  const [n, ms] = timeIt(() => { const g = new FillerStream(1); for (let i = 0; i < 512; i++) g.fill(buf); return 512 * buf.length; });
  console.log(`filler only                ${rate(n, ms)}  (${(n / MB).toFixed(0)} MB)`);
}

const keys = process.argv[2] === 'all' ? Object.keys(LAYERS) : ['debian-bookworm-slim-20250721', 'node-24.4.1'];
let total = { tar: 0, tarMs: 0, nobleMs: 0, nodeMs: 0, buildMs: 0 };
for (const key of keys) {
  const [entries, buildMs] = (() => { const t = performance.now(); const e = LAYERS[key]!().entries(); return [e, performance.now() - t] as const; })();
  const [tar, tarMs] = timeIt(() => { let n = 0; for (const c of tarChunks(entries)) n += c.length; return n; });
  const [, nobleMs] = timeIt(() => { const h = new Sha256Stream(); for (const c of tarChunks(entries)) h.update(c); h.digest(); return 0; });
  const [, nodeMs] = timeIt(() => { const h = createHash('sha256'); for (const c of tarChunks(entries)) h.update(c); h.digest(); return 0; });
  total = { tar: total.tar + tar, tarMs: total.tarMs + tarMs, nobleMs: total.nobleMs + nobleMs, nodeMs: total.nodeMs + nodeMs, buildMs: total.buildMs + buildMs };
  if (keys.length <= 4) console.log(`${key.padEnd(32)} ${(tar / MB).toFixed(1).padStart(7)} MB tar ${entries.length} entries: tree ${buildMs.toFixed(0)} ms, tar ${rate(tar, tarMs)}, tar+noble ${rate(tar, nobleMs)}, tar+node:crypto ${rate(tar, nodeMs)}`);
}
console.log(`total ${keys.length} layers, ${(total.tar / MB).toFixed(0)} MB of tar: trees ${total.buildMs.toFixed(0)} ms; tar ${rate(total.tar, total.tarMs)}; tar+noble sha256 ${rate(total.tar, total.nobleMs)} (${(total.nobleMs / 1000).toFixed(1)} s); tar+node:crypto ${rate(total.tar, total.nodeMs)} (${(total.nodeMs / 1000).toFixed(1)} s)`);
