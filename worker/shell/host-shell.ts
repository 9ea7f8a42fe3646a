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
import type { Bash, IFileSystem, ScriptNode } from 'just-bash';
import type { DockerCommand } from './commands/docker.ts';
import { LEARNER } from './commands/identity.ts';
import { loadJustBash, newHomeFs } from './home-fs.ts';
import { exactBytes } from './output.ts';
import { carried, LOGIN_ENV, preamble, ps1 } from './line-state.ts';
import type { ShellState } from './line-state.ts';
import type { JustBash, LineHooks, LiveOutput } from './commands/types.ts';
import type { StartForeground } from './foreground.ts';
import { loneProgram, readsTerminal, terminalUse, writesToTerminal } from './terminal.ts';
import { stdinReader } from './stdin-reader.ts';
import type { TerminalUse } from './terminal.ts';

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
  #jb: JustBash | undefined;
  #terminal: TerminalUse | undefined;
  #lone: string | undefined;
  #binary: Uint8Array[] = [];
  #history: string[] = [];

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

  /** bash's default PS1 on Debian: `\u@\h:\w\$ `, with the home directory as `~`. */
  prompt(): string {
    return ps1(this.#env);
  }

  /**
   * Runs one command line (it may hold several commands, pipes, a heredoc)
   * and keeps its state. On a terminal, a line whose command reads the
   * terminal (`cat > file`) is handed to a foreground program that collects
   * the input first (stdin-reader.ts); `stdin` gives that input directly.
   */
  async run(line: string, stdin?: string, signal?: AbortSignal): Promise<ShellResult> {
    const bash = await this.#load();
    // An empty line runs nothing and leaves `$?` as it was.
    if (line.trim() === '') return { stdout: '', stderr: '', exitCode: 0 };
    // bash records a line before running it (and not a line starting with a space: HISTCONTROL=ignoreboth on Debian).
    if (!line.startsWith(' ') && this.#history.at(-1) !== line) this.#history.push(line);
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
    const script = parses ? preamble(this.#env, this.#aliases, this.#status) + line : line;
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
      // just-bash exports `parse` from its Node entry only; the page loads
      // `just-bash/browser`, whose Bash.transform() returns the same tree.
      const jb = this.#jb!;
      if (typeof jb.parse === 'function') return jb.parse(line);
      this.#parser ??= new jb.Bash();
      return this.#parser.transform(line).ast;
    } catch {
      return undefined;
    }
  }

  /** A Bash instance used only to parse lines where `parse` is not exported. */
  #parser: InstanceType<JustBash['Bash']> | undefined;

  #load(): Promise<Bash> {
    this.#bash ??= (async () => {
      const [jb, { hostCommands }] = await Promise.all([loadJustBash(), import('./commands/index.ts')]);
      this.#jb = jb;
      this.#fs ??= await newHomeFs(jb);
      const hooks: LineHooks = {
        isTTY: (name) => this.#terminal !== undefined && writesToTerminal(this.#terminal, name),
        live: (name) => (this.#lone === name ? this.#opts.live : undefined),
        binary: (bytes) => this.#binary.push(bytes),
        startForeground: this.#opts.startForeground,
      };
      return new jb.Bash({
        fs: this.#fs,
        cwd: LEARNER.home,
        env: this.#env,
        customCommands: hostCommands(jb, this.#opts.docker, hooks, {
          lines: () => this.#history,
          clear: () => void (this.#history = []),
        }),
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
    })();
    return this.#bash;
  }
}
