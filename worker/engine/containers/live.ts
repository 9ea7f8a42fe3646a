/**
 * What exists of a container only while this engine runs it: its overlay
 * filesystem (shared by the main process and every exec), the main process's
 * abort controller, the output not yet committed to the record, and the
 * listeners of `attach` and `logs -f`.
 *
 * Output is kept as the json-file log driver keeps it: one entry per line
 * (the newline included), stdout and stderr apart; a TTY's output is one
 * stream with `\r\n` line ends, as the pty's ONLCR makes it.
 */
import type { OverlayFs } from './overlay-fs.ts';
import type { LogLine } from './record.ts';
import type { InteractiveProcess } from './runtime.ts';

/** A listener of a container's output: stream 1 = stdout, 2 = stderr. */
export type OutputListener = (stream: 1 | 2, text: string) => void;

/** The in-memory side of one container. */
export class Live {
  /** Aborted to deliver SIGTERM/SIGINT… to the main process; the reason is the signal name. */
  abort: AbortController | undefined;
  /** Settles once the main process has ended and its state is committed. */
  exited: Promise<number> | undefined;
  /** Forces the main process's end (SIGKILL): the program is no longer waited for. */
  kill: ((code: number) => void) | undefined;
  /** The signals the main process catches (ProcessSpec.caught); a start gives it a fresh set. */
  caught = new Set<string>();
  /** The interactive shell of a `run -it` container. */
  interactive: InteractiveProcess | undefined;
  /** fs.generation at the last commit of the writable layer. */
  persistedGen = 0;
  /**
   * Terminal lines (and attached execs) running in the container now: while
   * one runs, nothing is stored; its end stores the container, so a reload
   * sees its files as before or after a line.
   */
  lines = 0;
  /** Told when the container wrote a file or printed (the engine schedules storing it). */
  changed: (() => void) | undefined;
  /** Set by a reload's restart of an interactive shell: whether its variables and directory came back. */
  resumed: { kept: boolean } | undefined;
  readonly listeners = new Set<OutputListener>();
  readonly pending: LogLine[] = [];
  readonly #partial: Record<1 | 2, string> = { 1: '', 2: '' };
  /** Chunks written so far (to tell when a starting program has gone quiet). */
  chunks = 0;
  /**
   * Output written while the container is paused (`docker pause`): a frozen
   * process writes nothing, but the simulator cannot freeze a program, so
   * what it writes meanwhile is held back and appears once it is unpaused.
   */
  held: Array<[1 | 2, string, boolean]> | undefined;
  #thawed: Array<() => void> = [];

  constructor(
    readonly fs: OverlayFs,
    readonly now: () => number,
  ) {}

  /** Records and forwards output of the main process. */
  output(stream: 1 | 2, text: string, tty: boolean): void {
    if (text === '') return;
    if (this.held) {
      this.held.push([stream, text, tty]);
      return;
    }
    this.chunks++;
    this.changed?.();
    const chunk = tty ? text.replace(/\r?\n/g, '\r\n') : text;
    const s = tty ? 1 : stream;
    for (const l of this.listeners) l(s, chunk);
    let buf = this.#partial[s] + chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      this.pending.push([this.now(), s, buf.slice(0, nl + 1)]);
      buf = buf.slice(nl + 1);
    }
    this.#partial[s] = buf;
  }

  /** Holds output back (pause) or, with false, writes what was held (unpause). */
  hold(on: boolean): void {
    if (on) {
      this.held ??= [];
      return;
    }
    const held = this.held ?? [];
    this.held = undefined;
    for (const [s, t, tty] of held) this.output(s, t, tty);
    for (const thaw of this.#thawed.splice(0)) thaw();
  }

  /** Resolves once the container is not paused: a frozen process cannot exit, so its end waits for this. */
  running(): Promise<void> {
    if (!this.held) return Promise.resolve();
    return new Promise((resolve) => this.#thawed.push(resolve));
  }

  /** SIGKILL of a paused container: what its frozen process "wrote" was never written. */
  dropHeld(): void {
    if (this.held) this.held = [];
  }

  /** Moves unterminated output into the pending lines (at exit). */
  flush(): void {
    this.hold(false);
    for (const s of [1, 2] as const) {
      if (this.#partial[s] !== '') this.pending.push([this.now(), s, this.#partial[s]]);
      this.#partial[s] = '';
    }
  }

  /** Whether files or whole output lines changed since the last commit. */
  get dirty(): boolean {
    return this.fs.generation !== this.persistedGen || this.pending.length > 0;
  }

  /** Takes the pending lines (they are being committed). */
  take(): LogLine[] {
    return this.pending.splice(0, this.pending.length);
  }
}
