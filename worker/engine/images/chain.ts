/**
 * Layer ChainIDs (OCI image-spec config.md): ChainID(L0) = DiffID(L0),
 * ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). The classic store
 * keys its layers by ChainID, which is why `docker rmi` prints one
 * `Deleted: sha256:<chainid>` per released layer.
 */
import { digestOf } from '../digest.ts';
import { encodeUtf8 } from '../layer/utf8.ts';



/** The ChainIDs of a stack of DiffIDs, bottom first. */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? diffId : digestOf(encodeUtf8(`${prev} ${diffId}`)));
  }
  return out;
}
