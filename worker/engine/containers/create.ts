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
import type { Container, ContainerConfig, HostConfig } from './record.ts';
import { parseSignal } from './runtime.ts';
import { createAttachments } from '../network/endpoints.ts';

/** The create request: API container.Config fields the CLI sets, and HostConfig. */
export interface CreateRequest {
  name?: string;
  config: Partial<ContainerConfig> & { Image: string };
  hostConfig?: Partial<HostConfig>;
  /** NetworkingConfig: the `--network-alias` values of the container's network. */
  aliases?: string[];
}

/** moby getEntrypointAndArgs. */
export function entrypointAndArgs(entrypoint: string[] | null, cmd: string[] | null): { path: string; args: string[] } {
  const all = [...(entrypoint ?? []), ...(cmd ?? [])];
  return { path: all[0] ?? '', args: all.slice(1) };
}

/** Creates the record in the draft; returns it. */
export function createContainer(draft: Draft, req: CreateRequest, now: number, random: () => number): Container {
  const { image } = getImage(draft, req.config.Image);
  const img = image.config.config ?? {};
  const user = req.config;
  if (user.WorkingDir && !user.WorkingDir.startsWith('/')) {
    throw new EngineError('InvalidParameter', `the working directory '${user.WorkingDir}' is invalid, it needs to be an absolute path`);
  }
  // daemon verifyContainerSettings: the stop signal must be one the daemon can send.
  if (user.StopSignal) parseSignal(user.StopSignal);
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
  const { path, args } = entrypointAndArgs(entrypoint, cmd);
  if (path === '') throw new EngineError('InvalidParameter', 'No command specified');

  const mode = req.hostConfig?.NetworkMode || 'bridge';
  const networks = createAttachments(draft, mode, req.aliases ?? []);
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
    Volumes: img.Volumes ?? null,
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
    hostConfig: { AutoRemove: req.hostConfig?.AutoRemove ?? false, PortBindings: req.hostConfig?.PortBindings ?? {}, NetworkMode: mode },
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
  };
  draft.containers.set(id, record);
  return record;
}
