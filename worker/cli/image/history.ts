/**
 * `docker history` / `docker image history` (docker/cli
 * cli/command/image/history.go and formatter_history.go): newest first,
 * CREATED BY cut to 45 cells unless --no-trunc, raw sizes and RFC 3339
 * dates with -H=false.
 */
import type { HistoryItem } from '../../engine/api-types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { humanDuration } from '../../common/go-duration.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';
import { rfc3339 } from '../format/go-time.ts';
import { ellipsis, truncateId } from '../format/stringid.ts';
import { humanSizeWithPrecision } from '../../common/go-units.ts';

const DEFAULT_TABLE = 'table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}';
const NON_HUMAN_TABLE = 'table {{.ID}}\\t{{.CreatedAt}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}';

const HEADERS: Record<string, string> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** One history row's context (formatter_history.go historyContext). */
class HistoryRow {
  constructor(
    readonly h: HistoryItem,
    readonly trunc: boolean,
    readonly human: boolean,
    readonly now: number,
  ) {}
  ID(): string {
    return this.trunc ? truncateId(this.h.Id) : this.h.Id;
  }
  CreatedAt(): string {
    return rfc3339(this.h.Created * 1000);
  }
  CreatedSince(): string {
    if (!this.human) return this.CreatedAt();
    if (this.h.Created <= 0) return 'N/A';
    return `${humanDuration(this.now - this.h.Created * 1000)} ago`;
  }
  CreatedBy(): string {
    const createdBy = this.h.CreatedBy.replace(/\t/g, ' ');
    return this.trunc ? ellipsis(createdBy, 45) : createdBy;
  }
  Size(): string {
    return this.human ? humanSizeWithPrecision(this.h.Size, 3) : String(this.h.Size);
  }
  Comment(): string {
    return this.h.Comment;
  }
}

/** Runs `docker history`. */
export async function history(ctx: CommandContext): Promise<number> {
  const human = ctx.flags.get<boolean>('human');
  const quiet = ctx.flags.get<boolean>('quiet');
  const trunc = !ctx.flags.get<boolean>('no-trunc');
  const formatFlag = ctx.flags.get<string>('format');
  const items = await ctx.engine.imageHistory(ctx.args[0]!);
  const source = formatFlag === '' || formatFlag === 'table' ? (quiet ? '{{.ID}}' : human ? DEFAULT_TABLE : NON_HUMAN_TABLE) : formatFlag;
  const now = ctx.engine.now();
  try {
    const rows = items.map((h) => new HistoryRow(h, trunc, human, now));
    ctx.out(renderTable(parseFormat(source, DEFAULT_TABLE), rows, HEADERS, { typeName: '*image.historyContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
