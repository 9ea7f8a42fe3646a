/**
 * `docker pause` / `docker unpause` (docker/cli cli/command/container/
 * {pause,unpause}.go): each container in turn, echoed on success, the
 * daemon's errors collected (exit 1).
 */
import type { CommandContext } from '../context.ts';
import { forEachContainer } from './errors.ts';
import { svcOf } from './launch.ts';

/** Runs `docker pause`. */
export async function pause(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  return forEachContainer(ctx, (ref) => svc.pause(ref));
}

/** Runs `docker unpause`. */
export async function unpause(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  return forEachContainer(ctx, (ref) => svc.unpause(ref));
}
