/**
 * Streams between the host shell's own commands, around just-bash's strings.
 *
 * just-bash 3.4.2 carries a command's stdout as one string: it runs a
 * pipeline's commands one after the other, hands the first one's whole
 * output to the next as its stdin, and writes a `> FILE` redirection's
 * target from the whole output once the command returned (having created or
 * truncated the file before it ran, as bash opens it). An archive of 1.4 GB
 * cannot be one string (a V8 string holds at most 2^29 characters), and a
 * few hundred MB of it costs the tab its memory. So where both ends are
 * commands of ours that speak streams, the bytes go around the string:
 *
 * - a transform plugin over just-bash's syntax tree finds, in every
 *   pipeline, a streaming producer (`docker`, `tar`, `cat`) whose stdout is
 *   `> FILE` or a pipe into a streaming consumer (`docker`, `tar`), and a
 *   streaming consumer whose stdin is `< FILE`; it tells each command so
 *   with a variable assignment in front of it (`LAYERLAB_STREAM_1_STDOUT_FILE=FILE
 *   docker save x > FILE`), which just-bash expands exactly as it expands the
 *   redirection's word (`~`, `$HOME`, quotes), and a first argument naming
 *   the command's number (see TOKEN), which the command drops;
 * - the producer then writes its stream into FILE itself and returns an
 *   empty stdout (just-bash writes nothing over it: it writes a redirection
 *   only when there is output), or leaves its output parts in this line's
 *   {@link StreamPipes} under the pipe's number, lazily: the consumer, run
 *   next, pulls the producer's stream chunk by chunk;
 * - for `< FILE` the redirection is replaced by `< /dev/null` (just-bash
 *   would read the whole file into a string first) and the consumer reads
 *   FILE as a stream, reporting a missing one as bash does.
 *
 * Everything else (another command at either end, `>>`, `&>`, `|&`, a glob
 * or a command substitution in the file name) runs as just-bash runs it.
 * Exit statuses, stderr and the files written are bash's: the file is still
 * created or truncated by just-bash's own redirection before the command
 * runs (`docker save nosuch > f` leaves an empty f, as bash does).
 *
 * Known difference: a producer's error in the middle of its stream (a
 * layer's blob missing from the store) reaches the consumer as its read
 * error, after the producer already exited 0; bash would show the
 * producer's error and a truncated archive.
 */
import type { Command, IFileSystem } from 'just-bash';
import type { ByteStream } from '../engine/stream.ts';
import type { JustBash, LineHooks } from './commands/types.ts';
import { hostFs } from './host-fs.ts';

/** The kinds of mark the transform puts on a command, as variable assignments in front of it. */
export const STREAM_VARS = {
  /** stdout goes to this file (already created/truncated by the shell). */
  stdoutFile: 'STDOUT_FILE',
  /** stdout goes to the pipe of this number. */
  stdoutPipe: 'STDOUT_PIPE',
  /** stdin comes from the pipe of this number. */
  stdinPipe: 'STDIN_PIPE',
  /** stdin comes from this file (the redirection was replaced by `< /dev/null`). */
  stdinFile: 'STDIN_FILE',
} as const;

/** Prefix of the marks' variable names: `LAYERLAB_STREAM_<n>_<kind>` for the command numbered n. */
const VAR_PREFIX = 'LAYERLAB_STREAM_';

/**
 * The first argument the transform gives a marked command: its number. The
 * marks' variables are in the environment of everything the command's words
 * run too (`docker export $(docker create q) > f`: just-bash applies the
 * assignments before it expands the arguments), so a command takes only the
 * marks of the number its own first argument names, and drops the argument.
 */
const TOKEN = '\u0001layerlab-stream:';

/** The streaming `cat` a `cat FILE…` producer is renamed to. */
export const STREAM_CAT = 'layerlab-stream-cat';

const PRODUCERS = new Set(['docker', 'tar', 'cat']);
const CONSUMERS = new Set(['docker', 'tar']);

/** One part of a command's output: bytes it wrote, or a stream it handed over. */
export type OutputPart = Uint8Array | ByteStream;

/**
 * The pipes of the line being run: what a producer left for the next
 * command, by pipe number. Cleared when a line starts, so an output nobody
 * read (`docker save x | tar -tf other.tar`) is dropped unread, as a pipe's
 * unread bytes are.
 */
export class StreamPipes {
  readonly #pipes = new Map<string, OutputPart[]>();

  /**
   * The shell's filesystem itself: a pipe's stream is read after its
   * producer returned, when just-bash no longer lets the producer use its
   * command context's filesystem.
   */
  constructor(readonly fs: IFileSystem) {}

  /** Leaves a producer's output for pipe `id`. */
  put(id: string, parts: OutputPart[]): void {
    this.#pipes.set(id, parts);
  }

  /** Takes pipe `id`'s output as one stream (once), or undefined when no producer left any. */
  take(id: string): ByteStream | undefined {
    const parts = this.#pipes.get(id);
    this.#pipes.delete(id);
    return parts && concat(parts);
  }

  /** Forgets every pipe. */
  clear(): void {
    this.#pipes.clear();
  }
}

/** The parts of an output as one stream, in order. */
export async function* concat(parts: readonly OutputPart[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      if (p.length > 0) yield p;
    } else yield* p;
  }
}

/**
 * The stream, or undefined when it holds no byte at all: reads up to the
 * first non-empty chunk (which starts a lazy producer), then gives the whole
 * stream back. `docker load` with nothing on its stdin fails before calling
 * the daemon, as the real CLI does with an empty pipe.
 */
export async function nonEmpty(stream: ByteStream): Promise<ByteStream | undefined> {
  const it = stream[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  do first = await it.next();
  while (!first.done && first.value.length === 0);
  if (first.done) return undefined;
  const head = first.value;
  return (async function* () {
    let finished = false;
    try {
      yield head;
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        yield r.value;
      }
      finished = true;
    } finally {
      if (!finished) await it.return?.();
    }
  })();
}

/** Where one command's streams go, as the transform marked it. */
export interface StreamEnds {
  /** Absolute path stdout writes to (the shell already created the file). */
  stdoutFile?: string;
  /** The pipe stdout feeds. */
  stdoutPipe?: string;
  /** The stream stdin reads (a pipe's, or a `< FILE`'s). */
  stdin?: ByteStream;
  /** bash's message when the `< FILE` cannot be opened: the command must not run. */
  stdinError?: string;
}

/** What a command invocation needs to find its streams. */
interface InvocationContext {
  cwd: string;
  fs: IFileSystem;
  env: Map<string, string>;
  exportedEnv?: Record<string, string>;
}

/**
 * Reads the marks of one invocation (`pipes` is the line's registry): where
 * its streams go, and its arguments without the transform's token.
 */
export async function streamEnds(ctx: InvocationContext, pipes: StreamPipes | undefined, argv: readonly string[]): Promise<{ ends: StreamEnds; args: string[] }> {
  const ends: StreamEnds = {};
  const first = argv[0];
  if (first === undefined || !first.startsWith(TOKEN)) return { ends, args: [...argv] };
  const args = argv.slice(1);
  const env = ctx.exportedEnv ?? Object.fromEntries(ctx.env);
  const mark = (kind: string): string | undefined => env[`${VAR_PREFIX}${first.slice(TOKEN.length)}_${kind}`];
  const out = mark(STREAM_VARS.stdoutFile);
  if (out !== undefined) ends.stdoutFile = ctx.fs.resolvePath(ctx.cwd, out);
  const outPipe = mark(STREAM_VARS.stdoutPipe);
  if (outPipe !== undefined && pipes) ends.stdoutPipe = outPipe;
  const inPipe = mark(STREAM_VARS.stdinPipe);
  if (inPipe !== undefined) {
    const s = pipes?.take(inPipe);
    if (s) ends.stdin = s;
  }
  const inFile = mark(STREAM_VARS.stdinFile);
  if (inFile !== undefined) {
    const abs = ctx.fs.resolvePath(ctx.cwd, inFile);
    // bash opens `< FILE` before running the command; these are its words for what open(2) refuses.
    if (!(await ctx.fs.exists(abs))) ends.stdinError = `bash: ${inFile}: No such file or directory\n`;
    // The shell's own fs (pipes.fs): ctx.fs is just-bash's per-command wrapper, which has no readStream.
    else ends.stdin = hostFs(pipes?.fs ?? ctx.fs, ctx.cwd).readStream(abs);
  }
  return { ends, args };
}

/** The environment without the transform's marks (what the learner's command may see). */
export function withoutMarks(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith(VAR_PREFIX)));
}

/**
 * A command's stdout where the shell connected it ({@link connected}): into
 * the `> FILE` (a stream is written as it comes, so the command's progress
 * and errors stay its own), or into the line's pipe (lazily, for the next
 * command to pull). Unconnected, the command writes as any just-bash command.
 */
export class StreamOutput {
  readonly #parts: OutputPart[] = [];
  #streamed = false;
  readonly #ends: StreamEnds;
  readonly #fs: IFileSystem;
  readonly #pipes: StreamPipes | undefined;

  constructor(ends: StreamEnds, fs: IFileSystem, pipes: StreamPipes | undefined) {
    this.#ends = ends;
    // The shell's own fs where the line has one: just-bash's per-command wrapper (ctx.fs) has no writeStream, so a `> FILE` stream would be gathered whole.
    this.#fs = pipes?.fs ?? fs;
    this.#pipes = pipes;
  }

  /** Whether stdout goes around just-bash (a marked file or pipe). */
  get connected(): boolean {
    return this.#ends.stdoutFile !== undefined || this.#ends.stdoutPipe !== undefined;
  }

  /** Bytes written to stdout. */
  write(bytes: Uint8Array): void {
    this.#parts.push(bytes);
  }

  /** A stream that is part of the output, read only when the output is delivered ({@link finish}). */
  add(stream: ByteStream): void {
    this.#parts.push(stream);
  }

  /**
   * A stream written to stdout: into the file now (the command's progress and
   * errors stay its own), or left in the pipe for the next command.
   */
  async stream(stream: ByteStream): Promise<void> {
    const file = this.#ends.stdoutFile;
    if (file === undefined) {
      this.#parts.push(stream);
      return;
    }
    const fs = hostFs(this.#fs, '/');
    // What the command wrote before (and, once streamed, the file so far) comes first: one sequence of writes, as to an open fd.
    const before: OutputPart[] = this.#streamed ? [fs.readStream(file), ...this.#parts.splice(0)] : this.#parts.splice(0);
    await fs.writeStream(file, concat([...before, stream]));
    this.#streamed = true;
  }

  /** Ends the command's output: what is left goes into the file, or into the pipe for the next command. */
  async finish(): Promise<void> {
    if (this.#ends.stdoutFile !== undefined) {
      if (this.#parts.length > 0) await this.stream(concat([]));
      return;
    }
    if (this.#ends.stdoutPipe !== undefined) this.#pipes?.put(this.#ends.stdoutPipe, this.#parts.splice(0));
  }
}

// ---------------------------------------------------------------------------
// The transform

interface Node {
  type?: string;
  [key: string]: unknown;
}

interface Word extends Node {
  type: 'Word';
  parts: Node[];
}

interface Redirection extends Node {
  type: 'Redirection';
  fd: number | null;
  operator: string;
  target: Node;
}

interface SimpleCommand extends Node {
  type: 'SimpleCommand';
  assignments: Node[];
  name: Word | null;
  args: Word[];
  redirections: Redirection[];
}

/** The command's name when it is one plain literal word. */
function nameOf(cmd: Node): string | undefined {
  if (cmd.type !== 'SimpleCommand') return undefined;
  const name = (cmd as SimpleCommand).name;
  if (!name || name.parts.length !== 1 || name.parts[0]!.type !== 'Literal') return undefined;
  return name.parts[0]!.value as string;
}

/** Expansions that a second evaluation could change, or that may yield several words: left to just-bash. */
const UNSAFE_PARTS = new Set(['CommandSubstitution', 'ArithmeticExpansion', 'ProcessSubstitution', 'Glob', 'BraceExpansion']);

function safeWord(node: Node): boolean {
  if (node.type !== 'Word') return false;
  const ok = (n: unknown): boolean => {
    if (Array.isArray(n)) return n.every(ok);
    if (!n || typeof n !== 'object') return true;
    const o = n as Node;
    if (o.type !== undefined && UNSAFE_PARTS.has(o.type)) return false;
    return Object.values(o).every(ok);
  };
  return ok(node);
}

function fdOf(r: Redirection): number {
  if (r.operator === '&>' || r.operator === '&>>') return -1;
  return r.fd ?? (r.operator.startsWith('<') ? 0 : 1);
}

/** The command's one `> FILE` (or `>| FILE`), when nothing else redirects its stdout. */
function stdoutFile(cmd: SimpleCommand): Redirection | undefined {
  let found: Redirection | undefined;
  for (const r of cmd.redirections) {
    const fd = fdOf(r);
    if (fd === -1) return undefined;
    if (fd !== 1) continue;
    if (found || (r.operator !== '>' && r.operator !== '>|') || !safeWord(r.target)) return undefined;
    found = r;
  }
  return found;
}

/** The command's one `< FILE`, when nothing else redirects its stdin. */
function stdinFile(cmd: SimpleCommand): Redirection | undefined {
  let found: Redirection | undefined;
  for (const r of cmd.redirections) {
    if (fdOf(r) !== 0) continue;
    if (found || r.operator !== '<' || !safeWord(r.target)) return undefined;
    found = r;
  }
  return found;
}

function redirects(cmd: SimpleCommand, fd: number): boolean {
  return cmd.redirections.some((r) => fdOf(r) === fd || fdOf(r) === -1);
}

/** Numbers of the commands marked so far in this line's tree. */
const numbered = new WeakMap<SimpleCommand, string>();

/** Puts one mark on a command: numbers it (its first argument) on the first, then the assignment. */
function mark(cmd: SimpleCommand, kind: string, value: Node, next: () => string): void {
  let n = numbered.get(cmd);
  if (n === undefined) {
    n = next();
    numbered.set(cmd, n);
    cmd.args.unshift(literal(`${TOKEN}${n}`));
  }
  cmd.assignments.push({ type: 'Assignment', name: `${VAR_PREFIX}${n}_${kind}`, value, append: false, array: null });
}

function literal(value: string): Word {
  return { type: 'Word', parts: [{ type: 'Literal', value }] };
}

/** `cat` with file operands only (no option, no `-`) can be the streaming cat. */
function plainCat(cmd: SimpleCommand): boolean {
  return cmd.args.length > 0 && cmd.args.every((a) => safeWord(a) && !(a.parts[0]?.type === 'Literal' && String(a.parts[0].value).startsWith('-')));
}

/** Marks the streams of one pipeline's commands; `next` numbers the pipes. */
function markPipeline(commands: Node[], next: () => string): void {
  commands.forEach((node, i) => {
    const name = nameOf(node);
    if (name === undefined) return;
    const cmd = node as SimpleCommand;
    let streams = false;
    if (PRODUCERS.has(name)) {
      const out = stdoutFile(cmd);
      if (out && (name !== 'cat' || plainCat(cmd))) {
        mark(cmd, STREAM_VARS.stdoutFile, structuredClone(out.target), next);
        streams = true;
      }
      const after = commands[i + 1];
      const consumer = after && nameOf(after);
      if (!redirects(cmd, 1) && consumer !== undefined && CONSUMERS.has(consumer) && !redirects(after as SimpleCommand, 0) && (name !== 'cat' || plainCat(cmd))) {
        const id = next();
        mark(cmd, STREAM_VARS.stdoutPipe, literal(id), next);
        mark(after as SimpleCommand, STREAM_VARS.stdinPipe, literal(id), next);
        streams = true;
      }
      if (streams && name === 'cat') cmd.name = literal(STREAM_CAT);
    }
    if (CONSUMERS.has(name)) {
      const input = stdinFile(cmd);
      if (input) {
        mark(cmd, STREAM_VARS.stdinFile, input.target, next);
        input.target = literal('/dev/null');
      }
    }
  });
}

/**
 * The just-bash transform plugin that marks streaming ends (see the module
 * comment). Pipes are numbered per line.
 */
export function streamPipePlugin(): { name: string; transform(ctx: { ast: never; metadata: Record<string, unknown> }): { ast: never } } {
  return {
    name: 'layerlab-stream-pipe',
    transform(ctx) {
      let n = 0;
      const next = (): string => String(++n);
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const child of node) walk(child);
          return;
        }
        if (!node || typeof node !== 'object') return;
        const o = node as Node;
        // A `|&` pipe carries stderr too: just-bash's own path.
        if (o.type === 'Pipeline' && !((o.pipeStderr as boolean[] | undefined) ?? []).some(Boolean)) markPipeline(o.commands as Node[], next);
        for (const v of Object.values(o)) walk(v);
      };
      walk(ctx.ast);
      return { ast: ctx.ast };
    },
  };
}

// ---------------------------------------------------------------------------
// The streaming cat

/**
 * `cat FILE…` where its output streams (see the transform): GNU cat's
 * messages for a file it cannot read, which it skips, exit 1 at the end.
 * The files are read lazily, in order, by whoever takes the output.
 */
export function streamCatCommand(jb: JustBash, hooks: LineHooks): Command {
  return jb.defineCommand(STREAM_CAT, async (argv, ctx) => {
    const { ends, args } = await streamEnds(ctx, hooks.pipes, argv);
    const fs = hostFs(hooks.pipes?.fs ?? ctx.fs, ctx.cwd);
    const out = new StreamOutput(ends, ctx.fs, hooks.pipes);
    let stderr = '';
    for (const name of args) {
      const abs = fs.resolve(name);
      if (!(await ctx.fs.exists(abs))) stderr += `cat: ${name}: No such file or directory\n`;
      else if ((await ctx.fs.stat(abs)).isDirectory) stderr += `cat: ${name}: Is a directory\n`;
      else out.add(fs.readStream(abs));
    }
    await out.finish();
    return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
  });
}
