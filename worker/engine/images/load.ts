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
import { Sha256Stream, digestOf } from '../digest.ts';
import { EngineError } from '../errors.ts';
import type { ImageConfig } from '../image-config.ts';
import { layerSize } from '../layer/layer.ts';
import { TarFormatError, readTar } from '../layer/tar-read.ts';
import { cleanName, collectBytes, readTarStream } from '../layer/tar-stream.ts';
import type { RegistryClient } from '../registry-client.ts';
import type { ByteStream } from '../stream.ts';
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

/** What the engine can rebuild a layer from without the archive's copy of it. */
export interface LoadDeps {
  registry: Pick<RegistryClient, 'layerByDiffId'>;
}

/** One member of the archive after it streamed past. */
interface Member {
  /** Its bytes, kept when the engine may need them (see {@link readArchive}). */
  bytes?: Uint8Array;
  /** sha256 of its bytes, when they were hashed as they passed instead of kept. */
  digest?: string;
}

/** Members up to this size are always kept (manifests, configs, small layers). */
const SMALL = 1 << 20;

/**
 * Reads the archive once, in order, whatever the order of its members (moby
 * handles manifest.json after the blobs; `docker save` writes it last). A
 * big member named by a DiffID the engine holds or the registry can
 * regenerate is hashed as it passes and not kept; every other member is
 * kept, since it may be a layer that must be stored. Memory: the kept
 * members plus one chunk of the input.
 */
async function readArchive(draft: Draft, deps: LoadDeps, archive: ByteStream): Promise<Map<string, Member>> {
  const files = new Map<string, Member>();
  const held = new Set([...draft.layers.values()].map((l) => l.diffId));
  try {
    for await (const { header, body } of readTarStream(archive)) {
      if (header.type !== 'file') continue;
      const path = cleanName(header.name);
      const named = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path);
      const diffId = named ? `sha256:${named[1]}` : undefined;
      if (header.size > SMALL && diffId !== undefined && held.has(diffId)) {
        // moby never reads a layer whose chain exists; one whose DiffID exists is reused: nothing to check.
        files.set(path, { digest: diffId });
        continue;
      }
      if (header.size > SMALL && diffId !== undefined && deps.registry.layerByDiffId?.(diffId)) {
        const h = new Sha256Stream();
        for await (const c of body) h.update(c);
        files.set(path, { digest: h.digest() });
        continue;
      }
      files.set(path, { bytes: await collectBytes(body) });
    }
  } catch (err) {
    if (err instanceof TarFormatError) throw new EngineError('System', err.message);
    throw err;
  }
  return files;
}

/** Loads an archive into the draft, streaming the daemon's output messages. */
export async function loadImages(draft: Draft, deps: LoadDeps, archive: ByteStream, emit: (m: JsonMessage) => void): Promise<void> {
  const files = await readArchive(draft, deps, archive);
  const manifestBytes = files.get('manifest.json')?.bytes;
  if (!manifestBytes) {
    // Pre-1.10 archives (repositories only) are not supported; moby's error names its temp dir.
    throw new EngineError('System', 'open /var/lib/docker/tmp/docker-import-3921470384/repositories: no such file or directory');
  }
  const manifest = parseJson(manifestBytes) as ManifestItem[];
  const member = (path: string): Member => {
    const m = files.get(cleanName(path));
    if (!m) throw new EngineError('System', `open /var/lib/docker/tmp/docker-import-3921470384/${path}: no such file or directory`);
    return m;
  };
  const read = (path: string): Uint8Array => {
    const m = member(path);
    if (!m.bytes) throw new EngineError('System', `open /var/lib/docker/tmp/docker-import-3921470384/${path}: no such file or directory`);
    return m.bytes;
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
    for (let i = 0; i < diffIds.length; i++) {
      const diffId = diffIds[i]!;
      const chainId = chain[i]!;
      if (draft.layers.has(chainId)) continue;
      const m = member(item.Layers[i]!);
      let tar = m.bytes;
      if (tar && tar[0] === 0x1f && tar[1] === 0x8b) tar = gunzipSync(tar);
      const actual = tar ? digestOf(tar) : m.digest;
      if (actual !== diffId) throw new EngineError('System', `invalid diffID for layer ${i}: expected "${diffId}", got "${actual}"`);
      // A DiffID the engine holds is reused, one the registry serves is rebuilt from its recipe: no bytes stored for either.
      const same = [...draft.layers.values()].find((l) => l.diffId === diffId);
      const remote = same ? undefined : deps.registry.layerByDiffId?.(diffId);
      if (same || remote) {
        const record = same
          ? { chainId, diffId, size: same.size, tarSize: same.tarSize, source: same.source }
          : { chainId, diffId, size: remote!.size, tarSize: remote!.tarSize, source: { kind: 'registry' as const, recipe: remote!.recipe } };
        emit({ status: 'Loading layer', progressDetail: { current: record.tarSize, total: record.tarSize }, id: diffId.slice(7, 19) });
        draft.layers.set(chainId, record);
        continue;
      }
      // Hashed as it passed but not kept: only for DiffIDs known when it passed (readArchive), so not reached.
      if (!tar) throw new EngineError('System', `layer does not exist: ${diffId}`);
      const size = layerSize(readTar(tar));
      emit({ status: 'Loading layer', progressDetail: { current: tar.length, total: tar.length }, id: diffId.slice(7, 19) });
      draft.layers.set(chainId, { chainId, diffId, size, tarSize: tar.length, source: { kind: 'blob' } });
      draft.newBlobs.set(diffId, tar);
    }
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
