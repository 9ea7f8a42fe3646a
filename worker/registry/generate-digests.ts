/**
 * Regenerates digests.generated.json: every layer's DiffID, tar size and Docker size,
 * and every image's config and manifest digests. Run after changing a layer recipe:
 *
 *     npx tsx worker/registry/generate-digests.ts
 *
 * The computation is pure (shared with test/registry/digests.test.ts); only the entry
 * point below touches the file system, through a dynamic import so this module still
 * type-checks in the engine's Node-free build.
 */
import { digestOf } from '../engine/digest.ts';
import { describeLayer, layerSize } from '../engine/layer/layer.ts';
import type { LayerDescription } from '../engine/layer/layer.ts';
import { tarChunks } from '../engine/layer/tar-write.ts';
import { CATALOG } from './catalog.ts';
import { LAYERS } from './layers.ts';
import { buildImage } from './registry.ts';

/** Shape of digests.generated.json. */
export interface DigestFile {
  layers: Record<string, LayerDescription>;
  images: Record<string, { configDigest: string; manifestDigest: string }>;
}

/** Hash one layer key from scratch with the engine's own hasher (as a browser would). */
export function computeLayer(key: string): LayerDescription {
  return describeLayer(LAYERS[key]!().entries());
}

/** Config and manifest digests of every catalog image, built on the given layer facts. */
export function computeImages(layers: DigestFile['layers']): DigestFile['images'] {
  const out: DigestFile['images'] = {};
  for (const img of CATALOG) {
    const r = buildImage(img, img.tags[0]!, (key) => layers[key]!);
    out[`${img.repository}:${img.tags[0]}`] = { configDigest: digestOf(r.configBytes), manifestDigest: r.manifestDigest };
  }
  return out;
}

/** Serialize like the checked-in file: 2-space JSON, trailing newline. */
export function formatDigestFile(d: DigestFile): string {
  return JSON.stringify(d, null, 2) + '\n';
}

interface NodeFs { writeFileSync(path: string, data: string): void }
interface NodeCrypto { createHash(alg: 'sha256'): { update(b: Uint8Array): void; digest(enc: 'hex'): string } }
interface NodeProcess { argv: string[] }

async function main(script: string): Promise<void> {
  const [fsName, cryptoName] = ['node:fs', 'node:crypto'];
  const fs = (await import(/* @vite-ignore */ fsName)) as NodeFs;
  const crypto = (await import(/* @vite-ignore */ cryptoName)) as NodeCrypto;
  const out = script.replace(/generate-digests\.ts$/, 'digests.generated.json');
  const layers: DigestFile['layers'] = {};
  // node:crypto hashes ~5x faster than the browser's @noble/hashes; the bytes are the same
  // tarChunks stream that describeLayer hashes.
  for (const [key, build] of Object.entries(LAYERS)) {
    const entries = build().entries();
    const h = crypto.createHash('sha256');
    let tarSize = 0;
    for (const c of tarChunks(entries)) { h.update(c); tarSize += c.length; }
    layers[key] = { diffId: 'sha256:' + h.digest('hex'), tarSize, size: layerSize(entries) };
  }
  const images = computeImages(layers);
  fs.writeFileSync(out, formatDigestFile({ layers, images }));
}

const proc = (globalThis as { process?: NodeProcess }).process;
const script = proc?.argv[1];
if (script?.endsWith('generate-digests.ts')) void main(script);
