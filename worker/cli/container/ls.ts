/**
 * `docker ps` / `docker container ls` (docker/cli cli/command/container/
 * list.go and formatter/container.go): the default table, -q, -s (also
 * turned on by a format that uses .Size), -n/-l, --no-trunc, --filter and
 * --format, with one method per column as ContainerContext has them.
 */
import type { ContainerSummary } from '../../engine-api/types.ts';
import { familiarString, parseNormalizedNamed } from '../../engine/reference.ts';
import { CliError, type CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { humanDuration } from '../../common/go-duration.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';
import { goQuote } from '../../common/go-strconv.ts';
import { goTimeString } from '../format/go-time.ts';
import { ellipsis, truncateId } from '../format/stringid.ts';
import { humanSizeWithPrecision } from '../../common/go-units.ts';
import { displayablePorts } from './ports.ts';

const DEFAULT_TABLE = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';

/** formatter/container.go's header map. */
export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** One row's context (formatter.ContainerContext). */
export class ContainerRow {
  constructor(
    readonly c: ContainerSummary,
    readonly trunc: boolean,
    readonly now: number,
  ) {}
  ID(): string {
    return this.trunc ? truncateId(this.c.Id) : this.c.Id;
  }
  Names(): string {
    return this.c.Names.map((n) => n.replace(/^\//, '')).filter((n) => !n.includes('/')).join(',');
  }
  Image(): string {
    const image = this.c.Image;
    if (image === '') return '<no image>';
    if (this.trunc) {
      const t = truncateId(this.c.ImageID);
      if (t === truncateId(image)) return t;
      try {
        const ref = parseNormalizedNamed(image);
        return familiarString({ domain: ref.domain, path: ref.path, ...(ref.tag !== undefined ? { tag: ref.tag } : {}) });
      } catch {
        return image;
      }
    }
    return image;
  }
  Command(): string {
    return goQuote(this.trunc ? ellipsis(this.c.Command, 20) : this.c.Command);
  }
  CreatedAt(): string {
    return goTimeString(this.c.Created * 1000);
  }
  RunningFor(): string {
    return `${humanDuration(this.now - this.c.Created * 1000)} ago`;
  }
  Ports(): string {
    return displayablePorts(this.c.Ports);
  }
  State(): string {
    return this.c.State;
  }
  Status(): string {
    return this.c.Status;
  }
  Size(): string {
    const rw = humanSizeWithPrecision(this.c.SizeRw ?? 0, 3);
    const root = this.c.SizeRootFs ?? 0;
    return root > 0 ? `${rw} (virtual ${humanSizeWithPrecision(root, 3)})` : rw;
  }
  Labels(): string {
    return Object.entries(this.c.Labels).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
  }
  Label(name: string): string {
    return this.c.Labels[name] ?? '';
  }
  /** formatter.ContainerContext.Mounts: volume names or bind sources, each cut to 15 cells. */
  Mounts(): string {
    const mounts = this.c.Mounts as Array<{ Name?: string; Source: string }>;
    return mounts.map((m) => (this.trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(',');
  }
  LocalVolumes(): string {
    return String((this.c.Mounts as Array<{ Driver?: string }>).filter((m) => m.Driver === 'local').length);
  }
  Networks(): string {
    return Object.keys(this.c.NetworkSettings.Networks).sort().join(',');
  }
  Platform(): null {
    return null;
  }
}

/** Runs `docker ps`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const quiet = ctx.flags.get<boolean>('quiet');
  let format = ctx.flags.get<string>('format');
  if (quiet && format !== '') {
    ctx.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    format = '';
  }
  const last = ctx.flags.get<number>('last');
  const limit = ctx.flags.get<boolean>('latest') ? 1 : last;
  const size = ctx.flags.get<boolean>('size') || (format !== '' && format.includes('.Size'));
  const source = quiet ? '{{.ID}}' : format === '' || format === 'table' ? (size ? `${DEFAULT_TABLE}\\t{{.Size}}` : DEFAULT_TABLE) : format;
  const list = await ctx.engine.containerList({ all: ctx.flags.get<boolean>('all'), limit, size, filters: filtersOf(ctx.flags.get<string[]>('filter')) });
  const now = ctx.engine.now();
  const rows = list.map((c) => new ContainerRow(c, !ctx.flags.get<boolean>('no-trunc'), now));
  try {
    ctx.out(renderTable(parseFormat(source, DEFAULT_TABLE), rows, CONTAINER_HEADERS, { typeName: '*formatter.ContainerContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
