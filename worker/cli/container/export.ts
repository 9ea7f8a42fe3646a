/**
 * `docker export` (docker/cli cli/command/container/export.go): the merged
 * filesystem as one tar, to `-o FILE` or to a redirected stdout; a terminal
 * is refused.
 */
import { tracked } from '../../progress.ts';
import { CliError, type CommandContext } from '../context.ts';
import { writeStdout } from '../image/stdio.ts';

/** Runs `docker export`. */
export async function exportContainer(ctx: CommandContext): Promise<number> {
  const output = ctx.flags.get<string>('output');
  if (output === '' && ctx.io.isTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  await tracked(`Exporting ${ctx.args[0]}`, async () => {
    // A missing container fails before any byte, so `-o` creates no file then.
    const tar = await ctx.engine.containerExport(ctx.args[0]!);
    if (output !== '') await ctx.io.fs.writeStream(output, tar);
    else await writeStdout(ctx.io, tar);
  });
  return 0;
}
