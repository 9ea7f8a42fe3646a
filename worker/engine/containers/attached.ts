/**
 * The store's record of the container terminal the page is attached to
 * (meta `attached`): which container, and for a `docker exec -it` shell how
 * to start it again and the state of its shells. It is written in the same
 * batch as the container's writable layer after every line, so a reload
 * finds the terminal, the files and the shell's state of one moment.
 * The `run -it` shell's own state lives in its container record
 * (`Container.shell`), since it outlives a detach (Ctrl-P Ctrl-Q).
 */
import type { Draft } from '../state.ts';
import type { ShellState } from './runtime.ts';

/** The meta key. */
export const ATTACHED = 'attached';

/** The `docker exec` options of an attached exec shell. */
export type ExecAgain = { cmd: string[]; env: string[]; workdir: string; user: string };

/** What the page's terminal is attached to. */
export type AttachedRecord = {
  container: string;
  /** The container's name when attached (to name it in a note if it is gone). */
  name: string;
  /** Present for a `docker exec -it` shell (absent: the container's main process). */
  exec?: ExecAgain & { shell: ShellState | null };
};

/** The attached record of a state, if any. */
export function attachedOf(state: { meta: ReadonlyMap<string, unknown> }): AttachedRecord | undefined {
  return state.meta.get(ATTACHED) as AttachedRecord | undefined;
}

/** Ends the attachment to container `id` in a draft (the container stopped or was removed). */
export function detachFrom(draft: Draft, id: string): void {
  if (attachedOf(draft)?.container === id) draft.meta.delete(ATTACHED);
}
