/**
 * `docker attach` (docker/cli cli/command/container/attach.go): a running
 * container's output until it stops, and its exit code; the shell of a
 * container started with -it goes to the terminal. A stopped container is
 * refused with the daemon's words.
 */
import { CliError, type CommandContext } from '../context.ts';
import { attachIo, notATty, proxySignals, toForeground } from './launch.ts';

/** Runs `docker attach`. */
export async function attach(ctx: CommandContext): Promise<number> {
  // docker/cli attach.go inspects the container first and refuses these itself.
  const c = (await ctx.engine.containerInspect(ctx.args[0]!)) as { Id: string; State: { Running: boolean; Paused: boolean }; Config: { Tty: boolean; OpenStdin: boolean } };
  if (!c.State.Running) throw new CliError('You cannot attach to a stopped container, start it first');
  if (c.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
  const wantsTerminal = c.Config.Tty && c.Config.OpenStdin;
  if (wantsTerminal && !ctx.io.startForeground) throw notATty();
  const { terminal, exited } = await ctx.engine.containerAttach(c.Id, attachIo(ctx, false), wantsTerminal);
  if (terminal) {
    toForeground(ctx, terminal);
    return 0;
  }
  return c.Config.Tty ? exited : proxySignals(ctx, c.Id, exited);
}
