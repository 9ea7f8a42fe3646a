/**
 * `GET /images/json`, as moby daemon/images/images.go `Images` computes it
 * for the classic store: filters, dangling heads, `<none>` intermediate
 * images only with `all`, RepoTags/RepoDigests in familiar form, newest first.
 */
import type { ImageListOptions, ImageSummary } from '../api-types.ts';
import { boolFilter, matchLabels, parseTimestamp, pathMatch, validateFilters } from '../filters.ts';
import { familiarName, familiarString, parseStored, type Reference } from '../reference.ts';
import type { EngineState } from '../state.ts';
import { getImage } from './lookup.ts';
import { createdSeconds, imageSize } from './size.ts';

// Recorded (Engine 26): `label!` is a prune filter only; the listing rejects it.
const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference', 'until'] as const;

/** Lists images as the Engine API does. */
export function listImages(state: EngineState, opts: ImageListOptions, nowMs: number): ImageSummary[] {
  const filters = opts.filters ?? {};
  validateFilters(filters, ACCEPTED);
  const danglingOnly = boolFilter(filters, 'dangling', false);
  const createdMs = (created: string | undefined) => (created ? Date.parse(created) : NaN);
  // Several before/since values resolve to the oldest/newest image (ANDed).
  let before = Infinity;
  for (const v of filters.before ?? []) before = Math.min(before, createdMs(getImage(state, v).image.config.created));
  let since = -Infinity;
  for (const v of filters.since ?? []) since = Math.max(since, createdMs(getImage(state, v).image.config.created));
  let until = Infinity;
  for (const v of filters.until ?? []) until = Math.min(until, parseTimestamp(v, nowMs));
  const patterns = filters.reference;

  // One pass over refs, parents and containers instead of one per image (500 images in < 20 ms, design.md §9).
  const refsById = new Map<string, Reference[]>();
  for (const [r, id] of [...state.refs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = refsById.get(id) ?? [];
    list.push(parseStored(r));
    refsById.set(id, list);
  }
  const childCount = new Map<string, number>();
  for (const img of state.images.values()) if (img.parent) childCount.set(img.parent, (childCount.get(img.parent) ?? 0) + 1);
  const containerCount = new Map<string, number>();
  for (const c of state.containers.values()) containerCount.set(c.imageId, (containerCount.get(c.imageId) ?? 0) + 1);

  const rows: ImageSummary[] = [];
  for (const image of state.images.values()) {
    const children = childCount.get(image.id) ?? 0;
    if (danglingOnly && children > 0) continue; // imageStore.Heads()
    const created = createdMs(image.config.created);
    if (before !== Infinity && !(created < before)) continue;
    if (since !== -Infinity && !(created > since)) continue;
    if (until !== Infinity && !(created <= until)) continue;
    const labels = image.config.config?.Labels ?? null;
    if (filters.label && !matchLabels(filters.label, labels)) continue;

    const repoTags: string[] = [];
    const repoDigests: string[] = [];
    for (const ref of refsById.get(image.id) ?? []) {
      if (patterns && !patterns.some((p) => pathMatch(p, familiarString(ref)) || pathMatch(p, familiarName(ref)))) continue;
      if (ref.digest !== undefined) repoDigests.push(familiarString(ref));
      if (ref.tag !== undefined) repoTags.push(familiarString(ref));
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (!(opts.all || children === 0)) continue;
      if (filters.dangling && !danglingOnly) continue;
      if (patterns) continue;
    } else if (danglingOnly && repoTags.length > 0) continue;

    rows.push({
      Containers: containerCount.get(image.id) ?? 0,
      Created: createdSeconds(image.config.created),
      Id: image.id,
      Labels: labels,
      ParentId: image.parent,
      RepoDigests: repoDigests,
      RepoTags: repoTags,
      SharedSize: -1,
      Size: imageSize(state, image),
    });
  }
  // Newest first; ties broken by ID so the order is stable (Docker's is map order).
  return rows.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
}
