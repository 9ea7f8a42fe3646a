/**
 * Layer identity and sizes, computed from exactly the bytes `docker save` would stream.
 */
import { Sha256Stream } from '../digest.ts';
import type { Entry } from './entry.ts';
import { tarChunks } from './tar-write.ts';

/** What the engine records about a layer. */
export interface LayerDescription {
  /** `sha256:<hex>` of the uncompressed tar = DiffID. */
  diffId: string;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
  /** Docker's layer size in the classic overlay2 store (see `layerSize`). */
  size: number;
}

/**
 * Docker's size of a layer in the classic store: overlay2's DiffSize walks the layer's
 * diff directory and adds up regular files' sizes, counting each hardlinked inode once
 * (moby daemon/graphdriver/overlay2 → directory.Size). Directories, symlinks and
 * whiteouts (0-byte files / char devices on disk) add nothing. hello-world's single
 * 10072-byte /hello gives 10072 → "10.1kB".
 */
export function layerSize(entries: Iterable<Entry>): number {
  let n = 0;
  for (const e of entries) if (e.type === 'file') n += e.size;
  return n;
}

/** DiffID, tar size and Docker size of a layer, hashing its tar as it streams. */
export function describeLayer(entries: readonly Entry[]): LayerDescription {
  const h = new Sha256Stream();
  for (const chunk of tarChunks(entries)) h.update(chunk);
  return { diffId: h.digest(), tarSize: h.length, size: layerSize(entries) };
}
