/**
 * `docker container prune` (docker/cli cli/command/container/prune.go): the
 * confirmation prompt unless -f, the removed IDs and the reclaimed space.
 */
import type { CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { humanSize } from '../../common/go-units.ts';
import { confirmThen } from '../prompt.ts';

const WARNING = 'WARNING! This will remove all stopped containers.';

/** Runs `docker container prune`. */
export async function prune(ctx: CommandContext): Promise<number> {
  if (!ctx.flags.get<boolean>('force')) return confirmThen(ctx, `${WARNING}\nAre you sure you want to continue?`, pruneContainers);
  return pruneContainers(ctx);
}

async function pruneContainers(ctx: CommandContext): Promise<number> {
  const report = await ctx.engine.containersPrune(filtersOf(ctx.flags.get<string[]>('filter')));
  let out = '';
  if (report.ContainersDeleted) out += `Deleted Containers:\n${report.ContainersDeleted.map((id) => `${id}\n`).join('')}\n`;
  ctx.out(`${out}Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  return 0;
}
