/**
 * `docker volume rm` (docker/cli cli/command/volume/remove.go): each volume
 * echoed once removed; a volume a container uses (running or not) is
 * refused with the IDs of those containers, `-f` only hides "no such volume".
 */
import type { CommandContext } from '../context.ts';
import { forEachContainer } from '../container/errors.ts';

/** Runs `docker volume rm`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const force = ctx.flags.get<boolean>('force');
  return forEachContainer(ctx, (name) => ctx.engine.volumeRemove(name, force));
}
