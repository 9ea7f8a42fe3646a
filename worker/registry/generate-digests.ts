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
import { describeLayer } from '../engine/layer/layer.ts';
import type { LayerDescription } from '../engine/layer/layer.ts';
import { CATALOG } from './catalog.ts';
import { LAYERS } from './layers.ts';
import { buildImage } from './registry.ts';

/** Shape of digests.generated.json. */
export interface DigestFile {
  layers: Record<string, LayerDescription>;
  images: Record<string, { configDigest: string; manifestDigest: string }>;
}

/** Hash one layer key from scratch. */
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
interface NodeProcess { argv: string[] }

async function main(script: string): Promise<void> {
  const fsName = 'node:fs';
  const fs = (await import(/* @vite-ignore */ fsName)) as NodeFs;
  const out = script.replace(/generate-digests\.ts$/, 'digests.generated.json');
  const layers: DigestFile['layers'] = {};
  for (const key of Object.keys(LAYERS)) layers[key] = computeLayer(key);
  const images = computeImages(layers);
  fs.writeFileSync(out, formatDigestFile({ layers, images }));
}

const proc = (globalThis as { process?: NodeProcess }).process;
const script = proc?.argv[1];
if (script?.endsWith('generate-digests.ts')) void main(script);
