/**
 * The learner's own machine (design.md §5): user `learner` on host
 * `layerlab`, a bash from just-bash with the docker CLI and a few host tools
 * added as commands. See README.md for why just-bash and its limits.
 *
 * just-bash resets shell state on every `exec()` (its README: "Each exec()
 * call gets its own isolated shell state"), but a terminal keeps it from line
 * to line. So the shell carries the state itself: the final environment of
 * each line (which includes PWD) becomes the next line's environment and
 * working directory; aliases, which just-bash reports as BASH_ALIAS_<name>
 * variables, are defined again at the start of the next line (with
 * expand_aliases on, as in an interactive bash); `$?` is restored
 * with `(exit N)`. Shell functions and the exported/not-exported distinction
 * do not carry over.
 */
import type { Bash, IFileSystem, ScriptNode } from 'just-bash';
import type { DockerCommand } from './commands/docker.ts';
import { LEARNER } from './commands/identity.ts';
import { shellQuote } from './commands/types.ts';
import { loadJustBash, newHomeFs } from './home-fs.ts';
import { exactBytes } from './output.ts';
import type { JustBash, LineHooks, LiveOutput } from './commands/types.ts';
import type { StartForeground } from './foreground.ts';
import { loneProgram, readsTerminal, terminalUse, writesToTerminal } from './terminal.ts';
import { stdinReader } from './stdin-reader.ts';
import type { TerminalUse } from './terminal.ts';

export type { DockerCommand, DockerIo } from './commands/docker.ts';
export { loadJustBash, newHomeFs } from './home-fs.ts';

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

/** The login environment of `learner` on a Debian 12 host (bash 5.2, /etc/profile PATH). */
export const LOGIN_ENV: Readonly<Record<string, string>> = {
  HOME: LEARNER.home,
  USER: LEARNER.user,
  LOGNAME: LEARNER.user,
  HOSTNAME: LEARNER.host,
  SHELL: '/bin/bash',
  PATH: '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games',
  PWD: LEARNER.home,
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
};

// Variables just-bash derives itself or that hold state carried another way.
const DERIVED = new Set(['?', 'SHELLOPTS', 'BASHOPTS']);
// Shell variables bash sets but does not export.
const UNEXPORTED = new Set(['IFS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'OPTIND', 'COLUMNS', 'LINES']);
const ALIAS_PREFIX = 'BASH_ALIAS_';

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
    const home = this.#env.HOME ?? LEARNER.home;
    const cwd = this.cwd;
    const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    return `${LEARNER.user}@${LEARNER.host}:${shown}$ `;
  }

  /**
   * Runs one command line (it may hold several commands, pipes, a heredoc)
   * and keeps its state. On a terminal, a line whose command reads the
   * terminal (`cat > file`) is handed to a foreground program that collects
   * the input first (stdin-reader.ts); `stdin` gives that input directly.
   */
  async run(line: string, stdin?: string): Promise<ShellResult> {
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
    const env = Object.entries(this.#env).filter(([k]) => !k.startsWith(ALIAS_PREFIX));
    const script = parses ? this.#preamble() + line : line;
    const result = await bash.exec(script, {
      env: Object.fromEntries(env),
      replaceEnv: true,
      cwd: this.cwd,
      rawScript: true,
      ...(stdin === undefined ? {} : { stdin }),
    });
    // Interactive bash names no line in its messages (`bash: foo: ...`).
    result.stderr = result.stderr.replace(/^bash: line \d+: /gm, 'bash: ');
    const exitedNow = parses && !('?' in result.env);
    this.#keep(result.env);
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

  /**
   * Alias definitions and the last status, replayed before the learner's
   * line and on the same line, so `$LINENO` and messages stay on line 1
   * (just-bash expands aliases defined earlier on a line). Aliases expand
   * because an interactive bash has expand_aliases on.
   */
  #preamble(): string {
    const parts = ['shopt -s expand_aliases'];
    // just-bash exports only the variables its constructor got; a variable
    // exported on an earlier line (`export DOCKER_BUILDKIT=0`) must reach
    // the next line's commands too. Which ones were exported is not
    // reported, so every carried variable but bash's own is exported.
    const exported = Object.keys(this.#env).filter((k) => !UNEXPORTED.has(k) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
    if (exported.length > 0) parts.push(`export ${exported.join(' ')}`);
    for (const [name, value] of this.#aliases) parts.push(`alias ${name}=${shellQuote(value)}`);
    if (this.#status !== 0) parts.push(`(exit ${this.#status})`);
    return `${parts.join('; ')}; `;
  }

  #parse(line: string): ScriptNode | undefined {
    try {
      return this.#jb!.parse(line);
    } catch {
      return undefined;
    }
  }

  #keep(env: Record<string, string>): void {
    const next: Record<string, string> = {};
    this.#aliases.clear();
    for (const [key, value] of Object.entries(env)) {
      if (key.startsWith(ALIAS_PREFIX)) this.#aliases.set(key.slice(ALIAS_PREFIX.length), value);
      else if (!DERIVED.has(key)) next[key] = value;
    }
    this.#env = next;
  }

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
