/**
 * `POST /containers/{id}/exec` + `/exec/{id}/start`: another process in a
 * running container, sharing its filesystem. A process that can't start is
 * reported as the daemon reports it to an attached client: the runtime's
 * error text on the output stream and exit code 127 (moby
 * api/server/router/container/exec.go writes `err + "\r\n"` to stdout).
 */
import type { AttachIo, ContainerService } from './service.ts';
import { EngineError } from '../errors.ts';
import { notRunning } from './lookup.ts';
import type { Container } from './record.ts';
import { execStartError, isExecNotFound, type InteractiveProcess } from './runtime.ts';
import type { ExecOptions } from '../../engine-api/types.ts';
export type { ExecOptions };

/** What an exec gives back: its exit code, or the shell to hand to the terminal. */
export type ExecResult = { exitCode: number } | { shell: InteractiveProcess };

/** `POST /containers/{id}/exec` (moby ContainerExecCreate): the container, if it can take an exec now. */
export function execTarget(svc: ContainerService, ref: string): Container {
  const c = svc.get(ref);
  if (!c.running) throw notRunning(c.id);
  if (c.status === 'paused') throw new EngineError('Conflict', `Container ${ref} is paused, unpause the container before exec`);
  return c;
}

/** Runs an exec in a running container. */
export async function execIn(svc: ContainerService, ref: string, opts: ExecOptions, io: AttachIo): Promise<ExecResult> {
  const c = execTarget(svc, ref);
  const live = await svc.liveOf(c);
  const tty = opts.tty ?? false;
  const out = (s: string) => io.stdout(tty ? s.replace(/\r?\n/g, '\r\n') : s);
  const spec = svc.specOf(
    c,
    live,
    {
      argv: opts.cmd,
      tty,
      stdout: out,
      stderr: tty ? out : (s) => io.stderr(s),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...(opts.workdir ? { cwd: opts.workdir } : {}),
      ...(opts.user ? { user: opts.user } : {}),
    },
    opts.env ?? [],
  );
  const runner = await svc.runner();
  try {
    if (opts.interactive) return { shell: await runner.startInteractive(spec) };
    // An attached exec is one line of the host shell: stored when it ends, not half-way.
    if (!opts.detach) live.lines++;
    let exitCode: number;
    try {
      exitCode = await runner.runProcess(spec);
    } finally {
      if (!opts.detach) live.lines--;
    }
    await svc.save(c.id, () => ({}));
    return { exitCode };
  } catch (err) {
    if (!isExecNotFound(err)) throw err;
    io.stdout(execStartError(err.message).message + '\r\n');
    return { exitCode: 127 };
  }
}
