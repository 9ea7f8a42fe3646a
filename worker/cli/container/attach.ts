/**
 * `docker attach` (docker/cli cli/command/container/attach.go): a running
 * container's output until it stops, and its exit code; the shell of a
 * container started with -it goes to the terminal. A stopped container is
 * refused with the daemon's words.
 */
import { openTerminal } from '../../engine/containers/terminal.ts';
import { CliError, type CommandContext } from '../context.ts';
import { attachIo, notATty, proxySignals, svcOf, toForeground } from './launch.ts';

/** Runs `docker attach`. */
export async function attach(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  const c = svc.get(ctx.args[0]!);
  if (!c.running) throw new CliError('You cannot attach to a stopped container, start it first');
  if (c.status === 'paused') throw new CliError('You cannot attach to a paused container, unpause it first');
  const live = svc.live(c.id);
  if (live?.interactive && c.config.Tty) {
    if (!ctx.io.startForeground) throw notATty();
    toForeground(ctx, await openTerminal(svc, c.id, live.interactive));
    return 0;
  }
  const exited = svc.attach(c.id, attachIo(ctx, false));
  return c.config.Tty ? exited : proxySignals(ctx, svc, c.id, exited);
}
