/**
 * Image lookup as moby's `ImageService.GetImage` does it: a full ID, then a
 * reference in the reference store (with `latest` added), then a unique
 * prefix of an image ID; otherwise `No such image: <familiar ref>`.
 */
import { EngineError, noSuchImage } from '../errors.ts';
import {
  familiarString,
  parseAnyReference,
  referenceString,
  withDefaultTag,
  type Reference,
} from '../reference.ts';
import type { EngineState, ImageRecord } from '../state.ts';

/** What a lookup found: the image and, when a name was used, the parsed reference. */
export interface Found {
  image: ImageRecord;
  ref?: Reference;
}

/** Finds an image by ID, ID prefix or reference; throws Docker's errors. */
export function getImage(state: Pick<EngineState, 'images' | 'refs'>, refOrId: string): Found {
  const parsed: Reference | { id: string } = parseAnyReference(refOrId);
  if ('id' in parsed) {
    const image = state.images.get(parsed.id);
    if (image) return { image };
    throw noSuchImage(refOrId);
  }
  const key = referenceString(withDefaultTag(parsed));
  const id = state.refs.get(key) ?? (parsed.tag !== undefined && parsed.digest !== undefined
    ? state.refs.get(referenceString({ ...parsed, tag: undefined }))
    : undefined);
  if (id !== undefined) {
    const image = state.images.get(id);
    if (image) return { image, ref: parsed };
  }
  const byPrefix = searchId(state, refOrId);
  if (byPrefix) return { image: byPrefix };
  throw noSuchImage(familiarString(withDefaultTag(parsed)));
}

/** digestset lookup: a unique hex prefix of an image ID (with or without `sha256:`). */
function searchId(state: Pick<EngineState, 'images'>, term: string): ImageRecord | undefined {
  const hex = term.startsWith('sha256:') ? term.slice(7) : term;
  if (!/^[a-f0-9]+$/.test(hex)) return undefined;
  let found: ImageRecord | undefined;
  for (const [id, image] of state.images) {
    if (id.slice(7).startsWith(hex)) {
      if (found) return undefined; // ambiguous: Docker treats it as not found
      found = image;
    }
  }
  return found;
}

/** The reference strings that point at an image, in the store's order. */
export function referencesTo(state: Pick<EngineState, 'refs'>, imageId: string): string[] {
  const out: string[] = [];
  for (const [ref, id] of state.refs) if (id === imageId) out.push(ref);
  return out.sort();
}

/** Images whose parent is the given image (legacy builder chains). */
export function childrenOf(state: Pick<EngineState, 'images'>, imageId: string): ImageRecord[] {
  return [...state.images.values()].filter((img) => img.parent === imageId);
}
