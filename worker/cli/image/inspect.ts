/**
 * `docker image inspect` (docker/cli cli/command/image/inspect.go): the
 * daemon's JSON per image, or a template over the typed InspectResponse
 * whose Config is the OCI image config (fields in image-spec order, empty
 * ones omitted, as `{{json .Config}}` prints it).
 */
import type { EngineApi } from '../../engine-api/api.ts';
import type { CommandContext } from '../context.ts';
import { goJson } from '../format/go-json.ts';
import { GoStruct, goNil } from '../format/go-value.ts';
import { NIL_POINTER } from '../format/template/values.ts';
import { inspectAll, type Inspected } from '../inspector.ts';

const OCI_CONFIG_ORDER = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'];

/** DockerOCIImageConfig's fields at their Go zero values, in declaration order (nil slices print `[]`, nil maps `map[]`, a nil pointer `<nil>`). */
function ociZero(): Record<string, unknown> {
  return { User: '', ExposedPorts: goNil(new Map()), Env: goNil([]), Entrypoint: goNil([]), Cmd: goNil([]), Volumes: goNil(new Map()), WorkingDir: '', Labels: goNil(new Map()), StopSignal: '', ArgsEscaped: false, Healthcheck: NIL_POINTER, OnBuild: goNil([]), Shell: goNil([]) };
}
const OCI_CONFIG_ZERO = ociZero();

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
  // The struct has every field: one the JSON omits (omitempty) is its Go zero value in a template
  // (`{{.Config.StopSignal}}` of an image without STOPSIGNAL prints an empty line, not `<no value>`).
  const typed = { ...raw, Config: new GoStruct({ ...OCI_CONFIG_ZERO, ...oci }, '*v1.DockerOCIImageConfig', () => goJson(oci)) };
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
