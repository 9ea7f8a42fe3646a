/**
 * The lesson's Run buttons type into the terminal through the very path the
 * keyboard uses (TerminalPane's `send`, with its local echo), so the learner
 * sees the command typed and it lands in the history like a typed one (the
 * svelte.dev tutorial's Solve and Killercoda's clickable commands work the
 * same way). The terminal pane attaches its sink; the lesson pane types.
 */

/** What the terminal pane offers: its input path and a way to give it the focus. */
export interface TerminalSink {
  send(data: string): void;
  focus(): void;
}

/** Ctrl-U (readline's unix-line-discard): clears what the learner had half typed, so it does not prefix the command. */
const KILL_LINE = '\x15';

/**
 * The keystrokes that type `lines`: Ctrl-U, then each line's characters one
 * at a time, each line ended by Enter (`\r`, what xterm sends for the key).
 */
export function keystrokes(lines: readonly string[]): string[] {
  return [KILL_LINE, ...lines.flatMap((l) => [...l, '\r'])];
}

/** Time between typed characters: visibly typed, and a long command done in under a second. */
export function keyDelay(chars: number): number {
  return Math.max(2, Math.min(18, Math.floor(700 / Math.max(chars, 1))));
}

let sink: TerminalSink | undefined;
let typing: Promise<void> = Promise.resolve();

/** The terminal pane attaches its input path; returns the detach. */
export function attachTerminal(s: TerminalSink): () => void {
  sink = s;
  return () => {
    if (sink === s) sink = undefined;
  };
}

/**
 * Types the lines into the terminal, character by character, and resolves
 * once the last Enter is sent (not when the command ends: the terminal shows
 * that). Runs queue one after another, so two clicks never interleave.
 * `focus`: give the terminal the focus first (where the button that asked
 * is about to be hidden); otherwise the focus stays on the button, so a
 * keyboard user goes on to the next block with Tab.
 */
export function typeIntoTerminal(lines: readonly string[], opts: { focus?: boolean; wait?: (ms: number) => Promise<void> } = {}): Promise<void> {
  const wait = opts.wait ?? sleep;
  const keys = keystrokes(lines);
  const delay = keyDelay(keys.length);
  typing = typing.then(async () => {
    if (!sink) throw new Error('the terminal is not ready yet');
    if (opts.focus) sink.focus();
    for (const k of keys) {
      sink.send(k);
      if (k !== '\x15') await wait(k === '\r' ? delay * 4 : delay);
    }
  });
  const done = typing;
  typing = typing.catch(() => undefined);
  return done;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
