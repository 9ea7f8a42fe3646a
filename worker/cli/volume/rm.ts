/**
 * `docker volume rm` (docker/cli cli/command/volume/remove.go): each volume
 * echoed once removed; a volume a container uses (running or not) is
 * refused with the IDs of those containers, `-f` only hides "no such volume".
 */
import { removeVolume } from '../../engine/volumes/volumes.ts';
import type { CommandContext } from '../context.ts';
import { forEachContainer } from '../container/errors.ts';
import { svcOf } from '../container/launch.ts';

/** Runs `docker volume rm`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  const force = ctx.flags.get<boolean>('force');
  return forEachContainer(ctx, async (name) => {
    await svc.engine.transact((d) => removeVolume(d, name, force));
    svc.volumes.drop(name);
  });
}
