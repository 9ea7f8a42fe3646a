/**
 * What `run`, `start -a` and `exec` share: the container service, creating
 * with the first-run pull (`Unable to find image 'x:latest' locally`, then
 * the pull progress on stderr — docker/cli container/create.go
 * createContainer), and the client side of an attached process.
 */
import type { TerminalSession } from '../../engine-api/api.ts';
import type { AttachIo, CreateRequest } from '../../engine-api/types.ts';
import type { ForegroundProgram } from '../io.ts';
import { isEngineError } from '../../engine/errors.ts';
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../../engine/reference.ts';
import { CliError, type CommandContext } from '../context.ts';
import { pullForRun } from '../image/pull.ts';
import { runFailure } from './errors.ts';
import { StreamError, parsePlatform } from '../../engine/platform.ts';

/** Creates the container, pulling its image first when it is missing (or always with --pull=always). */
export async function createWithPull(ctx: CommandContext, req: CreateRequest, verb: string): Promise<string> {
  const policy = ctx.flags.get<string>('pull');
  if (!['always', 'missing', 'never', ''].includes(policy)) {
    throw new CliError(`docker: invalid pull option: '${policy}': must be one of "always", "missing" or "never"\n\nRun 'docker ${verb} --help' for more information`, 125);
  }
  if (req.platform) {
    // The CLI parses --platform before anything is sent (docker/cli container/create.go).
    try {
      parsePlatform(req.platform);
    } catch (err) {
      throw runFailure(new StreamError(`error parsing specified platform: ${(err as Error).message}`), verb);
    }
  }
  const pull = async (): Promise<void> => {
    try {
      await pullForRun(ctx, req.config.Image, req.platform);
    } catch (err) {
      throw runFailure(err, verb);
    }
  };
  const created = async (): Promise<string> => {
    const { Id, Warnings } = await ctx.engine.containerCreate(req);
    for (const w of Warnings) ctx.err(`WARNING: ${w}\n`);
    return Id;
  };
  if (policy === 'always') await pull();
  try {
    return await created();
  } catch (err) {
    // Also missing: the image exists, but not for the platform asked for.
    const missing = isEngineError(err) && err.code === 'NotFound' && (err.message.startsWith('No such image:') || err.message.includes('does not match the specified platform'));
    if (!missing || policy === 'never' || policy === 'always') throw runFailure(err, verb);
  }
  let shown: string;
  try {
    shown = familiarString(withDefaultTag(parseNormalizedNamed(req.config.Image)));
  } catch {
    shown = req.config.Image;
  }
  ctx.err(`Unable to find image '${shown}' locally\n`);
  await pull();
  try {
    return await created();
  } catch (err) {
    throw runFailure(err, verb);
  }
}

/** The command's piped stdin as the process's input (one chunk, then EOF). */
export function stdinOf(ctx: CommandContext): NonNullable<AttachIo['stdin']> {
  let text: string | null = new TextDecoder().decode(ctx.io.stdin);
  return {
    read: async () => {
      const t = text;
      text = null;
      return t === '' ? null : t;
    },
  };
}

/** Attach streams writing to the command's stdout/stderr. */
export function attachIo(ctx: CommandContext, stdin: boolean): AttachIo {
  const io: AttachIo = { stdout: (t) => ctx.out(t), stderr: (t) => ctx.err(t) };
  if (stdin) io.stdin = stdinOf(ctx);
  return io;
}

/**
 * Hands a container's terminal process to the terminal; the line that
 * started it returns 0.
 */
export function toForeground(ctx: CommandContext, shell: TerminalSession): void {
  ctx.io.startForeground!(foregroundOf(shell));
}

/**
 * A container's terminal process as the session's foreground program.
 * Ctrl-D is end of input (the shell's `\x04` line), Ctrl-C interrupts what
 * the shell runs and leaves it at its prompt, Ctrl-P Ctrl-Q detaches.
 */
export function foregroundOf(shell: TerminalSession): ForegroundProgram {
  return {
    prompt: () => shell.prompt(),
    feed: (line) => shell.feed(line),
    eof: () => shell.feed('\x04'),
    interrupt: async () => {
      shell.interrupt();
      return { stdout: '', stderr: '' };
    },
    detachable: true,
    detached: () => shell.detached(),
  };
}

/**
 * An attached container without a TTY, while the CLI waits for its exit
 * (`--sig-proxy`, on by default): each Ctrl-C is SIGINT to the CLI, which
 * forwards it to the container (ForwardAllSignals), whose PID 1 may ignore
 * it (`sleep`). The CLI itself gives up at the third (cmd/docker
 * forceExitAfter3TerminationSignals): it prints so and exits 1, leaving the
 * container running. Resolves to the CLI's exit status.
 */
export async function proxySignals(ctx: CommandContext, id: string, exited: Promise<number>): Promise<number> {
  let presses = 0;
  let forced: (code: number) => void = () => undefined;
  const gaveUp = new Promise<number>((resolve) => (forced = resolve));
  const onInterrupt = (): void => {
    presses++;
    void ctx.engine.containerKill(id, 'INT').catch(() => undefined);
    if (presses === 3) {
      ctx.err('\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n');
      forced(1);
    }
  };
  // At the page's terminal the CLI catches every press; elsewhere (a line in a pipeline) Ctrl-C aborts the line once.
  const release = ctx.io.interrupts?.(onInterrupt);
  const onAbort = (): void => void ctx.engine.containerKill(id, 'INT').catch(() => undefined);
  if (!release) ctx.io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([exited, gaveUp]);
  } finally {
    release?.();
    ctx.io.signal?.removeEventListener('abort', onAbort);
  }
}

/** docker/cli's refusal of `-it` without a terminal on stdin. */
export function notATty(): CliError {
  return new CliError('the input device is not a TTY', 1);
}
