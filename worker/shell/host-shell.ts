/**
 * The learner's own machine (design.md §5): user `learner` on host
 * `layerlab`, a bash from just-bash with the docker CLI and a few host tools
 * added as commands. See README.md for why just-bash and its limits.
 *
 * just-bash resets shell state on every `exec()` (its README: "Each exec()
 * call gets its own isolated shell state"), but a terminal keeps it from line
 * to line, so the shell carries it (line-state.ts): the final environment of
 * each line, PWD included, becomes the next line's, aliases and `$?` are set
 * up again before it. Shell functions and shell options do not carry over.
 */
import { nestedShellScript, syntaxErrorText, syntaxFailure } from './syntax-error.ts';
import { BASH_VERSION_COMMAND, bashVersionPlugin, bashVersionText, HOST_BASH_VERSION } from './bash-version.ts';
import type { Bash, IFileSystem, ScriptNode } from 'just-bash';
import type { DockerCommand } from './commands/docker.ts';
import { LEARNER } from './commands/identity.ts';
import { loadJustBash, newHomeFs } from './home-fs.ts';
import { exactBytes } from './output.ts';
import { carried, LOGIN_ENV, preamble, ps1 } from './line-state.ts';
import type { ShellState } from './line-state.ts';
import type { LineHooks, LiveOutput } from './commands/types.ts';
import type { StreamPipes } from './stream-pipe.ts';
import type { StartForeground } from './foreground.ts';
import { loneProgram, readsTerminal, terminalUse, writesToTerminal } from './terminal.ts';
import { stdinReader } from './stdin-reader.ts';
import type { TerminalUse } from './terminal.ts';
import type { CommandReader } from './continuation.ts';
import type { ParseScript } from './parse.ts';

export type { DockerCommand, DockerIo } from './commands/docker.ts';
export { loadJustBash, newHomeFs } from './home-fs.ts';
export { LOGIN_ENV, parseShellState } from './line-state.ts';
export type { ShellState } from './line-state.ts';

/** The outcome of one command line. */
export interface ShellResult {
  /** Standard output as text (UTF-8; for binary output, see `stdoutBytes`). */
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * The exact bytes when stdout is binary output of docker or tar alone
   * (`docker save alpine`); `stdout` then holds their lossy UTF-8 reading.
   */
  stdoutBytes?: Uint8Array;
}

/** Options of {@link HostShell}. */
export interface HostShellOptions {
  /** The docker CLI. */
  docker: DockerCommand;
  /** The host filesystem; an empty in-memory one with /home/learner when absent. */
  fs?: IFileSystem;
  /** Extra environment on top of the learner's login environment. */
  env?: Record<string, string>;
  /** The state to start from instead of a fresh login (a reload reattaching to its session). */
  state?: ShellState;
  /** Whether the output is shown on a terminal (the page, `bin/layerlab` on a TTY). */
  isTTY?: boolean;
  /** Takes a program that owns the terminal after the current line (`docker run -it`). */
  startForeground?: StartForeground;
  /**
   * The terminal, for a line that is one docker command alone: its output
   * then goes here as it is written (pull and build progress) instead of
   * into the line's result. Used only when `isTTY`.
   */
  live?: LiveOutput;
}


/** The learner's interactive host shell. */
export class HostShell {
  #opts: HostShellOptions;
  #bash: Promise<Bash> | undefined;
  #fs: IFileSystem | undefined;
  #env: Record<string, string>;
  #aliases = new Map<string, string>();
  #status = 0;
  #exited: number | undefined;
  #terminal: TerminalUse | undefined;
  #lone: string | undefined;
  #binary: Uint8Array[] = [];
  #history: string[] = [];
  /** Gathers PS2 lines into whole commands (continuation.ts). */
  #reader: CommandReader | undefined;
  /** help.ts `helpPreamble`; it and the reader load with just-bash, after the first prompt. */
  #helpPreamble: ((script: ScriptNode) => string) | undefined;

  constructor(opts: HostShellOptions) {
    this.#opts = opts;
    this.#fs = opts.fs;
    this.#env = { ...LOGIN_ENV, ...opts.env };
    if (opts.state) this.restore(opts.state);
  }

  /** The variables, aliases and `$?` the next line starts from, as a reload keeps them. */
  get state(): ShellState {
    return { env: { ...this.#env }, aliases: Object.fromEntries(this.#aliases), status: this.#status };
  }

  /** Starts the next line from `state` (see {@link HostShell.state}). */
  restore(state: ShellState): void {
    this.#env = { ...state.env };
    this.#aliases = new Map(Object.entries(state.aliases));
    this.#status = state.status;
  }

  /** The current working directory. */
  get cwd(): string {
    return this.#env.PWD ?? LEARNER.home;
  }

  /** A copy of the current shell variables. */
  get env(): Record<string, string> {
    return { ...this.#env };
  }

  /** The exit status given to `exit`, once the learner has typed it. */
  get exited(): number | undefined {
    return this.#exited;
  }

  /** The filesystem, once loaded (see {@link HostShell.filesystem}). */
  async filesystem(): Promise<IFileSystem> {
    await this.#load();
    return this.#fs!;
  }

  /** The terminal's size changed: bash (checkwinsize) updates COLUMNS and LINES, which `ls` reads. */
  resize(columns: number, rows: number): void {
    this.#env.COLUMNS = String(columns);
    this.#env.LINES = String(rows);
  }

  /** Whether the lines typed so far are an unfinished command (the prompt is then PS2). */
  get continuing(): boolean {
    return this.#reader?.continuing ?? false;
  }

  /** The lines of the unfinished command (see {@link HostShell.continuing}). */
  get pendingLines(): readonly string[] {
    return this.#reader?.lines ?? [];
  }

  /**
   * bash's history entry for the command being typed or just typed, its
   * lines joined as bash joins them (history-join.ts); undefined when
   * HISTCONTROL=ignorespace drops it.
   */
  get historyEntry(): string | undefined {
    return this.#reader?.historyEntry;
  }

  /** Ctrl-C at the prompt: the line, or the unfinished command of PS2 lines, is dropped and `$?` is 130, as after bash's SIGINT. */
  abandon(): void {
    this.#reader?.abandon();
    this.#status = 130;
  }

  /**
   * End of input (Ctrl-D on an empty PS2 line, or the end of a script on
   * stdin) while a command is unfinished: bash's message, then the command
   * if bash runs it (continuation.ts {@link AtEof}). An interactive shell
   * may end here ({@link HostShell.exited}).
   */
  async endOfInput(): Promise<ShellResult> {
    await this.#load();
    const interactive = this.#opts.isTTY ?? false;
    const eof = this.#reader!.eof(interactive);
    let r: ShellResult = { stdout: '', stderr: '', exitCode: typeof eof.exit === 'number' ? eof.exit : this.#status };
    if (eof.run !== undefined) r = await this.#runCommand(eof.run);
    // On a terminal both streams are the screen, and bash's warning comes before the command's output.
    if (interactive) r.stdout = eof.message + r.stdout;
    else r.stderr = eof.message + r.stderr;
    if (eof.exit !== undefined) r.exitCode = eof.exit === 'status' ? r.exitCode : eof.exit;
    this.#status = r.exitCode;
    if (interactive && eof.exit !== undefined) {
      r.stderr += eof.farewell ?? '';
      this.#exited = r.exitCode;
    }
    return r;
  }

  /** bash's PS2 (`> `) while a command is unfinished, else its default PS1 on Debian: `\u@\h:\w\$ `, with the home directory as `~`. */
  prompt(): string {
    if (this.continuing) return '> ';
    return ps1(this.#env);
  }

  /**
   * Runs one command line (it may hold several commands, pipes, a heredoc)
   * and keeps its state. On a terminal, a line whose command reads the
   * terminal (`cat > file`) is handed to a foreground program that collects
   * the input first (stdin-reader.ts); `stdin` gives that input directly.
   */
  async run(line: string, stdin?: string, signal?: AbortSignal): Promise<ShellResult> {
    await this.#load();
    // A typed line may start or continue a command over several lines; `stdin` comes with a whole one (stdin-reader.ts).
    if (stdin !== undefined) return this.#runCommand(line, stdin, signal);
    const wasContinuing = this.continuing;
    const step = this.#reader!.add(line);
    this.#record(wasContinuing);
    if (step.kind === 'more') return { stdout: '', stderr: '', exitCode: this.#status };
    if (step.kind === 'discarded') {
      // bash ends after the line it reads to discard following an EOF in a quote (continuation.ts).
      this.#exited = 0;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    return this.#runCommand(step.text, undefined, signal);
  }

  /** bash records a command before running it (and not one starting with a space: HISTCONTROL=ignoreboth on Debian). */
  #record(amend: boolean): void {
    const entry = this.historyEntry;
    if (amend) {
      if (entry !== undefined && this.#amendable) this.#history[this.#history.length - 1] = entry;
      return;
    }
    this.#amendable = entry !== undefined && entry.trim() !== '' && this.#history.at(-1) !== entry;
    if (this.#amendable) this.#history.push(entry!);
  }

  /** Whether the last history entry is the command being typed, to be amended by its next lines. */
  #amendable = false;

  /** Runs a whole command (it may span lines) and keeps its state. */
  async #runCommand(line: string, stdin?: string, signal?: AbortSignal): Promise<ShellResult> {
    const bash = await this.#load();
    // An empty line runs nothing and leaves `$?` as it was.
    if (line.trim() === '') return { stdout: '', stderr: '', exitCode: 0 };
    // A line that does not parse runs alone, so its error names its own line
    // and columns; it runs nothing, so there is no state to replay for it.
    const ast = this.#parse(line);
    const parses = ast !== undefined;
    const tty = (this.#opts.isTTY ?? false) && ast !== undefined;
    this.#terminal = tty ? terminalUse(ast) : undefined;
    this.#lone = tty && stdin === undefined ? loneProgram(ast) : undefined;
    this.#binary = [];
    const start = this.#opts.startForeground;
    if (tty && stdin === undefined && start && readsTerminal(ast)) {
      start(stdinReader(async (input) => this.run(line, input)));
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const script = parses ? this.#helpPreamble!(ast) + preamble(this.#env, this.#aliases, this.#status) + line : line;
    this.#pipes!.clear();
    const result = await bash.exec(script, {
      env: this.#env,
      replaceEnv: true,
      cwd: this.cwd,
      rawScript: true,
      ...(stdin === undefined ? {} : { stdin }),
      // Ctrl-C: just-bash hands the signal to every command of the line, as SIGINT reaches the foreground process group.
      ...(signal === undefined ? {} : { signal }),
    });
    if (signal?.aborted) {
      // bash after SIGINT: the command died of the signal, `$?` is 128+2, the
      // shell goes on; just-bash instead ends the script with its own notice.
      this.#status = 130;
      return { stdout: result.stdout, stderr: result.stderr.replace(/^bash: execution aborted\n?/m, ''), exitCode: 130 };
    }
    // Interactive bash names no line in its messages (`bash: foo: ...`).
    result.stderr = result.stderr.replace(/^bash: line \d+: /gm, 'bash: ');
    // A line that does not parse is bash's own syntax error, worded as
    // interactive bash words it; nothing ran, so the shell's state stays as it
    // was but for `$?` (2). just-bash's parser accepts a few lines its
    // interpreter then rejects (`echo )`): those count as the line's own error
    // too unless the line starts a nested shell, whose message is about its own
    // script (left as just-bash words it: the nested script is not known here).
    const own = /^bash: (.*)\n$/.exec(result.stderr);
    const failure = own && result.stdout === '' && (!parses || !/(^|[\s;&|(`])(bash|sh|eval|source|\.)\s/.test(line)) ? syntaxFailure(own[1]!) : undefined;
    if (failure) {
      this.#status = 2;
      return { stdout: '', stderr: syntaxErrorText(failure, { shell: 'bash', mode: 'interactive', name: 'bash' }), exitCode: 2 };
    }
    // A nested `bash -c`/`sh -c` whose script does not parse: worded by that shell, with its script.
    const nestedScript = ast !== undefined && /^bash: (?:syntax error: Parse error|unexpected EOF while looking)/m.test(result.stderr) ? nestedShellScript(ast) : undefined;
    if (nestedScript) {
      const reporter = nestedScript.shell === 'dash' ? { shell: 'dash' as const, name: nestedScript.name } : { shell: 'bash' as const, mode: '-c' as const, name: nestedScript.name, script: nestedScript.script };
      result.stderr = result.stderr.replace(/^bash: (.*)\n/gm, (whole, rest: string) => {
        const f = syntaxFailure(rest);
        return f ? syntaxErrorText(f, reporter) : whole;
      });
    }
    const exitedNow = parses && !('?' in result.env);
    ({ env: this.#env, aliases: this.#aliases } = carried(result.env));
    this.#status = result.exitCode;
    // just-bash ends a script on `exit` (or `logout`, in a function too)
    // without reporting `$?`; a finished line always reports it.
    if (exitedNow) this.#exited = result.exitCode;
    const out: ShellResult = { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    const bytes = exactBytes(result.stdout, this.#binary);
    if (bytes !== undefined) {
      out.stdoutBytes = bytes;
      out.stdout = new TextDecoder().decode(bytes);
    }
    return out;
  }

  #parse(line: string): ScriptNode | undefined {
    try {
      return this.#parseOrThrow(line);
    } catch {
      return undefined;
    }
  }

  #parseOrThrow(line: string): ScriptNode {
    return this.#parser!(line);
  }

  /** just-bash's parser (parse.ts), once just-bash is loaded. */
  #parser: ParseScript | undefined;

  /** The streams between our commands of the line being run (stream-pipe.ts). */
  #pipes: StreamPipes | undefined;

  #load(): Promise<Bash> {
    this.#bash ??= (async () => {
      const [jb, { hostCommands }, { CommandReader }, { helpPreamble }, { scriptParser }, streams] = await Promise.all([
        loadJustBash(),
        import('./commands/index.ts'),
        import('./continuation.ts'),
        import('./help.ts'),
        import('./parse.ts'),
        import('./stream-pipe.ts'),
      ]);
      this.#fs ??= await newHomeFs(jb);
      this.#pipes = new streams.StreamPipes(this.#fs);
      this.#parser = scriptParser(jb);
      this.#reader = new CommandReader((text) => this.#parseOrThrow(text));
      this.#helpPreamble = helpPreamble;
      const hooks: LineHooks = {
        isTTY: (name) => this.#terminal !== undefined && writesToTerminal(this.#terminal, name),
        live: (name) => (this.#lone === name ? this.#opts.live : undefined),
        binary: (bytes) => this.#binary.push(bytes),
        startForeground: this.#opts.startForeground,
        pipes: this.#pipes,
      };
      const bash = new jb.Bash({
        fs: this.#fs,
        cwd: LEARNER.home,
        env: this.#env,
        customCommands: [
          ...hostCommands(jb, this.#opts.docker, hooks, {
            lines: () => this.#history,
            clear: () => void (this.#history = []),
          }),
          jb.defineCommand(BASH_VERSION_COMMAND, async () => ({ stdout: bashVersionText(HOST_BASH_VERSION), stderr: '', exitCode: 0 })),
          streams.streamCatCommand(jb, hooks),
        ],
        // A terminal, not an agent sandbox: images of hundreds of MB go
        // through `docker save > x.tar`, and `docker build` may take a while.
        executionLimits: {
          maxOutputSize: 2 ** 31,
          maxArchiveBytes: 2 ** 31,
          maxStringLength: 2 ** 29,
          maxExecutionTimeMs: 10 * 60_000,
        },
        processInfo: { uid: LEARNER.uid, gid: LEARNER.gid },
      });
      // just-bash answers its own 5.1.0 for $BASH_VERSION and has no `bash --version`.
      bash.registerTransformPlugin(bashVersionPlugin(HOST_BASH_VERSION, true) as never);
      // Archives stream between our own commands and files instead of passing as one string (stream-pipe.ts).
      bash.registerTransformPlugin(streams.streamPipePlugin() as never);
      return bash;
    })();
    return this.#bash;
  }
}
