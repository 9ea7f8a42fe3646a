/**
 * `docker network connect` and `docker network disconnect` (docker/cli
 * cli/command/network/connect.go, disconnect.go): a running container gets
 * its address on the network at once, a stopped one when it starts.
 */
import type { CommandContext } from '../context.ts';

/** Runs `docker network connect`. */
export async function connect(ctx: CommandContext): Promise<number> {
  const [net, ref] = [ctx.args[0]!, ctx.args[1]!];
  await ctx.engine.networkConnect(net, ref, ctx.flags.get<string[]>('alias'));
  return 0;
}

/** Runs `docker network disconnect` (-f changes nothing here: there is no swarm endpoint to clean up). */
export async function disconnect(ctx: CommandContext): Promise<number> {
  const [net, ref] = [ctx.args[0]!, ctx.args[1]!];
  await ctx.engine.networkDisconnect(net, ref);
  return 0;
}
