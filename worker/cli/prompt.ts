/**
 * docker/cli's PromptForConfirmation: prints `<message> [y/N] ` and reads one
 * line of stdin; only `y`/`Y` confirms. The answer is not echoed when stdin
 * is not a terminal, so what follows lands on the same line (docker-reference §8.5).
 *
 * On the learner's terminal the question waits for the answer: the command
 * hands the terminal to a one-line reader (a foreground program, as
 * `docker run -it` does) whose prompt is the question, and goes on once the
 * learner has typed it.
 */
import type { CommandContext } from './context.ts';
import type { ForegroundOutput } from './io.ts';

/**
 * Asks `message` (its last line is the question) and runs `proceed` when the
 * answer is yes; resolves to the command's exit code (0 when declined). With
 * the terminal as stdin, the command returns at once and `proceed` runs once
 * the answer is typed; its exit code becomes `$?`.
 */
export async function confirmThen(ctx: CommandContext, message: string, proceed: (ctx: CommandContext) => Promise<number>): Promise<number> {
  const start = ctx.io.startForeground;
  if (!ctx.io.stdinIsTerminal || start === undefined) {
    ctx.out(`${message} [y/N] `);
    const line = new TextDecoder().decode(ctx.io.stdin).split('\n')[0]!.trim();
    return line === 'y' || line === 'Y' ? proceed(ctx) : 0;
  }
  const cut = message.lastIndexOf('\n');
  if (cut >= 0) ctx.out(message.slice(0, cut + 1));
  const question = `${message.slice(cut + 1)} [y/N] `;
  start({
    prompt: () => question,
    async feed(line): Promise<ForegroundOutput> {
      const answer = line.trim();
      if (answer !== 'y' && answer !== 'Y') return { stdout: '', stderr: '', exitCode: 0 };
      let stdout = '';
      let stderr = '';
      const collect: CommandContext = {
        ...ctx,
        io: { ...ctx.io, stdout: (s) => (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)), stderr: (s) => (stderr += s) },
        out: (s) => (stdout += s),
        err: (s) => (stderr += s),
      };
      const exitCode = await proceed(collect);
      return { stdout, stderr, exitCode };
    },
    // End of input declines, as an empty answer does; the shell's prompt then starts a line of its own.
    eof: async () => ({ stdout: '\n', stderr: '', exitCode: 0 }),
    // SIGINT ends the CLI before it asked the daemon anything.
    interrupt: async () => ({ stdout: '', stderr: '', exitCode: 130 }),
  });
  return 0;
}
