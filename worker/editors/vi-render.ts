/**
 * How vim draws its window (Debian's vim 9 with defaults.vim, which turns on
 * `ruler`): each buffer line wraps over as many rows as it needs, rows past
 * the end of the buffer show `~` (NonText, blue), `:set number` adds a
 * right-aligned number column of width 4 (`numberwidth`), and the last row
 * holds the mode (`-- INSERT --`), a message or the command line, with the
 * ruler (`line,col` and All/Top/Bot/NN%) 18 columns from the right edge.
 */

const TAB = 8;
const NONTEXT = '\x1b[94m';
const LINENR = '\x1b[33m';
const RESET = '\x1b[0m';

/** What the window shows, taken from the editor's state. */
export interface ViView {
  lines: readonly string[];
  row: number;
  col: number;
  top: number;
  number: boolean;
  cols: number;
  rows: number;
  /** The last row's text, attributes included. */
  status: string;
  /** Whether the status row is the command line (the cursor goes there, no ruler). */
  cmdline: boolean;
  /** An empty buffer: vim's ruler says `0,0-1`. */
  empty: boolean;
}

/** Columns a line's first `chars` characters take on screen (tabs to the next multiple of 8). */
export function displayWidth(line: string, chars = line.length): number {
  let w = 0;
  for (let i = 0; i < chars && i < line.length; i++) w = line[i] === '\t' ? w + TAB - (w % TAB) : w + 1;
  return w;
}

function expand(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(TAB - (out.length % TAB)) : c;
  return out;
}

/** Screen rows a buffer line takes with `width` text columns. */
export function rowsOf(line: string, width: number): number {
  return Math.max(1, Math.ceil(displayWidth(line) / width));
}

/** The first buffer line to show so that the cursor's line is on screen. */
export function scrollTop(v: Pick<ViView, 'lines' | 'row' | 'top' | 'number' | 'cols' | 'rows'>): number {
  const width = textWidth(v);
  let top = Math.min(v.top, v.row);
  const fits = (): boolean => {
    let used = 0;
    for (let i = top; i <= v.row; i++) used += rowsOf(v.lines[i]!, width);
    return used <= v.rows - 1;
  };
  while (top < v.row && !fits()) top++;
  return top;
}

function textWidth(v: Pick<ViView, 'lines' | 'number' | 'cols'>): number {
  return v.number ? v.cols - numberWidth(v.lines.length) : v.cols;
}

function numberWidth(count: number): number {
  return Math.max(3, String(count).length) + 1;
}

/** vim's ruler text: `line,col` padded, then the position in the file, 18 columns in all. */
export function ruler(v: ViView): string {
  const line = v.lines[v.row]!;
  const col = v.empty ? '0-1' : line === '' ? '0-1' : rulerCol(line, v.col);
  const pos = `${v.empty ? 0 : v.row + 1},${col}`;
  // Recorded from Debian vim 9 (80 columns): the ruler starts 18 columns from the right and leaves the last column empty.
  return `${pos.padEnd(13)} ${relative(v)}`;
}

function rulerCol(line: string, col: number): string {
  const bytes = new TextEncoder().encode(line.slice(0, col)).length + 1;
  const screen = displayWidth(line, col) + 1;
  return bytes === screen ? String(bytes) : `${bytes}-${screen}`;
}

function relative(v: ViView): string {
  const width = textWidth(v);
  let shownRows = 0;
  let last = v.top;
  while (last < v.lines.length && shownRows + rowsOf(v.lines[last]!, width) <= v.rows - 1) shownRows += rowsOf(v.lines[last++]!, width);
  const above = v.top;
  const below = v.lines.length - last;
  if (above === 0 && below <= 0) return 'All';
  if (above === 0) return 'Top';
  if (below <= 0) return 'Bot';
  return `${Math.floor((above * 100) / (above + below))}%`.padStart(3);
}

/** The rows of the screen (with attributes) and where the cursor goes. */
export function layout(v: ViView): { rows: string[]; cursor: { row: number; col: number } } {
  const width = textWidth(v);
  const nw = v.number ? numberWidth(v.lines.length) : 0;
  const out: string[] = [];
  let cursor = { row: 0, col: 0 };
  for (let i = v.top; i < v.lines.length && out.length < v.rows - 1; i++) {
    const text = expand(v.lines[i]!);
    const span = rowsOf(v.lines[i]!, width);
    if (out.length + span > v.rows - 1 && out.length > 0) {
      // vim shows `@` rows when the last line does not fit whole.
      while (out.length < v.rows - 1) out.push(`${NONTEXT}@${RESET}`);
      break;
    }
    if (i === v.row) {
      const dc = displayWidth(v.lines[i]!, v.col);
      cursor = { row: out.length + Math.floor(dc / width), col: nw + (dc % width) };
    }
    for (let r = 0; r < span && out.length < v.rows - 1; r++) {
      const num = v.number ? (r === 0 ? `${LINENR}${String(i + 1).padStart(nw - 1)} ${RESET}` : ' '.repeat(nw)) : '';
      out.push(num + text.slice(r * width, (r + 1) * width));
    }
  }
  while (out.length < v.rows - 1) out.push(`${NONTEXT}~${RESET}`);
  let status = v.status;
  if (v.cmdline) {
    cursor = { row: v.rows - 1, col: Math.min(v.cols - 1, status.replace(/\x1b\[[0-9;]*m/g, '').length) };
  } else {
    const shown = status.replace(/\x1b\[[0-9;]*m/g, '').length;
    const at = v.cols - 18;
    if (shown < at) status += ' '.repeat(at - shown) + ruler(v);
  }
  out.push(status);
  return { rows: out, cursor };
}
