/**
 * Container routes other than attach/start/wait (routes/attach.ts), exec
 * (routes/exec.ts) and archives (routes/archive.ts): create, list,
 * inspect, lifecycle signals, logs, changes, commit, export, rename, top,
 * delete, prune.
 */
import { containerCommit, containerDiff, containerExport, containerInspect, containerList, containerLogs, containerRename, containersPrune, containerTop } from '../../engine/containers/operations.ts';
import type { CreateRequest } from '../../engine/containers/create.ts';
import { compareVersions } from '../api-version.ts';
import { readJson } from '../body.ts';
import { pipeBytes } from '../json-stream.ts';
import { notifyExit, withContainer, type DaemonLab } from '../lab.ts';
import { badRequest, boolParam, intParam, sendEmpty, sendJson, startStream } from '../respond.ts';
import type { Router } from '../router.ts';
import { encodeOutput } from '../stdcopy.ts';
import { followExit } from './attach.ts';
import { filtersParam } from './params.ts';

/** RFC3339Nano with nine fixed digits (jsonmessage.RFC3339NanoFixed), as `logs -t` shows times. */
export function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Runs `fn` under the container's lifecycle lock; a missing container fails inside `fn` with the operation's own words. */
function locked<T>(lab: DaemonLab, ref: string, fn: () => Promise<T>): Promise<T> {
  let id = ref;
  try {
    id = lab.containers.get(ref).id;
  } catch {
    // not found: fn reports it
  }
  return withContainer(lab, id, fn);
}

/** Declares the container routes. */
export function containerRoutes(r: Router): void {
  r.add('POST', '/containers/create', async ({ req, res, query, lab }) => {
    const body = await readJson(req);
    const { HostConfig, NetworkingConfig, ...config } = body as Record<string, unknown> & { HostConfig?: CreateRequest['hostConfig']; NetworkingConfig?: { EndpointsConfig?: Record<string, { Aliases?: string[] | null }> } };
    if (typeof config.Image !== 'string' || config.Image === '') throw badRequest('No command specified');
    const aliases = Object.values(NetworkingConfig?.EndpointsConfig ?? {}).flatMap((e) => e?.Aliases ?? []);
    // moby's create: an empty or `default` network mode is the default bridge (runconfig.SetDefaultNetModeIfBlank),
    // and the CLI's empty Volumes map is stored as none (inspect shows null).
    if (HostConfig && (!HostConfig.NetworkMode || HostConfig.NetworkMode === 'default')) HostConfig.NetworkMode = 'bridge';
    if (config.Volumes && typeof config.Volumes === 'object' && Object.keys(config.Volumes).length === 0) config.Volumes = null;
    const request: CreateRequest = {
      config: config as CreateRequest['config'],
      ...(query.get('name') ? { name: query.get('name')! } : {}),
      ...(HostConfig ? { hostConfig: HostConfig } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(query.get('platform') ? { platform: query.get('platform')! } : {}),
    };
    const created = await lab.containers.create(request);
    lab.events.emit('container', 'create', created.Id);
    sendJson(res!, 201, created);
  });
  r.add('GET', '/containers/json', async ({ res, query, lab }) => {
    const limit = intParam(query, 'limit');
    sendJson(res!, 200, containerList(lab.containers, { all: boolParam(query, 'all'), size: boolParam(query, 'size'), filters: filtersParam(query), ...(limit !== undefined && limit > 0 ? { limit } : {}) }));
  });
  r.add('GET', '/containers/{id}/json', async ({ res, params, query, lab }) => sendJson(res!, 200, containerInspect(lab.containers, params.id!, boolParam(query, 'size'))));
  r.add('POST', '/containers/{id}/stop', async ({ res, params, query, lab }) => {
    const c = lab.containers.get(params.id!);
    const t = intParam(query, 't');
    const stopped = await withContainer(lab, c.id, async () => {
      if (!lab.containers.get(c.id).running) return false;
      await lab.containers.stop(params.id!, { ...(t !== undefined ? { timeout: t } : {}), ...(query.get('signal') ? { signal: query.get('signal')! } : {}) });
      return true;
    });
    if (!stopped) return sendEmpty(res!, 304);
    lab.events.emit('container', 'stop', c.id);
    sendEmpty(res!);
  });
  r.add('POST', '/containers/{id}/kill', async ({ res, params, query, lab }) => {
    // The ID first: an --rm container is gone once killed. A missing one is the kill's own error (its words).
    const id = lab.engine.state.containers.has(params.id!) ? params.id! : (() => { try { return lab.containers.get(params.id!).id; } catch { return params.id!; } })();
    await locked(lab, params.id!, () => lab.containers.kill(params.id!, query.get('signal') || 'KILL'));
    lab.events.emit('container', 'kill', id, { signal: query.get('signal') || 'KILL' });
    sendEmpty(res!);
  });
  r.add('POST', '/containers/{id}/restart', async ({ res, params, query, lab }) => {
    const t = intParam(query, 't');
    await locked(lab, params.id!, () => lab.containers.restart(params.id!, { ...(t !== undefined ? { timeout: t } : {}), ...(query.get('signal') ? { signal: query.get('signal')! } : {}) }));
    const c = lab.containers.get(params.id!);
    const live = lab.containers.live(c.id);
    if (live?.exited) followExit(lab, c.id, live.exited);
    lab.events.emit('container', 'restart', c.id);
    sendEmpty(res!);
  });
  r.add('POST', '/containers/{id}/pause', async ({ res, params, lab }) => {
    await locked(lab, params.id!, () => lab.containers.pause(params.id!));
    lab.events.emit('container', 'pause', lab.containers.get(params.id!).id, {});
    sendEmpty(res!);
  });
  r.add('POST', '/containers/{id}/unpause', async ({ res, params, lab }) => {
    await locked(lab, params.id!, () => lab.containers.unpause(params.id!));
    lab.events.emit('container', 'unpause', lab.containers.get(params.id!).id, {});
    sendEmpty(res!);
  });
  r.add('POST', '/containers/{id}/resize', async ({ res, params, query, lab }) => {
    lab.containers.get(params.id!);
    // The simulated tty has no size that programs read; moby validates the numbers.
    intParam(query, 'h');
    intParam(query, 'w');
    sendEmpty(res!, 200);
  });
  r.add('GET', '/containers/{id}/logs', async ({ req, res, params, query, lab, version }) => {
    const c = lab.containers.get(params.id!);
    const stdout = boolParam(query, 'stdout');
    const stderr = boolParam(query, 'stderr');
    if (!stdout && !stderr) throw badRequest('Bad parameters: you must choose at least one stream');
    const tailText = query.get('tail') ?? 'all';
    const tail = tailText === 'all' || tailText === '' ? undefined : /^\d+$/.test(tailText) ? Number(tailText) : undefined;
    const stamps = boolParam(query, 'timestamps');
    const multiplexed = !c.config.Tty;
    startStream(res!, multiplexed && compareVersions(version, '1.42') >= 0 ? 'application/vnd.docker.multiplexed-stream' : 'application/vnd.docker.raw-stream');
    let gone = false;
    req.once('close', () => (gone = true));
    const follow = containerLogs(lab.containers, c.id, {
      ...(tail !== undefined ? { tail } : {}),
      follow: boolParam(query, 'follow'),
      onLine: ([time, stream, text]) => {
        if (gone || (stream === 1 ? !stdout : !stderr)) return;
        res!.write(encodeOutput(stream === 2 ? 2 : 1, stamps ? `${rfc3339NanoFixed(time)} ${text}` : text, multiplexed));
      },
    });
    await Promise.race([follow, new Promise<void>((resolve) => res!.once('close', resolve))]);
    res!.end();
  });
  r.add('GET', '/containers/{id}/changes', async ({ res, params, lab }) => {
    const changes = await containerDiff(lab.containers, params.id!);
    // moby's FilesystemChange is {Kind, Path} in that order, and null for no changes.
    sendJson(res!, 200, changes.length > 0 ? changes.map((c) => ({ Kind: c.Kind, Path: c.Path })) : null);
  });
  r.add('POST', '/commit', async ({ req, res, query, lab }) => {
    // The body may carry a config to merge (API ContainerConfig); the CLI sends `--change` as `changes` instead.
    await readJson(req, { emptyOk: true });
    const repo = query.get('repo') ?? '';
    const tag = query.get('tag') ?? '';
    const id = await containerCommit(lab.containers, query.get('container') ?? '', {
      reference: repo && tag ? `${repo}:${tag}` : repo,
      comment: query.get('comment') ?? '',
      author: query.get('author') ?? '',
      changes: query.getAll('changes').filter((s) => s !== ''),
    });
    lab.events.emit('container', 'commit', lab.containers.get(query.get('container') ?? '').id, { comment: query.get('comment') ?? '' });
    sendJson(res!, 201, { Id: id });
  });
  r.add('GET', '/containers/{id}/export', async ({ res, params, lab }) => {
    const archive = await containerExport(lab.containers, params.id!);
    lab.events.emit('container', 'export', lab.containers.get(params.id!).id, {});
    startStream(res!, 'application/x-tar');
    await pipeBytes(res!, archive);
  });
  r.add('POST', '/containers/{id}/rename', async ({ res, params, query, lab }) => {
    const id = lab.containers.get(params.id!).id;
    await containerRename(lab.containers, params.id!, query.get('name') ?? '');
    lab.events.emit('container', 'rename', id, { name: query.get('name') ?? '' });
    sendEmpty(res!);
  });
  r.add('GET', '/containers/{id}/top', async ({ res, params, lab }) => sendJson(res!, 200, containerTop(lab.containers, params.id!)));
  r.add('DELETE', '/containers/{id}', async ({ res, params, query, lab }) => {
    const c = lab.containers.get(params.id!);
    await withContainer(lab, c.id, () => lab.containers.remove(params.id!, { force: boolParam(query, 'force'), volumes: boolParam(query, 'v') }));
    lab.events.emit('container', 'destroy', c.id);
    // `wait?condition=removed` ends here.
    notifyExit(lab, c.id, c.exitCode);
    sendEmpty(res!);
  });
  r.add('POST', '/containers/prune', async ({ res, query, lab }) => {
    const report = await containersPrune(lab.containers, filtersParam(query));
    for (const id of report.ContainersDeleted ?? []) lab.events.emit('container', 'destroy', id, {});
    sendJson(res!, 200, report);
  });
}
