/**
 * `docker wait` (docker/cli cli/command/container/wait.go): prints each
 * container's exit code once it stops; errors are collected, exit 1.
 */
import { isEngineError } from '../../engine/errors.ts';
import type { CommandContext } from '../context.ts';

/** Runs `docker wait`. */
export async function wait(ctx: CommandContext): Promise<number> {
  const errors: string[] = [];
  for (const ref of ctx.args) {
    try {
      ctx.out(`${await ctx.engine.containerWait(ref)}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      errors.push(`Error response from daemon: ${err.message}`);
    }
  }
  if (errors.length > 0) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}
