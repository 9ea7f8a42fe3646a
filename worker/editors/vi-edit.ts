/**
 * vi's operators on the unnamed register: `x` and `dd` delete into it, `yy`
 * copies into it, `p`/`P` put it back. Each change is one undo step. As
 * vim's 'report' option (default 2) makes it, changes of more than two
 * lines are reported (`3 fewer lines`, `3 lines yanked`).
 */
import type { Vi } from './vi.ts';
import { ERROR, firstNonBlank } from './vi.ts';

/** `x`: characters under and after the cursor, into the register. */
export function deleteChars(vi: Vi, n: number): void {
  const line = vi.lines[vi.row]!;
  if (line === '') return;
  vi.change();
  vi.register = { text: [line.slice(vi.col, vi.col + n)], linewise: false };
  vi.lines[vi.row] = line.slice(0, vi.col) + line.slice(vi.col + n);
  vi.clamp();
}

/** `dd`; vim reports changes of more than 'report' (2) lines: `3 fewer lines`. */
export function deleteLines(vi: Vi, n: number): void {
  vi.change();
  vi.register = { text: vi.lines.splice(vi.row, n), linewise: true };
  if (vi.lines.length === 0) vi.lines.push('');
  if (vi.register.text.length > 2) vi.message = `${vi.register.text.length} fewer lines`;
  vi.clamp();
  vi.col = firstNonBlank(vi.lines[vi.row]!);
}

/** `yy`: `3 lines yanked` past the 'report' threshold. */
export function yankLines(vi: Vi, n: number): void {
  vi.register = { text: vi.lines.slice(vi.row, vi.row + n), linewise: true };
  if (vi.register.text.length > 2) vi.message = `${vi.register.text.length} lines yanked`;
}

/** `p` (after) and `P`: whole lines below or above, characters after or at the cursor. */
export function put(vi: Vi, after: boolean): void {
  const reg = vi.register;
  if (reg === undefined) return void (vi.message = ERROR('E353: Nothing in register "'));
  vi.change();
  if (reg.linewise) {
    const at = after ? vi.row + 1 : vi.row;
    vi.lines.splice(at, 0, ...reg.text);
    vi.row = at;
    vi.col = firstNonBlank(vi.lines[at]!);
    return;
  }
  const line = vi.lines[vi.row]!;
  const at = after && line !== '' ? vi.col + 1 : vi.col;
  vi.lines[vi.row] = line.slice(0, at) + reg.text[0] + line.slice(at);
  vi.col = at + reg.text[0]!.length - 1;
}
