/**
 * `docker save` / `docker image save` (docker/cli cli/command/image/save.go):
 * refuses to write an archive to a terminal, checks the output directory,
 * and writes the daemon's archive to stdout or to `-o FILE`, as a stream:
 * the archive is never whole in memory.
 */
import { tracked } from '../../progress.ts';
import { CliError, type CommandContext } from '../context.ts';
import { writeStdout } from './stdio.ts';

/** Runs `docker save`. */
export async function save(ctx: CommandContext): Promise<number> {
  const output = ctx.flags.get<string>('output');
  if (output === '' && ctx.io.isTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  if (output !== '') await validateOutputPath(ctx, output, 'failed to save image');
  await tracked(`Saving ${ctx.args.join(' ')}`, async (m) => {
    // The daemon answers an unknown name before any byte, so `-o` creates no file then (moby: 404 before the body).
    const archive = await ctx.engine.imageSave(ctx.args, (done, total) => m.update(done, total));
    if (output === '') await writeStdout(ctx.io, archive);
    else await ctx.io.fs.writeStream(output, archive, 0o644);
  });
  return 0;
}

/** docker/cli command.ValidateOutputPath, wrapped with the command's words. */
export async function validateOutputPath(ctx: CommandContext, path: string, what: string): Promise<void> {
  const abs = ctx.io.fs.resolve(path);
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  if (!(await ctx.io.fs.exists(dir))) throw new CliError(`${what}: invalid output path: directory "${dir}" does not exist`);
  if ((await ctx.io.fs.exists(abs)) && (await ctx.io.fs.stat(abs)).type === 'directory') {
    throw new CliError(`${what}: invalid output path: "${path}" is a directory`);
  }
}
