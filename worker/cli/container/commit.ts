/**
 * `docker commit` (docker/cli cli/command/container/commit.go): the new
 * image's full ID; without REPOSITORY the image is dangling.
 */
import { CliError, type CommandContext } from '../context.ts';
import { ReferenceError, parseNormalizedNamed } from '../../engine/reference.ts';

/** Runs `docker commit`. */
export async function commit(ctx: CommandContext): Promise<number> {
  // commit.go parses REPOSITORY[:TAG] itself, so a bad one is the client's error (no daemon prefix).
  if (ctx.args[1] !== undefined) {
    try {
      parseNormalizedNamed(ctx.args[1]);
    } catch (err) {
      if (err instanceof ReferenceError) throw new CliError(err.message);
      throw err;
    }
  }
  const id = await ctx.engine.containerCommit(ctx.args[0]!, {
    reference: ctx.args[1] ?? '',
    comment: ctx.flags.get<string>('message'),
    author: ctx.flags.get<string>('author'),
    changes: ctx.flags.get<string[]>('change'),
  });
  ctx.out(`${id}\n`);
  return 0;
}
