/**
 * `docker volume ls` (docker/cli cli/command/volume/list.go and
 * formatter/volume.go): volumes sorted by name, `-q` for names only,
 * `--filter` (dangling, name, label, driver) and `--format` over the
 * columns of VolumeContext; cluster columns are `N/A` for local volumes.
 */
import { listVolumes, mountpointOf } from '../../engine/volumes/volumes.ts';
import type { VolumeRecord } from '../../engine/state.ts';
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
class VolumeRow {
  constructor(readonly v: VolumeRecord) {}
  Name(): string {
    return this.v.name;
  }
  Driver(): string {
    return 'local';
  }
  Scope(): string {
    return 'local';
  }
  Mountpoint(): string {
    return mountpointOf(this.v.name);
  }
  Labels(): string {
    return Object.entries(this.v.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
  }
  Label(name: string): string {
    return this.v.labels?.[name] ?? '';
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
  const rows = listVolumes(ctx.engine.state, filtersOf(ctx.flags.get<string[]>('filter'))).map((v) => new VolumeRow(v));
  try {
    ctx.out(renderTable(parseFormat(source, DEFAULT_TABLE), rows, HEADERS, { typeName: '*formatter.volumeContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
