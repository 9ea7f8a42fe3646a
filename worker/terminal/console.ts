/**
 * The learner's terminal session: what a pty and an interactive bash do
 * together. Keystrokes are queued like a tty's input queue; while no command
 * runs, the line editor consumes them; Enter runs the line through the
 * {@link ConsoleHost}; output goes back to the terminal with `\n` turned into
 * `\r\n` (the tty's ONLCR). While a command runs, typed keys wait (typeahead)
 * except Ctrl-C, which interrupts the command and, as the tty does on SIGINT,
 * discards the typeahead. A multi-line paste runs line by line.
 *
 * `history` (bash builtin) is answered here, from the editor's history list;
 * every other line goes to the shell, which decides whether it finishes a
 * command or the command goes on over PS2 lines (bash's `> `); a command
 * typed over several lines is one history entry, as bash (cmdhist) keeps it.
 *
 * A program that puts the terminal in raw mode (vi, nano) gets each chunk
 * of input as the terminal sent it, with no line editing and no echo, until
 * it ends; its output is written as is (it positions the cursor itself).
 */
import { parseKeys } from './keys.ts';
import type { Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import type { TerminalOutput } from './line-editor.ts';
import type { History } from './history.ts';
import type { Completer } from './completion-apply.ts';

/** The shell behind the terminal. */
export interface ConsoleHost {
  /** The prompt to show before the next line (PS1 expanded). */
  prompt(): string;
  /**
   * Runs one line. `write` receives output as it is produced; `signal` aborts
   * on Ctrl-C. Resolves to the exit status once the command has ended.
   */
  run(line: string, write: (data: string) => void, signal: AbortSignal): Promise<number>;
  /**
   * Ctrl-C while a line runs: true when the running command catches it
   * itself (it was told, and goes on); false when the line is to be interrupted.
   */
  holdsInterrupt?(): boolean;
  /** Whether typed lines go to the shell (and its history), not to a program reading them (`cat > file`). */
  inShell(): boolean;
  /**
   * Whether the shell is in the middle of a command typed over several
   * lines (an open quote, heredoc, `for`...): the next line continues it
   * on PS2, and Ctrl-C or Ctrl-D apply to the whole command.
   */
  continuing?(): boolean;
  /** The history entry bash keeps for the command typed so far (its lines joined as bash joins them). */
  historyEntry?(): string | undefined;
  /**
   * Ctrl-D on an empty line. A program reading the lines gets end of input
   * (its output goes to `write`) and this resolves to false; with the shell
   * itself, resolves to true: the shell ends, as bash does at EOF.
   */
  endInput(write: (data: string) => void): Promise<boolean>;
  /** Ctrl-C at a line: interrupts a program reading the lines, if any (its output goes to `write`). */
  interruptInput(write: (data: string) => void): Promise<void>;
  /** The shell ended: start a fresh login shell. */
  logout(): Promise<void>;
  /** Ctrl-P Ctrl-Q: detaches from a container's terminal; false when nothing can be detached. */
  detach?(): Promise<boolean>;
  /**
   * Whether a program now owns the terminal in raw mode; while it does,
   * {@link ConsoleHost.run} gets raw keystrokes instead of lines.
   */
  raw?(): boolean;
  /**
   * Input while a line runs: true when the running command has the terminal
   * in raw mode (`docker run -it` on a real engine) and took it as is, Ctrl-C
   * included (the container's tty, not the console, turns it into SIGINT).
   */
  rawInput?(data: string): boolean;
}

/** The queued marker of a completed Ctrl-P Ctrl-Q. */
const DETACH = Symbol('detach');

const HISTORY_BUILTIN = /^\s*history(?:\s+(-c|\d+))?\s*$/;

/** Converts line feeds to CR LF as the tty's ONLCR output flag does. */
export function onlcr(s: string): string {
  return s.replace(/\r?\n/g, '\r\n');
}

/** One terminal session over a host. */
export class Console {
  #term: TerminalOutput;
  #host: ConsoleHost;
  #history: History;
  #editor: LineEditor;
  #queue: Array<Key | typeof DETACH> = [];
  #pumping = false;
  #running: AbortController | undefined;
  #inputs = 0;
  /** A raw-mode program owns the terminal (see {@link ConsoleHost.raw}). */
  #raw = false;
  #rawQueue: string[] = [];
  /** Input that arrived while the current command ran, as sent: a raw program started by it reads it. */
  #typed: string[] = [];
  /** Settles when every started command has ended, interrupted ones included. */
  #idle: Promise<unknown> = Promise.resolve();
  /** The first line of the command being typed went into the history, so its next lines amend that entry. */
  #entrySaved = false;
  /** Ctrl-P arrived while a program read the lines: Docker's detach sequence may follow. */
  #ctrlP = false;

  constructor(term: TerminalOutput, host: ConsoleHost, history: History, completer?: Completer) {
    this.#term = term;
    this.#host = host;
    this.#history = history;
    this.#editor = new LineEditor(term, history, completer);
  }

  /** Whether a command is running. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Shows the first prompt. */
  start(): void {
    // After Reset or Import, a raw program of the old lab is gone.
    this.#raw = false;
    this.#rawQueue = [];
    this.#editor.begin(this.#host.prompt());
  }

  /**
   * Whether the page may echo typed text itself (local echo): a line is being
   * read with the cursor at its end, nothing is queued and no command runs,
   * so the next printable key will only be appended and echoed.
   */
  get localEcho(): boolean {
    return !this.#running && !this.#raw && this.#queue.length === 0 && this.#editor.appending;
  }

  /** How many {@link Console.input} calls have arrived (the page matches it against what it sent). */
  get inputs(): number {
    return this.#inputs;
  }

  /**
   * Takes what the terminal sent (keystrokes, a paste). `echoed`: the page
   * already showed this printable text, after {@link Console.localEcho} said it may.
   */
  input(data: string, echoed = false): void {
    this.#inputs++;
    if (this.#running && this.#host.rawInput?.(data)) return;
    if (this.#raw) {
      this.#rawQueue.push(data);
      void this.#pump();
      return;
    }
    if (this.#running) this.#typed.push(data);
    if (echoed) {
      this.#queue.push({ kind: 'text', text: data, echoed: true });
      void this.#pump();
      return;
    }
    let keys = parseKeys(data);
    if (this.#running && keys.some((k) => k.kind === 'ctrl' && k.letter === 'c')) {
      this.#interruptCommand();
      return;
    }
    keys = this.#detachKeys(keys);
    for (const key of keys) this.#queue.push(...expandPaste(key));
    void this.#pump();
  }

  /**
   * Docker's default detach keys, Ctrl-P then Ctrl-Q, while a container's
   * terminal takes the lines: held back until the next key shows whether
   * the sequence completes; if it does not, both keys go on as typed
   * (docker/cli's escape proxy does the same).
   */
  #detachKeys(keys: Key[]): Key[] {
    const CTRL_P = parseKeys('\x10')[0]!;
    if (this.#host.inShell() || !this.#host.detach) return keys;
    const out: Key[] = [];
    for (const key of keys) {
      const isCtrl = (letter: string) => key.kind === 'ctrl' && key.letter === letter;
      if (this.#ctrlP) {
        this.#ctrlP = false;
        if (isCtrl('q')) {
          this.#queue.push(DETACH);
          continue;
        }
        out.push(CTRL_P);
      }
      if (isCtrl('p')) this.#ctrlP = true;
      else out.push(key);
    }
    return out;
  }

  /**
   * The running command put the terminal in raw mode: what was typed ahead
   * while it started is its input now, as a tty's input queue gives it to
   * the process that switches it to raw (and no longer the next lines').
   */
  takeTypeahead(): string[] {
    const typed = this.#typed;
    this.#typed = [];
    this.#queue = [];
    return typed;
  }

  /** Settles once the queue is drained and no command runs (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.#pumping || this.#running) {
      await this.#idle;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#running) {
        if (this.#raw) {
          if (this.#rawQueue.length === 0) break;
          await this.#rawInput(this.#rawQueue.shift()!);
          continue;
        }
        if (this.#queue.length === 0) break;
        const next = this.#queue.shift()!;
        if (next === DETACH) {
          await this.#detach();
          continue;
        }
        const outcome = await this.#editor.handle(next);
        if (outcome.kind === 'line') await this.#runLine(outcome.line);
        else if (outcome.kind === 'interrupt') await this.#interruptInput();
        else if (outcome.kind === 'eof') await this.#endInput();
      }
    } finally {
      this.#pumping = false;
    }
  }

  /**
   * Makes the line just taken the running command, before anything is awaited: a tty turns Ctrl-C
   * into SIGINT when it is typed, not when it is read, so a Ctrl-C typed ahead of the command's
   * start (in the same paste, or while the line is saved to the history) interrupts it at once
   * instead of waiting in the queue until the command ends.
   */
  #startLine(): AbortController {
    const abort = new AbortController();
    this.#running = abort;
    this.#typed = [];
    if (this.#queue.some((k) => k !== DETACH && k.kind === 'ctrl' && k.letter === 'c')) this.#interruptCommand();
    return abort;
  }

  async #runLine(line: string): Promise<void> {
    await this.#history.loaded;
    const shell = this.#host.inShell();
    // A PS2 line belongs to the command being typed: not a `history` of its own, not a new entry.
    const continued = shell && (this.#host.continuing?.() ?? false);
    const builtin = shell && !continued ? HISTORY_BUILTIN.exec(line) : null;
    if (builtin) {
      // bash saves the line before running it, so `history` lists itself; `history -c` clears it too.
      await this.#history.add(line);
      if (builtin[1] === '-c') await this.#history.clear();
      else this.#term.write(onlcr(this.#history.list(builtin[1] === undefined ? undefined : Number(builtin[1]))));
      // The shell still runs a no-op, so the saved history commits with the home directory and `$?` is 0.
      await this.#host.run(':', () => undefined, new AbortController().signal);
      this.#editor.begin(this.#host.prompt());
      return;
    }
    const abort = this.#startLine();
    if (shell && !continued) this.#entrySaved = await this.#history.add(line);
    // Interrupted already: #interruptCommand has shown ^C and the next prompt.
    if (abort.signal.aborted) return;
    if (shell && !continued && line.trim() === '') {
      this.#running = undefined;
      this.#editor.begin(this.#host.prompt());
      return;
    }
    const write = (data: string): void => {
      if (!abort.signal.aborted) this.#term.write(onlcr(data));
    };
    // Commands run one after another, even after an interrupted one that ignores its signal.
    const run = this.#idle.then(() => this.#host.run(line, write, abort.signal));
    this.#idle = run.catch(() => undefined);
    const reported = run.then(
      () => undefined,
      (error: unknown) => write(`layerlab: ${error instanceof Error ? error.message : String(error)}\n`),
    );
    // Ctrl-C gives the prompt back at once, even if the command has not noticed yet.
    const interrupted = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve()));
    await Promise.race([reported, interrupted]);
    if (this.#running !== abort) return;
    this.#running = undefined;
    if (shell && this.#entrySaved && (continued || this.#host.continuing?.())) {
      // bash amends the entry with each line of the command (bashhist.c bash_add_history).
      const entry = this.#host.historyEntry?.();
      if (entry !== undefined) await this.#history.replaceLast(entry);
    }
    if (this.#host.raw?.()) {
      // Keys typed while the line ran are the program's now, as a tty's input queue would give them.
      this.#raw = true;
      this.#queue = [];
      this.#rawQueue.push(...this.#typed);
      this.#typed = [];
      return;
    }
    this.#editor.begin(this.#host.prompt());
  }

  /** Leaves the container's terminal running and shows the host prompt on a new line. */
  async #detach(): Promise<void> {
    if (!(await this.#host.detach?.())) return;
    this.#term.write('\r\n');
    this.#editor.begin(this.#host.prompt());
  }

  /** One chunk of input for the raw-mode program; once it has ended, the prompt returns. */
  async #rawInput(data: string): Promise<void> {
    await this.#idle;
    const write = (out: string): void => this.#term.write(out);
    await this.#host.run(data, write, new AbortController().signal).catch((error: unknown) => {
      write(onlcr(`layerlab: ${error instanceof Error ? error.message : String(error)}\n`));
    });
    if (this.#host.raw?.()) return;
    this.#raw = false;
    const rest = this.#rawQueue;
    this.#rawQueue = [];
    this.#editor.begin(this.#host.prompt());
    for (const chunk of rest) for (const key of parseKeys(chunk)) this.#queue.push(...expandPaste(key));
  }

  #interruptCommand(): void {
    // A command that catches SIGINT keeps the terminal; the tty echoes ^C (ECHOCTL) and nothing more.
    if (this.#host.holdsInterrupt?.()) {
      this.#term.write('^C');
      return;
    }
    const abort = this.#running!;
    this.#running = undefined;
    abort.abort();
    this.#queue = [];
    this.#term.write('^C\r\n');
    this.#editor.begin(this.#host.prompt());
    void this.#pump();
  }

  /** Output of a program that is fed typed lines, in tty form. */
  #write = (data: string): void => this.#term.write(onlcr(data));

  async #endInput(): Promise<void> {
    await this.#idle;
    // Ctrl-D on a PS2 line: bash's messages come on the next row.
    if (this.#host.continuing?.()) this.#term.write('\r\n');
    if (await this.#host.endInput(this.#write)) {
      this.#term.write('exit\r\n');
      await this.#host.logout();
    }
    this.#editor.begin(this.#host.prompt());
  }

  async #interruptInput(): Promise<void> {
    await this.#idle;
    await this.#host.interruptInput(this.#write);
    this.#editor.begin(this.#host.prompt());
  }
}

/** A pasted text becomes its lines, each followed by Enter (bash runs a pasted script line by line). */
function expandPaste(key: Key): Key[] {
  if (key.kind !== 'paste') return [key];
  const keys: Key[] = [];
  const parts = key.text.split(/\r\n|\r|\n/);
  parts.forEach((part, i) => {
    if (part) keys.push({ kind: 'text', text: part });
    if (i < parts.length - 1) keys.push({ kind: 'enter' });
  });
  return keys;
}
