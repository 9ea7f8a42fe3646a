/**
 * `docker network connect` and `docker network disconnect` (docker/cli
 * cli/command/network/connect.go, disconnect.go): a running container gets
 * its address on the network at once, a stopped one when it starts.
 */
import { asContainer } from '../../engine/containers/record.ts';
import type { Attached } from '../../engine/network/endpoints.ts';
import { connectNetwork, disconnectNetwork } from '../../engine/network/operations.ts';
import type { CommandContext } from '../context.ts';
import { svcOf } from '../container/launch.ts';

/** Runs `docker network connect`. */
export async function connect(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  const [net, ref] = [ctx.args[0]!, ctx.args[1]!];
  const aliases = ctx.flags.get<string[]>('alias');
  await ctx.engine.transact((d) => {
    const c = asContainer(d.containers.get(svc.get(ref).id)!);
    connectNetwork(d, net, c as unknown as Attached, aliases, ctx.engine.random);
  });
  return 0;
}

/** Runs `docker network disconnect` (-f changes nothing here: there is no swarm endpoint to clean up). */
export async function disconnect(ctx: CommandContext): Promise<number> {
  const svc = await svcOf(ctx);
  const [net, ref] = [ctx.args[0]!, ctx.args[1]!];
  await ctx.engine.transact((d) => {
    const c = asContainer(d.containers.get(svc.get(ref).id)!);
    disconnectNetwork(d, net, c as unknown as Attached);
  });
  return 0;
}
