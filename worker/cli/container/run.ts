/**
 * `docker run` / `docker container run` (docker/cli cli/command/container/
 * run.go): create (pulling when needed), start, then either print the ID
 * (-d), hand a shell to the terminal (-it), or stream the output and return
 * the container's exit code. A start failure leaves the container Created
 * (or removes it with --rm) and exits 125/126/127.
 */
import type { CommandContext } from '../context.ts';
import { createRequest } from './create-opts.ts';
import { runFailure } from './errors.ts';
import { attachIo, createWithPull, notATty, proxySignals, toForeground } from './launch.ts';

/** Runs `docker run`. */
export async function run(ctx: CommandContext): Promise<number> {
  const detach = ctx.flags.get<boolean>('detach');
  const tty = ctx.flags.get<boolean>('tty');
  const interactive = ctx.flags.get<boolean>('interactive');
  const shell = tty && interactive && !detach;
  if (shell && !ctx.io.startForeground) throw notATty();
  const req = await createRequest(ctx, detach);
  if (shell && ctx.io.tty) {
    // docker/cli run.go sizes the tty at create from the terminal (ConsoleSize), then follows its resizes.
    const { cols, rows } = ctx.io.tty.size();
    req.consoleSize = [rows, cols];
  }
  const id = await createWithPull(ctx, req, 'run');
  try {
    if (detach) {
      // docker/cli prints the ID as soon as the container is created, before the start can fail.
      ctx.out(`${id}\n`);
      await ctx.engine.containerStart(id);
      return 0;
    }
    if (shell) {
      const io = attachIo(ctx, false);
      // A real engine attaches the terminal live, in raw mode; the simulator hands back a line-by-line session.
      if (ctx.io.tty) io.tty = ctx.io.tty;
      const { terminal, exited } = await ctx.engine.containerStart(id, io, true);
      // No shell when the program could not run at all (an image for another platform).
      if (!terminal) return await exited;
      toForeground(ctx, terminal);
      return 0;
    }
    const { exited } = await ctx.engine.containerStart(id, attachIo(ctx, interactive));
    return await proxySignals(ctx, id, exited);
  } catch (err) {
    if (req.hostConfig?.AutoRemove) await ctx.engine.containerRemove(id, { force: true, volumes: true }).catch(() => undefined);
    throw runFailure(err, 'run');
  }
}
