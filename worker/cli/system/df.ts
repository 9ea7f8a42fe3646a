/**
 * `docker system df` (docker/cli cli/command/system/df.go and
 * formatter/disk_usage.go): one row per kind of data, TOTAL / ACTIVE / SIZE /
 * RECLAIMABLE, the percentage only when the size is not zero; `--format` over
 * the same rows (`json`: one object per row, keys sorted). Recorded from CLI
 * 28.2.2 against Engine 26.1. `-v`: the per-object tables (df-verbose.ts).
 */
import type { DiskUsage } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';
import { humanSize } from '../../common/go-units.ts';
import { TemplateError } from '../format/template/index.ts';
import { verboseDf } from './df-verbose.ts';

const DEFAULT_TABLE = 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}';

const HEADERS: Record<string, string> = {
  Type: 'TYPE',
  TotalCount: 'TOTAL',
  Active: 'ACTIVE',
  Size: 'SIZE',
  Reclaimable: 'RECLAIMABLE',
};

/** `size (N%)` of `total`, as the formatter prints a reclaimable amount. */
function withPercent(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

/** One summary row: a Go formatter context whose methods are its columns. */
class DfRow {
  constructor(
    readonly type: string,
    readonly total: number,
    readonly active: number,
    readonly size: string,
    readonly reclaimable: string,
  ) {}
  Type(): string {
    return this.type;
  }
  TotalCount(): string {
    return String(this.total);
  }
  Active(): string {
    return String(this.active);
  }
  Size(): string {
    return this.size;
  }
  Reclaimable(): string {
    return this.reclaimable;
  }
}

function rows(du: DiskUsage): DfRow[] {
  // Images: what containers keep is each used image's unique part (size less shared); the rest is reclaimable.
  let used = 0;
  for (const i of du.images) if (i.containers > 0) used += i.size - i.sharedSize;
  const imagesRow = new DfRow('Images', du.images.length, du.images.filter((i) => i.containers > 0).length, humanSize(du.layersSize), withPercent(du.layersSize - used, du.layersSize));
  const rw = du.containers.reduce((n, c) => n + c.sizeRw, 0);
  const stopped = du.containers.filter((c) => !c.running).reduce((n, c) => n + c.sizeRw, 0);
  const containersRow = new DfRow('Containers', du.containers.length, du.containers.filter((c) => c.running).length, humanSize(rw), withPercent(stopped, rw));
  const volumeBytes = du.volumes.reduce((n, v) => n + v.size, 0);
  const volumesRow = new DfRow('Local Volumes', du.volumes.length, du.volumes.filter((v) => v.refCount > 0).length, humanSize(volumeBytes), withPercent(du.volumes.filter((v) => v.refCount === 0).reduce((n, v) => n + v.size, 0), volumeBytes));
  const cacheSize = du.buildCache.filter((c) => !c.shared).reduce((n, c) => n + c.size, 0);
  const inUse = du.buildCache.filter((c) => c.inUse && !c.shared).reduce((n, c) => n + c.size, 0);
  const cacheRow = new DfRow('Build Cache', du.buildCache.length, du.buildCache.filter((c) => c.inUse).length, humanSize(cacheSize), humanSize(du.builderSize - inUse));
  return [imagesRow, containersRow, volumesRow, cacheRow];
}

/** Runs `docker system df`. */
export async function df(ctx: CommandContext): Promise<number> {
  const format = ctx.flags.get<string>('format');
  const du = await ctx.engine.systemDf();
  try {
    if (ctx.flags.get<boolean>('verbose')) {
      ctx.out(verboseDf(du, format, ctx.engine.now()));
      return 0;
    }
    ctx.out(renderTable(parseFormat(format, DEFAULT_TABLE), rows(du), HEADERS, { typeName: '*formatter.diskUsageContext' }));
  } catch (err) {
    if (err instanceof FormatError || err instanceof TemplateError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
