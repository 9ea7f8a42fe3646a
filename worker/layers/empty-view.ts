/**
 * The view of a lab with nothing in it, in a module of its own: the page asks
 * for the view as it opens, and an empty lab must not load the engine code
 * the model is computed with (design.md §9).
 */
import type { LayerViewModel } from './types.ts';

/** The view of a lab without images or containers. */
export function emptyView(): LayerViewModel {
  return { layers: {}, roots: [], images: {}, shown: [], layerless: [], containers: {}, containersOn: {}, sharing: { imagesSize: 0, layersSize: 0, saved: 0, imagesText: '0B', layersText: '0B', savedText: '0B' } };
}
