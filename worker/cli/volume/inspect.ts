/**
 * `docker volume inspect` and the volume branch of `docker inspect`: the
 * daemon's volume JSON (api/types/volume.Volume), or a template over it.
 */
import type { Engine } from '../../engine/engine.ts';
import { inspectVolume } from '../../engine/volumes/volumes.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct } from '../format/go-value.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

/** Looks up one volume for the inspector. */
export async function inspectVolumeRef(engine: Engine, name: string): Promise<Inspected> {
  const raw = inspectVolume(engine.state, name);
  return { typed: new GoStruct(raw, 'volume.Volume', () => goJson(raw)), raw };
}

/** Runs `docker volume inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (name) => inspectVolumeRef(ctx.engine, name), ctx.out);
  return 0;
}
