/**
 * `docker network inspect` and the network branch of `docker inspect`: the
 * daemon's network JSON, or a template over it.
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct } from '../format/go-value.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

/** Looks up one network for the inspector. */
export async function inspectNetworkRef(engine: EngineApi, ref: string): Promise<Inspected> {
  const raw = await engine.networkInspect(ref);
  return { typed: new GoStruct(raw, 'network.Inspect', () => goJson(raw)), raw };
}

/** Runs `docker network inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (ref) => inspectNetworkRef(ctx.engine, ref), ctx.out);
  return 0;
}
