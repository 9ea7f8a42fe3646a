/**
 * `docker volume prune` (docker/cli cli/command/volume/prune.go, API 1.42+):
 * unused anonymous volumes, or with `-a` every unused volume; the prompt
 * unless `-f`, then the names removed and the space reclaimed.
 */
import { CliError, type CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { humanSize } from '../../common/go-units.ts';
import { confirmThen } from '../prompt.ts';

const ANONYMOUS = 'WARNING! This will remove anonymous local volumes not used by at least one container.';
const ALL = 'WARNING! This will remove all local volumes not used by at least one container.';

/** Runs `docker volume prune`. */
export async function prune(ctx: CommandContext): Promise<number> {
  const filters = filtersOf(ctx.flags.get<string[]>('filter'));
  if (ctx.flags.get<boolean>('all')) {
    if (filters.all) throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    filters.all = ['true'];
  }
  const warning = filters.all ? ALL : ANONYMOUS;
  const run = async (c: CommandContext): Promise<number> => {
    const report = await c.engine.volumesPrune(filters);
    let out = '';
    if (report.VolumesDeleted) out += `Deleted Volumes:\n${report.VolumesDeleted.map((n) => `${n}\n`).join('')}\n`;
    c.out(`${out}Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
    return 0;
  };
  if (!ctx.flags.get<boolean>('force')) return confirmThen(ctx, `${warning}\nAre you sure you want to continue?`, run);
  return run(ctx);
}
