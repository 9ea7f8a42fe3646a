/**
 * `GET /images/get` (docker save) for the classic store, after moby
 * image/tarexport/save.go (Engine 25+): an OCI image layout plus Docker's
 * compatibility files. Blobs are the uncompressed layer tars (named by
 * DiffID), the image config, one legacy v1 JSON per layer and the OCI
 * manifest; index.json, manifest.json, oci-layout and repositories sit at
 * the top. Timestamps are the image's creation time for its blobs and the
 * Unix epoch for the generated files, as Engine 26.1 writes them
 * (docker-reference §10.1 and save-layouts/).
 */
import type { Json } from '../../store/store.ts';
import { digestOf } from '../digest.ts';
import { EngineError } from '../errors.ts';
import { mobyContainerConfig, goJsonString, type ImageConfig } from '../image-config.ts';
import type { Entry } from '../layer/entry.ts';
import { tarStream, type StreamEntry } from '../layer/tar-stream.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import { familiarName, parseAnyReference, parseStored, referenceString, withDefaultTag, type Reference } from '../reference.ts';
import type { EngineState, ImageRecord, LayerRecord } from '../state.ts';
import { chainIds } from './chain.ts';
import type { ByteStream } from '../stream.ts';
import { layerTarStream, type LayerSourceDeps } from './layer-bytes.ts';

const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';

/** One image chosen for saving, with the tags to record for it. */
interface Chosen {
  image: ImageRecord;
  refs: Reference[];
}

/** moby tarexport parseNames: a name-only reference saves every tag of the repository. */
export function chooseImages(state: EngineState, names: readonly string[]): Chosen[] {
  const chosen = new Map<string, Chosen>();
  const add = (id: string, ref?: Reference) => {
    const image = state.images.get(id);
    if (!image) throw new EngineError('NotFound', 'reference does not exist');
    const entry = chosen.get(id) ?? { image, refs: [] };
    chosen.set(id, entry);
    if (ref && ref.digest === undefined) {
      const tagged = withDefaultTag(ref);
      if (!entry.refs.some((r) => referenceString(r) === referenceString(tagged))) entry.refs.push(tagged);
    }
  };
  for (const name of names) {
    const parsed = parseAnyReference(name);
    if ('id' in parsed) {
      add(parsed.id);
      continue;
    }
    if (parsed.tag === undefined && parsed.digest === undefined) {
      const repo = `${parsed.domain}/${parsed.path}`;
      const assocs = [...state.refs].filter(([r]) => r.startsWith(`${repo}:`) || r.startsWith(`${repo}@`)).sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [r, id] of assocs) add(id, parseStored(r));
      if (assocs.length === 0) add(searchId(state, name));
      continue;
    }
    const id = state.refs.get(referenceString(parsed));
    if (id === undefined) throw new EngineError('NotFound', 'reference does not exist');
    add(id, parsed);
  }
  return [...chosen.values()];
}

function searchId(state: EngineState, term: string): string {
  const matches = [...state.images.keys()].filter((id) => /^[a-f0-9]+$/.test(term) && id.slice(7).startsWith(term));
  if (matches.length !== 1) throw new EngineError('NotFound', 'reference does not exist');
  return matches[0]!;
}

/**
 * The archive `docker save` writes for the chosen images, as a stream: every
 * small file (configs, manifests, v1 JSONs) is built first, so a missing
 * layer or config fails before any byte, as moby answers 404 before the body;
 * then layer tars stream one chunk at a time from their recipe or blob, so
 * the archive never exists whole. Layer sizes come from the state (`tarSize`),
 * which the headers need before the bytes. `onProgress` hears the bytes of
 * layer tars written of all there are, after each layer (the page's status
 * bar; reading layers is most of the time).
 */
export async function saveImages(
  state: EngineState,
  deps: LayerSourceDeps,
  chosen: Chosen[],
  nowMs: number,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ByteStream> {
  const files = new Map<string, { bytes?: Uint8Array; layer?: LayerRecord; mtime: number }>();
  const manifest: string[] = [];
  const indexManifests: string[] = [];
  const repositories = new Map<string, Map<string, string>>();
  const savedIds = new Set(chosen.map((c) => c.image.id));
  let blobsMtime = 0;
  const distinct = new Set(chosen.flatMap((c) => chainIds(c.image.config.rootfs.diff_ids)));
  const total = [...distinct].reduce((n, id) => n + (state.layers.get(id)?.tarSize ?? 0), 0);
  let written = 0;

  for (const { image, refs } of chosen) {
    const config = (await deps.getBlob(image.id)) ?? encodeUtf8(JSON.stringify(image.config));
    const created = seconds(image.config.created);
    blobsMtime = blobsMtime || created;
    const diffIds = image.config.rootfs.diff_ids;
    const chain = chainIds(diffIds);
    const sources: string[] = [];
    const layerDescs: string[] = [];
    let parentV1 = '';
    for (let i = 0; i < diffIds.length; i++) {
      const layer = state.layers.get(chain[i]!);
      if (!layer) throw new EngineError('System', `layer does not exist: ${chain[i]}`);
      const top = i === diffIds.length - 1;
      const v1 = v1Json(top ? image.config : undefined, chain[i]!, parentV1);
      files.set(`blobs/sha256/${v1.id}`, { bytes: encodeUtf8(v1.json), mtime: created });
      parentV1 = v1.id;
      const name = `blobs/sha256/${layer.diffId.slice(7)}`;
      if (!files.has(name)) files.set(name, { layer, mtime: created });
      const size = files.get(name)!.layer!.tarSize;
      sources.push(`${goJsonString(layer.diffId)}:{"mediaType":"${LAYER_MEDIA_TYPE}","size":${size},"digest":"${layer.diffId}"}`);
      layerDescs.push(`{"mediaType":"${LAYER_MEDIA_TYPE}","digest":"${layer.diffId}","size":${size}}`);
      if (top) for (const ref of refs) repoMap(repositories, familiarName(ref)).set(ref.tag!, v1.id);
    }
    files.set(`blobs/sha256/${image.id.slice(7)}`, { bytes: config, mtime: created });
    const ociManifest = encodeUtf8(
      `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"${image.id}","size":${config.length}},"layers":[${layerDescs.join(',')}]}`,
    );
    const manifestDigest = digestOf(ociManifest);
    files.set(`blobs/sha256/${manifestDigest.slice(7)}`, { bytes: ociManifest, mtime: 0 });
    const desc = `"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"${manifestDigest}","size":${ociManifest.length}`;
    for (const ref of refs) {
      indexManifests.push(`{${desc},"annotations":{"io.containerd.image.name":${goJsonString(referenceString(ref))},"org.opencontainers.image.ref.name":${goJsonString(ref.tag!)}}}`);
    }
    if (indexManifests.length === 0) indexManifests.push(`{${desc}}`);
    const repoTags = refs.length > 0 ? `[${refs.map((r) => goJsonString(`${familiarName(r)}:${r.tag}`)).join(',')}]` : 'null';
    const parent = image.parent && savedIds.has(image.parent) ? `,"Parent":"${image.parent}"` : '';
    const sortedSources = [...new Set(sources)].sort();
    manifest.push(
      `{"Config":"blobs/sha256/${image.id.slice(7)}","RepoTags":${repoTags},"Layers":[${diffIds.map((d) => `"blobs/sha256/${d.slice(7)}"`).join(',')}]${parent},"LayerSources":{${sortedSources.join(',')}}}`,
    );
  }

  const nowS = Math.floor(nowMs / 1000);
  const members: StreamEntry[] = [
    { entry: dir('blobs', blobsMtime) },
    { entry: dir('blobs/sha256', nowS) },
    ...[...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, f]): StreamEntry => {
      const layer = f.layer;
      if (!layer) return { entry: file(path, f.bytes!, f.mtime) };
      return {
        entry: { path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: f.mtime, size: layer.tarSize },
        body: () => layerTarStream(deps, layer),
        written: () => onProgress((written += layer.tarSize), total),
      };
    }),
    { entry: file('index.json', encodeUtf8(`{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[${indexManifests.join(',')}]}`), nowS) },
    { entry: file('manifest.json', encodeUtf8(`[${manifest.join(',')}]\n`), 0) },
    { entry: file('oci-layout', encodeUtf8('{"imageLayoutVersion": "1.0.0"}'), 0) },
  ];
  if (repositories.size > 0) members.push({ entry: file('repositories', encodeUtf8(repositoriesJson(repositories) + '\n'), 0) });
  return tarStream(members);
}

function repoMap(m: Map<string, Map<string, string>>, name: string): Map<string, string> {
  let r = m.get(name);
  if (!r) m.set(name, (r = new Map()));
  return r;
}

function repositoriesJson(m: Map<string, Map<string, string>>): string {
  const sorted = <T>(x: Map<string, T>) => [...x].sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${sorted(m).map(([repo, tags]) => `${goJsonString(repo)}:{${sorted(tags).map(([t, id]) => `${goJsonString(t)}:"${id}"`).join(',')}}`).join(',')}}`;
}

/**
 * The legacy v1 JSON of one layer and its v1 ID (moby image/v1 CreateID):
 * the top layer carries the image's V1Image fields, lower ones only an epoch
 * `created`; the ID hashes that JSON with `layer_id` (the ChainID) and
 * `parent` added, keys sorted.
 */
function v1Json(config: ImageConfig | undefined, chainId: string, parent: string): { id: string; json: string } {
  const fields: Array<[string, string]> = [];
  const zeroContainerConfig = mobyContainerConfig({});
  if (config) {
    const cfg = config as ImageConfig & Record<string, Json | undefined>;
    if (cfg.comment) fields.push(['comment', goJsonString(cfg.comment)]);
    fields.push(['created', goJsonString(config.created ?? '0001-01-01T00:00:00Z')]);
    if (cfg.container) fields.push(['container', goJsonString(cfg.container as string)]);
    fields.push(['container_config', cfg.container_config ? mobyContainerConfig(cfg.container_config as Record<string, unknown>) : zeroContainerConfig]);
    if (cfg.docker_version) fields.push(['docker_version', goJsonString(cfg.docker_version)]);
    if (config.author) fields.push(['author', goJsonString(config.author)]);
    fields.push(['config', mobyContainerConfig((config.config ?? {}) as Record<string, unknown>)]);
    fields.push(['architecture', goJsonString(config.architecture)]);
    if (config.variant) fields.push(['variant', goJsonString(config.variant)]);
  } else {
    fields.push(['created', '"1970-01-01T00:00:00Z"']);
    fields.push(['container_config', zeroContainerConfig]);
  }
  fields.push(['os', goJsonString(config?.os ?? 'linux')]);
  const forId = [...fields, ['layer_id', `"${chainId}"`] as [string, string]];
  if (parent) forId.push(['parent', `"sha256:${parent}"`]);
  forId.sort(([a], [b]) => (a < b ? -1 : 1));
  const id = digestOf(encodeUtf8(`{${forId.map(([k, v]) => `"${k}":${v}`).join(',')}}`)).slice(7);
  const head: Array<[string, string]> = [['id', `"${id}"`]];
  if (parent) head.push(['parent', `"${parent}"`]);
  const json = `{${[...head, ...fields].map(([k, v]) => `"${k}":${v}`).join(',')}}`;
  return { id, json };
}

function seconds(created: string | undefined): number {
  const ms = created ? Date.parse(created) : NaN;
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function dir(path: string, mtime: number): Entry {
  return { path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime, size: 0 };
}

function file(path: string, bytes: Uint8Array, mtime: number): Entry {
  return { path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, size: bytes.length, content: { kind: 'bytes', bytes } };
}
