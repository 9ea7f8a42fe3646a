/**
 * vi's command line: the ex commands a learner needs to save and leave
 * (`:w`, `:q`, `:q!`, `:wq`, `:x`), `:set nu`/`:set nonu`, `:N` to go to a
 * line, and `/pattern` search. Messages and error numbers are vim's
 * (ex_cmds.c, ex_docmd.c, search.c).
 */
import { byteLength } from './keys.ts';
import type { Vi } from './vi.ts';
import { ERROR, firstNonBlank } from './vi.ts';

/** `"Dockerfile" 3L, 42B`: vim's file message (fileinfo / msg_add_lines). */
export function fileInfo(vi: Vi): string {
  const text = vi.text;
  const lines = text === '' ? 0 : vi.lines.length;
  return `"${vi.path}" ${lines}L, ${byteLength(text)}B`;
}

function write(vi: Vi): boolean {
  if (vi.path === '') {
    vi.message = ERROR('E32: No file name');
    return false;
  }
  const text = vi.text;
  const lines = text === '' ? 0 : vi.lines.length;
  vi.message = `"${vi.path}" ${vi.isNew ? '[New] ' : ''}${lines}L, ${byteLength(text)}B written`;
  vi.isNew = false;
  vi.save(text);
  vi.undo.saved();
  vi.modified = false;
  return true;
}

/** Runs one ex command line (without its `:`). */
export function exCommand(vi: Vi, line: string): void {
  const cmd = line.trim().replace(/^:+/, '');
  if (cmd === '') return;
  if (/^\d+$/.test(cmd) || cmd === '$') {
    vi.row = cmd === '$' ? vi.lines.length - 1 : Math.max(0, Number(cmd) - 1);
    vi.clamp();
    vi.col = firstNonBlank(vi.lines[vi.row]!);
    return;
  }
  const set = /^se(?:t)?\s+(.*)$/.exec(cmd);
  if (set) return setOption(vi, set[1]!.trim());
  switch (cmd) {
    case 'w':
    case 'w!':
    case 'write':
      return void write(vi);
    case 'q':
    case 'quit':
    case 'qa':
      if (vi.modified) return void (vi.message = ERROR('E37: No write since last change (add ! to override)'));
      return vi.quit();
    case 'q!':
    case 'quit!':
    case 'qa!':
      return vi.quit();
    case 'wq':
    case 'wq!':
      return void (write(vi) && vi.quit());
    case 'x':
    case 'x!':
    case 'xit':
    case 'exit':
      // `:x` and ZZ write only when the buffer changed (or the file does not exist yet).
      if ((vi.modified || vi.isNew) && !write(vi)) return;
      return vi.quit();
  }
  vi.message = ERROR(`E492: Not an editor command: ${line.trim()}`);
}

function setOption(vi: Vi, option: string): void {
  if (option === 'nu' || option === 'number') vi.number = true;
  else if (option === 'nonu' || option === 'nonumber') vi.number = false;
  else if (option === 'nu!' || option === 'invnu' || option === 'number!' || option === 'invnumber') vi.number = !vi.number;
  else vi.message = ERROR(`E518: Unknown option: ${option}`);
}

/** vim's magic patterns for what they share with JavaScript; `+ ? { } ( ) |` are literal in vim. */
function pattern(p: string): RegExp {
  try {
    return new RegExp(p.replace(/[+?{}()|]/g, '\\$&'), 'g');
  } catch {
    return new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  }
}

/** `/pattern` (forward) or `n`/`N`: moves to the next match, wrapping around with vim's warning. */
export function search(vi: Vi, pat: string | undefined, forward: boolean): void {
  if (pat === undefined) return void (vi.message = ERROR('E35: No previous regular expression'));
  vi.lastSearch = pat;
  const re = pattern(pat);
  const matches: Array<[number, number]> = [];
  vi.lines.forEach((line, row) => {
    for (const m of line.matchAll(re)) matches.push([row, m.index]);
  });
  vi.message = `${forward ? '/' : '?'}${pat}`;
  if (matches.length === 0) return void (vi.message = ERROR(`E486: Pattern not found: ${pat}`));
  const after = ([r, c]: [number, number]): boolean => r > vi.row || (r === vi.row && c > vi.col);
  const before = ([r, c]: [number, number]): boolean => r < vi.row || (r === vi.row && c < vi.col);
  let hit = forward ? matches.find(after) : matches.filter(before).at(-1);
  if (hit === undefined) {
    hit = forward ? matches[0]! : matches.at(-1)!;
    vi.message = `\x1b[91m${forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM'}\x1b[0m`;
  }
  [vi.row, vi.col] = hit;
}
