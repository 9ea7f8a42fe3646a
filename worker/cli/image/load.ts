/**
 * `docker load` / `docker image load` (docker/cli cli/command/image/load.go):
 * reads the archive from `-i FILE` or stdin (refusing an empty terminal
 * stdin), and prints the daemon's stream; off a terminal it asks for the
 * quiet stream, so only the `Loaded image` lines appear.
 */
import { CliError, type CommandContext } from '../context.ts';
import { JsonMessageWriter } from '../jsonmessage.ts';
import { isEngineError } from '../../engine/errors.ts';
import type { ByteStream } from '../../engine/stream.ts';
import { readStdin } from './stdio.ts';

/** Runs `docker load`. */
export async function load(ctx: CommandContext): Promise<number> {
  const input = ctx.flags.get<string>('input');
  let archive: ByteStream;
  if (input !== '') {
    // docker/cli opens the file before it calls the daemon: a missing file is the CLI's own error.
    if (!(await ctx.io.fs.exists(input))) throw new CliError(`open ${input}: no such file or directory`);
    archive = ctx.io.fs.readStream(input);
  } else {
    // docker/cli load.go refuses only a terminal; an empty pipe goes to the
    // daemon, which finds no manifest in it (checked against Engine 26.1:
    // `printf '' | docker load` says `open …/repositories: no such file or directory`).
    if (ctx.io.stdinIsTerminal) throw new CliError('requested load from stdin, but stdin is empty');
    archive = readStdin(ctx.io);
  }
  const quiet = ctx.flags.get<boolean>('quiet') || !ctx.io.isTTY;
  const writer = new JsonMessageWriter((s) => ctx.out(s), { tty: ctx.io.isTTY });
  try {
    await ctx.engine.imageLoad(archive, (m) => {
      if (quiet && m.stream === undefined) return;
      writer.message(m);
    });
  } catch (err) {
    // The daemon answers a load at once and reports a failure inside its
    // stream, which the CLI prints without "Error response from daemon"
    // (recorded: `unexpected EOF`, the missing `repositories` file).
    if (isEngineError(err) && err.code === 'System') throw new CliError(err.message);
    throw err;
  }
  return 0;
}
