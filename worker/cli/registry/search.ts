/**
 * `docker search` (docker/cli v28.5 cli/command/registry/search.go and
 * formatter_search.go): the daemon's results in the order the Hub gave them
 * (the CLI no longer sorts), DESCRIPTION with newlines flattened and cut to 45
 * cells with `…` unless --no-trunc, STARS, and OFFICIAL as `[OK]` (`true` /
 * `false` inside `{{json .}}`). There is no AUTOMATED column since Docker 25.
 */
import type { ImageSearchResult as SearchResult } from '../../engine-api/api.ts';
import { CliError, type CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { contextJson, FormatError, parseFormat, renderTable } from '../format/format.ts';
import { ellipsis } from '../format/stringid.ts';

const DEFAULT_TABLE = 'table {{.Name}}\\t{{.Description}}\\t{{.StarCount}}\\t{{.IsOfficial}}';

const HEADERS: Record<string, string> = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' };

/** One result's context (formatter_search.go searchContext). */
class SearchRow {
  #json = false;
  constructor(
    private readonly s: SearchResult,
    private readonly trunc: boolean,
  ) {}
  Name(): string {
    return this.s.name;
  }
  Description(): string {
    const desc = this.s.description.replace(/\n/g, ' ').replace(/\r/g, ' ');
    return this.trunc ? ellipsis(desc, 45) : desc;
  }
  StarCount(): string {
    return String(this.s.star_count);
  }
  IsOfficial(): string {
    if (this.#json) return this.s.is_official ? 'true' : 'false';
    return this.s.is_official ? '[OK]' : '';
  }
  /** MarshalJSON: the same methods, booleans as `true`/`false`. */
  json(): string {
    this.#json = true;
    try {
      return contextJson(this);
    } finally {
      this.#json = false;
    }
  }
}

/** Runs `docker search TERM`. */
export async function search(ctx: CommandContext): Promise<number> {
  const filters = filtersOf(ctx.flags.get<string[]>('filter'));
  if ('is-automated' in filters) ctx.err('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
  // The client sends `limit` only when it is positive (client/image_search.go).
  const limit = ctx.flags.get<number>('limit');
  const results = await ctx.engine.imageSearch(ctx.args[0]!, { limit: limit > 0 ? limit : 0, filters });
  const trunc = !ctx.flags.get<boolean>('no-trunc');
  try {
    const rows = results.map((r) => new SearchRow(r, trunc));
    ctx.out(renderTable(parseFormat(ctx.flags.get<string>('format'), DEFAULT_TABLE), rows, HEADERS, { typeName: '*registry.searchContext', json: (row) => (row as SearchRow).json() }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  return 0;
}
