/**
 * `POST /containers/create`: the request's config merged with the image's
 * defaults exactly as moby does (daemon/commit.go merge, daemon/create.go),
 * a random ID, a generated or checked name, hostname = short ID.
 */
import { EngineError } from '../errors.ts';
import { getImage } from '../images/lookup.ts';
import type { Draft } from '../state.ts';
import { containerNamed } from './lookup.ts';
import { generateName, nameConflict, randomId, validateName } from './names.ts';
import { registerMounts } from './mounts.ts';
import { formatPlatform, imagePlatform, parsePlatform, platformMatches } from '../platform.ts';
import type { Container, ContainerConfig, HostConfig, RestartPolicy } from './record.ts';
import { parseSignal } from './runtime.ts';
import { createAttachments } from '../network/endpoints.ts';
import type { CreateRequest } from '../../engine-api/types.ts';
export type { CreateRequest };

/** moby getEntrypointAndArgs. */
export function entrypointAndArgs(entrypoint: string[] | null, cmd: string[] | null): { path: string; args: string[] } {
  const all = [...(entrypoint ?? []), ...(cmd ?? [])];
  return { path: all[0] ?? '', args: all.slice(1) };
}

/** Creates the record in the draft; returns it. */
export function createContainer(draft: Draft, req: CreateRequest, now: number, random: () => number): Container {
  const { image } = getImage(draft, req.config.Image);
  if (req.platform) {
    // The daemon looks the image up for that platform only (daemon/images GetImage with a platform).
    const want = parsePlatform(req.platform);
    const have = imagePlatform(image.config);
    if (!platformMatches(want, have)) {
      throw new EngineError('NotFound', `image with reference ${req.config.Image} was found but does not match the specified platform: wanted ${formatPlatform(want)}, actual: ${formatPlatform(have)}`);
    }
  }
  const img = image.config.config ?? {};
  const user = req.config;
  if (user.WorkingDir && !user.WorkingDir.startsWith('/')) {
    throw new EngineError('InvalidParameter', `the working directory '${user.WorkingDir}' is invalid, it needs to be an absolute path`);
  }
  // daemon verifyContainerSettings: the stop signal must be one the daemon can send.
  if (user.StopSignal) parseSignal(user.StopSignal);
  const restart = validRestartPolicy(req.hostConfig?.RestartPolicy);
  // daemon/commit.go merge(userConf, imageConf)
  let env = user.Env ?? [];
  if (env.length === 0) env = img.Env ?? [];
  else for (const e of img.Env ?? []) if (!env.some((u) => u.split('=')[0] === e.split('=')[0])) env = [...env, e];
  const labels: Record<string, string> = { ...(user.Labels ?? {}) };
  for (const [k, v] of Object.entries(img.Labels ?? {})) if (!(k in labels)) labels[k] = v;
  let entrypoint = user.Entrypoint ?? null;
  let cmd = user.Cmd ?? null;
  if (!entrypoint || entrypoint.length === 0) {
    if (!cmd || cmd.length === 0) cmd = img.Cmd ?? null;
    if (entrypoint === null) entrypoint = img.Entrypoint ?? null;
  }
  // `--entrypoint ""` resets the image's entrypoint (the CLI sends [""]).
  if (entrypoint && entrypoint.length === 1 && entrypoint[0] === '') entrypoint = null;
  const exposed = { ...(img.ExposedPorts ?? {}), ...(user.ExposedPorts ?? {}) };
  const volumes = img.Volumes || user.Volumes ? { ...(img.Volumes ?? {}), ...(user.Volumes ?? {}) } : null;
  const { path, args } = entrypointAndArgs(entrypoint, cmd);
  if (path === '') throw new EngineError('InvalidParameter', 'No command specified');

  const mode = req.hostConfig?.NetworkMode || 'bridge';
  const networks = createAttachments(draft, mode, req.aliases ?? []);
  const host = req.hostConfig ?? {};
  const mounts = registerMounts(draft, { volumes: Object.keys(volumes ?? {}), binds: host.Binds ?? [], mounts: host.Mounts ?? [], tmpfs: host.Tmpfs ?? {} }, now, random);
  const id = randomId(random);
  let name: string;
  if (req.name) {
    name = validateName(req.name);
    const holder = containerNamed(draft, name);
    if (holder) throw nameConflict(name, holder.id);
  } else {
    name = generateName(random, (n) => containerNamed(draft, n) !== undefined, id);
  }
  const config: ContainerConfig = {
    Hostname: user.Hostname || id.slice(0, 12),
    Domainname: user.Domainname ?? '',
    User: user.User || img.User || '',
    AttachStdin: user.AttachStdin ?? false,
    AttachStdout: user.AttachStdout ?? false,
    AttachStderr: user.AttachStderr ?? false,
    Tty: user.Tty ?? false,
    OpenStdin: user.OpenStdin ?? false,
    StdinOnce: user.StdinOnce ?? false,
    Env: env,
    Cmd: cmd,
    Image: req.config.Image,
    Volumes: volumes,
    WorkingDir: user.WorkingDir || img.WorkingDir || '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: labels,
  };
  if (Object.keys(exposed).length > 0) config.ExposedPorts = exposed;
  const stopSignal = user.StopSignal || img.StopSignal;
  if (stopSignal) config.StopSignal = stopSignal;
  if (user.StopTimeout !== undefined) config.StopTimeout = user.StopTimeout;
  const record: Container = {
    id,
    name,
    imageId: image.id,
    imageLayers: [...image.config.rootfs.diff_ids],
    running: false,
    rwLayer: '',
    created: now,
    path,
    args,
    config,
    hostConfig: {
      AutoRemove: host.AutoRemove ?? false,
      PortBindings: host.PortBindings ?? {},
      NetworkMode: mode,
      Binds: host.Binds && host.Binds.length > 0 ? [...host.Binds] : null,
      ...(host.Mounts && host.Mounts.length > 0 ? { Mounts: host.Mounts } : {}),
      ReadonlyRootfs: host.ReadonlyRootfs ?? false,
      ...(host.Privileged ? { Privileged: true } : {}),
      RestartPolicy: restart,
      // A Go map: JSON lists its keys sorted.
      ...(host.Tmpfs && Object.keys(host.Tmpfs).length > 0 ? { Tmpfs: Object.fromEntries(Object.entries(host.Tmpfs).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
    },
    status: 'created',
    exitCode: 0,
    error: '',
    startedAt: 0,
    finishedAt: 0,
    restartCount: 0,
    ip: '',
    networks,
    pid: 0,
    logs: [],
    sizeRw: 0,
    mounts,
  };
  draft.containers.set(id, record);
  return record;
}

/**
 * The daemon's checks of a restart policy (daemon/container.go
 * validateRestartPolicy); an empty name is `no`, as the API stores it.
 */
export function validRestartPolicy(p: Partial<RestartPolicy> | undefined): RestartPolicy {
  const name = p?.Name || 'no';
  const count = p?.MaximumRetryCount ?? 0;
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(name)) {
    throw new EngineError('InvalidParameter', `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
  if (name !== 'on-failure' && count !== 0) throw new EngineError('InvalidParameter', "invalid restart policy: maximum retry count can only be used with 'on-failure'");
  if (count < 0) throw new EngineError('InvalidParameter', 'invalid restart policy: maximum retry count cannot be negative');
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: count };
}
