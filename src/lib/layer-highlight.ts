/**
 * What a lesson can point at in the layer view, and which images, layers and
 * containers of the view's model that names. Pure, so tests reach it without
 * a DOM; the page's state is in layer-view.svelte.ts.
 *
 * Lessons call `highlight()` from there, e.g.
 *   highlight({ shared: ['alpine', 'hello:v0.1'] })   // "the layer alpine and hello share"
 *   highlight({ image: 'hello:v0.2' })
 *   highlight({ layer: 2, of: 'hello:v0.1' })          // its third layer, 0 = base
 *   highlight({ layer: 'sha256:5f70bf18…' })           // by DiffID or ChainID, a prefix will do
 *   highlight({ container: 'c1' })                     // by name or ID prefix
 *   highlight(null)                                    // clear
 */
import type { LayerViewModel } from '../../worker/layers/types.ts';
import type { LayerPointer } from '../../worker/api.ts';

/** Something in the layer view a lesson can point at (a page's `layers:` frontmatter). */
export type HighlightTarget = LayerPointer;

/** What a target names in one model: IDs of images, ChainIDs of layers, IDs of containers. */
export interface Highlighted {
  images: Set<string>;
  layers: Set<string>;
  containers: Set<string>;
}

/** `alpine` → `alpine:latest`, `docker.io/library/x:1` → `x:1`, as `docker images` names tags. */
function familiar(ref: string): string {
  let r = ref.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
  if (!r.includes('@') && !/:[^/]+$/.test(r)) r += ':latest';
  return r;
}

const hex = (id: string): string => id.replace(/^sha256:/, '');

/** The image a reference, tag or ID (prefix of at least 4 hex digits) names; undefined when none. */
export function findImage(model: LayerViewModel, ref: string): string | undefined {
  const want = familiar(ref);
  for (const img of Object.values(model.images)) if (img.tags.includes(want) || img.digests.includes(ref)) return img.id;
  if (/^(sha256:)?[0-9a-f]{4,64}$/.test(ref)) return Object.keys(model.images).find((id) => hex(id).startsWith(hex(ref)));
  return undefined;
}

/** Resolves a target against a model; parts that name nothing are left out. */
export function resolveHighlight(model: LayerViewModel, target: HighlightTarget): Highlighted {
  const out: Highlighted = { images: new Set(), layers: new Set(), containers: new Set() };
  if ('image' in target) {
    const id = findImage(model, target.image);
    if (id) out.images.add(id);
  } else if ('of' in target) {
    const id = findImage(model, target.of);
    const chain = id ? model.images[id]!.layers[target.layer] : undefined;
    if (chain) out.layers.add(chain);
  } else if ('layer' in target) {
    const want = hex(target.layer);
    for (const n of Object.values(model.layers)) if (want.length >= 4 && (hex(n.chainId).startsWith(want) || hex(n.diffId).startsWith(want))) out.layers.add(n.chainId);
  } else if ('container' in target) {
    for (const c of Object.values(model.containers)) if (c.name === target.container || (target.container.length >= 4 && c.id.startsWith(target.container))) out.containers.add(c.id);
  } else {
    const ids = target.shared.map((r) => findImage(model, r));
    if (ids.length > 0 && ids.every((id) => id !== undefined)) {
      const [first, ...rest] = ids.map((id) => model.images[id!]!.layers);
      for (const c of first!) if (rest.every((l) => l.includes(c))) out.layers.add(c);
      for (const id of ids) out.images.add(id!);
    }
  }
  return out;
}
