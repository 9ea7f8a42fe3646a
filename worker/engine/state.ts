/**
 * The engine's state: plain immutable records in maps, plus the draft a
 * command mutates. A command works on a {@link Draft} (copies of the maps);
 * when it finishes, the draft is diffed against the state into one store
 * {@link Batch}, committed atomically, and only then becomes the state. A
 * command that throws, or whose commit fails, leaves the state untouched:
 * the "unchanged state" that Docker's errors promise.
 */
import type { Batch, Collection, Json, Snapshot } from '../store/store.ts';
import type { ImageConfig } from './image-config.ts';

/** Where a layer's bytes come from. */
export type LayerSource =
  /** Regenerated from the simulated registry's recipe (never stored at full size). */
  | { kind: 'registry'; recipe: Json }
  /** Stored as a blob under the layer's diffID. */
  | { kind: 'blob' };

/** One layer of the classic store, keyed by ChainID as overlay2 keys them. */
export interface LayerRecord {
  chainId: string;
  diffId: string;
  /** Docker's DiffSize: bytes of regular files in the layer. */
  size: number;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
  source: LayerSource;
  /** Kept by BuildKit's build cache: not released with the images that use it (until `builder prune`). */
  held?: boolean;
  /** BuildKit's cache record of a held layer: first and last build that used it (unix ms) and how many did. */
  cache?: { created: number; lastUsed: number; usage: number };
}

/** An image: its config (the ID is the config's digest) and local metadata. */
export interface ImageRecord {
  /** `sha256:<hex>` = digest of the config bytes. */
  id: string;
  config: ImageConfig;
  /** `sha256:…` of the parent image (legacy builder, commit), or ''. */
  parent: string;
  /** Time of the last local tag, RFC3339Nano; null for never (pulled images). */
  lastTagTime: string | null;
  /** Docker version that created it locally (commit, legacy build), '' otherwise. */
  dockerVersion?: string;
}

/**
 * A container (worker/engine/containers/record.ts documents every field):
 * `id`, `name` (without the leading `/`), `imageId` and `running` are what
 * the image commands read; the rest is the daemon's container state.
 */
export interface ContainerRecord {
  id: string;
  name: string;
  imageId: string;
  running: boolean;
  /** The DiffIDs of the container's image, kept so its layers outlive a force-removed image. */
  imageLayers?: string[];
  /** `sha256:…` of the stored writable layer (blob: containers/upper-store.ts), or '' while it is empty. */
  rwLayer?: string;
  /** The blobs of the files in the writable layer. */
  rwBlobs?: string[];
  [key: string]: Json | undefined;
}

/**
 * A volume of the `local` driver (worker/engine/volumes/record.ts documents
 * the fields): its files are stored as a writable layer is
 * (containers/upper-store.ts), `data` the manifest blob, `dataBlobs` the files'.
 */
export interface VolumeRecord {
  name: string;
  /** Creation time, unix ms. */
  created: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** `sha256:…` of the stored manifest of the volume's files, or '' while it is empty. */
  data: string;
  dataBlobs: string[];
  /** Bytes of its regular files (what `prune` reclaims). */
  size: number;
  [key: string]: Json | undefined;
}

/** Everything the engine knows, outside blobs. */
export interface EngineState {
  images: ReadonlyMap<string, ImageRecord>;
  /** Normalised reference string (`docker.io/library/alpine:latest`, `…@sha256:…`) → image ID. */
  refs: ReadonlyMap<string, string>;
  /** ChainID → layer. */
  layers: ReadonlyMap<string, LayerRecord>;
  containers: ReadonlyMap<string, ContainerRecord>;
  /** Volume name → volume. */
  volumes: ReadonlyMap<string, VolumeRecord>;
  /**
   * The store's `meta` records the engine reads and writes (`attached`: the
   * container terminal the page was attached to, containers/terminal.ts).
   * Other modules write other meta keys straight to the store; a batch only
   * puts the keys a draft changed, so it never touches theirs.
   */
  meta: ReadonlyMap<string, Json>;
}

/** A mutable copy of the state for one command, plus the blobs it writes. */
export interface Draft {
  images: Map<string, ImageRecord>;
  refs: Map<string, string>;
  layers: Map<string, LayerRecord>;
  containers: Map<string, ContainerRecord>;
  volumes: Map<string, VolumeRecord>;
  meta: Map<string, Json>;
  /** Blobs to add with this command. */
  newBlobs: Map<string, Uint8Array>;
}

/** An empty engine state. */
export function emptyState(): EngineState {
  return { images: new Map(), refs: new Map(), layers: new Map(), containers: new Map(), volumes: new Map(), meta: new Map() };
}

/** Rebuilds the state from a store snapshot. */
export function stateFromSnapshot(snap: Snapshot): EngineState {
  const cast = <T>(m: Map<string, Json>) => new Map([...m].map(([k, v]) => [k, v as unknown as T]));
  return {
    images: cast<ImageRecord>(snap.images),
    refs: cast<string>(snap.tags),
    layers: cast<LayerRecord>(snap.layers),
    containers: cast<ContainerRecord>(snap.containers),
    volumes: cast<VolumeRecord>(snap.volumes),
    meta: new Map(snap.meta),
  };
}

/** A draft of the given state. */
export function draftOf(state: EngineState): Draft {
  return {
    images: new Map(state.images),
    refs: new Map(state.refs),
    layers: new Map(state.layers),
    containers: new Map(state.containers),
    volumes: new Map(state.volumes),
    meta: new Map(state.meta),
    newBlobs: new Map(),
  };
}

const COLLECTION_OF = { images: 'images', refs: 'tags', layers: 'layers', containers: 'containers', volumes: 'volumes', meta: 'meta' } as const;

/**
 * The store batch that turns `before` into `draft`. Records are compared by
 * identity (they are never mutated in place), so unchanged ones cost nothing.
 * Blobs no longer used by any layer are freed (design.md §4: deleting the last
 * image that uses a layer frees its bytes).
 */
export function diffToBatch(before: EngineState, draft: Draft): Batch {
  const batch: Required<Batch> = { put: [], delete: [], putBlobs: [], deleteBlobs: [] };
  for (const key of Object.keys(COLLECTION_OF) as Array<keyof typeof COLLECTION_OF>) {
    const collection: Collection = COLLECTION_OF[key];
    const old = before[key] as ReadonlyMap<string, unknown>;
    const now = draft[key] as Map<string, unknown>;
    for (const [k, v] of now) if (old.get(k) !== v) batch.put.push({ collection, key: k, value: v as Json });
    for (const k of old.keys()) if (!now.has(k)) batch.delete.push({ collection, key: k });
  }
  const liveBlobs = blobsInUse(draft);
  for (const [digest, bytes] of draft.newBlobs) if (liveBlobs.has(digest)) batch.putBlobs.push({ digest, bytes });
  for (const digest of blobsInUse(before)) if (!liveBlobs.has(digest)) batch.deleteBlobs.push(digest);
  return batch;
}

/** Digests of the blobs the state needs: stored layer tars, image configs, containers' writable layers and volumes, and their files. */
export function blobsInUse(state: Pick<EngineState, 'images' | 'layers'> & Partial<Pick<EngineState, 'containers' | 'volumes'>>): Set<string> {
  const live = new Set<string>();
  for (const l of state.layers.values()) if (l.source.kind === 'blob') live.add(l.diffId);
  for (const id of state.images.keys()) live.add(id);
  for (const c of state.containers?.values() ?? []) {
    if (c.rwLayer) live.add(c.rwLayer);
    for (const d of c.rwBlobs ?? []) live.add(d);
  }
  for (const v of state.volumes?.values() ?? []) {
    if (v.data) live.add(v.data);
    for (const d of v.dataBlobs) live.add(d);
  }
  return live;
}

/** The state a draft becomes once committed. */
export function stateOf(draft: Draft): EngineState {
  return { images: draft.images, refs: draft.refs, layers: draft.layers, containers: draft.containers, volumes: draft.volumes, meta: draft.meta };
}
