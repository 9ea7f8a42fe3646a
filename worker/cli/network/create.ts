/**
 * `docker network create` (docker/cli cli/command/network/create.go): one
 * bridge network with an optional IPv4 subnet and gateway, labels,
 * --internal and --attachable; prints the new network's ID.
 */
import type { NetworkCreateRequest } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';

/** Runs `docker network create`. */
export async function create(ctx: CommandContext): Promise<number> {
  const subnets = ctx.flags.get<string[]>('subnet');
  const gateways = ctx.flags.get<string[]>('gateway');
  if (subnets.length > 1 || gateways.length > 1) throw new CliError('docker: more than one --subnet or --gateway is not simulated in Layerlab yet: networks have one IPv4 subnet.', 125);
  // docker/cli consolidateIpam: a gateway needs a subnet to belong to.
  if (gateways.length > 0 && subnets.length === 0) throw new CliError('no matching subnet for gateway ' + gateways[0]);
  const labels: Record<string, string> = {};
  for (const l of ctx.flags.get<string[]>('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const req: NetworkCreateRequest = {
    Name: ctx.args[0]!,
    Driver: ctx.flags.get<string>('driver'),
    Internal: ctx.flags.get<boolean>('internal'),
    Attachable: ctx.flags.get<boolean>('attachable'),
    Labels: labels,
  };
  if (subnets[0] !== undefined) req.Subnet = subnets[0];
  if (gateways[0] !== undefined) req.Gateway = gateways[0];
  const id = await ctx.engine.networkCreate(req);
  ctx.out(`${id}\n`);
  return 0;
}
