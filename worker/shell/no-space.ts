/**
 * What the learner reads when the browser's storage quota refuses a line's
 * files: how full the storage is, that the line's changes were undone (so
 * what `ls` shows is what is stored), and the commands that free space.
 */
import type { StoreFullError } from '../store/store.ts';
import { humanSize } from '../cli/format/units.ts';

/**
 * The message for a line whose home changes did not fit, newline-terminated.
 * Sizes are in `docker system df`'s units (go-units HumanSize), so the
 * figures compare with what that command lists.
 */
export function noSpaceMessage(error: StoreFullError): string {
  const f = error.figures;
  const figures = f === undefined ? '' : f.quota === undefined ? ` (${humanSize(f.usage)} used)` : ` (${humanSize(f.usage)} of ${humanSize(f.quota)} used)`;
  return (
    `layerlab: no space left on device${figures}, so this line's changes to your files were undone. ` +
    'Free space with rm, docker image prune or docker system prune; docker system df shows what images use.\n'
  );
}
