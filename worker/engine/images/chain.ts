/**
 * Layer ChainIDs (OCI image-spec config.md): ChainID(L0) = DiffID(L0),
 * ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). The classic store
 * keys its layers by ChainID, which is why `docker rmi` prints one
 * `Deleted: sha256:<chainid>` per released layer.
 */
import { digestOf } from '../digest.ts';
import { encodeUtf8 } from '../layer/utf8.ts';



// Image configs are immutable, so their diff_ids arrays can key a cache: the
// listings hash every layer of every image otherwise (design.md §9 scale).
const memo = new WeakMap<readonly string[], string[]>();

/** The ChainIDs of a stack of DiffIDs, bottom first. Do not mutate the result. */
export function chainIds(diffIds: readonly string[]): string[] {
  const hit = memo.get(diffIds);
  if (hit) return hit;
  const out: string[] = [];
  for (const diffId of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? diffId : digestOf(encodeUtf8(`${prev} ${diffId}`)));
  }
  memo.set(diffIds, out);
  return out;
}
