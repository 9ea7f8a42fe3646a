/**
 * `docker image prune` (docker/cli cli/command/image/prune.go): the
 * confirmation prompt unless -f (anything but y/Y cancels silently, exit 0),
 * `-a` as `dangling=false`, lower-case `untagged:`/`deleted:` lines and the
 * `Total reclaimed space` in HumanSize (4 significant digits).
 */
import type { CommandContext } from '../context.ts';
import { humanSize } from '../../common/go-units.ts';
import { confirmThen } from '../prompt.ts';
import { filtersOf } from '../filters.ts';

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.';
const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.';

/** Runs `docker image prune`. */
export async function prune(ctx: CommandContext): Promise<number> {
  const all = ctx.flags.get<boolean>('all');
  const filters = filtersOf(ctx.flags.get<string[]>('filter'));
  // cli: pruneFilters.Add("dangling", strconv.FormatBool(!all)); values are a set.
  const dangling = String(!all);
  filters.dangling = [...new Set([...(filters.dangling ?? []), dangling])];
  if (!ctx.flags.get<boolean>('force')) return confirmThen(ctx, `${all ? ALL_WARNING : DANGLING_WARNING}\nAre you sure you want to continue?`, (c) => pruneImages(c, filters));
  return pruneImages(ctx, filters);
}

async function pruneImages(ctx: CommandContext, filters: Record<string, string[]>): Promise<number> {
  const report = await ctx.engine.imagesPrune(filters);
  let out = '';
  if (report.ImagesDeleted && report.ImagesDeleted.length > 0) {
    out += 'Deleted Images:\n';
    for (const d of report.ImagesDeleted) out += 'Untagged' in d ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`;
    out += '\n';
  }
  ctx.out(`${out}Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  return 0;
}
