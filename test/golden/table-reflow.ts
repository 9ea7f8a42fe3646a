/**
 * Re-rendering of docker's tabwriter tables after their cells were normalized.
 *
 * docker/cli renders every `table …` format with its fork of Go text/tabwriter
 * (minwidth 10, padding 3, pad char ' ', no flags; docker-reference §1.1): each
 * column but the last of a line is padded to max(10, widest cell + 3); the last
 * cell is written as-is. Replacing an id or a time by a placeholder changes cell
 * widths, so a plain text comparison would then fail on padding alone. Here the
 * table is split into cells at the header's column starts (exact, because the
 * original output is aligned to them), each cell is mapped, and the table is
 * rendered again by the same rule. The header text, the column order and every
 * cell's content still have to match exactly; only the padding is recomputed.
 */

const MIN_WIDTH = 10;
const PADDING = 3;

/** A header line: no lower-case letters, cells separated by 2+ spaces (cells like "IMAGE ID" hold one). */
const HEADER = /^[A-Z][A-Z0-9 _.:/()\-\[\]<>]*$/;

/** Display width as go-runewidth counts it for the text docker prints (ASCII and `…` are 1 cell). */
function width(s: string): number {
  return [...s].length;
}

/** Column start offsets of a header line, or undefined when the line is not a table header. */
export function headerColumns(line: string): number[] | undefined {
  if (!HEADER.test(line) || line.trim() !== line.trimEnd() || line.trim() === '') return undefined;
  const starts: number[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) starts.push(m.index);
  return starts;
}

/** Splits an aligned row into cells at the header's column starts (last cell keeps trailing text as-is). */
export function splitRow(line: string, starts: number[]): string[] {
  const chars = [...line];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : chars.length;
    const cell = chars.slice(start, end).join('');
    return i + 1 < starts.length ? cell.trimEnd() : cell;
  });
}

/** Renders rows of cells the way docker's tabwriter does (see module comment). */
export function renderTable(rows: string[][]): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) {
    const widest = Math.max(0, ...rows.filter((r) => c < r.length - 1).map((r) => width(r[c] ?? '')));
    widths.push(Math.max(MIN_WIDTH, widest + PADDING));
  }
  return rows.map((r) => r.map((cell, c) => (c < r.length - 1 ? cell + ' '.repeat(widths[c] - width(cell)) : cell)).join(''));
}

/**
 * Applies `mapCell` to text. Each docker table in it (a header line followed
 * by aligned rows, up to the first empty line) at the start of the text or
 * after an empty line (`docker system df -v` prints four, each after its
 * title) has each cell mapped separately and is re-rendered; the text between
 * tables is mapped as a whole.
 */
export function reflow(text: string, mapCell: (s: string) => string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let plain: string[] = [];
  const flush = (): void => {
    if (plain.length > 0) out.push(mapCell(plain.join('\n')));
    plain = [];
  };
  let i = 0;
  while (i < lines.length) {
    const starts = (i === 0 || lines[i - 1] === '') && i + 1 < lines.length ? headerColumns(lines[i]!) : undefined;
    if (!starts) {
      plain.push(lines[i]!);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end] !== '') end++;
    flush();
    out.push(...renderTable(lines.slice(i, end).map((l) => splitRow(l, starts).map(mapCell))));
    i = end;
  }
  flush();
  return out.join('\n');
}

/** Re-renders a docker table with its own cells (normalizes padding only). */
export function normalizeTable(text: string): string {
  return reflow(text, (s) => s);
}
