/**
 * `docker volume ls` (docker/cli cli/command/volume/list.go and
 * formatter/volume.go): volumes sorted by name, `-q` for names only,
 * `--filter` (dangling, name, label, driver) and `--format` over the
 * columns of VolumeContext; cluster columns are `N/A` for local volumes.
 */
import { CliError, type CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';

const DEFAULT_TABLE = 'table {{.Driver}}\\t{{.Name}}';

/** formatter/volume.go's header map. */
const HEADERS: Record<string, string> = {
  Name: 'VOLUME NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Group: 'GROUP',
  Availability: 'AVAILABILITY',
  Status: 'STATUS',
};

/** One row's context (formatter.volumeContext). */
/** A volume.Volume of `GET /volumes`. */
interface VolumeJson {
  Name: string;
  Driver: string;
  Scope: string;
  Mountpoint: string;
  Labels: Record<string, string> | null;
}

class VolumeRow {
  constructor(readonly v: VolumeJson) {}
  Name(): string {
    return this.v.Name;
  }
  Driver(): string {
    return this.v.Driver;
  }
  Scope(): string {
    return this.v.Scope;
  }
  Mountpoint(): string {
    return this.v.Mountpoint;
  }
  Labels(): string {
    return Object.entries(this.v.Labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
  }
  Label(name: string): string {
    return this.v.Labels?.[name] ?? '';
  }
  // UsageData is only filled by `system df -v`: N/A here, as in Docker.
  Links(): string {
    return 'N/A';
  }
  Size(): string {
    return 'N/A';
  }
  Group(): string {
    return 'N/A';
  }
  Availability(): string {
    return 'N/A';
  }
  Status(): string {
    return 'N/A';
  }
}

/** Runs `docker volume ls`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const quiet = ctx.flags.get<boolean>('quiet');
  const format = ctx.flags.get<string>('format');
  const source = quiet ? '{{.Name}}' : format;
  const rows = (await ctx.engine.volumeList(filtersOf(ctx.flags.get<string[]>('filter')))).map((v) => new VolumeRow(v as unknown as VolumeJson));
  try {
    ctx.out(renderTable(parseFormat(source, DEFAULT_TABLE), rows, HEADERS, { typeName: '*formatter.volumeContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
