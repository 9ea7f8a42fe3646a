/**
 * `docker image inspect` (docker/cli cli/command/image/inspect.go): the
 * daemon's JSON per image, or a template over the typed InspectResponse
 * whose Config is the OCI image config (fields in image-spec order, empty
 * ones omitted, as `{{json .Config}}` prints it).
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct } from '../format/go-value.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

const OCI_CONFIG_ORDER = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'];

/** The typed view of an image inspect object that templates see first. */
export function typedImage(raw: Record<string, unknown>): GoStruct {
  const config = (raw.Config ?? {}) as Record<string, unknown>;
  const oci: Record<string, unknown> = {};
  for (const key of OCI_CONFIG_ORDER) {
    const v = config[key];
    if (v === null || v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    oci[key] = v;
  }
  const typed = { ...raw, Config: new GoStruct(oci, '*v1.DockerOCIImageConfig', () => goJson(oci)) };
  return new GoStruct(typed, 'image.InspectResponse', () => goJson(typed));
}

/** Looks up one image for the inspector. */
export async function inspectImageRef(engine: EngineApi, ref: string): Promise<Inspected> {
  const raw = await engine.imageInspect(ref);
  return { typed: typedImage(raw), raw };
}

/** Runs `docker image inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), (ref) => inspectImageRef(ctx.engine, ref), ctx.out);
  return 0;
}
