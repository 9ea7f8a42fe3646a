/**
 * The legacy builder's images: every step commits its container into an
 * intermediate image (moby daemon/images/image_commit.go CommitImage →
 * image.NewChildImage) whose config is moby's V1 form — `container`,
 * `container_config` (the step's run config: Cmd is the `#(nop)` comment or
 * the RUN command, Hostname the container's short ID), `docker_version`,
 * history `created_by` = that Cmd joined by spaces, `empty_layer` when the
 * container's diff is the empty tar — and a Parent link kept as local
 * metadata. The cache (moby image/cache) finds a child of the current image
 * whose container config matches the step's.
 */
import { digestOf } from '../digest.ts';
import type { ContainerDefaults, ImageConfig } from '../image-config.ts';
import { canonicalConfigBytes } from '../image-config.ts';
import type { EngineState, ImageRecord } from '../state.ts';
import { ENGINE_VERSION } from '../version.ts';

/** moby's full container.Config of a build step's container. */
export function stepContainerConfig(cfg: ContainerDefaults, cmd: string[], parentId: string, hostname: string): Record<string, unknown> {
  return {
    Hostname: hostname,
    Domainname: '',
    User: cfg.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(cfg.ExposedPorts ? { ExposedPorts: cfg.ExposedPorts } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: cfg.Env ?? null,
    Cmd: cmd,
    ...(cfg.Healthcheck ? { Healthcheck: cfg.Healthcheck } : {}),
    Image: parentId,
    Volumes: cfg.Volumes ?? null,
    WorkingDir: cfg.WorkingDir ?? '',
    Entrypoint: cfg.Entrypoint ?? null,
    OnBuild: cfg.OnBuild ?? null,
    Labels: cfg.Labels ?? {},
    ...(cfg.StopSignal ? { StopSignal: cfg.StopSignal } : {}),
    ...(cfg.Shell ? { Shell: cfg.Shell } : {}),
  };
}

/** The image config of a step's commit (`config` = the run config, Labels null when none, as moby writes it). */
export function childImage(base: ImageConfig, cfg: ContainerDefaults, containerConfig: Record<string, unknown>, containerId: string, created: string, createdBy: string, layerDiffId: string | undefined, parentId: string): ImageConfig {
  const config = { ...stepContainerConfig(cfg, cfg.Cmd ?? [], parentId, ''), Cmd: cfg.Cmd ?? null, Labels: cfg.Labels ?? null };
  return {
    architecture: base.architecture,
    ...(base.variant ? { variant: base.variant } : {}),
    ...(base.author ? { author: base.author } : {}),
    config: config as unknown as ContainerDefaults,
    container: containerId,
    container_config: containerConfig,
    created,
    docker_version: ENGINE_VERSION.version,
    history: [...(base.history ?? []), { created, ...(base.author ? { author: base.author } : {}), created_by: createdBy, ...(layerDiffId ? {} : { empty_layer: true }) }],
    os: base.os,
    rootfs: { type: 'layers', diff_ids: layerDiffId ? [...base.rootfs.diff_ids, layerDiffId] : [...base.rootfs.diff_ids] },
  };
}

/** The bytes and ID of an image config. */
export function configId(config: ImageConfig): { id: string; bytes: Uint8Array } {
  const bytes = canonicalConfigBytes(config);
  return { id: digestOf(bytes), bytes };
}

/** What moby's cache compares (image/cache/compare.go): the run config without Hostname. */
function cacheKey(cc: Record<string, unknown> | undefined): string {
  if (!cc) return '';
  const { Hostname: _h, ...rest } = cc;
  return stable(rest);
}

function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(stable).join(',') + ']';
  const o = v as Record<string, unknown>;
  return '{' + Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => JSON.stringify(k) + ':' + stable(o[k])).join(',') + '}';
}

/** A child of `parentId` built by the same step (the newest when several). */
export function findCached(images: Iterable<ImageRecord>, parentId: string, containerConfig: Record<string, unknown>): ImageRecord | undefined {
  const want = cacheKey(containerConfig);
  let best: ImageRecord | undefined;
  for (const img of images) {
    if (img.parent !== parentId || !img.config.container_config) continue;
    if (cacheKey(img.config.container_config) !== want) continue;
    if (!best || (img.config.created ?? '') > (best.config.created ?? '')) best = img;
  }
  return best;
}

/** Images of the state and those this build made but has not committed yet. */
export function allImages(state: EngineState, pending: ReadonlyMap<string, ImageRecord>): ImageRecord[] {
  return [...state.images.values(), ...pending.values()];
}
