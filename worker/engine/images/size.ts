/**
 * Sizes as the classic overlay2 store reports them: an image's Size is the
 * sum of its layers' DiffSizes (bytes of regular files), a layer counted once
 * per image.
 */
import type { EngineState, ImageRecord } from '../state.ts';
import { chainIds } from './chain.ts';

// An image's layers never change while it exists, so its size is computed once per config object.
const sizeMemo = new WeakMap<object, number>();

/** The image's Size: sum of the DiffSizes of its layer chain. */
export function imageSize(state: Pick<EngineState, 'layers'>, image: ImageRecord): number {
  const hit = sizeMemo.get(image.config);
  if (hit !== undefined) return hit;
  let total = 0;
  let complete = true;
  for (const chainId of chainIds(image.config.rootfs.diff_ids)) {
    const layer = state.layers.get(chainId);
    if (layer) total += layer.size;
    else complete = false;
  }
  if (complete) sizeMemo.set(image.config, total);
  return total;
}

/** Unix seconds of an image's `created`, 0 when absent (as moby's Summary.Created). */
export function createdSeconds(created: string | undefined): number {
  if (!created) return 0;
  const ms = Date.parse(created);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
