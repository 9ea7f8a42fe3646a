/**
 * The shape of one simulated program. A program gets the process it runs as (its
 * argv, env, filesystem and I/O) and returns its exit status; output is written to
 * spec.stdout/spec.stderr as it happens, so long-running programs (nginx, sleep) stream.
 */
import type { ProcessSpec } from './process.ts';

/** One invocation of a program. */
export interface ProgramRun {
  spec: ProcessSpec;
  /** basename(argv[0]): the applet busybox dispatches on, or the name a program was called by. */
  name: string;
  /** The executable file that was found. */
  path: string;
  /** argv[1…]. */
  args: string[];
}

/** A simulated program: runs, writes output, returns the exit status. */
export type Program = (run: ProgramRun) => Promise<number>;

/** Reads all of stdin (until EOF) as one string. */
export async function readAllStdin(spec: ProcessSpec): Promise<string> {
  let out = '';
  for (;;) {
    if (spec.signal.aborted) return out;
    const chunk = await spec.stdin.read();
    if (chunk === null) return out;
    out += chunk;
  }
}

/** A stdin that yields `text` once, then EOF (a shell pipe's buffered input). */
export function stdinOf(text: string): ProcessSpec['stdin'] {
  let done = text === '';
  return {
    read: async () => {
      if (done) return null;
      done = true;
      return text;
    },
  };
}

/** Waits `ms` on the process clock, or until the signal aborts; true if aborted. */
export function sleepFor(spec: ProcessSpec, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (spec.signal.aborted) return resolve(true);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      spec.signal.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    spec.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits until the process is signalled (docker stop/kill, Ctrl-C). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 };

/** The signal that aborted the process (the engine gives its name as the abort reason; SIGTERM if none). */
export function signalOf(signal: AbortSignal): { name: string; number: number } {
  const reason = typeof signal.reason === 'string' ? signal.reason : 'SIGTERM';
  return { name: reason, number: SIGNAL_NUMBERS[reason] ?? (Number(/\d+/.exec(reason)?.[0]) || 15) };
}

/** The status of a process ended by a signal it does not handle: 128 + N (SIGTERM 143, SIGINT 130, SIGKILL 137). */
export function exitForSignal(signal: AbortSignal): number {
  return 128 + signalOf(signal).number;
}
