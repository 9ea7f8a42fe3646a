/**
 * The simulated Docker Hub: resolve a repository and tag (or digest) to an image with
 * its OCI manifest, config and layers, or fail with Docker's exact words.
 *
 * Layer DiffIDs and sizes come from digests.generated.json (hashing ~2 GB of generated
 * tars at every pull would be far too slow in a browser); test/registry/digests.test.ts
 * regenerates every layer and checks that file. Config and manifest bytes are small and
 * built here; their digests are checked against the file too.
 */
import { digestOf } from '../engine/digest.ts';
import { canonicalConfigBytes } from '../engine/image-config.ts';
import type { ImageConfig } from '../engine/image-config.ts';
import type { Entry } from '../engine/layer/entry.ts';
import { describeLayer } from '../engine/layer/layer.ts';
import { encodeUtf8 } from '../engine/layer/utf8.ts';
import { CATALOG } from './catalog.ts';
import type { CatalogImage } from './catalog.ts';
import DIGESTS from './digests.generated.json' with { type: 'json' };
import { LAYERS } from './layers.ts';

/** Media types used by the simulated registry (layers are served uncompressed). */
export const MEDIA = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar',
} as const;

/**
 * The OCI manifest text for a config and its layers, as Go marshals image-spec's
 * Manifest (schemaVersion, mediaType, config, layers; empty optional fields omitted).
 * Each layer descriptor's digest is its DiffID, since the blob is the uncompressed tar.
 */
export function buildManifest(configDigest: string, configSize: number, layers: ReadonlyArray<{ diffId: string; tarSize: number }>): string {
  const desc = (mediaType: string, digest: string, size: number): string => `{"mediaType":"${mediaType}","digest":"${digest}","size":${size}}`;
  return `{"schemaVersion":2,"mediaType":"${MEDIA.manifest}","config":${desc(MEDIA.config, configDigest, configSize)},"layers":[${layers.map((l) => desc(MEDIA.layer, l.diffId, l.tarSize)).join(',')}]}`;
}

/** JSON-able handle that regenerates a layer: its stable key in layers.ts. */
export interface LayerRecipeRef { layer: string }

/** One layer as the registry serves it (uncompressed tar). */
export interface RegistryLayer {
  diffId: string;
  /** Docker's unpacked size (regular file bytes). */
  size: number;
  /** Bytes of the tar blob. */
  tarSize: number;
  /** Regenerate the layer's entries (in tar order). */
  entries(): Entry[];
  recipe: LayerRecipeRef;
}

/** One pulled image. */
export interface RegistryImage {
  /** 'library/alpine'. */
  repository: string;
  /** The tag asked for; '' when resolved by digest. */
  tag: string;
  /** sha256 of manifestBytes = the RepoDigest. */
  manifestDigest: string;
  manifestBytes: Uint8Array;
  config: ImageConfig;
  /** Canonical config JSON; the image ID is its sha256. */
  configBytes: Uint8Array;
  layers: RegistryLayer[];
}

/** Pull failure with Docker's error text in `message`. */
export class RegistryError extends Error {
  constructor(readonly code: 'REPO_NOT_FOUND' | 'MANIFEST_UNKNOWN', message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** DiffID and sizes of one layer. */
export interface LayerFacts { diffId: string; tarSize: number; size: number }
const LAYER_FACTS = DIGESTS.layers as Record<string, LayerFacts>;

/** DiffID/sizes of a layer key: recorded, or computed (slow) if the file is stale. */
export function layerFacts(key: string): LayerFacts {
  const known = LAYER_FACTS[key];
  if (known) return known;
  const build = LAYERS[key];
  if (!build) throw new Error(`registry: unknown layer ${key}`);
  return describeLayer(build().entries());
}

/** Regenerate a layer from its recipe. */
export function layerByRecipe(ref: LayerRecipeRef): { entries(): Entry[] } {
  const build = LAYERS[ref.layer];
  if (!build) throw new Error(`registry: unknown layer recipe ${JSON.stringify(ref)}`);
  return { entries: () => build().entries() };
}

/**
 * Normalize a name as the docker CLI does (distribution/reference ParseNormalizedNamed):
 * 'alpine' and 'docker.io/alpine' → 'library/alpine'; 'user/app' stays. Returns
 * undefined for other registries.
 */
export function hubRepository(name: string): string | undefined {
  let n = name;
  for (const host of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/']) if (n.startsWith(host)) n = n.slice(host.length);
  const first = n.split('/')[0]!;
  if (n.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return undefined;
  return n.includes('/') ? n : `library/${n}`;
}

/** The familiar name Docker prints: 'library/alpine' → 'alpine'. */
function familiar(repo: string): string {
  return repo.startsWith('library/') ? repo.slice('library/'.length) : repo;
}

/** Assemble the image of a catalog entry; `facts` supplies each layer's DiffID and sizes. */
export function buildImage(img: CatalogImage, tag: string, facts: (key: string) => LayerFacts = layerFacts): RegistryImage {
  const layers: RegistryLayer[] = img.steps.filter((s) => s.layer).map((s) => {
    const key = s.layer!;
    const f = facts(key);
    return { diffId: f.diffId, size: f.size, tarSize: f.tarSize, recipe: { layer: key }, entries: () => LAYERS[key]!().entries() };
  });
  const config: ImageConfig = {
    created: img.created,
    architecture: 'amd64',
    os: 'linux',
    config: img.config,
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: img.steps.map((s) => {
      const h: NonNullable<ImageConfig['history']>[number] = { created: s.created, created_by: s.created_by };
      if (s.comment) h.comment = s.comment;
      if (!s.layer) h.empty_layer = true;
      return h;
    }),
  };
  const configBytes = canonicalConfigBytes(config);
  const manifestBytes = encodeUtf8(buildManifest(digestOf(configBytes), configBytes.length, layers));
  return { repository: img.repository, tag, manifestDigest: digestOf(manifestBytes), manifestBytes, config, configBytes, layers };
}

/**
 * Resolve `name` (familiar or full) and a tag or `sha256:` digest. Throws RegistryError
 * with Docker's words: `pull access denied for x, repository does not exist or may require
 * 'docker login': denied: requested access to the resource is denied`, or
 * `manifest for alpine:nosuch not found: manifest unknown: manifest unknown`.
 */
export function resolve(name: string, tagOrDigest: string): RegistryImage {
  const repo = hubRepository(name);
  const images = CATALOG.filter((i) => i.repository === repo);
  const shown = repo ? familiar(repo) : name;
  if (!repo || images.length === 0) {
    throw new RegistryError('REPO_NOT_FOUND', `pull access denied for ${shown}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  if (tagOrDigest.startsWith('sha256:')) {
    for (const img of images) {
      const r = buildImage(img, img.tags[0]!);
      if (r.manifestDigest === tagOrDigest) return { ...r, tag: '' };
    }
    throw new RegistryError('MANIFEST_UNKNOWN', `manifest for ${shown}@${tagOrDigest} not found: manifest unknown: manifest unknown`);
  }
  const img = images.find((i) => i.tags.includes(tagOrDigest));
  if (!img) throw new RegistryError('MANIFEST_UNKNOWN', `manifest for ${shown}:${tagOrDigest} not found: manifest unknown: manifest unknown`);
  return buildImage(img, tagOrDigest);
}

/** Every repository and its tags. */
export function listCatalog(): Array<{ repository: string; tags: string[] }> {
  const out = new Map<string, string[]>();
  for (const i of CATALOG) out.set(i.repository, [...(out.get(i.repository) ?? []), ...i.tags]);
  return [...out].map(([repository, tags]) => ({ repository, tags }));
}
