/**
 * `GET /images/{name}/history` as moby daemon/images/image_history.go builds
 * it: one row per history entry, newest first, sizes from the layer of each
 * non-empty entry, and IDs only along the local Parent chain (`<missing>`
 * elsewhere, which is every row below the top of a pulled or BuildKit image).
 */
import type { HistoryItem } from '../api-types.ts';
import { familiarString, parseStored } from '../reference.ts';
import type { EngineState, ImageRecord } from '../state.ts';
import { chainIds } from './chain.ts';
import { referencesTo } from './lookup.ts';
import { createdSeconds } from './size.ts';

/** The history rows of an image. */
export function imageHistory(state: EngineState, image: ImageRecord): HistoryItem[] {
  const chain = chainIds(image.config.rootfs.diff_ids);
  const rows: HistoryItem[] = [];
  let layer = 0;
  for (const h of image.config.history ?? []) {
    let size = 0;
    if (!h.empty_layer) {
      const chainId = chain[layer++];
      size = chainId !== undefined ? (state.layers.get(chainId)?.size ?? 0) : 0;
    }
    rows.unshift({
      Comment: h.comment ?? '',
      Created: createdSeconds(h.created),
      CreatedBy: h.created_by ?? '',
      Id: '<missing>',
      Size: size,
      Tags: null,
    });
  }
  let current: ImageRecord | undefined = image;
  for (const row of rows) {
    if (!current) break;
    row.Id = current.id;
    const tags = referencesTo(state, current.id)
      .map(parseStored)
      .filter((r) => r.tag !== undefined)
      .map(familiarString);
    row.Tags = tags.length > 0 ? tags : null;
    current = current.parent ? state.images.get(current.parent) : undefined;
  }
  return rows;
}
