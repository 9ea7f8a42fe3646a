/**
 * `docker export` (docker/cli cli/command/container/export.go): the merged
 * filesystem as one tar, to `-o FILE` or to a redirected stdout; a terminal
 * is refused.
 */
import { collectBytes } from '../../common/byte-chunks.ts';
import { tracked } from '../../progress.ts';
import { CliError, type CommandContext } from '../context.ts';

/** Runs `docker export`. */
export async function exportContainer(ctx: CommandContext): Promise<number> {
  const output = ctx.flags.get<string>('output');
  if (output === '' && ctx.io.isTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const tar = await tracked(`Exporting ${ctx.args[0]}`, async () => collectBytes(await ctx.engine.containerExport(ctx.args[0]!)));
  if (output !== '') await ctx.io.fs.writeFile(output, tar);
  else ctx.io.stdout(tar);
  return 0;
}
