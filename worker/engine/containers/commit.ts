/**
 * `POST /commit?container=&repo=&tag=&comment=&author=&changes=`: the
 * writable layer becomes an image layer (moby daemon/commit.go
 * CreateImageFromContainer and daemon/images/image_commit.go CommitImage).
 *
 * The new config is the container's Config with the `--change` instructions
 * applied (builder/dockerfile BuildFromConfig), merged with the container
 * config; the image is NewChildImage(parent): the parent's rootfs plus the
 * new DiffID (unless the layer is the empty tar), the parent's history plus
 * `{created, author, created_by: Cmd joined by spaces, comment}`, and the V1
 * fields moby writes (container, container_config, docker_version). The
 * parent link is local metadata, as SetParent keeps it.
 */
import { digestOf } from '../digest.ts';
import { EngineError } from '../errors.ts';
import { canonicalConfigBytes, type ContainerDefaults, type ImageConfig } from '../image-config.ts';
import { chainIds } from '../images/chain.ts';
import type { Entry } from '../layer/entry.ts';
import { describeLayer } from '../layer/layer.ts';
import { tarBytes } from '../layer/tar-write.ts';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../reference.ts';
import type { Draft } from '../state.ts';
import { ENGINE_VERSION } from '../version.ts';
import { applyChange } from './changes-dockerfile.ts';
import type { Container, ContainerConfig } from './record.ts';
import type { CommitOptions } from '../../engine-api/types.ts';
export type { CommitOptions };

/** sha256 of the empty tar (1024 zero bytes): moby layer.DigestSHA256EmptyTar. */
export const EMPTY_TAR_DIGEST = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

/** Writes the committed image into the draft; returns its ID. */
export function commitContainer(draft: Draft, c: Container, upperEntries: Entry[], opts: CommitOptions, now: number): string {
  let ref;
  if (opts.reference) {
    ref = withDefaultTag(parseNormalizedNamed(opts.reference));
  }
  let config: ContainerConfig = structuredClone(c.config);
  for (const change of opts.changes ?? []) config = applyChange(config, change);
  const parent = draft.images.get(c.imageId);
  if (!parent) throw new EngineError('NotFound', `No such image: ${c.imageId}`);
  const tar = tarBytes(upperEntries);
  const layer = describeLayer(upperEntries);
  const empty = layer.diffId === EMPTY_TAR_DIGEST;
  const created = new Date(now).toISOString().replace(/\.?0*Z$/, 'Z');
  const history = { created, ...(opts.author ? { author: opts.author } : {}), created_by: (c.config.Cmd ?? []).join(' '), ...(opts.comment ? { comment: opts.comment } : {}), ...(empty ? { empty_layer: true } : {}) };
  const p = parent.config;
  const image: ImageConfig = {
    created,
    ...(opts.author ? { author: opts.author } : {}),
    architecture: p.architecture,
    ...(p.variant ? { variant: p.variant } : {}),
    os: p.os,
    ...(p['os.version'] ? { 'os.version': p['os.version'] } : {}),
    ...(p['os.features'] ? { 'os.features': p['os.features'] } : {}),
    config: config as unknown as ContainerDefaults,
    rootfs: { type: 'layers', diff_ids: empty ? [...p.rootfs.diff_ids] : [...p.rootfs.diff_ids, layer.diffId] },
    history: [...(p.history ?? []), history],
    container: c.id,
    container_config: c.config as unknown as Record<string, unknown>,
    docker_version: ENGINE_VERSION.version,
  };
  const bytes = canonicalConfigBytes(image);
  const id = digestOf(bytes);
  if (!empty) {
    const chain = chainIds(image.rootfs.diff_ids);
    const chainId = chain[chain.length - 1]!;
    if (!draft.layers.has(chainId)) {
      draft.layers.set(chainId, { chainId, diffId: layer.diffId, size: layer.size, tarSize: layer.tarSize, source: { kind: 'blob' } });
      draft.newBlobs.set(layer.diffId, tar);
    }
  }
  draft.newBlobs.set(id, bytes);
  const iso = new Date(now).toISOString();
  draft.images.set(id, { id, config: image, parent: c.imageId, lastTagTime: ref ? iso : null, dockerVersion: ENGINE_VERSION.version });
  if (ref) draft.refs.set(referenceString(ref), id);
  return id;
}
