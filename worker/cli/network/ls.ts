/**
 * `docker network ls` (docker/cli cli/command/network/list.go and
 * formatter.go): networks sorted by name (natural order), the default table
 * `NETWORK ID  NAME  DRIVER  SCOPE`, -q, --no-trunc, --filter and --format.
 */
import type { NetworkSummary } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { naturalLess } from '../container/port.ts';
import { filtersOf } from '../filters.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';
import { goTimeString } from '../format/go-time.ts';
import { truncateId } from '../format/stringid.ts';

const DEFAULT_TABLE = 'table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}';

const HEADERS: Record<string, string> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** formatter.networkContext: one method per column. */
class NetworkRow {
  constructor(
    private readonly n: NetworkSummary,
    private readonly trunc: boolean,
  ) {}
  ID(): string {
    return this.trunc ? truncateId(this.n.Id) : this.n.Id;
  }
  Name(): string {
    return this.n.Name;
  }
  Driver(): string {
    return this.n.Driver;
  }
  Scope(): string {
    return this.n.Scope;
  }
  IPv6(): string {
    return String(this.n.IPv6);
  }
  Internal(): string {
    return String(this.n.Internal);
  }
  Labels(): string {
    return Object.entries(this.n.Labels).map(([k, v]) => `${k}=${v}`).join(',');
  }
  Label(name: string): string {
    return this.n.Labels[name] ?? '';
  }
  CreatedAt(): string {
    return goTimeString(Date.parse(this.n.Created));
  }
}

/** Runs `docker network ls`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const quiet = ctx.flags.get<boolean>('quiet');
  const format = ctx.flags.get<string>('format');
  const list = await ctx.engine.networkList(filtersOf(ctx.flags.get<string[]>('filter')));
  list.sort((a, b) => (naturalLess(a.Name, b.Name) ? -1 : naturalLess(b.Name, a.Name) ? 1 : 0));
  const source = quiet && format === '' ? '{{.ID}}' : format;
  const rows = list.map((n) => new NetworkRow(n, !ctx.flags.get<boolean>('no-trunc')));
  try {
    ctx.out(renderTable(parseFormat(source, DEFAULT_TABLE), rows, HEADERS, { typeName: '*formatter.networkContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
