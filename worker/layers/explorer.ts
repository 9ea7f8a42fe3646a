/**
 * The explorer's data: a layer's files with what each does to the layers
 * below, an image's or a container's merged filesystem with where each file
 * comes from and which layers hold versions it hides, and a file's text.
 *
 * Everything is read through the engine's own code, so the view and the
 * terminal cannot disagree (design.md §11): layer entries from the
 * RootfsLoader (registry recipes or stored tars, as containers get them), the
 * merged set from `mergeLayers` (moby's ApplyLayer rules, as image trees are
 * built), a container's writable layer as `docker commit` would write it, and
 * file bytes through an OverlayFs, the filesystem `docker run ... cat` reads.
 */
import { EngineError } from '../engine/errors.ts';
import { chainIds } from '../engine/images/chain.ts';
import { baseName, contentBytes, isOpaqueMarker, isWhiteout, whiteoutTarget, type Entry } from '../engine/layer/entry.ts';
import type { RootfsLoader } from '../engine/containers/rootfs.ts';
import { StackedView, mergeLayers, walkOrder, type LowerView } from '../engine/containers/tree.ts';
import { OverlayFs } from '../engine/containers/overlay-fs.ts';
import { UpperLayer } from '../engine/containers/upper.ts';
import { initLayer } from '../engine/containers/changes.ts';
import type { Container } from '../engine/containers/record.ts';
import type { EngineState } from '../engine/state.ts';
import { humanSizeWithPrecision } from '../common/go-units.ts';
import { depthOf, looksText, rowOf, TEXT_LIMIT } from './file-rows.ts';
import type { ExploreTarget, FileListing, FileRow, FileText } from './types.ts';

/** Rows sent at most (an image of many thousand files is cut, the total said). */
export const ROW_LIMIT = 20_000;

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** The DiffIDs from the base up to `chainId`, from any image or container that has it. */
export function diffIdsTo(state: EngineState, chainId: string): string[] {
  const stacks = [...[...state.images.values()].map((i) => i.config.rootfs.diff_ids), ...[...state.containers.values()].map((c) => (c.imageLayers as string[] | undefined) ?? [])];
  for (const diffIds of stacks) {
    const i = chainIds(diffIds).indexOf(chainId);
    if (i >= 0) return diffIds.slice(0, i + 1);
  }
  throw new EngineError('NotFound', `No such layer: ${chainId}`);
}

/** The files of one layer, each marked A (new), C (replaces a lower entry) or D (a whiteout deleting one). */
export async function layerListing(loader: RootfsLoader, state: EngineState, chainId: string): Promise<FileListing> {
  const diffIds = diffIdsTo(state, chainId);
  const entries = await loader.layerEntries(state, chainId);
  const lower: LowerView | undefined = diffIds.length > 1 ? await loader.chainTree(state, diffIds.slice(0, -1)) : undefined;
  const rows = entries
    .slice()
    .sort((a, b) => walkOrder(a.path, b.path))
    .map((e): FileRow => {
      if (isWhiteout(e)) {
        const target = whiteoutTarget(e)!;
        const opaque = isOpaqueMarker(e);
        return { path: opaque ? e.path : target, depth: depthOf(opaque ? e.path : target), type: opaque ? 'opaque' : 'whiteout', mode: '', size: 0, mark: 'D', text: false };
      }
      const row = rowOf(e);
      const below = lower?.get(e.path);
      // A directory listed only because something inside it changed keeps no mark, as `docker diff` skips it.
      if (!below) row.mark = 'A';
      else if (!(e.type === 'dir' && below.type === 'dir' && e.mode === below.mode && e.mtime === below.mtime)) row.mark = 'C';
      return row;
    });
  return cut({ target: { kind: 'layer', chainId }, title: `Layer ${diffIds.length}: ${short(diffIds[diffIds.length - 1]!)}`, layerNames: [], rows, total: rows.length, wasted: 0, wastedText: '0B', wastedFiles: [] });
}

/** A version of a path some later layer hides, or a file a later layer deleted. */
interface Hidden {
  layer: number;
  bytes: number;
}

/**
 * The merged filesystem of a stack of layers, each visible entry with the
 * layer it comes from and the layers whose versions of it are hidden, and
 * the bytes those hidden versions still take (dive's "wasted space").
 */
export function mergedRows(layers: ReadonlyArray<readonly Entry[]>): { rows: FileRow[]; wasted: number; wastedFiles: FileListing['wastedFiles'] } {
  const from = new Map<string, { layer: number; entry: Entry }>();
  const hidden = new Map<string, Hidden[]>();
  const hide = (path: string, layer: number, bytes: number) => {
    const list = hidden.get(path) ?? [];
    list.push({ layer, bytes });
    hidden.set(path, list);
  };
  const drop = (prefix: string, keepSelf: boolean) => {
    for (const [p, v] of from) {
      if (p === prefix ? keepSelf : !(prefix === '' || p.startsWith(prefix + '/'))) continue;
      if (v.entry.type === 'file') hide(p, v.layer, v.entry.size);
      from.delete(p);
    }
  };
  layers.forEach((layer, i) => {
    // Whiteouts first, as applyLayer does: they hide lower entries only.
    for (const e of layer) {
      if (!isWhiteout(e)) continue;
      const target = whiteoutTarget(e)!;
      drop(target, baseName(e.path) === '.wh..wh..opq');
    }
    for (const e of layer) {
      if (isWhiteout(e)) continue;
      const old = from.get(e.path);
      if (old && old.entry.type === 'file') hide(e.path, old.layer, old.entry.size);
      if (old && old.entry.type === 'dir' && e.type !== 'dir') drop(e.path, true);
      from.set(e.path, { layer: i, entry: e });
    }
  });
  // The visible set is the engine's own merge; provenance comes from the walk above.
  const tree = mergeLayers(layers);
  const rows: FileRow[] = [];
  for (const e of tree.walk()) {
    const row = rowOf(e);
    row.from = from.get(e.path)?.layer ?? 0;
    const h = hidden.get(e.path);
    if (h) row.hiddenIn = h.map((x) => x.layer);
    rows.push(row);
  }
  let wasted = 0;
  const wastedFiles: FileListing['wastedFiles'] = [];
  for (const [path, list] of hidden) {
    const bytes = list.reduce((n, x) => n + x.bytes, 0);
    if (bytes === 0) continue;
    wasted += bytes;
    wastedFiles.push({ path, bytes, layers: list.map((x) => x.layer) });
  }
  wastedFiles.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  return { rows, wasted, wastedFiles };
}

/** An image's or a container's merged filesystem (a container's writable layer on top, last). */
export async function mergedListing(loader: RootfsLoader, state: EngineState, target: Extract<ExploreTarget, { kind: 'image' | 'container' }>): Promise<FileListing> {
  const { diffIds, upper, title } = await stackOf(loader, state, target);
  const chain = chainIds(diffIds);
  const layers: Entry[][] = [];
  for (const c of chain) layers.push(await loader.layerEntries(state, c));
  if (upper) layers.push(upper.toLayerEntries());
  const layerNames = chain.map((c, i) => `${i + 1}: ${historyOf(state, c) || short(diffIds[i]!)}`);
  if (upper) layerNames.push(`${chain.length + 1}: writable layer`);
  const merged = mergedRows(layers);
  return cut({ target, title, layerNames, rows: merged.rows, total: merged.rows.length, wasted: merged.wasted, wastedText: humanSizeWithPrecision(merged.wasted, 3), wastedFiles: merged.wastedFiles.slice(0, 50) });
}

/** A file's first bytes as text: from one layer's tar, or through the filesystem a container (or `docker run` of an image) reads. */
export async function readFileText(loader: RootfsLoader, state: EngineState, target: ExploreTarget, path: string): Promise<FileText> {
  const rel = path.replace(/^\/+/, '');
  let bytes: Uint8Array;
  let size: number;
  if (target.kind === 'layer') {
    const entries = await loader.layerEntries(state, target.chainId);
    let e = entries.find((x) => x.path === rel && !isWhiteout(x));
    if (e?.type === 'hardlink') e = entries.find((x) => x.path === e!.linkname);
    if (!e || e.type !== 'file') throw new EngineError('NotFound', `${path}: not a file in this layer`);
    size = e.size;
    bytes = contentBytes(e).subarray(0, TEXT_LIMIT);
  } else {
    const fs = await filesystemOf(loader, state, target);
    const abs = '/' + rel;
    size = (await fs.stat(abs)).size;
    bytes = await fs.readFilePrefix(abs, TEXT_LIMIT);
  }
  const binary = !looksText(bytes);
  return { path: '/' + rel, size, text: binary ? '' : new TextDecoder().decode(bytes), truncated: size > TEXT_LIMIT, binary };
}

/**
 * The filesystem a container's processes read (without the runtime's bind
 * mounts), or the one `docker run IMAGE` would start with: the service's own
 * construction (engine/containers/service.ts).
 */
async function filesystemOf(loader: RootfsLoader, state: EngineState, target: Extract<ExploreTarget, { kind: 'image' | 'container' }>): Promise<OverlayFs> {
  const { diffIds, upper, created } = await stackOf(loader, state, target);
  const image = await loader.chainTree(state, diffIds);
  return new OverlayFs(new StackedView(initLayer(image, Math.floor(created / 1000)), image), upper ?? new UpperLayer(), () => created / 1000);
}

async function stackOf(loader: RootfsLoader, state: EngineState, target: Extract<ExploreTarget, { kind: 'image' | 'container' }>): Promise<{ diffIds: readonly string[]; upper?: UpperLayer; title: string; created: number }> {
  if (target.kind === 'image') {
    const img = state.images.get(target.id);
    if (!img) throw new EngineError('NotFound', `No such image: ${target.id}`);
    return { diffIds: img.config.rootfs.diff_ids, title: `Image ${short(img.id)}`, created: 0 };
  }
  const c = state.containers.get(target.id) as Container | undefined;
  if (!c) throw new EngineError('NotFound', `No such container: ${target.id}`);
  const diffIds = (c.imageLayers as string[] | undefined) ?? state.images.get(c.imageId)?.config.rootfs.diff_ids ?? [];
  return { diffIds, upper: await loader.upper(c), title: `Container ${c.name}`, created: c.created };
}

/** The `created_by` of the history entry that made a layer, from the first image that has it. */
function historyOf(state: EngineState, chainId: string): string {
  for (const img of state.images.values()) {
    const i = chainIds(img.config.rootfs.diff_ids).indexOf(chainId);
    if (i < 0) continue;
    const made = (img.config.history ?? []).filter((h) => !h.empty_layer)[i];
    if (made?.created_by) return made.created_by;
  }
  return '';
}

function cut(listing: FileListing): FileListing {
  if (listing.rows.length > ROW_LIMIT) listing.rows = listing.rows.slice(0, ROW_LIMIT);
  return listing;
}

