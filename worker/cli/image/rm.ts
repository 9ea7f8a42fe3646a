/**
 * `docker rmi` / `docker image rm` (docker/cli cli/command/image/remove.go):
 * each image in order; successes print at once, errors are collected and
 * printed at the end; with -f, "not found" errors alone don't fail the command.
 */
import { isEngineError } from '../../engine/errors.ts';
import type { CommandContext } from '../context.ts';

/** Runs `docker rmi`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const force = ctx.flags.get<boolean>('force');
  const noPrune = ctx.flags.get<boolean>('no-prune');
  const errors: string[] = [];
  let fatal = false;
  for (const name of ctx.args) {
    try {
      const records = await ctx.engine.imageRemove(name, { force, noPrune });
      for (const r of records) ctx.out('Untagged' in r ? `Untagged: ${r.Untagged}\n` : `Deleted: ${r.Deleted}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      if (!(force && err.code === 'NotFound')) fatal = true;
      errors.push(`Error response from daemon: ${err.message}`);
    }
  }
  if (errors.length > 0) ctx.err(errors.join('\n') + '\n');
  return fatal ? 1 : 0;
}
