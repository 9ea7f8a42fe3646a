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
import type { IFileSystem } from 'just-bash';
import { EngineError } from '../errors.ts';
import type { Container } from './record.ts';

/** Everything a process sees of its container (worker/programs/process.ts ProcessSpec). */
export interface ProcessSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  user: string;
  hostname: string;
  fs: IFileSystem;
  tty: boolean;
  stdin: { read(): Promise<string | null> };
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  signal: AbortSignal;
  network: { ip: string };
  now(): number;
  random(): number;
  processes?(): Array<{ pid: number; user: string; command: string }>;
}

/** A line-driven interactive shell (`run -it`, `exec -it`). */
export interface InteractiveProcess {
  prompt(): string;
  feed(line: string): Promise<{ stdout: string; stderr: string; exitCode?: number }>;
  interrupt(): void;
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

/** moby signal.ParseSignal: `KILL`, `SIGKILL`, `9` → 9; else `Invalid signal: x`. */
export function parseSignal(raw: string): number {
  const n = Number(raw);
  if (/^[0-9]+$/.test(raw)) {
    if (n === 0) throw new EngineError('InvalidParameter', `Invalid signal: ${raw}`);
    return n;
  }
  const s = SIGNALS[raw.toUpperCase().replace(/^SIG/, '')];
  if (s === undefined) throw new EngineError('InvalidParameter', `Invalid signal: ${raw}`);
  return s;
}

/** The name of a signal number (for the AbortSignal reason programs read). */
export function signalName(n: number): string {
  return 'SIG' + (Object.keys(SIGNALS).find((k) => SIGNALS[k] === n && k !== 'IOT') ?? String(n));
}
