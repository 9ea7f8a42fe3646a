/**
 * `docker volume inspect` and the volume branch of `docker inspect`: the
 * daemon's volume JSON (api/types/volume.Volume), or a template over it.
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct } from '../format/go-value.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

/** Looks up one volume for the inspector. */
export async function inspectVolumeRef(engine: EngineApi, name: string): Promise<Inspected> {
  const raw = await engine.volumeInspect(name);
  return { typed: new GoStruct(raw, 'volume.Volume', () => goJson(raw)), raw };
}

/** Runs `docker volume inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (name) => inspectVolumeRef(ctx.engine, name), ctx.out);
  return 0;
}
