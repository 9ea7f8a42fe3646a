/**
 * `POST /images/prune`, after moby daemon/images/image_prune.go: dangling
 * heads by default, every unused image with `dangling=false` (`-a`); images
 * that fail to delete (in use) are skipped; SpaceReclaimed sums the released
 * layers' sizes.
 */
import type { DeleteItem, Filters, ImagesPruneReport } from '../api-types.ts';
import { isEngineError } from '../errors.ts';
import { boolFilter, matchLabels, parseTimestamp, validateFilters } from '../filters.ts';
import { parseStored } from '../reference.ts';
import type { Draft } from '../state.ts';
import { childrenOf, referencesTo } from './lookup.ts';
import { removeImage } from './remove.ts';

const ACCEPTED = ['dangling', 'label', 'label!', 'until'] as const;

/** Prunes images in the draft. */
export function pruneImages(draft: Draft, filters: Filters, nowMs: number): ImagesPruneReport {
  validateFilters(filters, ACCEPTED);
  const danglingOnly = boolFilter(filters, 'dangling', true);
  let until = Infinity;
  for (const v of filters.until ?? []) until = Math.min(until, parseTimestamp(v, nowMs));
  const layersBefore = new Map(draft.layers);

  const candidates = [...draft.images.values()]
    .filter((img) => !danglingOnly || childrenOf(draft, img.id).length === 0)
    .filter((img) => !(referencesTo(draft, img.id).length === 0 && childrenOf(draft, img.id).length > 0))
    .filter((img) => until === Infinity || Date.parse(img.config.created ?? '') <= until)
    .filter((img) => matchLabels(filters.label, img.config.config?.Labels))
    .filter((img) => !(filters['label!']?.length && matchLabels(filters['label!'], img.config.config?.Labels)))
    // Newest first, for a stable order (Docker iterates a map).
    .sort((a, b) => Date.parse(b.config.created ?? '') - Date.parse(a.config.created ?? '') || (a.id < b.id ? -1 : 1));

  const deleted: DeleteItem[] = [];
  for (const img of candidates) {
    if (!draft.images.has(img.id)) continue;
    const refs = referencesTo(draft, img.id);
    const attempt = (name: string) => {
      try {
        deleted.push(...removeImage(draft, name, false, true));
      } catch (err) {
        if (!isEngineError(err)) throw err; // conflicts and not-found are skipped, as moby logs and continues
      }
    };
    if (refs.length > 0) {
      const hasTag = refs.some((r) => parseStored(r).tag !== undefined);
      if (!danglingOnly || !hasTag) for (const r of refs) attempt(r);
    } else attempt(img.id.slice(7));
  }
  let reclaimed = 0;
  for (const d of deleted) if ('Deleted' in d) reclaimed += layersBefore.get(d.Deleted)?.size ?? 0;
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}
