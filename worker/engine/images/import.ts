/**
 * `POST /images/create?fromSrc=-` (docker import), after moby
 * daemon/images/image_import.go: the tarball (gzip accepted) becomes the one
 * layer of a new image whose config is empty but for `--change`
 * instructions, with comment and history comment `Imported from -` (the CLI
 * streams files as `-` too) unless `-m` says otherwise.
 */
import { gunzipSync } from 'fflate';
import { digestOf } from '../digest.ts';
import { EngineError } from '../errors.ts';
import { applyChange } from '../containers/changes-dockerfile.ts';
import type { ContainerConfig } from '../containers/record.ts';
import { canonicalConfigBytes, type ContainerDefaults, type ImageConfig } from '../image-config.ts';
import { layerSize } from '../layer/layer.ts';
import { TarFormatError, readTar } from '../layer/tar-read.ts';
import { collectBytes } from '../layer/tar-stream.ts';
import type { ByteStream } from '../stream.ts';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../reference.ts';
import type { Draft } from '../state.ts';
import { ENGINE_VERSION } from '../version.ts';
import { chainIds } from './chain.ts';

/** What `docker import` asks for. */
export interface ImportOptions {
  /** `repo[:tag]` to name the image, or '' for none. */
  reference: string;
  message: string;
  changes: string[];
  /** Where the tarball came from, as the API's fromSrc (`-` for an upload). */
  source: string;
}

/** A zero container.Config, as moby starts an import from. */
function emptyConfig(): ContainerConfig {
  return {
    Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
    Tty: false, OpenStdin: false, StdinOnce: false, Env: [], Cmd: null, Image: '', Volumes: null,
    WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: {},
  };
}

/**
 * Imports a tarball into the draft; returns the new image ID. The tarball
 * becomes the layer's blob whole (the store keeps it so), read from the
 * stream once.
 */
export async function importImage(draft: Draft, stream: ByteStream, opts: ImportOptions, nowMs: number): Promise<string> {
  let ref;
  if (opts.reference) {
    ref = withDefaultTag(parseNormalizedNamed(opts.reference));
  }
  let config = emptyConfig();
  for (const change of opts.changes) config = applyChange(config, change);
  // moby marshals the zero config with `Env: null` and `Labels: null`.
  const cfg = { ...config, Env: config.Env.length ? config.Env : null, Labels: Object.keys(config.Labels).length ? config.Labels : null };
  const archive = await collectBytes(stream);
  const tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  let size: number;
  try {
    size = layerSize(readTar(tar));
  } catch (err) {
    if (err instanceof TarFormatError) throw new EngineError('System', 'archive/tar: invalid tar header');
    throw err;
  }
  const diffId = digestOf(tar);
  const created = new Date(nowMs).toISOString().replace(/\.?0*Z$/, 'Z');
  const comment = opts.message || `Imported from ${opts.source}`;
  const image: ImageConfig = {
    created,
    architecture: 'amd64',
    os: 'linux',
    config: cfg as unknown as ContainerDefaults,
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created, comment }],
    comment,
    docker_version: ENGINE_VERSION.version,
  };
  const bytes = canonicalConfigBytes(image);
  const id = digestOf(bytes);
  const chainId = chainIds([diffId])[0]!;
  if (!draft.layers.has(chainId)) {
    draft.layers.set(chainId, { chainId, diffId, size, tarSize: tar.length, source: { kind: 'blob' } });
    draft.newBlobs.set(diffId, tar);
  }
  draft.newBlobs.set(id, bytes);
  draft.images.set(id, { id, config: image, parent: '', lastTagTime: ref ? new Date(nowMs).toISOString() : null, dockerVersion: ENGINE_VERSION.version });
  if (ref) draft.refs.set(referenceString(ref), id);
  return id;
}
