/**
 * docker/cli's PromptForConfirmation: prints `<message> [y/N] ` and reads one
 * line of stdin; only `y`/`Y` confirms. The answer is not echoed when stdin
 * is not a terminal, so what follows lands on the same line (docker-reference §8.5).
 */
import type { CommandContext } from './context.ts';

/** Asks for confirmation on the command's stdin; consumes the first line. */
export function confirm(ctx: CommandContext, message: string): boolean {
  ctx.out(`${message} [y/N] `);
  const text = new TextDecoder().decode(ctx.io.stdin);
  const line = text.split('\n')[0]!.trim();
  return line === 'y' || line === 'Y';
}
