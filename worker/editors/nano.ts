/**
 * nano 7.2 (Debian 12's): typing, arrows, Home/End, Backspace/Delete,
 * Enter, ^K/^U (cut and paste whole lines), ^O with the `File Name to
 * Write:` prompt, and ^X with `Save modified buffer?` when the buffer
 * changed. As nano does, the buffer keeps a last empty line after a final
 * newline, and a write ends a non-empty last line with a newline.
 * Messages are nano's: `[ New File ]`, `[ Read 3 lines ]`, `[ Wrote 1 line ]`.
 */
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, paint, plain } from './types.ts';
import type { Editor, EditorOptions, EditorStep } from './types.ts';
import { editorKeys } from './keys.ts';
import { MAIN_HELP, WRITE_HELP, helpLines, promptBar, statusMessage, titleBar, yesNoLines } from './nano-render.ts';

type Prompt = { kind: 'none' } | { kind: 'write'; name: string; thenExit: boolean } | { kind: 'save-modified' };

const lines = (n: number): string => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** A nano editor on one file. */
export class Nano implements Editor {
  #lines: string[];
  #row = 0;
  #col = 0;
  #top = 0;
  #path: string;
  #modified = false;
  #message: string;
  /** Keystrokes until the status message goes away (nano blanks it after a while). */
  #countdown = 20;
  #prompt: Prompt = { kind: 'none' };
  #cut: string[] = [];
  #cols: number;
  #rows: number;
  #step: EditorStep = { screen: '' };

  constructor(opts: EditorOptions) {
    this.#path = opts.path;
    this.#cols = opts.cols;
    this.#rows = opts.rows;
    this.#lines = (opts.text ?? '').split('\n');
    this.#message = opts.text === undefined ? (opts.path === '' ? '' : 'New File') : `Read ${lines(this.#count())}`;
  }

  get text(): string {
    const last = this.#lines.at(-1)!;
    return this.#lines.join('\n') + (last === '' ? '' : '\n');
  }

  open(): string {
    return ALT_SCREEN_ON + this.#draw();
  }

  key(data: string): EditorStep {
    this.#step = { screen: '' };
    for (const key of editorKeys(data)) {
      if (this.#step.done) break;
      if (this.#countdown-- <= 0) this.#message = '';
      if (this.#prompt.kind === 'write') this.#writeKey(key, this.#prompt);
      else if (this.#prompt.kind === 'save-modified') this.#yesNoKey(key);
      else this.#editKey(key);
    }
    const step = this.#step;
    step.screen = step.done ? ALT_SCREEN_OFF : this.#draw();
    return step;
  }

  view(): string[] {
    return this.#screen().rows.map(plain);
  }

  saveFailed(reason: string): string {
    // nano's write_file() message, naming the file and the system error.
    this.#say(`Error writing ${this.#path}: ${reason}`);
    this.#modified = true;
    return this.#draw();
  }

  resize(cols: number, rows: number): string {
    [this.#cols, this.#rows] = [cols, rows];
    return this.#draw();
  }

  /** Lines as nano counts them: the empty line after a final newline is not one. */
  #count(): number {
    return this.#lines.at(-1) === '' ? this.#lines.length - 1 : this.#lines.length;
  }

  #say(message: string): void {
    this.#message = message;
    this.#countdown = 20;
  }

  #editKey(key: string): void {
    const line = this.#lines[this.#row]!;
    switch (key) {
      case 'C-o':
        this.#prompt = { kind: 'write', name: this.#path, thenExit: false };
        return;
      case 'C-x':
        if (!this.#modified) return void (this.#step.done = true);
        this.#prompt = { kind: 'save-modified' };
        return;
      case 'Enter':
        this.#lines.splice(this.#row, 1, line.slice(0, this.#col), line.slice(this.#col));
        this.#row++;
        this.#col = 0;
        return this.#changed();
      case 'Backspace':
      case 'C-h':
        if (this.#col > 0) {
          this.#lines[this.#row] = line.slice(0, this.#col - 1) + line.slice(this.#col--);
        } else if (this.#row > 0) {
          const prev = this.#lines[this.#row - 1]!;
          this.#lines.splice(this.#row - 1, 2, prev + line);
          this.#row--;
          this.#col = prev.length;
        } else return;
        return this.#changed();
      case 'Delete':
      case 'C-d':
        if (this.#col < line.length) this.#lines[this.#row] = line.slice(0, this.#col) + line.slice(this.#col + 1);
        else if (this.#row < this.#lines.length - 1) this.#lines.splice(this.#row, 2, line + this.#lines[this.#row + 1]!);
        else return;
        return this.#changed();
      case 'C-k':
        // ^K cuts the whole line; the last (empty) line stays, as nano keeps its magic line.
        if (this.#row === this.#lines.length - 1 && line === '') return;
        this.#cut = [this.#lines.splice(this.#row, 1)[0]!];
        if (this.#lines.length === 0) this.#lines.push('');
        this.#col = 0;
        return this.#changed();
      case 'C-u':
        if (this.#cut.length === 0) return;
        this.#lines.splice(this.#row, 0, ...this.#cut);
        this.#row += this.#cut.length;
        this.#col = 0;
        return this.#changed();
      case 'Left':
      case 'C-b':
        if (this.#col > 0) this.#col--;
        else if (this.#row > 0) this.#col = this.#lines[--this.#row]!.length;
        return;
      case 'Right':
      case 'C-f':
        if (this.#col < line.length) this.#col++;
        else if (this.#row < this.#lines.length - 1) [this.#row, this.#col] = [this.#row + 1, 0];
        return;
      case 'Up':
      case 'C-p':
        if (this.#row > 0) this.#row--;
        break;
      case 'Down':
      case 'C-n':
        if (this.#row < this.#lines.length - 1) this.#row++;
        break;
      case 'Home':
      case 'C-a':
        this.#col = 0;
        return;
      case 'End':
      case 'C-e':
        this.#col = line.length;
        return;
      default:
        if (key !== 'Tab' && key.length !== 1) return;
        this.#lines[this.#row] = line.slice(0, this.#col) + (key === 'Tab' ? '\t' : key) + line.slice(this.#col);
        this.#col++;
        return this.#changed();
    }
    this.#col = Math.min(this.#col, this.#lines[this.#row]!.length);
  }

  #changed(): void {
    this.#modified = true;
  }

  #writeKey(key: string, prompt: { name: string; thenExit: boolean }): void {
    if (key === 'C-c') {
      this.#prompt = { kind: 'none' };
      return this.#say('Cancelled');
    }
    if (key === 'Backspace') prompt.name = prompt.name.slice(0, -1);
    else if (key.length === 1) prompt.name += key;
    if (key !== 'Enter') return;
    this.#prompt = { kind: 'none' };
    if (prompt.name === '') return this.#say('Cancelled');
    this.#path = prompt.name;
    this.#step.save = this.text;
    this.#step.savePath = prompt.name;
    this.#modified = false;
    this.#say(`Wrote ${lines(this.#count())}`);
    if (prompt.thenExit) this.#step.done = true;
  }

  #yesNoKey(key: string): void {
    if (key === 'y' || key === 'Y') this.#prompt = { kind: 'write', name: this.#path, thenExit: true };
    else if (key === 'n' || key === 'N') this.#step.done = true;
    else if (key === 'C-c') {
      this.#prompt = { kind: 'none' };
      this.#say('Cancelled');
    }
  }

  #screen(): { rows: string[]; cursor: { row: number; col: number } } {
    const height = this.#rows - 4;
    if (this.#row < this.#top) this.#top = this.#row;
    if (this.#row >= this.#top + height) this.#top = this.#row - height + 1;
    const rows = [titleBar(this.#path, this.#modified, this.#cols)];
    for (let i = 0; i < height; i++) rows.push(expand(this.#lines[this.#top + i] ?? '').slice(0, this.#cols));
    let cursor = { row: 1 + this.#row - this.#top, col: Math.min(this.#cols - 1, expand(this.#lines[this.#row]!.slice(0, this.#col)).length) };
    const p = this.#prompt;
    if (p.kind === 'none') {
      rows.push(statusMessage(this.#message, this.#cols), ...helpLines(MAIN_HELP, this.#cols));
      return { rows, cursor };
    }
    const text = p.kind === 'write' ? `File Name to Write: ${p.name}` : 'Save modified buffer? ';
    cursor = { row: this.#rows - 3, col: Math.min(this.#cols - 1, text.length) };
    rows.push(promptBar(text, this.#cols), ...(p.kind === 'write' ? helpLines(WRITE_HELP, this.#cols) : yesNoLines()));
    return { rows, cursor };
  }

  #draw(): string {
    const { rows, cursor } = this.#screen();
    return paint(rows, cursor);
  }
}

function expand(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}

/** Opens nano on a file. */
export function createNano(opts: EditorOptions): Editor {
  return new Nano(opts);
}
