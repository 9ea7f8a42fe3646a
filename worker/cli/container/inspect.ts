/**
 * `docker container inspect` and the container branch of `docker inspect`:
 * the daemon's container JSON, or a template over it.
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct, goNil } from '../format/go-value.ts';
import { NIL_POINTER } from '../format/template/values.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

/** Looks up one container for the inspector. */
export async function inspectContainerRef(engine: EngineApi, ref: string, size = false): Promise<Inspected> {
  const raw = await engine.containerInspect(ref, size);
  // container.MountPoint's Name and Driver are omitempty in JSON but still fields: `{{.Driver}}` of a bind is "", not <no value>.
  const mounts = (raw.Mounts as Array<Record<string, unknown>>).map((m) => new GoStruct({ Name: '', Driver: '', ...m }, 'container.MountPoint', () => goJson(m)));
  // container.Config has every field: one the JSON omits (omitempty: StopSignal, Healthcheck,
  // Shell, …) or sends as null is its Go zero value in a template, e.g. `{{.Config.StopSignal}}` is "".
  const rawConfig = (raw.Config ?? {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = { ...CONFIG_ZERO };
  for (const [k, v] of Object.entries(rawConfig)) fields[k] = v === null && k in CONFIG_ZERO ? CONFIG_ZERO[k] : v;
  const config = new GoStruct(fields, '*container.Config', () => goJson(rawConfig));
  return { typed: new GoStruct({ ...raw, Config: config, Mounts: mounts }, 'container.InspectResponse', () => goJson(raw)), raw };
}

/** container.Config (API 1.51) at its Go zero values, in declaration order. */
const CONFIG_ZERO: Readonly<Record<string, unknown>> = {
  Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, ExposedPorts: goNil(new Map()), Tty: false, OpenStdin: false, StdinOnce: false,
  Env: goNil([]), Cmd: goNil([]), Healthcheck: NIL_POINTER, ArgsEscaped: false, Image: '', Volumes: goNil(new Map()), WorkingDir: '', Entrypoint: goNil([]), NetworkDisabled: false, MacAddress: '',
  OnBuild: goNil([]), Labels: goNil(new Map()), StopSignal: '', StopTimeout: NIL_POINTER, Shell: goNil([]),
};

/** Runs `docker container inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  const size = ctx.flags.get<boolean>('size');
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (ref) => inspectContainerRef(ctx.engine, ref, size), ctx.out);
  return 0;
}
