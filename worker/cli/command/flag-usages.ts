/**
 * The "Options:" / "Global Options:" block: a port of spf13/pflag FlagSet.FlagUsagesWrapped
 * (flag.go, as vendored by docker/cli 28.x) including its word-wrapping with "slop".
 */
import { goQuote } from './flag-values.ts';
import type { FlagSpec } from './spec.ts';

/** pflag UnquoteUsage's name for a flag type: '' for bool, `strings` for string slices. */
export function defaultValueName(type: FlagSpec['type']): string {
  if (type === 'bool') return '';
  const names: Partial<Record<FlagSpec['type'], string>> = { stringSlice: 'strings', int64: 'int', uint64: 'uint', host: 'string' };
  return names[type] ?? type;
}

/**
 * Renders the visible flags one per line: `  -a, --all[ TYPE]`, padding, then the usage
 * (with ` (default …)` for non-zero defaults) wrapped to `cols` columns, continuation
 * lines aligned under the usage. Flags are sorted by name like pflag's SortFlags.
 */
export function flagUsagesWrapped(flags: readonly FlagSpec[], cols: number): string {
  const lines: { head: string; usage: string }[] = [];
  let maxlen = 0;
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) {
    let head = f.shorthand ? `  -${f.shorthand}, --${f.name}` : `      --${f.name}`;
    const valueName = f.valueName ?? defaultValueName(f.type);
    if (valueName !== '') head += ` ${valueName}`;
    // maxlen counts the \x00 separator pflag appends before measuring.
    maxlen = Math.max(maxlen, head.length + 1);
    let usage = f.usage;
    if (f.default !== undefined) usage += f.type === 'string' ? ` (default ${goQuote(f.default)})` : ` (default ${f.default})`;
    lines.push({ head, usage });
  }
  // fmt.Fprintln(buf, line[:sidx], spacing, wrap(maxlen+2, cols, usage)): operands joined by spaces.
  return lines.map(({ head, usage }) => `${head} ${' '.repeat(maxlen - head.length)} ${wrap(maxlen + 2, cols, usage)}\n`).join('');
}

/** pflag wrapN: split before column i (allowing `slop` more), preferring an embedded newline. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: text wrapped to width w, every line after the first indented by i. */
export function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', `\n${' '.repeat(i)}`);
  let width = w - i;
  let r = '';
  // Not enough room beside the flags: wrap as a block on the next line at column 16.
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  const indent = `\n${' '.repeat(i)}`;
  let [line, rest] = wrapN(width, slop, s);
  r += line.replaceAll('\n', indent);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    r += indent + line.replaceAll('\n', indent);
  }
  return r;
}
