/**
 * `docker start` (docker/cli cli/command/container/start.go): without -a,
 * each container is started and echoed, failures printed as they happen and
 * summed up as `Error: failed to start containers: a, b` (recorded from Docker); with -a/-i one container
 * is attached (a TTY shell goes to the terminal) and its exit code returned.
 */
import { isEngineError } from '../../engine/errors.ts';
import { openTerminal } from '../../engine/containers/terminal.ts';
import { CliError, type CommandContext } from '../context.ts';
import { attachIo, notATty, proxySignals, svcOf, toForeground } from './launch.ts';

/** Runs `docker start`. */
export async function start(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  const interactive = ctx.flags.get<boolean>('interactive');
  if (ctx.flags.get<boolean>('attach') || interactive) {
    if (ctx.args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
    const c = svc.get(ctx.args[0]!);
    const shell = c.config.Tty && c.config.OpenStdin && interactive;
    if (shell && !ctx.io.startForeground) throw notATty();
    const started = await svc.start(c.id, attachIo(ctx, interactive && c.config.OpenStdin), shell);
    if (shell && started.shell) {
      toForeground(ctx, await openTerminal(svc, c.id, started.shell));
      return 0;
    }
    return c.config.Tty ? started.exited : proxySignals(ctx, svc, c.id, started.exited);
  }
  const failed: string[] = [];
  for (const ref of ctx.args) {
    try {
      await svc.start(ref);
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
