/**
 * What the learner reads when the browser's storage quota refuses a line's
 * files: how full the storage is, that the line's changes were undone (so
 * what `ls` shows is what is stored), and the commands that free space.
 */
import type { StoreFullError } from '../store/store.ts';
import { humanSize } from '../common/go-units.ts';

/**
 * The message for a line whose home changes did not fit, newline-terminated.
 * Sizes are in `docker system df`'s units (go-units HumanSize), so the
 * figures compare with what that command lists.
 */
export function noSpaceMessage(error: StoreFullError): string {
  return `layerlab: no space left on device${figures(error)}, so this line's changes to your files were undone. ${HOW_TO_FREE}`;
}

/**
 * The line after the daemon's own error (`Error response from daemon: no
 * space left on device`) when the engine's write did not fit: Docker stops
 * at its message, the lab adds how full it is and what frees space.
 */
export function engineNoSpaceMessage(error: StoreFullError): string {
  return `layerlab: the lab's storage is full${figures(error)}. ${HOW_TO_FREE}`;
}

const HOW_TO_FREE = 'Free space with rm, docker image prune or docker system prune; docker system df shows what images use.\n';

function figures(error: StoreFullError): string {
  const f = error.figures;
  if (f === undefined) return '';
  return f.quota === undefined ? ` (${humanSize(f.usage)} used)` : ` (${humanSize(f.usage)} of ${humanSize(f.quota)} used)`;
}
