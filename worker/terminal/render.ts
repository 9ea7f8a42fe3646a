/**
 * Escape sequences that draw an edited line which may wrap over several
 * terminal rows. Positions are offsets from the start of the prompt,
 * counted in columns (one per UTF-16 unit: the simulator's prompts and
 * commands are ASCII; wide characters would need wcwidth).
 *
 * xterm, like a VT100, leaves the cursor on the last column with a pending
 * wrap after writing the last character of a row, so a line that ends
 * exactly at the right margin is made to wrap as readline does on `xn`
 * terminals (display.c: it writes one more character): a space, which wraps,
 * then CR. Afterwards the cursor really is at the start of the next row,
 * where the arithmetic expects it, and the terminal still knows the rows are
 * one wrapped line (a CR LF would end it: copying it, or a triple-click,
 * would break the command in two).
 */

/** Row and column of offset `n` on a terminal `cols` wide. */
export function position(n: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(n / cols), col: n % cols };
}

/** Moves the cursor from offset `from` to offset `to` (relative moves: CUU/CUD, CR, CUF). */
export function moveCursor(from: number, to: number, cols: number): string {
  if (from === to) return '';
  const a = position(from, cols);
  const b = position(to, cols);
  let s = '';
  if (b.row < a.row) s += `\x1b[${a.row - b.row}A`;
  else if (b.row > a.row) s += `\x1b[${b.row - a.row}B`;
  if (b.row === a.row && b.col < a.col && a.col - b.col <= 4) return s + '\b'.repeat(a.col - b.col);
  s += '\r';
  if (b.col > 0) s += `\x1b[${b.col}C`;
  return s;
}

/**
 * The offset after writing `text` from offset `start`. A line feed in the
 * text (a here-document recalled from the history, which bash stores with
 * its newlines) is drawn as CR LF, as readline draws it, and so ends its row:
 * the next character starts the next row.
 */
export function offsetAfter(start: number, text: string, cols: number): number {
  let at = start;
  for (const c of text) at = c === '\n' ? (Math.floor(at / cols) + 1) * cols : at + 1;
  return at;
}

/** `text` as written to the terminal: its line feeds as CR LF (see {@link offsetAfter}). */
export function shown(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** After writing up to offset `end`, makes a pending wrap real (see the module comment). */
export function settleWrap(end: number, cols: number): string {
  return end > 0 && end % cols === 0 ? ' \r' : '';
}

/** Length of `s` on screen: without CSI/OSC escape sequences. */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g, '').length;
}

/**
 * Redraws prompt and line from scratch: back to the prompt's first row,
 * write both, clear what an older, longer line left below, and put the
 * cursor at `cursor` (an index into `text`). `at` is where the cursor is now.
 */
export function redraw(prompt: string, text: string, cursor: number, at: number, cols: number): { out: string; at: number } {
  const p = visibleLength(prompt);
  const end = offsetAfter(p, text, cols);
  const target = offsetAfter(p, text.slice(0, cursor), cols);
  let out = '';
  const row = position(at, cols).row;
  if (row > 0) out += `\x1b[${row}A`;
  out += `\r${prompt}${shown(text)}${text.endsWith('\n') ? '' : settleWrap(end, cols)}\x1b[J`;
  out += moveCursor(end, target, cols);
  return { out, at: target };
}

/**
 * Lays out completion candidates in columns as readline does
 * (rl_display_match_list): sorted down the columns, two spaces between,
 * as many columns as fit in the terminal.
 */
export function columns(items: readonly string[], cols: number): string {
  if (items.length === 0) return '';
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const last = items[(c + 1) * rows + r] === undefined;
      line += last ? item : item.padEnd(width);
    }
    lines.push(line);
  }
  return lines.join('\r\n') + '\r\n';
}
