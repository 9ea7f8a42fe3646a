/**
 * A snapshot of the lab for the lessons' checker: images, containers, home
 * files and the last build, read through the engine's own operations (the
 * state records, `containerDiff`, the layers' entries), never from terminal
 * text. The cheap parts (the records) are taken at once; what costs
 * something is computed only when a condition asks for it, and cached under
 * keys that change whenever the answer could: a layer's paths by its ChainID
 * (a layer never changes), an exited container's changes by its stored
 * writable layer.
 */
import type { Engine } from '../engine/engine.ts';
import { lastBuildOf, type LastBuild } from '../engine/builder/last-build.ts';
import { chainIds } from '../engine/images/chain.ts';
import { layerEntries } from '../engine/images/layer-bytes.ts';
import { listImages } from '../engine/images/list.ts';
import { containerDiff } from '../engine/containers/operations.ts';
import type { ContainerService } from '../engine/containers/service.ts';
import { asContainer } from '../engine/containers/record.ts';
import { familiarString, parseNormalizedNamed, parseStored, referenceString, withDefaultTag } from '../engine/reference.ts';
import { humanSizeWithPrecision } from '../common/go-units.ts';

/** One image as the checker sees it. */
export interface SnapImage {
  /** `sha256:…` */
  id: string;
  /** Familiar references pointing at it (`alpine:latest`, `hello:v0.1`). */
  refs: string[];
  /** Untagged and not the parent of another image (`docker images -f dangling=true`). */
  dangling: boolean;
  parent: string;
  diffIds: string[];
  history: Array<{ createdBy: string; emptyLayer: boolean }>;
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  workdir: string;
  /** The SIZE column of `docker images`. */
  size: string;
}

/** One container as the checker sees it. */
export interface SnapContainer {
  id: string;
  name: string;
  /** The image as given at create (Config.Image). */
  image: string;
  imageId: string;
  status: string;
  exitCode: number;
  running: boolean;
  rwLayer: string;
}

/** What a layer does to the filesystem: paths it writes (adds or changes) and paths its whiteouts delete, all absolute. */
export interface LayerPaths {
  writes: ReadonlySet<string>;
  deletes: ReadonlySet<string>;
}

/** `docker diff`'s lines of a container. */
export interface Changes {
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  deleted: ReadonlySet<string>;
}

/** Reads a home file (path relative to ~); undefined when absent or not a regular file. */
export type HomeReader = (path: string) => Promise<Uint8Array | undefined>;

/** The lab at one moment, with lazy parts. */
export interface LabSnapshot {
  readonly images: readonly SnapImage[];
  readonly containers: readonly SnapContainer[];
  readonly lastBuild: LastBuild | undefined;
  /** The image a reference or ID prefix (12+ hex) names, as `docker image inspect` finds it. */
  image(ref: string): SnapImage | undefined;
  /** The container with this name (without `/`). */
  container(name: string): SnapContainer | undefined;
  /** What the image's Nth layer (0 = bottom) writes and deletes. */
  layerPaths(image: SnapImage, index: number): Promise<LayerPaths>;
  /** `docker diff` of a container. */
  changes(container: SnapContainer): Promise<Changes>;
  /** A home file's bytes. */
  homeFile(path: string): Promise<Uint8Array | undefined>;
}

/** What a snapshot is taken from. */
export interface SnapshotSource {
  engine: Engine;
  containers: () => Promise<ContainerService>;
  home: HomeReader;
}

const layerCache = new Map<string, Promise<LayerPaths>>();
const LAYER_CACHE_SIZE = 64;
const changesCache = new Map<string, Promise<Changes>>();
const CHANGES_CACHE_SIZE = 64;

/** Takes a snapshot of the lab (the records now; the rest on demand). */
export function takeSnapshot(src: SnapshotSource): LabSnapshot {
  const { engine } = src;
  const state = engine.state;
  const now = engine.now();
  const sizes = new Map(listImages(state, { all: true }, now).map((s) => [s.Id, s.Size]));
  const dangling = new Set(listImages(state, { filters: { dangling: ['true'] } }, now).map((s) => s.Id));
  const refsOf = new Map<string, string[]>();
  for (const [ref, id] of state.refs) {
    const stored = parseStored(ref);
    if (stored.digest !== undefined && stored.tag === undefined) continue;
    refsOf.set(id, [...(refsOf.get(id) ?? []), familiarString(stored)]);
  }
  const images: SnapImage[] = [...state.images.values()].map((img) => {
    const cfg = img.config.config ?? {};
    return {
      id: img.id,
      refs: (refsOf.get(img.id) ?? []).sort(),
      dangling: dangling.has(img.id),
      parent: img.parent,
      diffIds: [...img.config.rootfs.diff_ids],
      history: (img.config.history ?? []).map((h) => ({ createdBy: h.created_by ?? '', emptyLayer: h.empty_layer === true })),
      cmd: cfg.Cmd ?? null,
      entrypoint: cfg.Entrypoint ?? null,
      env: cfg.Env ?? [],
      workdir: cfg.WorkingDir ?? '',
      size: humanSizeWithPrecision(sizes.get(img.id) ?? 0, 3),
    };
  });
  const byId = new Map(images.map((i) => [i.id, i]));
  const containers: SnapContainer[] = [...state.containers.values()].map((r) => {
    const c = asContainer(r);
    return { id: c.id, name: c.name.replace(/^\//, ''), image: c.config.Image, imageId: c.imageId, status: c.status, exitCode: c.exitCode, running: c.running, rwLayer: c.rwLayer ?? '' };
  });
  return {
    images,
    containers,
    lastBuild: lastBuildOf(state),
    image(ref) {
      const hex = /^(?:sha256:)?([0-9a-f]{12,64})$/.exec(ref)?.[1];
      if (hex !== undefined) {
        const found = images.filter((i) => i.id.slice(7).startsWith(hex));
        if (found.length === 1) return found[0];
      }
      let key: string;
      try {
        key = referenceString(withDefaultTag(parseNormalizedNamed(ref)));
      } catch {
        return undefined;
      }
      const id = state.refs.get(key);
      return id === undefined ? undefined : byId.get(id);
    },
    container(name) {
      return containers.find((c) => c.name === name.replace(/^\//, ''));
    },
    layerPaths(image, index) {
      const chain = chainIds(image.diffIds)[index];
      const layer = chain === undefined ? undefined : state.layers.get(chain);
      if (!layer) return Promise.resolve({ writes: new Set(), deletes: new Set() });
      return cached(layerCache, LAYER_CACHE_SIZE, chain!, async () => pathsOf(await layerEntries({ registry: engine.registry, getBlob: (d) => engine.getBlob(d) }, layer)));
    },
    changes(container) {
      const compute = async (): Promise<Changes> => {
        const out = { added: new Set<string>(), changed: new Set<string>(), deleted: new Set<string>() };
        for (const ch of await containerDiff(await src.containers(), container.id)) [out.changed, out.added, out.deleted][ch.Kind].add(ch.Path);
        return out;
      };
      // A running container's layer changes without a new record: computed each time it is asked.
      if (container.running) return compute();
      return cached(changesCache, CHANGES_CACHE_SIZE, `${container.id} ${container.rwLayer}`, compute);
    },
    homeFile: src.home,
  };
}

/** The absolute paths a layer's entries write and the ones its whiteouts delete. */
function pathsOf(entries: ReadonlyArray<{ path: string }>): LayerPaths {
  const writes = new Set<string>();
  const deletes = new Set<string>();
  for (const { path } of entries) {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    const base = path.slice(slash + 1);
    if (base === '.wh..wh..opq') writes.add(`/${dir}`);
    else if (base.startsWith('.wh.')) deletes.add(`/${dir ? `${dir}/` : ''}${base.slice(4)}`);
    else writes.add(`/${path}`);
  }
  return { writes, deletes };
}

function cached<T>(cache: Map<string, Promise<T>>, size: number, key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  made.catch(() => cache.delete(key));
  cache.set(key, made);
  while (cache.size > size) cache.delete(cache.keys().next().value!);
  return made;
}
