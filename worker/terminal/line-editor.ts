/**
 * A bash-like line editor (GNU readline, emacs mode, as bash binds it by
 * default) over a structural terminal: it writes escape sequences through
 * {@link TerminalOutput} and is fed one parsed {@link Key} at a time.
 *
 * Bindings (readline(3) "DEFAULT KEY BINDINGS"): Left/Right and Ctrl-B/F,
 * Home/End and Ctrl-A/E, Meta-B/F and Ctrl-Left/Right by word, Backspace,
 * Delete, Ctrl-D (delete-char, or end of input on an empty line), Ctrl-K,
 * Ctrl-U, Ctrl-W, Ctrl-Y (yank), Up/Down and Ctrl-P/N (history), Ctrl-L
 * (clear-screen), Ctrl-C (bash's SIGINT handler: `^C`, a fresh line), Tab
 * (complete; a second Tab lists the candidates).
 */
import type { Key } from './keys.ts';
import * as buf from './line-buffer.ts';
import type { LineState } from './line-buffer.ts';
import type { History } from './history.ts';
import { HistoryCursor } from './history.ts';
import { columns, moveCursor, offsetAfter, redraw, settleWrap, shown, visibleLength } from './render.ts';
import { applyCompletion } from './completion-apply.ts';
import type { Completer } from './completion-apply.ts';

/** Where the editor draws: a terminal's write, and its width in columns. */
export interface TerminalOutput {
  write(data: string): void;
  readonly cols: number;
}

/** What a key did to the line being read. */
export type EditOutcome =
  | { kind: 'pending' }
  | { kind: 'line'; line: string }
  /** Ctrl-C: the line is dropped. */
  | { kind: 'interrupt' }
  /** Ctrl-D on an empty line. */
  | { kind: 'eof' };

const PENDING: EditOutcome = { kind: 'pending' };

/** Reads lines, one at a time, from keys. */
export class LineEditor {
  #term: TerminalOutput;
  #history: History;
  #complete: Completer | undefined;
  #prompt = '';
  #line: LineState = buf.EMPTY_LINE;
  /** Offset of the cursor from the start of the prompt, in columns. */
  #at = 0;
  #kill = '';
  #walk: HistoryCursor | undefined;
  #lastWasTab = false;
  #reading = false;

  constructor(term: TerminalOutput, history: History, complete?: Completer) {
    this.#term = term;
    this.#history = history;
    this.#complete = complete;
  }

  /** The line typed so far. */
  get line(): LineState {
    return this.#line;
  }

  /** Whether a line is being read with the cursor at its end: typed text would simply be echoed. */
  get appending(): boolean {
    return this.#reading && this.#line.cursor === this.#line.text.length;
  }

  /** Starts reading a line: shows the prompt on the current row. */
  begin(prompt: string, initial = ''): void {
    this.#prompt = prompt;
    this.#line = { text: initial, cursor: initial.length };
    this.#walk = undefined;
    this.#lastWasTab = false;
    this.#reading = true;
    const end = offsetAfter(visibleLength(prompt), initial, this.#term.cols);
    this.#term.write(prompt + shown(initial) + settleWrap(end, this.#term.cols));
    this.#at = end;
  }

  /** Handles one key of the line being read. */
  async handle(key: Key): Promise<EditOutcome> {
    const wasTab = this.#lastWasTab;
    this.#lastWasTab = key.kind === 'tab';
    const l = this.#line;
    switch (key.kind) {
      case 'text':
        return this.#insert(key.text, key.echoed);
      case 'paste':
        return this.#insert(key.text);
      case 'enter':
        this.#reading = false;
        this.#finish('\r\n');
        return { kind: 'line', line: l.text };
      case 'backspace':
        return this.#set(buf.backspace(l));
      case 'delete':
        return this.#set(buf.deleteChar(l));
      case 'left':
        return this.#set(buf.moveTo(l, l.cursor - 1));
      case 'right':
        return this.#set(buf.moveTo(l, l.cursor + 1));
      case 'home':
        return this.#set(buf.moveTo(l, 0));
      case 'end':
        return this.#set(buf.moveTo(l, l.text.length));
      case 'word-left':
        return this.#set(buf.wordLeft(l));
      case 'word-right':
        return this.#set(buf.wordRight(l));
      case 'up':
        return this.#historyStep(-1);
      case 'down':
        return this.#historyStep(1);
      case 'tab':
        return this.#tab(wasTab);
      case 'ctrl':
        return this.#ctrl(key.letter);
      default:
        return PENDING;
    }
  }

  /** Ends the line with `^C` as bash's SIGINT handler does, without returning it. */
  interrupt(): EditOutcome {
    this.#reading = false;
    this.#finish('^C\r\n');
    return { kind: 'interrupt' };
  }

  async #ctrl(letter: string): Promise<EditOutcome> {
    const l = this.#line;
    switch (letter) {
      case 'a':
        return this.#set(buf.moveTo(l, 0));
      case 'e':
        return this.#set(buf.moveTo(l, l.text.length));
      case 'b':
        return this.#set(buf.moveTo(l, l.cursor - 1));
      case 'f':
        return this.#set(buf.moveTo(l, l.cursor + 1));
      case 'k':
        return this.#killed(buf.killToEnd(l));
      case 'u':
        return this.#killed(buf.killToStart(l));
      case 'w':
        return this.#killed(buf.killWordBack(l));
      case 'y':
        return this.#insert(this.#kill);
      case 'p':
        return this.#historyStep(-1);
      case 'n':
        return this.#historyStep(1);
      case 'c':
        return this.interrupt();
      case 'd':
        if (l.text !== '') return this.#set(buf.deleteChar(l));
        this.#reading = false;
        this.#at = 0;
        return { kind: 'eof' };
      case 'l':
        // clear-screen: the prompt and line go to the top row of a cleared screen.
        this.#term.write('\x1b[H\x1b[2J');
        this.#at = 0;
        return this.#set(l, true);
      default:
        return PENDING;
    }
  }

  /** Inserts at the cursor; `echoed` text is already on the screen, where the page drew it. */
  #insert(s: string, echoed = false): EditOutcome {
    if (s === '') return PENDING;
    const l = this.#line;
    if (l.cursor === l.text.length) {
      // Appending, the common case: echo the text alone (keystroke-to-echo budget, design.md §9).
      this.#line = buf.insert(l, s);
      const end = this.#at + s.length;
      this.#term.write((echoed ? '' : s) + settleWrap(end, this.#term.cols));
      this.#at = end;
      return PENDING;
    }
    // Echoed but not at the end (cannot happen with Console's checks): the screen cursor moved; redraw.
    if (echoed) this.#at += s.length;
    return this.#set(buf.insert(l, s));
  }

  #killed(k: buf.Killed): EditOutcome {
    if (k.killed !== '') this.#kill = k.killed;
    return this.#set(k.line);
  }

  async #historyStep(dir: -1 | 1): Promise<EditOutcome> {
    await this.#history.loaded;
    this.#walk ??= new HistoryCursor(this.#history);
    const text = dir < 0 ? this.#walk.previous(this.#line.text) : this.#walk.next();
    if (text === undefined) return PENDING;
    return this.#set({ text, cursor: text.length });
  }

  async #tab(wasTab: boolean): Promise<EditOutcome> {
    if (!this.#complete) return this.#insert('\t');
    const done = await applyCompletion(this.#complete, this.#line, wasTab);
    if (done.list) {
      this.#finish('\r\n');
      this.#term.write(columns(done.list, this.#term.cols));
      this.#at = 0;
      return this.#set(done.line, true);
    }
    if (done.bell) this.#term.write('\x07');
    return this.#set(done.line);
  }

  /** Shows `next`: moves the cursor when only it changed, else redraws the line. */
  #set(next: LineState, full = false): EditOutcome {
    const p = visibleLength(this.#prompt);
    const cols = this.#term.cols;
    if (!full && next.text === this.#line.text) {
      const to = offsetAfter(p, next.text.slice(0, next.cursor), cols);
      this.#term.write(moveCursor(this.#at, to, cols));
      this.#at = to;
    } else {
      const r = redraw(this.#prompt, next.text, next.cursor, full ? 0 : this.#at, cols);
      this.#term.write(r.out);
      this.#at = r.at;
    }
    this.#line = next;
    return PENDING;
  }

  /** Moves to the end of the line and writes `tail` (a newline, `^C`). */
  #finish(tail: string): void {
    const cols = this.#term.cols;
    const end = offsetAfter(visibleLength(this.#prompt), this.#line.text, cols);
    // A line ending at the right margin (or in a line feed) already stands at the next row's start
    // (settleWrap), a row the terminal counts as its continuation: erasing it from column 0 (EL) ends
    // the line there, as readline's _rl_update_final does, so what follows starts a line of its own.
    const wrapped = end > 0 && end % cols === 0 && tail.startsWith('\r\n');
    // After a line feed the row is a fresh one, not a continuation: nothing to erase.
    const erase = this.#line.text.endsWith('\n') ? '' : '\x1b[K';
    this.#term.write(moveCursor(this.#at, end, cols) + (wrapped ? `${erase}${tail.slice(2)}` : tail));
    this.#at = 0;
  }
}
