/**
 * The process contract between the container engine and the programs inside a
 * container (design.md §5). The engine resolves Entrypoint/Cmd into argv, gives the
 * container's merged filesystem, environment and I/O, and gets an exit code back.
 * Everything that runs is looked up in that filesystem first: a command exists only if
 * its executable does, and what it does is decided by the executable's exec marker.
 */
import type { IFileSystem } from 'just-bash';
import { lookPath } from './resolve.ts';
import { execResolved, shellFlavor } from './run.ts';
import { ContainerShell } from './shell/container-shell.ts';
import { interactiveSession } from './shell/session.ts';
import { startRepl } from './apps/versions.ts';
import { programSession } from './foreground.ts';

// One definition, in the engine (which may not import this layer): the
// engine builds the spec, the programs consume it.
import type { InteractiveProcess, ProcessSpec, ShellState } from '../engine/containers/runtime.ts';
export type { InteractiveProcess, ProcessSpec, ShellState };

/** A process exit status (0-255; 128+N for signal N). */
export type ExitCode = number;

/**
 * argv[0] could not be executed. The engine turns it into runc's error and exit 127:
 * `not-found` → `exec: "x": executable file not found in $PATH`,
 * `no-such-file` → `exec: "/bin/x": stat /bin/x: no such file or directory`.
 */
export class ExecNotFoundError extends Error {
  readonly code = 'EXEC_NOT_FOUND';
  constructor(readonly command: string, readonly kind: 'not-found' | 'no-such-file') {
    super(kind === 'not-found' ? `exec: "${command}": executable file not found in $PATH` : `exec: "${command}": stat ${command}: no such file or directory`);
    this.name = 'ExecNotFoundError';
  }
}

/**
 * Runs argv[0] as a process: resolves it on PATH in spec.fs (a command runs only if its
 * executable exists there), reads which program it is, runs it to its exit code.
 * Throws ExecNotFoundError when there is nothing to execute.
 */
export async function runProcess(spec: ProcessSpec): Promise<ExitCode> {
  const command = spec.argv[0] ?? '';
  const found = await lookPath(spec.fs, command, spec.env.PATH, spec.cwd);
  if ('missing' in found) throw new ExecNotFoundError(command, found.missing);
  return execResolved(spec, found);
}

/**
 * Starts argv for a terminal (`-it`): a shell (busybox sh/ash, bash, dash) line by
 * line, python3/node alone at their prompts, any other program in the foreground
 * (foreground.ts). Throws ExecNotFoundError like runProcess.
 */
export async function startInteractive(spec: ProcessSpec): Promise<InteractiveProcess> {
  const command = spec.argv[0] ?? '';
  const found = await lookPath(spec.fs, command, spec.env.PATH, spec.cwd);
  if ('missing' in found) throw new ExecNotFoundError(command, found.missing);
  const flavor = shellFlavor(found, command);
  const repl = !flavor && (found.program === 'python3' || found.program === 'node') && spec.argv.length === 1;
  // A shell at a terminal and the interpreters' prompts catch SIGINT: Ctrl-C ends the line, not the process.
  if (flavor || repl) spec.caught?.add('SIGINT');
  // `docker run -it python` / `node`: the interpreters' own prompts.
  if (repl) return startRepl(spec, found.program as 'python3' | 'node');
  // Any other program runs in the foreground of the terminal (foreground.ts).
  if (!flavor) return programSession(spec, found);
  const shell = new ContainerShell(spec, flavor, command);
  await shell.ready();
  return interactiveSession(spec, shell);
}
