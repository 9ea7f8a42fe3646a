/**
 * The seam between the engine and the programs that run in containers
 * (worker/programs/process.ts is the real implementation): the process spec
 * the engine hands over, the runner interface it is injected through, and
 * what runc and the daemon add around a process — its environment
 * (moby container.CreateDaemonEnvironment), signal numbers (moby
 * pkg/signal), and the OCI runtime's start errors with their exit codes.
 *
 * The types are structural copies so the pure engine does not import the
 * programs (which need timers and just-bash at run time).
 */
import type { IFileSystem } from '../fs-interface.ts';
import { EngineError } from '../errors.ts';
import type { Entry } from '../layer/entry.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import type { Container } from './record.ts';
import type { ProcessNetwork } from '../network/lab.ts';

/** Everything a process sees of its container; worker/programs consumes it. */
export interface ProcessSpec {
  /** After Entrypoint/Cmd resolution, e.g. ['/bin/sh'] or ['figlet', 'hello']. */
  argv: string[];
  /** Container env incl. PATH, HOSTNAME, HOME, TERM when tty. */
  env: Record<string, string>;
  /** WorkingDir or '/'. */
  cwd: string;
  /** 'root' or as given (-u). */
  user: string;
  /** The short container ID. */
  hostname: string;
  /** The container's merged filesystem; writes go to its writable layer. May implement PrefixReadable (resolve.ts). */
  fs: IFileSystem;
  tty: boolean;
  /** Line/chunk source; null = EOF. */
  stdin: { read(): Promise<string | null> };
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  /** Aborted on Ctrl-C / docker stop / kill: the reason is the signal's name (`SIGTERM`). */
  signal: AbortSignal;
  /**
   * The signals the process catches (its sigaction handlers), by name: a
   * program adds those it handles (nginx SIGTERM/SIGINT/SIGQUIT, an
   * interactive shell or REPL SIGINT). For a container's main process the
   * engine delivers only these and SIGKILL: the kernel drops a signal whose
   * action is the default when it is sent to a PID namespace's init, so
   * `sleep` as PID 1 survives `docker kill -s TERM` (see isDelivered).
   */
  caught?: Set<string>;
  /** The container's network (network/lab.ts): its address, interfaces, listening and connecting. */
  network: ProcessNetwork;
  now(): number;
  random(): number;
  /** `docker run --privileged`: the container has every capability and device (docker:dind needs it). */
  privileged?: boolean;
  /** Optional: the container's processes for `ps` (the engine knows them; PID 1 is the main process). */
  processes?(): Array<{ pid: number; user: string; command: string }>;
}

/**
 * What a terminal's shell carries from one line to the next, outermost shell
 * first (`bash` typed at alpine's `sh` prompt is a second entry): enough to
 * build the same shells again over the same files after a page reload.
 * Shell functions, options and background jobs are not part of it.
 */
export type ShellState = {
  shells: Array<{ flavor: 'ash' | 'bash' | 'dash'; arg0: string; env: Record<string, string>; cwd: string; status: number }>;
};

/** A line-driven interactive process for a terminal (`run -it`, `exec -it`): a shell, a REPL, a foreground program. */
export interface InteractiveProcess {
  /** The prompt to show before the next line (`/ # `, `root@3f4e8a9b1c2d:/# `). */
  prompt(): string;
  /**
   * Runs one line typed at the prompt. `exitCode` is set when the process ended (`exit 3`
   * → 3). Feeding '\x04' alone is Ctrl-D on an empty line: end of input, a shell exits
   * with the last status (bash prints `exit` first, as it does on a terminal).
   */
  feed(line: string): Promise<{ stdout: string; stderr: string; exitCode?: number }>;
  /** Ctrl-C: interrupts the command the current line is running; the shell stays (status 130). */
  interrupt(): void;
  /** A shell's state between lines (absent for REPLs and other programs, whose state is not kept). */
  state?(): ShellState;
  /** Rebuilds the shells of `state` in place of the current ones; false when one of them can't run any more. */
  restore?(state: ShellState): Promise<boolean>;
}

/** What runs programs: worker/programs in the app, a double in tests. */
export interface ProgramRunner {
  runProcess(spec: ProcessSpec): Promise<number>;
  startInteractive(spec: ProcessSpec): Promise<InteractiveProcess>;
}

/** moby's default PATH for Linux containers (oci.DefaultPathEnv). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The process environment: PATH, HOSTNAME, TERM (tty only), then the
 * container's Env replacing or appending, then HOME as runc adds it when unset.
 */
export function processEnv(c: Container, tty: boolean, extra: readonly string[] = []): Record<string, string> {
  const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: c.config.Hostname };
  if (tty) env.TERM = 'xterm';
  for (const kv of [...c.config.Env, ...extra]) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  if (env.HOME === undefined) env.HOME = homeOf(c.config.User);
  return env;
}

function homeOf(user: string): string {
  const name = user.split(':')[0] ?? '';
  return name === '' || name === 'root' || name === '0' ? '/root' : '/';
}

/**
 * The files the daemon bind-mounts into every container (moby
 * container_operations_unix.go, libnetwork etchosts and resolvconf): the
 * hostname, the hosts file with the container's address, and resolv.conf.
 */
export function runtimeMounts(c: Container, now: number): Map<string, Entry> {
  const file = (path: string, text: string): Entry => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: Math.floor(now / 1000), size: encodeUtf8(text).length, content: { kind: 'text', text } });
  const hosts =
    '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n' +
    (c.ip ? `${c.ip}\t${c.config.Hostname}\n` : '');
  // A user-defined network's containers ask the embedded DNS server (libnetwork resolvconf, internal resolver).
  const mode = c.hostConfig.NetworkMode || 'bridge';
  const internal = !['bridge', 'none', 'host', 'default'].includes(mode);
  const resolv = internal
    ? "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [8.8.8.8 8.8.4.4]\n# Overrides: []\n# Option ndots from: internal\n"
    : "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n\n# Based on host file: '/etc/resolv.conf'\n# Overrides: []\n";
  return new Map([
    ['etc/hostname', file('etc/hostname', `${c.config.Hostname}\n`)],
    ['etc/hosts', file('etc/hosts', hosts)],
    ['etc/resolv.conf', file('etc/resolv.conf', resolv)],
  ]);
}

/** Whether an error is worker/programs' ExecNotFoundError. */
export function isExecNotFound(err: unknown): err is Error & { command: string; kind: string } {
  return err instanceof Error && (err as { code?: unknown }).code === 'EXEC_NOT_FOUND';
}

/** The daemon's error for a process runc could not start (containerd + runc 1.2+ wording). */
export function startError(execMessage: string): EngineError {
  return new EngineError(
    'System',
    `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execMessage}: unknown`,
  );
}

/** The `docker exec` variant: the process is started in an existing task. */
export function execStartError(execMessage: string): EngineError {
  return new EngineError('System', `OCI runtime exec failed: exec failed: unable to start container process: ${execMessage}: unknown`);
}

const SIGNALS: Record<string, number> = {
  ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6, KILL: 9, PIPE: 13, PROF: 27,
  PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31, TERM: 15, TRAP: 5, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23,
  USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28, XCPU: 24, XFSZ: 25,
};

/**
 * moby signal.ParseSignal: `KILL`, `SIGKILL`, `9` → 9; `invalid signal: x`
 * otherwise, and a number past SIGRTMAX (64) is one the Linux daemon does not
 * support (recorded from Engine 26.1).
 */
export function parseSignal(raw: string): number {
  const n = Number(raw);
  if (/^[0-9]+$/.test(raw)) {
    if (n === 0) throw new EngineError('InvalidParameter', `invalid signal: ${raw}`);
    if (n > 64) throw new EngineError('InvalidParameter', `the linux daemon does not support signal ${n}`);
    return n;
  }
  const s = SIGNALS[raw.toUpperCase().replace(/^SIG/, '')];
  if (s === undefined) throw new EngineError('InvalidParameter', `invalid signal: ${raw}`);
  return s;
}

/**
 * Whether a signal sent to a container's PID 1 reaches it (Linux
 * kernel/signal.c sig_task_ignored: an init (SIGNAL_UNKILLABLE) drops
 * signals whose action is the default): SIGKILL always, as the daemon sends
 * it from the parent namespace, the others only when the process catches them.
 * (SIGSTOP would also stop it; the simulator cannot suspend a program, so it
 * is not delivered.)
 */
export function isDelivered(sig: number, caught: ReadonlySet<string> | undefined): boolean {
  return sig === 9 || (caught?.has(signalName(sig)) ?? false);
}

/** The name of a signal number (for the AbortSignal reason programs read). */
export function signalName(n: number): string {
  return 'SIG' + (Object.keys(SIGNALS).find((k) => SIGNALS[k] === n && k !== 'IOT') ?? String(n));
}
