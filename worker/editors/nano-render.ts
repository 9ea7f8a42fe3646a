/**
 * nano 7.2's screen (Debian 12): the title bar (`  GNU nano 7.2`, the file
 * name centered, `Modified` on the right) in reverse video, the edit
 * window, the status bar (a `[ message ]` centered in reverse, or a
 * full-width prompt), and two help lines. The help lines follow
 * bottombars() in nano's winio.c: as many items as fit, `COLS / columns`
 * wide, filled column by column, the last column taking the slack; each
 * item is its key in reverse, a space and its tag.
 */

const REV = '\x1b[7m';
const OFF = '\x1b[0m';

/** One help item: key and tag. */
export type HelpItem = [string, string];

/** The main window's shortcuts, in nano's order (the first twelve fit an 80-column terminal). */
export const MAIN_HELP: HelpItem[] = [
  ['^G', 'Help'], ['^X', 'Exit'], ['^O', 'Write Out'], ['^R', 'Read File'], ['^W', 'Where Is'], ['^\\', 'Replace'],
  ['^K', 'Cut'], ['^U', 'Paste'], ['^T', 'Execute'], ['^J', 'Justify'], ['^C', 'Location'], ['^/', 'Go To Line'],
  ['M-U', 'Undo'], ['M-E', 'Redo'], ['M-A', 'Set Mark'], ['M-6', 'Copy'],
];

/** The `File Name to Write:` prompt's shortcuts. */
export const WRITE_HELP: HelpItem[] = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-D', 'DOS Format'], ['M-M', 'Mac Format'],
  ['M-A', 'Append'], ['M-P', 'Prepend'], ['M-B', 'Backup File'], ['^T', 'Browse'],
];

function item([key, tag]: HelpItem, width: number): string {
  const rest = width - key.length;
  if (rest < 2) return `${REV}${key.slice(0, width)}${OFF}`;
  return `${REV}${key}${OFF} ${tag.slice(0, rest - 1).padEnd(rest - 1)}`;
}

/** The two help lines for `items` on a `cols`-wide terminal. */
export function helpLines(items: HelpItem[], cols: number): [string, string] {
  const number = Math.min(items.length, Math.floor((cols + 40) / 20) * 2);
  const itemWidth = Math.floor(cols / Math.floor((number + 1) / 2));
  const lines: [string, string] = ['', ''];
  for (let i = 0; i < number; i++) {
    let width = itemWidth;
    if (number % 2 === 1 && i + 2 === number) width += itemWidth;
    if (i + 2 >= number) width += cols % itemWidth;
    lines[i % 2] += item(items[i]!, width);
  }
  return [lines[0].trimEnd(), lines[1].trimEnd()];
}

/** The Yes/No/Cancel lines of do_yesno_prompt(): ` Y Yes`, then ` N No` and `^C Cancel` 16 columns on. */
export function yesNoLines(): [string, string] {
  return [item([' Y', 'Yes'], 16).trimEnd(), item([' N', 'No'], 16) + item(['^C', 'Cancel'], 16).trimEnd()];
}

/** The title bar: branding at column 2, the name centered, the state flush right. */
export function titleBar(name: string, modified: boolean, cols: number): string {
  const row = Array.from({ length: cols }, () => ' ');
  const put = (at: number, s: string): void => [...s].forEach((c, i) => at + i < cols && (row[at + i] = c));
  put(2, 'GNU nano 7.2');
  const shown = name === '' ? 'New Buffer' : name;
  // Recorded from Debian nano 7.2 (80 columns): the name is centred between the
  // branding (15 columns) and the state slot (10), which is kept even when empty.
  put(Math.max(15, 15 + Math.floor((cols - 25 - shown.length) / 2)), shown);
  if (modified) put(cols - 10, 'Modified');
  return `${REV}${row.join('')}${OFF}`;
}

/** A status message as statusline() shows it: `[ text ]` centered, in reverse. */
export function statusMessage(text: string, cols: number): string {
  if (text === '') return '';
  const shown = `[ ${text} ]`;
  return `${' '.repeat(Math.max(0, Math.floor((cols - shown.length) / 2)))}${REV}${shown}${OFF}`;
}

/** A prompt on the status bar: the whole row in reverse. */
export function promptBar(text: string, cols: number): string {
  return `${REV}${text.padEnd(cols)}${OFF}`;
}
