/**
 * The terminal line discipline of a container's TTY, for a client attached
 * over the wire. The simulated shells take whole lines (InteractiveProcess);
 * a real client in raw mode sends keystrokes and expects the container's
 * tty to echo them and edit the line (canonical mode: ICANON, ECHO, ONLCR),
 * as the Linux tty of a real container does. So this module is that tty:
 * it echoes, handles Backspace, Ctrl-U, Ctrl-C (SIGINT: `^C`), Ctrl-D on an
 * empty line (end of input), drops escape sequences (arrow keys: no history
 * in a canonical tty), hands each line to the process and writes its
 * output with `\n` as `\r\n`. It also watches for the detach keys
 * (Ctrl-P Ctrl-Q by default), which moby's attach handles on the daemon side.
 */
import type { InteractiveProcess } from '../engine/containers/runtime.ts';

/** How a discipline run ended. */
export type TtyEnd = 'exited' | 'detached' | 'input-closed';

/** The process side: what the terminal hands lines to. */
export type LineProcess = Pick<InteractiveProcess, 'prompt' | 'feed' | 'interrupt'>;

/** moby's default detach keys: ctrl-p,ctrl-q. */
export const DEFAULT_DETACH = [0x10, 0x11];

/** Parses moby's detach-keys syntax (`ctrl-p,ctrl-q`, `a,ctrl-@`) into byte values; undefined when invalid. */
export function parseDetachKeys(spec: string): number[] | undefined {
  if (spec === '') return DEFAULT_DETACH;
  const out: number[] = [];
  for (const k of spec.split(',')) {
    if (k.length === 1) out.push(k.charCodeAt(0));
    else {
      const m = /^ctrl-([a-z@[\\\]^_])$/.exec(k);
      if (!m) return undefined;
      const ch = m[1]!;
      out.push(ch === '@' ? 0 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 96 : ch.charCodeAt(0) - 64);
    }
  }
  return out;
}

/** One tty between a client and a line process. */
export class LineDiscipline {
  #line = '';
  #running = false;
  #typeahead: string[] = [];
  #escape = 0;
  #detachAt = 0;
  #ended: ((how: TtyEnd) => void) | undefined;

  constructor(
    private readonly proc: LineProcess,
    private readonly write: (text: string) => void,
    private readonly detachKeys: number[] = DEFAULT_DETACH,
  ) {}

  /**
   * Runs until the process ends, the client detaches or its input closes.
   * `prompt`: write the prompt first (a fresh `run -it`; an `attach` finds
   * the prompt already on the client's screen and shows nothing until Enter,
   * as with a real container).
   */
  async run(input: AsyncIterable<Uint8Array>, prompt: boolean): Promise<TtyEnd> {
    const ended = new Promise<TtyEnd>((resolve) => (this.#ended = resolve));
    if (prompt) this.write(this.proc.prompt());
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for await (const chunk of input) {
          for (const ch of decoder.decode(chunk, { stream: true })) if (this.#key(ch)) return;
        }
      } catch {
        // the client went away
      }
      this.#finish('input-closed');
    })();
    return ended;
  }

  #finish(how: TtyEnd): void {
    const end = this.#ended;
    this.#ended = undefined;
    end?.(how);
  }

  /** Handles one character; true once the run is over (detached). */
  #key(ch: string): boolean {
    if (this.#ended === undefined) return true;
    const code = ch.charCodeAt(0);
    // The detach sequence is matched on raw input, before the tty sees it (moby term.EscapeProxy).
    if (code === this.detachKeys[this.#detachAt]) {
      this.#detachAt++;
      if (this.#detachAt === this.detachKeys.length) {
        this.#finish('detached');
        return true;
      }
      return false;
    }
    this.#detachAt = 0;
    if (ch === '\x03') {
      // ISIG: SIGINT to the foreground process group; the tty echoes ^C.
      this.write('^C');
      if (this.#running) this.proc.interrupt();
      else {
        this.#line = '';
        this.write(`\r\n${this.proc.prompt()}`);
      }
      return false;
    }
    if (this.#running) {
      // Type-ahead: echoed now (the tty echoes as keys arrive), read by the shell after its line.
      this.#typeahead.push(ch);
      if (ch === '\r') this.write('\r\n');
      else if (ch >= ' ' && ch !== '\x7f') this.write(ch);
      return false;
    }
    this.#edit(ch, true);
    return false;
  }

  #edit(ch: string, echo: boolean): void {
    if (this.#escape > 0) {
      // ESC [ … final byte: a cursor key; a canonical tty has no use for it.
      if (this.#escape === 1 && ch !== '[' && ch !== 'O') this.#escape = 0;
      else if (this.#escape > 1 && ch >= '@' && ch <= '~') this.#escape = 0;
      else this.#escape++;
      return;
    }
    if (ch === '\x1b') {
      this.#escape = 1;
      return;
    }
    if (ch === '\r' || ch === '\n') {
      if (echo) this.write('\r\n');
      const line = this.#line;
      this.#line = '';
      void this.#run(line);
      return;
    }
    if (ch === '\x7f' || ch === '\b') {
      if (this.#line === '') return;
      const chars = [...this.#line];
      chars.pop();
      this.#line = chars.join('');
      if (echo) this.write('\b \b');
      return;
    }
    if (ch === '\x15') {
      if (echo) this.write('\b \b'.repeat([...this.#line].length));
      this.#line = '';
      return;
    }
    if (ch === '\x04') {
      // VEOF on an empty line: the reader gets end of input; elsewhere it is ignored here.
      if (this.#line === '') void this.#run('\x04');
      return;
    }
    if (ch < ' ') return;
    this.#line += ch;
    if (echo) this.write(ch);
  }

  /** Feeds one line to the process, writes its output and the next prompt, then replays type-ahead. */
  async #run(line: string): Promise<void> {
    this.#running = true;
    let out: Awaited<ReturnType<LineProcess['feed']>>;
    try {
      out = await this.proc.feed(line);
    } catch (err) {
      out = { stdout: '', stderr: `${err instanceof Error ? err.message : String(err)}\n` };
    }
    this.#running = false;
    this.write(onlcr(out.stdout) + onlcr(out.stderr));
    if (out.exitCode !== undefined) {
      this.#finish('exited');
      return;
    }
    this.write(this.proc.prompt());
    const ahead = this.#typeahead;
    this.#typeahead = [];
    for (const ch of ahead) {
      if (this.#running) this.#typeahead.push(ch);
      else this.#edit(ch, false);
    }
  }
}

/** ONLCR: the tty writes `\n` as `\r\n`. */
export function onlcr(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
