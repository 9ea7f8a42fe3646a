/**
 * A stage's base: `scratch`, a local image, or an image from the registry.
 * The legacy builder pulls a missing base into the image store (moby's
 * builder calls the daemon's pull, streaming its progress). BuildKit with
 * the classic store resolves it into its own content store instead, so the
 * base does not appear in `docker images`; its layers are only recorded
 * under the built image.
 */
import type { Engine } from '../engine.ts';
import type { ImageConfig } from '../image-config.ts';
import { chainIds } from '../images/chain.ts';
import { getImage } from '../images/lookup.ts';
import { resolveRemote } from '../images/pull.ts';
import { ReferenceError, parseNormalizedNamed, referenceString, withDefaultTag, type Reference } from '../reference.ts';
import type { JsonMessage } from '../api-types.ts';
import type { RemoteImage } from '../registry-client.ts';
import type { BaseImage, LayerInfo } from './stage.ts';

/** The empty base of `FROM scratch` (BuildKit adds PATH to an image without Env). */
export function scratchBase(): BaseImage {
  const config: ImageConfig = { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] }, history: [] };
  return { id: '', config, layers: [], local: true, ref: 'scratch' };
}

/** The normalized reference of a FROM argument, or an error worded as BuildKit/moby word it. */
export function parseBaseRef(name: string): Reference {
  try {
    return withDefaultTag(parseNormalizedNamed(name));
  } catch (err) {
    if (err instanceof ReferenceError) throw new Error(`failed to parse stage name "${name}": invalid reference format`);
    throw err;
  }
}

/** A local image as a base, if present. */
export function localBase(engine: Engine, name: string): BaseImage | undefined {
  let found;
  try {
    found = getImage(engine.state, name);
  } catch {
    return undefined;
  }
  const img = found.image;
  const chain = chainIds(img.config.rootfs.diff_ids);
  const layers: LayerInfo[] = chain.map((c) => {
    const l = engine.state.layers.get(c)!;
    return { diffId: l.diffId, size: l.size, tarSize: l.tarSize, source: l.source };
  });
  return { id: img.id, config: img.config, layers, local: true, ref: referenceString(parseBaseRef(name)) };
}

/** Resolves a base in the registry (BuildKit's metadata resolution). */
export function remoteBase(engine: Engine, ref: Reference): { base: BaseImage; remote: RemoteImage } {
  const repo: Reference = { domain: ref.domain, path: ref.path };
  const remote = resolveRemote(engine.registry, repo, ref.digest ?? ref.tag ?? 'latest');
  const layers: LayerInfo[] = remote.layers.map((l) => ({ diffId: l.diffId, size: l.size, tarSize: l.tarSize, source: { kind: 'registry', recipe: l.recipe } }));
  return { base: { id: remote.configDigest, config: remote.config, layers, local: false, ref: referenceString(ref) }, remote };
}

/** The legacy builder's pull of a missing base; returns the base once stored. */
export async function pullBase(engine: Engine, ref: Reference, name: string, emit: (m: JsonMessage) => void): Promise<BaseImage> {
  const tag = ref.digest ?? ref.tag ?? 'latest';
  await engine.imagePull(`${ref.domain}/${ref.path}`, tag, emit);
  const base = localBase(engine, ref.digest ? `${ref.domain}/${ref.path}@${ref.digest}` : `${ref.domain}/${ref.path}:${tag}`);
  if (!base) throw new Error(`No such image: ${name}`);
  return base;
}
