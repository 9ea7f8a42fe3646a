/**
 * `docker top` (docker/cli cli/command/container/top.go): the daemon's ps
 * titles and rows through a tabwriter of minimum width 20, padding 3.
 */
import type { CommandContext } from '../context.ts';
import { tabwrite } from '../format/tabwriter.ts';

/** Runs `docker top`. */
export async function top(ctx: CommandContext): Promise<number> {
  const list = await ctx.engine.containerTop(ctx.args[0]!, ctx.args.slice(1));
  const text = [list.Titles, ...list.Processes].map((r) => r.join('\t') + '\n').join('');
  ctx.out(tabwrite(text, { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' }));
  return 0;
}
