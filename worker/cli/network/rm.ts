/**
 * `docker network rm` and `docker network prune` (docker/cli
 * cli/command/network/remove.go, prune.go). rm prints each removed name;
 * failures are printed as they happen and the command ends with
 * `exit status 1` (the CLI returns a cli.StatusError), as recorded.
 */
import { isEngineError } from '../../engine/errors.ts';
import { CliError, type CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { confirmThen } from '../prompt.ts';

/** Runs `docker network rm`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const force = ctx.flags.get<boolean>('force');
  let failed = false;
  for (const ref of ctx.args) {
    try {
      await ctx.engine.networkRemove(ref);
      ctx.out(`${ref}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      if (force && err.code === 'NotFound') continue;
      ctx.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  if (failed) throw new CliError('exit status 1');
  return 0;
}

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.';

/** Runs `docker network prune`. */
export async function prune(ctx: CommandContext): Promise<number> {
  const run = async (c: CommandContext): Promise<number> => {
    const removed = await c.engine.networksPrune(filtersOf(c.flags.get<string[]>('filter')));
    if (removed.length > 0) c.out(`Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}\n`);
    return 0;
  };
  if (!ctx.flags.get<boolean>('force')) return confirmThen(ctx, `${WARNING}\nAre you sure you want to continue?`, run);
  return run(ctx);
}
