/**
 * `docker pause` / `docker unpause` (docker/cli cli/command/container/
 * {pause,unpause}.go): each container in turn, echoed on success, the
 * daemon's errors collected (exit 1).
 */
import type { CommandContext } from '../context.ts';
import { forEachContainer } from './errors.ts';

/** Runs `docker pause`. */
export async function pause(ctx: CommandContext): Promise<number> {
  return forEachContainer(ctx, (ref) => ctx.engine.containerPause(ref));
}

/** Runs `docker unpause`. */
export async function unpause(ctx: CommandContext): Promise<number> {
  return forEachContainer(ctx, (ref) => ctx.engine.containerUnpause(ref));
}
