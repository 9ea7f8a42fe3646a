/**
 * `docker diff` (docker/cli cli/command/container/diff.go): `<kind> <path>`
 * per change, C/A/D, in the daemon's order.
 */
import { containerDiff } from '../../engine/containers/operations.ts';
import type { CommandContext } from '../context.ts';
import { svcOf } from './launch.ts';

const KIND = ['C', 'A', 'D'] as const;

/** Runs `docker diff`. */
export async function diff(ctx: CommandContext): Promise<number> {
  const changes = await containerDiff(await svcOf(ctx), ctx.args[0]!);
  ctx.out(changes.map((c) => `${KIND[c.Kind]} ${c.Path}\n`).join(''));
  return 0;
}
