/**
 * `docker diff` (docker/cli cli/command/container/diff.go): `<kind> <path>`
 * per change, C/A/D, in the daemon's order.
 */
import type { CommandContext } from '../context.ts';

const KIND = ['C', 'A', 'D'] as const;

/** Runs `docker diff`. */
export async function diff(ctx: CommandContext): Promise<number> {
  const changes = await ctx.engine.containerChanges(ctx.args[0]!);
  ctx.out(changes.map((c) => `${KIND[c.Kind]} ${c.Path}\n`).join(''));
  return 0;
}
