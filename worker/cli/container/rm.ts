/**
 * `docker rm` (docker/cli cli/command/container/rm.go): each container
 * echoed once removed; with -f a running one is killed first and "No such
 * container" is only reported, not an error (exit 0).
 */
import { isEngineError } from '../../engine/errors.ts';
import type { CommandContext } from '../context.ts';

/** Runs `docker rm`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const force = ctx.flags.get<boolean>('force');
  const volumes = ctx.flags.get<boolean>('volumes');
  const errors: string[] = [];
  for (const ref of ctx.args) {
    try {
      await ctx.engine.containerRemove(ref, { force, volumes });
      ctx.out(`${ref}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      if (force && err.code === 'NotFound') ctx.err(`Error response from daemon: ${err.message}\n`);
      else errors.push(`Error response from daemon: ${err.message}`);
    }
  }
  if (errors.length > 0) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}
