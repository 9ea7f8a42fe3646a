/**
 * The layer view model (design.md §11): plain data derived from engine state,
 * computed in the worker after each change and only drawn by the page.
 *
 * Every figure comes from the engine's own code: ChainIDs from images/chain.ts
 * (so "shared" means what the classic store shares), SIZE / SHARED SIZE /
 * UNIQUE SIZE from system-df.ts (`docker system df -v`), container changes
 * from the code `docker diff` runs (given in as `changes`, computed by
 * container-changes.ts), cache hits from the builder's record (last-build.ts).
 * This module is synchronous and pure, so a state change costs one pass over
 * images and containers (bench/layer-view.ts).
 */
import type { EngineState, ImageRecord } from '../engine/state.ts';
import { chainIds } from '../engine/images/chain.ts';
import { imageSize } from '../engine/images/size.ts';
import { getImage } from '../engine/images/lookup.ts';
import { familiarString, parseStored } from '../engine/reference.ts';
import { diskUsage } from '../engine/system-df.ts';
import { lastBuildOf, type LastBuild } from '../engine/builder/last-build.ts';
import type { Container } from '../engine/containers/record.ts';
import { humanSizeWithPrecision } from '../common/go-units.ts';
import { instructionLabel } from './labels.ts';
import type { BuildStepView, BuildView, ChangeView, ContainerView, HistoryNote, ImageView, LayerNode, LayerViewModel } from './types.ts';

/** Sizes as `docker history` and `docker system df -v` print them (go-units, precision 3). */
const human = (n: number): string => humanSizeWithPrecision(n, 3);
const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** Images oldest first, ties by ID: the order stacks are drawn, stable across changes. */
function byAge(a: ImageRecord, b: ImageRecord): number {
  const x = a.config.created ?? '';
  const y = b.config.created ?? '';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The view of `state`. `changes` holds each container's `docker diff`
 * (by container ID; a container missing from it shows no changes yet).
 */
export function layerViewModel(state: EngineState, changes: ReadonlyMap<string, ChangeView[]>, nowMs: number): LayerViewModel {
  const layers: Record<string, LayerNode> = {};
  const roots: string[] = [];
  const node = (chainId: string, diffId: string, parent: string, depth: number): LayerNode => {
    let n = layers[chainId];
    if (!n) {
      const rec = state.layers.get(chainId);
      const size = rec?.size ?? 0;
      n = { chainId, diffId, size, sizeText: human(size), createdBy: '', label: '', created: '', comment: '', parent, depth, children: [], notes: [], usedBy: [], shownBy: [], caps: [], intermediates: [] };
      layers[chainId] = n;
      if (parent === '') roots.push(chainId);
      else layers[parent]!.children.push(chainId);
    }
    return n;
  };

  // Tags and digests per image, and which images are parents (moby: intermediate = untagged with children).
  const refsById = new Map<string, { tags: string[]; digests: string[] }>();
  for (const [r, id] of state.refs) {
    const ref = parseStored(r);
    const e = refsById.get(id) ?? { tags: [], digests: [] };
    (ref.digest !== undefined ? e.digests : e.tags).push(familiarString(ref));
    refsById.set(id, e);
  }
  const hasChildren = new Set<string>();
  for (const img of state.images.values()) if (img.parent) hasChildren.add(img.parent);
  const df = new Map(diskUsage(state, nowMs).images.map((i) => [i.id, i]));

  const images: Record<string, ImageView> = {};
  const shown: string[] = [];
  const layerless: string[] = [];
  for (const img of [...state.images.values()].sort(byAge)) {
    const chain = chainIds(img.config.rootfs.diff_ids);
    const diffIds = img.config.rootfs.diff_ids;
    // History entries pair with layers in order; empty ones become notes on the next layer (or the image).
    let pending: HistoryNote[] = [];
    let li = 0;
    for (const h of img.config.history ?? []) {
      const note = { createdBy: h.created_by ?? '', label: instructionLabel(h.created_by ?? ''), created: h.created ?? '', comment: h.comment ?? '' };
      if (h.empty_layer) {
        pending.push(note);
        continue;
      }
      if (li >= chain.length) break;
      const n = node(chain[li]!, diffIds[li]!, li === 0 ? '' : chain[li - 1]!, li);
      if (n.usedBy.length === 0) Object.assign(n, { createdBy: note.createdBy, label: note.label, created: note.created, comment: note.comment, notes: pending });
      pending = [];
      li++;
    }
    // Layers the history does not describe (a hand-made config) are drawn without an instruction.
    for (; li < chain.length; li++) node(chain[li]!, diffIds[li]!, li === 0 ? '' : chain[li - 1]!, li);
    for (const c of chain) layers[c]!.usedBy.push(img.id);

    const refs = refsById.get(img.id) ?? { tags: [], digests: [] };
    const untagged = refs.tags.length === 0 && refs.digests.length === 0;
    const intermediate = untagged && hasChildren.has(img.id);
    const usage = df.get(img.id);
    const size = usage?.size ?? imageSize(state, img);
    const sharedSize = usage?.sharedSize ?? 0;
    const top = chain[chain.length - 1] ?? '';
    images[img.id] = {
      id: img.id,
      shortId: short(img.id),
      tags: refs.tags.sort(),
      digests: refs.digests.sort(),
      dangling: untagged && !intermediate,
      intermediate,
      parent: img.parent,
      layers: chain,
      top,
      created: img.config.created ?? '',
      size,
      sharedSize,
      uniqueSize: size - sharedSize,
      sizeText: human(size),
      sharedText: human(sharedSize),
      uniqueText: human(size - sharedSize),
      notes: pending,
      containers: [],
      moved: [],
      lastBuilt: false,
    };
    if (top === '') layerless.push(img.id);
    else if (intermediate) layers[top]!.intermediates.push(img.id);
    else layers[top]!.caps.push(img.id);
    if (!intermediate) {
      shown.push(img.id);
      for (const c of chain) layers[c]!.shownBy.push(img.id);
    }
  }

  const containers: Record<string, ContainerView> = {};
  const containersOn: Record<string, string[]> = {};
  const byCreated = [...state.containers.values()].map((r) => r as Container).sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  for (const c of byCreated) {
    const diffIds = (c.imageLayers as string[] | undefined) ?? state.images.get(c.imageId)?.config.rootfs.diff_ids ?? [];
    const chain = chainIds(diffIds);
    // A force-removed image leaves its layers under its containers: draw them without history.
    chain.forEach((id, i) => node(id, diffIds[i]!, i === 0 ? '' : chain[i - 1]!, i));
    const top = chain[chain.length - 1] ?? '';
    (containersOn[top] ??= []).push(c.id);
    images[c.imageId]?.containers.push(c.id);
    const list = changes.get(c.id) ?? [];
    const counts = { A: 0, C: 0, D: 0 };
    for (const ch of list) counts[ch.kind]++;
    containers[c.id] = {
      id: c.id,
      shortId: short(c.id),
      name: c.name,
      imageId: c.imageId,
      image: psImageName(state, c),
      state: c.status,
      exitCode: c.exitCode,
      top,
      sizeRw: Number(c.sizeRw ?? 0),
      sizeRwText: human(Number(c.sizeRw ?? 0)),
      changes: list,
      counts,
    };
  }

  const last = lastBuildOf(state);
  const lastBuild = last ? buildView(last, state, layers, images) : undefined;

  // What sharing saves: the shown images' sizes summed, against their layers each counted once.
  let imagesSize = 0;
  const counted = new Set<string>();
  let layersSize = 0;
  for (const id of shown) {
    const img = images[id]!;
    imagesSize += img.size;
    for (const c of img.layers) {
      if (counted.has(c)) continue;
      counted.add(c);
      layersSize += layers[c]!.size;
    }
  }
  return { layers, roots, images, shown, layerless, containers, containersOn, ...(lastBuild ? { lastBuild } : {}), sharing: { imagesSize, layersSize, saved: imagesSize - layersSize, imagesText: human(imagesSize), layersText: human(layersSize), savedText: human(imagesSize - layersSize) } };
}

/** The IMAGE column of `docker ps`: the name it was run with while that still names its image, else the ID. */
function psImageName(state: EngineState, c: Container): string {
  try {
    if (getImage(state, c.config.Image).image.id === c.imageId) return c.config.Image;
  } catch {
    // The name is gone: moby shows the image ID.
  }
  return short(c.imageId);
}

/**
 * The last build, its steps tied to the layers they produced: the layer
 * steps of the target stage are the built image's top layers, in order.
 */
function buildView(last: LastBuild, state: EngineState, layers: Record<string, LayerNode>, images: Record<string, ImageView>): BuildView {
  const built = images[last.imageId];
  const finalStage = last.steps[last.steps.length - 1]?.stage ?? 0;
  const layerSteps = last.steps.filter((s) => s.stage === finalStage && s.diffId !== '');
  const chainOf = new Map<(typeof last.steps)[number], string>();
  if (built) {
    const start = built.layers.length - layerSteps.length;
    layerSteps.forEach((s, i) => {
      const c = built.layers[start + i];
      if (c === undefined || layers[c]?.diffId !== s.diffId) return;
      chainOf.set(s, c);
      layers[c]!.build = s.cached ? 'cached' : 'built';
    });
    built.lastBuilt = true;
  }
  const steps: BuildStepView[] = last.steps.map((s) => ({ stage: s.stage, stageName: s.stageName, instruction: s.instruction, cached: s.cached, chainId: chainOf.get(s) ?? '' }));
  const tags = last.tags.map((t) => ({ tag: familiarString(parseStored(t.ref)), from: t.previous }));
  // A tag the build moved from another image, while it still names the built one.
  if (built) for (const t of last.tags) if (t.previous && t.previous !== last.imageId && state.refs.get(t.ref) === last.imageId) built.moved.push({ tag: familiarString(parseStored(t.ref)), from: t.previous });
  return { builder: last.builder, imageId: last.imageId, ok: last.ok, steps, firstMiss: steps.findIndex((s) => !s.cached), tags };
}
