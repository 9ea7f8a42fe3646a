/**
 * Whether the lines typed so far make a whole command, as bash's parser
 * decides when it asks for more input on PS2 (`> `): an open quote or
 * `$(`, an unfinished `for`/`while`/`if`/`case`/`{`/`(`, a here-document
 * whose delimiter has not come, a line ending in `|`, `&&`, `||` or a
 * backslash.
 *
 * The decision comes from just-bash's own parser (the one that will run the
 * text), not from patterns over the text, so quoting, comments and nesting
 * are judged as the shell will judge them: an error at the end of input
 * ("unexpected EOF while looking for matching ...", "Expected DONE, got
 * EOF") means more is needed; any other error is a real syntax error, which
 * the shell reports when the text runs. Four cases parse without an error,
 * and are read from the tree instead: a here-document the parser marks
 * `terminated: false`, an empty command after `|`/`&&`/`||` (the parser's
 * placeholder for the missing one), and a word ending in a lone backslash
 * (a backslash-newline not yet followed by its next line; one in a comment
 * is not in the tree, as bash ignores it there too).
 */
import type { ScriptNode } from 'just-bash';
import { HistoryJoin } from './history-join.ts';

/** What an incomplete command is waiting for. */
export type Incomplete =
  /** The rest of a here-document's body, up to its delimiter line. */
  | { kind: 'heredoc'; delimiter: string }
  /** The closing quote (`'`, `"`, `` ` ``, or `)` of `$(`). */
  | { kind: 'quote'; quote: string }
  /** The line after a backslash-newline. */
  | { kind: 'backslash' }
  /** The rest of a compound command or of a pipeline or list. */
  | { kind: 'syntax' };

/** Parses a script or throws just-bash's parse error. */
export type Parse = (text: string) => ScriptNode;

type Node = { type?: string; [key: string]: unknown };

/** Undefined when `text` is a whole command (or a plain syntax error), else what it waits for. */
export function incomplete(text: string, parse: Parse): Incomplete | undefined {
  let ast: ScriptNode;
  try {
    ast = parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const quote = /unexpected EOF while looking for matching [`'](.)'/.exec(message);
    if (quote) return { kind: 'quote', quote: quote[1]! };
    // "Expected DONE, got EOF", or an error found where the input ends (`f()`,
    // `if true; then`): more input could make it right. An error before the
    // end (`fi` alone) is one no further line can mend.
    if (/, got (EOF|HEREDOC_CONTENT)$/.test(message) || atEnd(error, text)) return { kind: 'syntax' };
    return undefined;
  }
  const heredoc = openHeredoc(ast);
  if (heredoc) return heredoc;
  const last = ast.statements.at(-1) as unknown as Node | undefined;
  if (last && !last.deferredError) {
    const pipelines = last.pipelines as Node[];
    const commands = pipelines.at(-1)?.commands as Node[] | undefined;
    const cmd = commands?.at(-1);
    const joined = pipelines.length > 1 || (commands?.length ?? 0) > 1;
    if (joined && cmd && isEmptyCommand(cmd)) return { kind: 'syntax' };
    if (cmd?.type === 'SimpleCommand' && endsInBackslash(cmd) && /(^|[^\\])(\\\\)*\\$/.test(text)) return { kind: 'backslash' };
  }
  return undefined;
}

/** Whether a parse error's position (just-bash's 1-based `line` and `column`) is past the last word of `text`. */
function atEnd(error: unknown, text: string): boolean {
  const { line, column } = error as { line?: unknown; column?: unknown };
  if (typeof line !== 'number' || typeof column !== 'number') return false;
  const lines = text.trimEnd().split('\n');
  const last = lines.length;
  return line > last || (line === last && column > lines[last - 1]!.length);
}

function isEmptyCommand(cmd: Node): boolean {
  return cmd.type === 'SimpleCommand' && cmd.name === null && (cmd.args as unknown[]).length === 0 && (cmd.assignments as unknown[]).length === 0 && (cmd.redirections as unknown[]).length === 0;
}

/** The command's last word ends in a literal backslash, which only an escaped end of input leaves. */
function endsInBackslash(cmd: Node): boolean {
  const words = [cmd.name, ...(cmd.args as unknown[])].filter(Boolean) as Node[];
  const parts = words.at(-1)?.parts as Node[] | undefined;
  const part = parts?.at(-1);
  return part?.type === 'Literal' && String(part.value).endsWith('\\');
}

/** The first here-document in the tree whose delimiter line has not come. */
function openHeredoc(ast: ScriptNode): Incomplete | undefined {
  let found: Incomplete | undefined;
  const visit = (value: unknown): void => {
    if (found) return;
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const node = value as Node;
    if (node.type === 'HereDoc' && node.terminated === false) {
      found = { kind: 'heredoc', delimiter: String(node.delimiter) };
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'type') visit(child);
  };
  visit(ast);
  return found;
}

/** What {@link CommandReader.add} made of a line. */
export type ReadStep =
  /** The command goes on: show PS2. */
  | { kind: 'more' }
  /** The command is whole: run `text` (its lines joined by newlines). */
  | { kind: 'command'; text: string }
  /** A line read only to be thrown away after an unexpected EOF in a quote (see {@link CommandReader.eof}). */
  | { kind: 'discarded' };

/**
 * What end of input (Ctrl-D on an empty PS2 line, the end of stdin)
 * does to an unfinished command. Recorded from bash 5.2.15:
 * - here-document: `bash: warning: here-document at line N delimited by
 *   end-of-file (wanted `EOF')` (N: the shell's line count where the body
 *   began), then the command runs with the body read so far; an
 *   interactive shell goes on.
 * - backslash-newline: the command runs; the shell then ends (an
 *   interactive one silently, with the command's status).
 * - open `for`, `{`, `|`, `&&`...: `bash: syntax error: unexpected end of
 *   file`, status 2; an interactive shell ends, printing `exit`.
 * - open quote: `bash: unexpected EOF while looking for matching `"'`,
 *   status 2; an interactive bash then still reads one more PS2 line to
 *   throw away (parse.y discards the rest of the erroneous input), and ends
 *   after it: silently with status 0 after a line, with `exit` on Ctrl-D.
 */
export interface AtEof {
  /** Printed first. */
  message: string;
  /** The command to run, if any. */
  run?: string;
  /** The shell ends: with this status, or with the command's (`'status'`). */
  exit?: number | 'status';
  /** Printed when the shell ends (an interactive bash says `exit` on EOF). */
  farewell?: string;
}

/**
 * Gathers typed lines into whole commands, as bash reads PS1 then PS2
 * lines, and keeps the history entry bash would store for them.
 */
export class CommandReader {
  #parse: Parse;
  #lines: string[] = [];
  #join: HistoryJoin | undefined;
  /** Lines the shell has read, as bash's line counter (here-document warnings). */
  #read = 0;
  /** The line count when the open here-document's body began. */
  #heredocAt: number | undefined;
  #discarding = false;

  constructor(parse: Parse) {
    this.#parse = parse;
  }

  /** Whether a command is unfinished: the terminal shows PS2. */
  get continuing(): boolean {
    return this.#lines.length > 0 || this.#discarding;
  }

  /** The lines of the unfinished command. */
  get lines(): readonly string[] {
    return this.#lines;
  }

  /** The history entry of the command being read or just read, unless HISTCONTROL drops it. */
  get historyEntry(): string | undefined {
    return this.#join?.saved ? this.#join.entry : undefined;
  }

  /** Takes one typed line. */
  add(line: string): ReadStep {
    this.#read++;
    if (this.#discarding) {
      this.#discarding = false;
      return { kind: 'discarded' };
    }
    if (this.#lines.length === 0) this.#join = new HistoryJoin(line);
    else this.#join!.add(line);
    this.#lines.push(line);
    const text = this.#lines.join('\n');
    const open = incomplete(text, this.#parse);
    if (open === undefined) {
      this.#reset();
      return { kind: 'command', text };
    }
    const join = this.#join!;
    if (open.kind !== 'heredoc' && !join.inHeredoc && join.skeleton !== text && incomplete(join.skeleton, this.#parse) === undefined) {
      // Every here-document is closed and the rest is whole: what the parser
      // trips on is inside a body, which bash expands only when it runs.
      this.#reset();
      return { kind: 'command', text };
    }
    if (open.kind === 'heredoc') this.#heredocAt ??= this.#read;
    else this.#heredocAt = undefined;
    return { kind: 'more' };
  }

  /** Ctrl-C on a PS2 line: the whole command is dropped (its lines stay in the history, as in bash). */
  abandon(): void {
    this.#reset();
    this.#discarding = false;
  }

  /** End of input while a command is unfinished (see {@link AtEof}); `interactive`: a terminal's shell. */
  eof(interactive: boolean): AtEof {
    if (this.#discarding) {
      this.#discarding = false;
      return { message: '', exit: 2, farewell: 'exit\n' };
    }
    const text = this.#lines.join('\n');
    const open = incomplete(text, this.#parse);
    const heredocAt = this.#heredocAt;
    this.#reset();
    const ends = (status: number | 'status', farewell?: string): Pick<AtEof, 'exit' | 'farewell'> =>
      interactive ? { exit: status, ...(farewell ? { farewell } : {}) } : {};
    switch (open?.kind) {
      case 'heredoc':
        return { message: `bash: warning: here-document at line ${heredocAt} delimited by end-of-file (wanted \`${open.delimiter}')\n`, run: text };
      case 'backslash':
        return { message: '', run: text.slice(0, -1), ...ends('status') };
      case 'quote':
        this.#discarding = interactive;
        return { message: `bash: unexpected EOF while looking for matching \`${open.quote}'\n`, ...(interactive ? {} : { exit: 2 }) };
      default:
        return { message: 'bash: syntax error: unexpected end of file\n', ...(interactive ? ends(2, 'exit\n') : { exit: 2 }) };
    }
  }

  #reset(): void {
    this.#lines = [];
    this.#heredocAt = undefined;
  }
}
