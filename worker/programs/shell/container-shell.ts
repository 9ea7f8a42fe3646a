/**
 * A shell inside a container: busybox ash, bash or dash, run by just-bash over the
 * container's filesystem with the container's own programs as its commands. Like the
 * host shell (worker/shell/host-shell.ts), it carries the environment and working
 * directory from one line to the next, since just-bash starts each exec() afresh.
 * Messages are reworded into each shell's own: ash says `/bin/sh: foo: not found`
 * (its argv[0] first), dash `sh: 1: foo: not found`, bash `bash: foo: command not found`.
 */
import type { Bash } from 'just-bash';
import { justBash } from '../builtins.ts';
import type { ProcessSpec, ShellState } from '../process.ts';
import { exitForSignal, signalOf } from '../program.ts';
import type { ShellFlavor } from '../run.ts';
import { containerCommands } from './dispatch.ts';
import { bashVersion, bashVersionPlugin } from '../../shell/bash-version.ts';
import { dashEchoCommand } from './dash-echo.ts';
import { interpreterFs, SHELL_BUILTINS } from './shell-fs.ts';
import { syntaxErrorText, syntaxFailure } from '../../shell/syntax-error.ts';

/** The signals `trap` takes, without their SIG prefix, by number (EXIT is the shell's own exit). */
const TRAP_SIGNALS: Record<string, number> = { EXIT: 0, HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, WINCH: 28 };

const DERIVED = new Set(['?', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'OPTIND', 'OLDPWD']);

/** Result of running one line or script. */
export interface ShellOutput { stdout: string; stderr: string; exitCode: number; exited: boolean }

/** One shell process. */
export class ContainerShell {
  #spec: ProcessSpec;
  #flavor: ShellFlavor;
  #arg0: string;
  #bash: Bash | undefined;
  #env: Record<string, string>;
  #status = 0;
  #line: AbortController | undefined;
  #debian: boolean | undefined;
  #terminal = false;
  #tail: { argv: string[]; env: Record<string, string>; cwd: string } | undefined;
  /** How a non-interactive shell got its script, for bash's syntax errors (`-c: line 1:` or `line 1:`). */
  #invocation: '-c' | 'script';
  /** The script of the line being run, which bash echoes in a syntax error. */
  #script = '';
  /** `trap` handlers by signal name without SIG (EXIT, TERM, …); '' ignores the signal. */
  #traps = new Map<string, string>();
  /** A trapped signal that arrived while a line ran: its handler runs once the line's command returns. */
  #pending: string | undefined;

  constructor(spec: ProcessSpec, flavor: ShellFlavor, arg0: string, invocation: '-c' | 'script' = 'script') {
    this.#spec = spec;
    this.#flavor = flavor;
    this.#arg0 = arg0;
    this.#invocation = invocation;
    this.#env = { HOME: '/root', ...spec.env, PWD: spec.cwd };
  }

  /** Loads just-bash and builds the interpreter. */
  async ready(): Promise<void> {
    if (this.#bash) return;
    const jb = await justBash();
    this.#debian = await this.#spec.fs.exists('/etc/debian_version');
    this.#bash = new jb.Bash({
      fs: interpreterFs(this.#spec.fs),
      cwd: this.#spec.cwd,
      env: this.#env,
      commands: SHELL_BUILTINS as never[],
      customCommands: containerCommands(jb, {
        spec: this.#spec,
        signal: () => this.#line?.signal ?? this.#spec.signal,
        tty: () => this.#terminal,
        tailcall: (argv, env, cwd) => { this.#tail = { argv, env, cwd }; },
        trap: (args) => this.#trap(args),
      }).concat(this.#flavor === 'dash' ? [dashEchoCommand(jb)] : []),
      executionLimits: { maxOutputSize: 2 ** 28, maxExecutionTimeMs: 24 * 3600_000 },
      processInfo: { uid: this.#spec.user === 'root' || this.#spec.user === '0' ? 0 : 1000, gid: 0 },
    });
    if (this.#flavor === 'bash') this.#bash.registerTransformPlugin(bashVersionPlugin(await bashVersion(this.#spec.fs)) as never);
  }

  /** The exported environment (for a shell started from this one). */
  get env(): Record<string, string> {
    return { ...this.#env };
  }

  /** What this shell carries between lines (see ShellState). */
  snapshot(): ShellState['shells'][number] {
    return { flavor: this.#flavor, arg0: this.#arg0, env: { ...this.#env }, cwd: this.cwd, status: this.#status };
  }

  /** Sets `$?` (after a nested shell ends, its status becomes this shell's last status). */
  setStatus(code: number): void {
    this.#status = code;
  }

  /** The current working directory. */
  get cwd(): string {
    return this.#env.PWD ?? '/';
  }

  /** The prompt: ash `\w \$ `, Debian's bash `\u@\h:\w\$ `, other bash `\s-\v\$ `, dash `# `. */
  prompt(): string {
    const root = this.#spec.user === 'root' || this.#spec.user === '0' || this.#spec.user.startsWith('0:') || this.#spec.user.startsWith('root:');
    const sign = root ? '#' : '$';
    const home = this.#env.HOME ?? '/root';
    const cwd = this.cwd;
    const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    if (this.#flavor === 'ash') return `${shown} ${sign} `;
    if (this.#flavor === 'dash') return `${sign} `;
    if (this.#debian) return `${this.#spec.user.split(':')[0]}@${this.#spec.hostname}:${shown}${sign} `;
    return `bash-5.2${sign} `;
  }

  /** Runs `script` (a line or a whole file) with the shell's current state; `stdin` is the script's input. */
  async run(script: string, interactive: boolean, positional: string[] = [], dollar0 = this.#arg0, stdin = ''): Promise<ShellOutput> {
    await this.ready();
    if (script.trim() === '') return { stdout: '', stderr: '', exitCode: this.#status, exited: false };
    this.#line = new AbortController();
    // On a terminal, a line without pipes or redirections writes to it (approximation of isatty per command).
    this.#terminal = interactive && this.#spec.tty && !/[|>]/.test(script);
    const stop = (): void => {
      // A trapped signal does not stop the running command: bash runs the handler once its
      // foreground child returns (why `trap … TERM; sleep 300` still waits out docker stop's timeout).
      const name = signalOf(this.#spec.signal).name.replace(/^SIG/, '');
      if (this.#traps.get(name)) this.#pending = name;
      else this.#line?.abort(this.#spec.signal.reason);
    };
    this.#spec.signal.addEventListener('abort', stop, { once: true });
    const env = { ...this.#env, '0': dollar0 };
    const pre = this.#status !== 0 ? `(exit ${this.#status}); ` : '';
    const set = positional.length > 0 ? `set -- ${positional.map(quote).join(' ')}; ` : '';
    this.#script = script;
    try {
      const r = await this.#bash!.exec(pre + set + script, { env, replaceEnv: true, cwd: this.cwd, rawScript: true, signal: this.#line.signal, stdin });
      this.#keep(r.env ?? {});
      const interrupted = this.#line.signal.aborted;
      this.#status = interrupted ? exitForSignal(this.#line.signal) : r.exitCode;
      const exited = /(^|[;&|]\s*)(exit|logout)(\s+-?\d+)?\s*;?\s*$/.test(script.trim());
      // just-bash reports the abort itself; a shell says nothing (the terminal echoes ^C).
      const stderr = interrupted ? r.stderr.replace(/^.*execution aborted\n?/gm, '') : r.stderr;
      const out = { stdout: r.stdout, stderr: this.#reword(stderr, interactive), exitCode: this.#status, exited };
      const pending = this.#pending;
      this.#pending = undefined;
      if (pending === undefined || exited) return out;
      this.#spec.signal.removeEventListener('abort', stop);
      const h = await this.run(this.#traps.get(pending)!, false);
      return { stdout: out.stdout + h.stdout, stderr: out.stderr + h.stderr, exitCode: h.exited ? h.exitCode : out.exitCode, exited: h.exited };
    } catch (err) {
      // just-bash lets a redirection's failed write escape the script (a read-only filesystem:
      // `--read-only`, a `:ro` mount); the shells report it and go on with status 1. The line's
      // other output is lost with it: a Layerlab limit.
      const m = /^(EROFS|EACCES|ENOENT|ENOTDIR|EISDIR): [^,]*, \w+ '([^']*)'$/.exec(err instanceof Error ? err.message : '');
      if (!m) throw err;
      const text = { EROFS: 'Read-only file system', EACCES: 'Permission denied', ENOENT: 'No such file or directory', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory' }[m[1]!]!;
      const name = this.#arg0.slice(this.#arg0.lastIndexOf('/') + 1);
      this.#status = 1;
      const stderr = this.#flavor === 'bash' ? `bash: ${m[2]}: ${text}\n` : this.#flavor === 'dash' ? `${name}: 1: cannot create ${m[2]}: ${text}\n` : `${name}: can't create ${m[2]}: ${text}\n`;
      return { stdout: '', stderr, exitCode: 1, exited: false };
    } finally {
      this.#spec.signal.removeEventListener('abort', stop);
      this.#line = undefined;
    }
  }

  /**
   * The shell is ending with `status`: its EXIT trap runs (once), and an `exit N` in it
   * sets the status, as in bash, dash and ash.
   */
  async exitTrap(status: number): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const action = this.#traps.get('EXIT');
    this.#traps.delete('EXIT');
    if (!action) return { stdout: '', stderr: '', exitCode: status };
    this.#status = status;
    const r = await this.run(action, false);
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exited ? r.exitCode : status };
  }

  /** `trap [-p] | trap ACTION SIGNAL… | trap - SIGNAL…`; a trapped signal is one the process now catches. */
  #trap(args: string[]): { stdout: string; stderr: string; exitCode: number } {
    const a = args[0] === '--' ? args.slice(1) : [...args];
    const bash = this.#flavor === 'bash';
    const shown = (n: string): string => (n === 'EXIT' || !bash ? n : `SIG${n}`);
    const quoteAll = (t: string): string => `'${t.replaceAll("'", `'\\''`)}'`;
    if (a.length === 0 || a[0] === '-p') {
      const list = [...this.#traps].sort((x, y) => TRAP_SIGNALS[x[0]]! - TRAP_SIGNALS[y[0]]!);
      return { stdout: list.map(([n, act]) => `trap -- ${quoteAll(act)} ${shown(n)}\n`).join(''), stderr: '', exitCode: 0 };
    }
    // `trap SIGNAL` alone resets it, as `trap - SIGNAL`.
    const [action, ...specs] = a.length === 1 ? ['-', a[0]!] : a;
    let stderr = '';
    for (const sig of specs) {
      const upper = sig.toUpperCase().replace(/^SIG/, '');
      const name = /^\d+$/.test(sig) ? Object.keys(TRAP_SIGNALS).find((k) => TRAP_SIGNALS[k] === Number(sig)) : upper in TRAP_SIGNALS ? upper : undefined;
      if (!name) {
        stderr += bash ? `bash: trap: ${sig}: invalid signal specification\n` : `bash: trap: ${sig}: bad trap\n`;
        continue;
      }
      if (action === '-') this.#traps.delete(name);
      else this.#traps.set(name!, action!);
      if (name === 'EXIT') continue;
      // A handler makes the signal one this process catches (for PID 1, one docker stop can deliver).
      if (action !== '-' && action !== '') this.#spec.caught?.add(`SIG${name}`);
      else this.#spec.caught?.delete(`SIG${name}`);
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  }

  /** One interactive line; exitCode is set when the shell ended. */
  async interactiveLine(line: string): Promise<{ stdout: string; stderr: string; exitCode?: number }> {
    const r = await this.run(line, true);
    return r.exited ? { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode } : { stdout: r.stdout, stderr: r.stderr };
  }

  /** Ctrl-D at the prompt: bash prints `exit` (its terminal echo); ash and dash end silently. */
  async eof(): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    return { stdout: this.#flavor === 'bash' ? 'exit\n' : '\n', stderr: '', exitCode: this.#status };
  }

  /** The `exec` a script ended with, if any (taken once). */
  takeTailcall(): { argv: string[]; env: Record<string, string>; cwd: string } | undefined {
    const t = this.#tail;
    this.#tail = undefined;
    return t;
  }

  /** Ctrl-C: aborts the running line. */
  interrupt(): void {
    this.#line?.abort('SIGINT');
  }

  #keep(env: Record<string, string>): void {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) if (!DERIVED.has(k) && !/^\d+$/.test(k) && !k.startsWith('BASH_ALIAS_')) next[k] = v;
    this.#env = next;
  }

  #reword(stderr: string, interactive: boolean): string {
    const arg0 = this.#arg0;
    return stderr.replace(/^bash: (?:line (\d+): )?(.*)\n?/gm, (whole, line: string | undefined, rest: string) => {
      const nl = whole.endsWith('\n') ? '\n' : '';
      const failure = syntaxFailure(rest);
      if (failure) {
        const name = arg0.slice(arg0.lastIndexOf('/') + 1);
        const text = syntaxErrorText(
          failure,
          this.#flavor !== 'bash'
            ? { shell: this.#flavor, name: arg0 }
            : interactive
              ? { shell: 'bash', mode: 'interactive', name }
              : { shell: 'bash', mode: this.#invocation, name: arg0, script: this.#script },
        );
        return nl ? text : text.slice(0, -1);
      }
      return this.#rewordLine(line, rest, interactive) + nl;
    });
  }

  #rewordLine(line: string | undefined, rest: string, interactive: boolean): string {
    const arg0 = this.#arg0;
    const nf = /^(.*): command not found$/.exec(rest);
    const cd = /^cd: (.*): (No such file or directory|Not a directory)$/.exec(rest);
    if (this.#flavor === 'ash') {
      if (nf) return `${arg0}: ${nf[1]}: not found`;
      if (cd) return `${arg0}: cd: can't cd to ${cd[1]}: ${cd[2]}`;
      return `${arg0}: ${rest}`;
    }
    if (this.#flavor === 'dash') {
      if (nf) return `${arg0}: ${line ?? '1'}: ${nf[1]}: not found`;
      if (cd) return `${arg0}: ${line ?? '1'}: cd: can't cd to ${cd[1]}`;
      return `${arg0}: ${line ?? '1'}: ${rest}`;
    }
    // Interactive bash names itself by its basename (`bash: foo: command not found`).
    return interactive ? `${arg0.slice(arg0.lastIndexOf('/') + 1)}: ${rest}` : `${arg0}: line ${line ?? '1'}: ${rest}`;
  }
}

/** Quotes a word for the shell. */
export function quote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
