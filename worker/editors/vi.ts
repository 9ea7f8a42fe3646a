/**
 * vi (vim 9 as Debian ships it, started as `vi` or `vim`): normal, insert
 * and command-line modes over a buffer of lines. Covered: i a A I o O,
 * h j k l and arrows, 0 $ G gg, x, dd, yy, p P, u and Ctrl-R, /search with
 * n N, ZZ ZQ and the ex commands in vi-ex.ts. Messages are vim's own
 * (`"Dockerfile" [New]`, `E37: No write since last change (add ! to override)`).
 */
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, paint, plain } from './types.ts';
import type { Editor, EditorOptions, EditorStep } from './types.ts';
import { editorKeys, splitLines } from './keys.ts';
import { layout, scrollTop } from './vi-render.ts';
import { exCommand, fileInfo, search } from './vi-ex.ts';
import { UndoTree } from './vi-undo.ts';
import { cmdlineKey, insertKey } from './vi-insert.ts';
import { deleteChars, deleteLines, put, yankLines } from './vi-edit.ts';

type Mode = 'normal' | 'insert' | 'cmdline';

/** Commands a count repeats (`3j`, `2p`); other commands ignore a count here. */
const REPEATED = new Set(['h', 'j', 'k', 'l', 'Left', 'Right', 'Up', 'Down', ' ', 'Backspace', 'Enter', '+', 'n', 'N', 'p', 'P', 'u', 'C-r']);

/** Error messages: vim's ErrorMsg highlight (white on red). */
export const ERROR = (s: string): string => `\x1b[97;41m${s}\x1b[0m`;

/** A vi editor on one file. */
export class Vi implements Editor {
  lines: string[];
  row = 0;
  col = 0;
  top = 0;
  mode: Mode = 'normal';
  cmdline = '';
  message = '';
  modified = false;
  isNew: boolean;
  number = false;
  lastSearch: string | undefined;
  readonly path: string;
  cols: number;
  rows: number;
  readonly undo: UndoTree;
  /** The unnamed register: what `x`, `dd` and `yy` took. */
  register: { text: string[]; linewise: boolean } | undefined;
  #pending = '';
  /** A count typed before a command (`3dd`). */
  #count = '';
  #step: EditorStep = { screen: '' };

  constructor(opts: EditorOptions) {
    this.path = opts.path;
    this.cols = opts.cols;
    this.rows = opts.rows;
    this.isNew = opts.text === undefined;
    this.lines = splitLines(opts.text ?? '');
    this.undo = new UndoTree(opts.now ?? Date.now);
    this.message = this.path === '' ? '' : this.isNew ? `"${this.path}" [New]` : fileInfo(this);
  }

  /** The buffer as vim writes it: every line ends with a newline; an empty buffer is an empty file. */
  get text(): string {
    return this.#empty() ? '' : `${this.lines.join('\n')}\n`;
  }

  open(): string {
    return ALT_SCREEN_ON + this.#draw();
  }

  key(data: string): EditorStep {
    this.#step = { screen: '' };
    for (const key of editorKeys(data)) {
      if (this.#step.done) break;
      if (this.mode === 'insert') insertKey(this, key);
      else if (this.mode === 'cmdline') cmdlineKey(this, key);
      else this.#normalKey(key);
    }
    const step = this.#step;
    step.screen = step.done ? ALT_SCREEN_OFF : this.#draw();
    return step;
  }

  view(): string[] {
    return this.#layout().rows.map(plain);
  }

  saveFailed(): string {
    // vim's message when the file cannot be created (fileio.c/bufwrite.c).
    this.message = ERROR(`"${this.path}" E212: Can't open file for writing`);
    this.modified = true;
    return this.#draw();
  }

  resize(cols: number, rows: number): string {
    [this.cols, this.rows] = [cols, rows];
    return this.#draw();
  }

  /** Reports text to save (ex commands call it). */
  save(text: string): void {
    this.#step.save = text;
    this.#step.savePath = this.path;
  }

  /** Ends the editor (ex commands call it). */
  quit(): void {
    this.#step.done = true;
  }

  /** Puts the cursor on a valid position for the mode. */
  clamp(): void {
    this.row = Math.max(0, Math.min(this.row, this.lines.length - 1));
    const len = this.lines[this.row]!.length;
    this.col = Math.max(0, Math.min(this.col, this.mode === 'insert' ? len : Math.max(0, len - 1)));
  }

  #empty(): boolean {
    return this.lines.length === 1 && this.lines[0] === '';
  }

  #layout(): ReturnType<typeof layout> {
    this.top = scrollTop(this);
    const status =
      this.mode === 'cmdline' ? this.cmdline : this.mode === 'insert' && this.message === '' ? '\x1b[1m-- INSERT --\x1b[0m' : this.message;
    return layout({ ...this, lines: this.lines, status, cmdline: this.mode === 'cmdline', empty: this.#empty() });
  }

  #draw(): string {
    const { rows, cursor } = this.#layout();
    return paint(rows, cursor);
  }

  /** Starts a change: one undo step. */
  change(): void {
    this.undo.record(this.lines, this.row, this.col);
    this.modified = true;
  }

  #normalKey(key: string): void {
    if (/^[1-9]$/.test(key) || (key === '0' && this.#count !== '')) return void (this.#count += key);
    const count = this.#count === '' ? undefined : Number(this.#count);
    if (this.#pending !== '' || key === 'x' || key === 'G') this.#count = '';
    const n = count ?? 1;
    const pending = this.#pending;
    this.#pending = '';
    if (key !== 'C-c') this.message = '';
    const line = this.lines[this.row]!;
    if (pending === 'd' && key === 'd') return deleteLines(this, n);
    if (pending === 'y' && key === 'y') return yankLines(this, n);
    if (pending === 'g' && key === 'g') return void ((this.row = n - 1), this.clamp(), (this.col = firstNonBlank(this.lines[this.row]!)));
    if (pending === 'Z' && key === 'Z') return exCommand(this, 'x');
    if (pending === 'Z' && key === 'Q') return exCommand(this, 'q!');
    if (pending !== '') return;
    if (key === 'x' || key === 'Delete') return deleteChars(this, n);
    if (key === 'G' && count !== undefined) return exCommand(this, String(count));
    if (count !== undefined && !'dygZ'.includes(key)) {
      // A count repeats a motion (`3j`); `d`, `y`, `g` keep it for their second key.
      this.#count = '';
      if (REPEATED.has(key)) for (let i = 1; i < n; i++) this.#normalKey(key);
    }
    switch (key) {
      case 'i':
      case 'a':
      case 'A':
      case 'I':
        this.#startInsert();
        if (key === 'a' && line !== '') this.col++;
        if (key === 'A') this.col = line.length;
        if (key === 'I') this.col = firstNonBlank(line);
        return;
      case 'o':
      case 'O':
        this.#startInsert();
        if (key === 'o') this.row++;
        this.lines.splice(this.row, 0, '');
        this.col = 0;
        return;
      case 'h':
      case 'Left':
      case 'Backspace':
        this.col--;
        break;
      case 'l':
      case 'Right':
      case ' ':
        this.col++;
        break;
      case 'j':
      case 'Down':
      case 'C-n':
        this.row++;
        break;
      case 'k':
      case 'Up':
      case 'C-p':
        this.row--;
        break;
      case 'Enter':
      case '+':
        if (this.row < this.lines.length - 1) this.row++;
        this.col = firstNonBlank(this.lines[this.row]!);
        break;
      case '0':
      case 'Home':
        this.col = 0;
        break;
      case '$':
      case 'End':
        this.col = line.length;
        break;
      case 'G':
        this.row = this.lines.length - 1;
        this.col = firstNonBlank(this.lines[this.row]!);
        break;
      case 'p':
      case 'P':
        put(this, key === 'p');
        break;
      case 'u':
        this.undo.undo(this);
        break;
      case 'C-r':
        this.undo.redo(this);
        break;
      case 'n':
      case 'N':
        search(this, this.lastSearch, key === 'n');
        break;
      case ':':
      case '/':
        this.mode = 'cmdline';
        this.cmdline = key;
        return;
      case 'd':
      case 'y':
      case 'g':
      case 'Z':
        this.#pending = key;
        return;
      case 'C-c':
        this.message = 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim';
        return;
    }
    this.clamp();
  }

  #startInsert(): void {
    this.change();
    this.mode = 'insert';
    this.message = '';
  }

}

/** Column of the first non-blank character (`^`), as j/k-to-line motions and `dd` leave the cursor. */
export function firstNonBlank(line: string): number {
  const m = /^[ \t]*/.exec(line)![0].length;
  return m < line.length ? m : Math.max(0, line.length - 1);
}

/** Opens vi on a file. */
export function createVi(opts: EditorOptions): Editor {
  return new Vi(opts);
}
