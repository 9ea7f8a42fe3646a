/**
 * `docker start` (docker/cli cli/command/container/start.go): without -a,
 * each container is started and echoed, failures printed as they happen and
 * summed up as `Error: failed to start containers: a, b` (recorded from Docker); with -a/-i one container
 * is attached (a TTY shell goes to the terminal) and its exit code returned.
 */
import { isEngineError } from '../../engine/errors.ts';
import { CliError, type CommandContext } from '../context.ts';
import { attachIo, notATty, proxySignals, toForeground } from './launch.ts';

/** Runs `docker start`. */
export async function start(ctx: CommandContext): Promise<number> {
  const interactive = ctx.flags.get<boolean>('interactive');
  if (ctx.flags.get<boolean>('attach') || interactive) {
    if (ctx.args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
    // docker/cli start.go inspects first: the TTY and stdin settings decide how it attaches.
    const c = (await ctx.engine.containerInspect(ctx.args[0]!)) as { Id: string; Config: { Tty: boolean; OpenStdin: boolean } };
    const shell = c.Config.Tty && c.Config.OpenStdin && interactive;
    if (shell && !ctx.io.startForeground) throw notATty();
    const started = await ctx.engine.containerStart(c.Id, attachIo(ctx, interactive && c.Config.OpenStdin), shell);
    if (shell && started.terminal) {
      toForeground(ctx, started.terminal);
      return 0;
    }
    return c.Config.Tty ? started.exited : proxySignals(ctx, c.Id, started.exited);
  }
  const failed: string[] = [];
  for (const ref of ctx.args) {
    try {
      await ctx.engine.containerStart(ref);
      ctx.out(`${ref}\n`);
    } catch (err) {
      if (!isEngineError(err)) throw err;
      ctx.err(`Error response from daemon: ${err.message}\n`);
      failed.push(ref);
    }
  }
  if (failed.length > 0) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
  return 0;
}
