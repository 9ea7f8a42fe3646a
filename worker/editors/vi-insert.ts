/**
 * vi's insert mode and command line: typing, Enter, Backspace (which joins
 * lines, as defaults.vim's backspace=indent,eol,start allows), Delete and
 * the arrows; Escape back to normal mode, where the cursor steps left onto
 * the last inserted character as in vim. On the command line, Enter runs
 * the `:` command or the `/` search, Escape or a Backspace past the start
 * cancels it.
 */
import type { Vi } from './vi.ts';
import { exCommand, search } from './vi-ex.ts';

/** A key in insert mode. */
export function insertKey(vi: Vi, key: string): void {
  const line = vi.lines[vi.row]!;
  vi.message = '';
  if (key === 'Escape' || key === 'C-c') {
    vi.mode = 'normal';
    vi.undo.close(vi.lines);
    vi.modified = vi.undo.modified;
    vi.col--;
    return vi.clamp();
  }
  if (key === 'Enter') {
    vi.lines.splice(vi.row, 1, line.slice(0, vi.col), line.slice(vi.col));
    vi.row++;
    vi.col = 0;
  } else if (key === 'Backspace') {
    // defaults.vim sets backspace=indent,eol,start: Backspace joins lines and deletes before the insert start.
    if (vi.col > 0) vi.lines[vi.row] = line.slice(0, vi.col - 1) + line.slice(vi.col--);
    else if (vi.row > 0) {
      const prev = vi.lines[vi.row - 1]!;
      vi.lines.splice(vi.row - 1, 2, prev + line);
      vi.row--;
      vi.col = prev.length;
    }
  } else if (key === 'Delete') {
    if (vi.col < line.length) vi.lines[vi.row] = line.slice(0, vi.col) + line.slice(vi.col + 1);
    else if (vi.row < vi.lines.length - 1) vi.lines.splice(vi.row, 2, line + vi.lines[vi.row + 1]!);
  } else if (key === 'Left') vi.col--;
  else if (key === 'Right') vi.col++;
  else if (key === 'Up') vi.row--;
  else if (key === 'Down') vi.row++;
  else if (key === 'Home') vi.col = 0;
  else if (key === 'End') vi.col = line.length;
  else if (key === 'Tab' || key.length === 1) {
    const c = key === 'Tab' ? '\t' : key;
    vi.lines[vi.row] = line.slice(0, vi.col) + c + line.slice(vi.col);
    vi.col++;
  }
  vi.clamp();
}

/** A key while the command line (`:` or `/`) is being typed. */
export function cmdlineKey(vi: Vi, key: string): void {
  if (key === 'Escape' || key === 'C-c') {
    vi.mode = 'normal';
    return;
  }
  if (key === 'Backspace') {
    vi.cmdline = vi.cmdline.slice(0, -1);
    if (vi.cmdline === '') vi.mode = 'normal';
    return;
  }
  if (key === 'Enter') {
    const line = vi.cmdline;
    vi.mode = 'normal';
    if (line.startsWith('/')) search(vi, line.slice(1) === '' ? vi.lastSearch : line.slice(1), true);
    else exCommand(vi, line.slice(1));
    return vi.clamp();
  }
  if (key === 'Tab') vi.cmdline += '\t';
  else if (key.length === 1) vi.cmdline += key;
}
