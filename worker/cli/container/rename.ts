/**
 * `docker rename` (docker/cli cli/command/container/rename.go): the daemon's
 * error is printed, then `Error: failed to rename container named <old>`.
 */
import { isEngineError } from '../../engine/errors.ts';
import { CliError, type CommandContext } from '../context.ts';

/** Runs `docker rename`. */
export async function rename(ctx: CommandContext): Promise<number> {
  const oldName = ctx.args[0]!.trim();
  const newName = ctx.args[1]!.trim();
  if (oldName === '' || newName === '') throw new CliError('Error: Neither old nor new names may be empty');
  try {
    await ctx.engine.containerRename(oldName, newName);
  } catch (err) {
    if (!isEngineError(err)) throw err;
    ctx.err(`Error response from daemon: ${err.message}\n`);
    throw new CliError(`Error: failed to rename container named ${oldName}`);
  }
  return 0;
}
