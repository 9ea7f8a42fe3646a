/**
 * `docker create` / `docker container create`: the container is created
 * (pulling its image when missing) and its full ID printed.
 */
import type { CommandContext } from '../context.ts';
import { createRequest } from './create-opts.ts';
import { createWithPull } from './launch.ts';

/** Runs `docker create`. */
export async function create(ctx: CommandContext): Promise<number> {
  const req = await createRequest(ctx, false);
  const id = await createWithPull(ctx, req, 'create');
  ctx.out(`${id}\n`);
  return 0;
}
