/**
 * `POST /images/load` (docker load) for the classic store, after moby
 * image/tarexport/load.go: read manifest.json (written by every save format
 * since Docker 1.10, the OCI layout of Engine 25+ included), check each
 * layer against the config's DiffIDs, keep layers already present, store the
 * new ones, create the image from the exact config bytes, and set its tags.
 */
// fflate: a maintained, dependency-free, synchronous gzip implementation that
// runs in a worker and in Node alike; archives saved by the containerd store
// carry gzip-compressed layers.
import { gunzipSync } from 'fflate';
import type { JsonMessage } from '../api-types.ts';
import { digestOf } from '../digest.ts';
import { EngineError } from '../errors.ts';
import type { ImageConfig } from '../image-config.ts';
import type { Entry } from '../layer/entry.ts';
import { layerSize } from '../layer/layer.ts';
import { TarFormatError, readTar } from '../layer/tar-read.ts';
import { decodeUtf8 } from '../layer/utf8.ts';
import { familiarString, parseNormalizedNamed, referenceString } from '../reference.ts';
import type { Draft } from '../state.ts';
import { chainIds } from './chain.ts';

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  Parent?: string;
}

/** Loads an archive into the draft, streaming the daemon's output messages. */
export function loadImages(draft: Draft, archive: Uint8Array, emit: (m: JsonMessage) => void): void {
  const files = new Map<string, Uint8Array>();
  let entries: Entry[];
  try {
    entries = readTar(archive);
  } catch (err) {
    if (err instanceof TarFormatError) throw new EngineError('System', err.message);
    throw err;
  }
  for (const e of entries) if (e.type === 'file' && e.content?.kind === 'bytes') files.set(e.path.replace(/^\.\//, ''), e.content.bytes);
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) {
    // Pre-1.10 archives (repositories only) are not supported; moby's error names its temp dir.
    throw new EngineError('System', 'open /var/lib/docker/tmp/docker-import-3921470384/repositories: no such file or directory');
  }
  const manifest = parseJson(manifestBytes) as ManifestItem[];
  const read = (path: string): Uint8Array => {
    const bytes = files.get(path.replace(/^\.\//, ''));
    if (!bytes) throw new EngineError('System', `open /var/lib/docker/tmp/docker-import-3921470384/${path}: no such file or directory`);
    return bytes;
  };

  let idsText = '';
  let refCount = 0;
  const parents: Array<[string, string]> = [];
  for (const item of manifest) {
    const configBytes = read(item.Config);
    const config = parseJson(configBytes) as ImageConfig;
    if (config.os !== undefined && config.os !== 'linux') throw new EngineError('InvalidParameter', `image operating system "${config.os}" cannot be used on this platform`);
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (item.Layers.length !== diffIds.length) {
      throw new EngineError('System', `invalid manifest, layers length mismatch: expected ${item.Layers.length}, got ${diffIds.length}`);
    }
    const chain = chainIds(diffIds);
    diffIds.forEach((diffId, i) => {
      const chainId = chain[i]!;
      if (draft.layers.has(chainId)) return;
      let tar = read(item.Layers[i]!);
      if (tar[0] === 0x1f && tar[1] === 0x8b) tar = gunzipSync(tar);
      const actual = digestOf(tar);
      if (actual !== diffId) throw new EngineError('System', `invalid diffID for layer ${i}: expected "${diffId}", got "${actual}"`);
      const size = layerSize(readTar(tar));
      const id = diffId.slice(7, 19);
      emit({ status: 'Loading layer', progressDetail: { current: tar.length, total: tar.length }, id });
      draft.layers.set(chainId, { chainId, diffId, size, tarSize: tar.length, source: { kind: 'blob' } });
      draft.newBlobs.set(diffId, tar);
    });
    const id = digestOf(configBytes);
    if (!draft.images.has(id)) {
      draft.images.set(id, { id, config, parent: '', lastTagTime: null });
      draft.newBlobs.set(id, configBytes);
    }
    idsText += `Loaded image ID: ${id}\n`;
    refCount = 0;
    for (const repoTag of item.RepoTags ?? []) {
      const ref = parseNormalizedNamed(repoTag);
      if (ref.tag === undefined) throw new EngineError('InvalidParameter', `invalid tag "${repoTag}"`);
      const key = referenceString(ref);
      const prev = draft.refs.get(key);
      if (prev !== undefined && prev !== id) {
        emit({ stream: `The image ${familiarString(ref)} already exists, renaming the old one with ID ${prev} to empty string\n` });
      }
      // moby's setLoadedTag only adds the reference: LastTagTime is left as it was.
      draft.refs.set(key, id);
      emit({ stream: `Loaded image: ${familiarString(ref)}\n` });
      refCount++;
    }
    if (item.Parent) parents.push([id, item.Parent]);
  }
  for (const [id, parent] of parents) {
    const image = draft.images.get(id);
    if (image && draft.images.has(parent)) draft.images.set(id, { ...image, parent });
  }
  if (refCount === 0) emit({ stream: idsText });
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeUtf8(bytes));
  } catch (err) {
    throw new EngineError('System', `invalid character in JSON: ${(err as Error).message}`);
  }
}
