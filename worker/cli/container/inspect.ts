/**
 * `docker container inspect` and the container branch of `docker inspect`:
 * the daemon's container JSON, or a template over it.
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct } from '../format/go-value.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

/** Looks up one container for the inspector. */
export async function inspectContainerRef(engine: EngineApi, ref: string, size = false): Promise<Inspected> {
  const raw = await engine.containerInspect(ref, size);
  // container.MountPoint's Name and Driver are omitempty in JSON but still fields: `{{.Driver}}` of a bind is "", not <no value>.
  const mounts = (raw.Mounts as Array<Record<string, unknown>>).map((m) => new GoStruct({ Name: '', Driver: '', ...m }, 'container.MountPoint', () => goJson(m)));
  return { typed: new GoStruct({ ...raw, Mounts: mounts }, 'container.InspectResponse', () => goJson(raw)), raw };
}

/** Runs `docker container inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  const size = ctx.flags.get<boolean>('size');
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (ref) => inspectContainerRef(ctx.engine, ref, size), ctx.out);
  return 0;
}
