/**
 * `docker import` / `docker image import` (docker/cli
 * cli/command/image/import.go): the source is `-` (stdin) or a file the
 * client streams as `-`; URLs fail as they do without a network. Prints the
 * new image ID.
 */
import type { ByteStream } from '../../engine/stream.ts';
import { CliError, type CommandContext } from '../context.ts';
import { readStdin } from './stdio.ts';

/** Runs `docker import file|URL|- [REPOSITORY[:TAG]]`. */
export async function importImage(ctx: CommandContext): Promise<number> {
  const [source, reference = ''] = ctx.args as [string, string?];
  let archive: ByteStream;
  if (source === '-') archive = readStdin(ctx.io);
  else if (/^https?:\/\//.test(source)) {
    const host = new URL(source).host;
    throw new CliError(`Error response from daemon: Get "${source}": dial tcp: lookup ${host}: no such host`);
  } else {
    if (!(await ctx.io.fs.exists(source))) throw new CliError(`open ${source}: no such file or directory`);
    archive = ctx.io.fs.readStream(source);
  }
  const id = await ctx.engine.imageImport(archive, {
    reference,
    message: ctx.flags.get<string>('message'),
    changes: ctx.flags.get<string[]>('change'),
    source: '-',
  });
  ctx.out(`${id}\n`);
  return 0;
}
