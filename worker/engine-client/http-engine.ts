/**
 * The Engine API client: {@link EngineApi} over HTTP to any Docker daemon
 * (API 1.41 and newer), so our docker CLI can drive a real dockerd as it
 * drives the simulator. Paths, queries and bodies are docker/cli's
 * (client/*.go); the version is negotiated as the client package does: the
 * first call pings, and every path is `/v<min(server, 1.51)>/…`.
 *
 * Not done over the wire yet (each says so as a NotImplemented error): a
 * terminal session (`run -it`, `exec -it`, `attach` to a TTY with stdin),
 * BuildKit builds (they need BuildKit's session), `docker search` filters
 * beyond the term and limit.
 */
import type { AttachedProcess, EngineApi, ExecStarted, ImageImportOptions, ImageSearchOptions, ImageSearchResult, PingResponse } from '../engine-api/api.ts';
import type {
  AttachIo,
  RawTty,
  CommitOptions,
  ContainerChange,
  ContainerListOptions,
  ContainerSummary,
  ContainersPruneReport,
  CreateRequest,
  DiskUsage,
  ExecOptions,
  LogsOptions,
  NetworkCreateRequest,
  NetworkSummary,
  PathStat,
  VolumeCreateOptions,
  VolumesPruneReport,
} from '../engine-api/types.ts';
import type { DeleteItem, Filters, HistoryItem, ImageListOptions, ImageSummary, ImagesPruneReport, JsonMessage, VersionResponse } from '../engine/api-types.ts';
import { BuildError, type BuildOptions, type BuildResult, type BuildSink } from '../engine/builder/types.ts';
import { EngineError } from '../engine/errors.ts';
import type { ByteStream } from '../engine/stream.ts';
import { collectBytes } from '../common/byte-chunks.ts';
import { lowerApiVersion } from '../common/api-version.ts';
import { demux, jsonValues } from './frames.ts';
import { daemonError, filtersJson, isStream, json, messages, pathStat, pump, queryString, ref, splitLines, splitReference, waitStatus, type Query } from './wire.ts';
import type { HijackedConnection, Transport, TransportRequest, TransportResponse } from './transport.ts';

/** The newest API version this client speaks (Docker 28.5). */
export const CLIENT_API_VERSION = '1.51';

/** An exec made by execCreate: what its start needs to know. */
interface ExecRecord {
  opts: ExecOptions;
}

/** The Engine API over a {@link Transport}. */
export class HttpEngine implements EngineApi {
  readonly #transport: Transport;
  readonly #clock: () => number;
  #version: Promise<string> | undefined;
  readonly #execs = new Map<string, ExecRecord>();

  /** `clock`: what `now()` answers (defaults to the local clock). */
  constructor(transport: Transport, opts: { clock?: () => number } = {}) {
    this.#transport = transport;
    this.#clock = opts.clock ?? (() => Date.now());
  }

  now(): number {
    return this.#clock();
  }

  /** The negotiated API version (client.NegotiateAPIVersion: the lower of the server's and ours). */
  apiVersion(): Promise<string> {
    this.#version ??= this.ping().then((p) => lowerApiVersion(p.apiVersion || CLIENT_API_VERSION, CLIENT_API_VERSION));
    return this.#version;
  }

  // System.
  async ping(): Promise<PingResponse> {
    const res = await this.#transport.request({ method: 'GET', path: '/_ping' });
    await collectBytes(res.body);
    return { apiVersion: res.headers['api-version'] ?? '', osType: res.headers['ostype'] ?? '', builderVersion: res.headers['builder-version'] ?? '' };
  }
  version(): Promise<VersionResponse> {
    return this.#json('GET', '/version');
  }
  info(): Promise<Record<string, unknown>> {
    return this.#json('GET', '/info');
  }
  async systemDf(): Promise<DiskUsage> {
    type Df = {
      LayersSize: number;
      Images: ImageSummary[] | null;
      Containers: ContainerSummary[] | null;
      Volumes: Array<{ Name: string; UsageData: { Size: number; RefCount: number } }> | null;
      BuildCache: Array<{ ID: string; Size: number; Shared: boolean; InUse: boolean; CreatedAt: string; LastUsedAt: string; UsageCount: number }> | null;
    };
    const df = await this.#json<Df>('GET', '/system/df');
    return {
      layersSize: df.LayersSize,
      images: (df.Images ?? []).map((i) => ({ id: i.Id, repoTags: i.RepoTags ?? [], created: i.Created, size: i.Size, sharedSize: i.SharedSize, containers: i.Containers, summary: i })),
      containers: (df.Containers ?? []).map((c) => ({ id: c.Id, running: c.State === 'running', sizeRw: c.SizeRw ?? 0 })),
      volumes: (df.Volumes ?? []).map((v) => ({ name: v.Name, size: v.UsageData.Size, refCount: v.UsageData.RefCount })),
      buildCache: (df.BuildCache ?? []).map((b) => ({ id: b.ID, size: b.Size, shared: b.Shared, inUse: b.InUse, createdAt: Date.parse(b.CreatedAt), lastUsedAt: Date.parse(b.LastUsedAt), usage: b.UsageCount })),
      // docker/cli system/df.go adds up the cache records no image shares (BuilderSize is deprecated).
      builderSize: (df.BuildCache ?? []).reduce((n, b) => n + (b.Shared ? 0 : b.Size), 0),
      summaries: df.Containers ?? [],
    };
  }
  async events(opts: { since?: string; until?: string; filters?: Filters }, onEvent: (e: Record<string, unknown>) => void): Promise<void> {
    const res = await this.#call('GET', '/events', { since: opts.since, until: opts.until, filters: filtersJson(opts.filters) });
    for await (const e of jsonValues(res.body)) onEvent(e);
  }

  // Images.
  imageList(opts: ImageListOptions = {}): Promise<ImageSummary[]> {
    return this.#json('GET', '/images/json', { all: opts.all, filters: filtersJson(opts.filters) });
  }
  imageInspect(name: string): Promise<Record<string, unknown>> {
    return this.#json('GET', `/images/${ref(name)}/json`);
  }
  imageHistory(name: string): Promise<HistoryItem[]> {
    return this.#json('GET', `/images/${ref(name)}/history`);
  }
  async imageTag(source: string, repo: string, tag: string): Promise<void> {
    await this.#done('POST', `/images/${ref(source)}/tag`, { repo, tag });
  }
  async imageRemove(name: string, opts: { force?: boolean; noPrune?: boolean } = {}): Promise<DeleteItem[]> {
    return this.#json('DELETE', `/images/${ref(name)}`, { force: opts.force, noprune: opts.noPrune });
  }
  imagesPrune(filters?: Filters): Promise<ImagesPruneReport> {
    return this.#json('POST', '/images/prune', { filters: filtersJson(filters) });
  }
  async imagePull(fromImage: string, tag: string, onMessage: (m: JsonMessage) => void, platform?: string): Promise<void> {
    // docker/cli sends an empty auth config when it has no credentials.
    const res = await this.#call('POST', '/images/create', { fromImage, tag, platform }, undefined, { 'x-registry-auth': 'e30=' });
    await messages(res.body, onMessage);
  }
  async imageSave(names: readonly string[]): Promise<ByteStream> {
    return (await this.#call('GET', '/images/get', { names })).body;
  }
  async imageLoad(archive: ByteStream, onMessage: (m: JsonMessage) => void): Promise<void> {
    const res = await this.#call('POST', '/images/load', { quiet: false }, archive, { 'content-type': 'application/x-tar' });
    await messages(res.body, onMessage);
  }
  async imageImport(archive: ByteStream, opts: ImageImportOptions): Promise<string> {
    const [repo, tag] = splitReference(opts.reference);
    const res = await this.#call('POST', '/images/create', { fromSrc: '-', repo, tag, message: opts.message, changes: opts.changes }, archive);
    let id = '';
    await messages(res.body, (m) => (id = m.status ?? id));
    return id;
  }
  imageSearch(term: string, opts: ImageSearchOptions = {}): Promise<ImageSearchResult[]> {
    return this.#json('GET', '/images/search', { term, limit: opts.limit, filters: filtersJson(opts.filters) });
  }
  async imageBuild(context: Uint8Array, opts: BuildOptions, sink: BuildSink): Promise<BuildResult> {
    if (opts.version === '2') throw new EngineError('NotImplemented', 'BuildKit builds over the Engine API need its session, which Layerlab does not speak yet; DOCKER_BUILDKIT=0 uses the legacy builder');
    const query: Query = {
      t: opts.tags,
      dockerfile: opts.dockerfile,
      q: opts.quiet,
      nocache: opts.noCache,
      pull: opts.pull,
      rm: opts.rm ?? true,
      forcerm: opts.forceRm,
      buildargs: opts.buildArgs && JSON.stringify(opts.buildArgs),
      labels: opts.labels && JSON.stringify(opts.labels),
      target: opts.target,
      platform: opts.platform,
      networkmode: opts.network,
      version: '1',
    };
    const res = await this.#call('POST', '/build', query, context, { 'content-type': 'application/x-tar' });
    let imageId = '';
    for await (const v of jsonValues(res.body)) {
      const m = v as JsonMessage;
      if (m.error !== undefined) throw new BuildError(m.error, { exitCode: m.errorDetail?.code ?? 1 });
      const aux = m.aux as { ID?: string } | undefined;
      if (aux?.ID) imageId = aux.ID;
      // With q=1 the legacy builder's only message is the image ID as a stream line.
      else if (opts.quiet && /^sha256:[0-9a-f]{64}\n?$/.test(m.stream ?? '')) imageId = m.stream!.trim();
      sink.message?.(m);
    }
    return { imageId, steps: [] };
  }

  // Containers.
  async containerCreate(req: CreateRequest): Promise<{ Id: string; Warnings: string[] }> {
    const body: Record<string, unknown> = { ...req.config, HostConfig: { ...(req.hostConfig ?? {}), ...(req.consoleSize ? { ConsoleSize: req.consoleSize } : {}) } };
    if (req.aliases && req.aliases.length > 0) body.NetworkingConfig = { EndpointsConfig: { [req.hostConfig?.NetworkMode ?? 'default']: { Aliases: req.aliases } } };
    const r = await this.#json<{ Id: string; Warnings: string[] | null }>('POST', '/containers/create', { name: req.name, platform: req.platform }, body);
    return { Id: r.Id, Warnings: r.Warnings ?? [] };
  }
  async containerStart(id: string, io?: AttachIo, terminal = false): Promise<AttachedProcess> {
    if (!io) {
      await this.#done('POST', `/containers/${ref(id)}/start`);
      return { exited: lazy(() => this.containerWait(id)) };
    }
    const c = await this.#inspect(id);
    if (terminal && c.Config.Tty) {
      if (!io.tty) throw noTerminal();
      return this.#liveTerminal(id, io, io.tty, c.HostConfig.AutoRemove);
    }
    // docker/cli run.go: attach, register the wait (removed for --rm), then start.
    const conn = await this.#attach(id, io);
    const condition = c.HostConfig.AutoRemove ? 'removed' : 'next-exit';
    const wait = await this.#call('POST', `/containers/${ref(id)}/wait`, { condition });
    try {
      await this.#done('POST', `/containers/${ref(id)}/start`);
    } catch (err) {
      conn.close();
      throw err;
    }
    const exited = pump(conn, io, c.Config.Tty).then(async () => waitStatus(wait));
    return { exited };
  }
  async containerStop(id: string, opts: { timeout?: number; signal?: string } = {}): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/stop`, { t: opts.timeout, signal: opts.signal });
  }
  async containerRestart(id: string, opts: { timeout?: number; signal?: string } = {}): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/restart`, { t: opts.timeout, signal: opts.signal });
  }
  async containerKill(id: string, signal?: string): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/kill`, { signal });
  }
  async containerPause(id: string): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/pause`);
  }
  async containerUnpause(id: string): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/unpause`);
  }
  async containerWait(id: string): Promise<number> {
    return waitStatus(await this.#call('POST', `/containers/${ref(id)}/wait`));
  }
  async containerAttach(id: string, io: AttachIo, terminal = false): Promise<AttachedProcess> {
    const c = await this.#inspect(id);
    if (terminal) throw noTerminal();
    const conn = await this.#attach(id, io);
    return { exited: pump(conn, io, c.Config.Tty).then(() => this.containerWait(id).catch(() => 0)) };
  }
  async containerResize(id: string, height: number, width: number): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/resize`, { h: height, w: width });
  }
  async containerLogs(id: string, opts: LogsOptions): Promise<void> {
    const c = await this.#inspect(id);
    const res = await this.#call('GET', `/containers/${ref(id)}/logs`, { stdout: true, stderr: true, timestamps: true, follow: opts.follow, tail: opts.tail ?? 'all' });
    // With timestamps=1 every line comes as `<RFC 3339 nano> <text>`.
    const line = (stream: number, text: string): void => {
      const sp = text.indexOf(' ');
      opts.onLine([Date.parse(text.slice(0, sp)), stream, text.slice(sp + 1)], text.slice(0, sp));
    };
    const decoder = new TextDecoder();
    if (c.Config.Tty) {
      for (const l of splitLines(decoder.decode(await collectBytes(res.body)))) line(1, l);
      return;
    }
    for await (const [stream, payload] of demux(res.body)) line(stream, decoder.decode(payload));
  }
  async execCreate(id: string, opts: ExecOptions): Promise<string> {
    const body = {
      Cmd: opts.cmd,
      Env: opts.env ?? [],
      WorkingDir: opts.workdir ?? '',
      User: opts.user ?? '',
      Tty: opts.tty ?? false,
      // `-it`: the terminal's keys go to the exec's tty (execStart, with AttachIo.tty).
      AttachStdin: opts.interactive ?? false,
      AttachStdout: !opts.detach,
      AttachStderr: !opts.detach,
      Detach: opts.detach ?? false,
      ...(opts.consoleSize ? { ConsoleSize: opts.consoleSize } : {}),
    };
    const r = await this.#json<{ Id: string }>('POST', `/containers/${ref(id)}/exec`, undefined, body);
    this.#execs.set(r.Id, { opts });
    return r.Id;
  }
  async execStart(id: string, io: AttachIo): Promise<ExecStarted> {
    const x = this.#execs.get(id);
    const tty = x?.opts.tty ?? false;
    if (x?.opts.detach) {
      await this.#done('POST', `/exec/${id}/start`, undefined, { Detach: true, Tty: tty });
      return { exitCode: 0 };
    }
    if (x?.opts.interactive && !io.tty) throw noTerminal();
    const conn = await this.#hijack({ method: 'POST', path: `/exec/${id}/start`, body: json({ Detach: false, Tty: tty }), headers: { 'content-type': 'application/json' } });
    if (x?.opts.interactive && io.tty) {
      // `exec -it`, as docker/cli exec.go: the hijacked stream is the tty, sized now and on each resize.
      const resize = (cols: number, rows: number): void => void this.#done('POST', `/exec/${id}/resize`, { h: rows, w: cols }).catch(() => undefined);
      await rawTerminal(conn, io, io.tty, resize);
    } else await pump(conn, io, tty);
    const r = await this.execInspect(id);
    return { exitCode: r.ExitCode ?? 0 };
  }
  execInspect(id: string): Promise<{ ID: string; Running: boolean; ExitCode: number | null; ContainerID: string }> {
    return this.#json('GET', `/exec/${id}/json`);
  }
  containerInspect(id: string, size = false): Promise<Record<string, unknown>> {
    return this.#json('GET', `/containers/${ref(id)}/json`, { size });
  }
  containerList(opts: ContainerListOptions = {}): Promise<ContainerSummary[]> {
    return this.#json('GET', '/containers/json', { all: opts.all, limit: opts.limit, size: opts.size, filters: filtersJson(opts.filters) });
  }
  async containerChanges(id: string): Promise<ContainerChange[]> {
    return (await this.#json<ContainerChange[] | null>('GET', `/containers/${ref(id)}/changes`)) ?? [];
  }
  async containerCommit(id: string, opts: CommitOptions): Promise<string> {
    const [repo, tag] = splitReference(opts.reference ?? '');
    // docker/cli passes a nil *container.Config, which the client encodes as `null` (moby client/container_commit.go);
    // the runner's policy accepts exactly that body on /commit.
    const r = await this.#json<{ Id: string }>('POST', '/commit', { container: id, repo, tag, comment: opts.comment, author: opts.author, changes: opts.changes }, null);
    return r.Id;
  }
  async containerExport(id: string): Promise<ByteStream> {
    return (await this.#call('GET', `/containers/${ref(id)}/export`)).body;
  }
  async containerArchiveHead(id: string, path: string): Promise<PathStat> {
    const res = await this.#call('HEAD', `/containers/${ref(id)}/archive`, { path }, undefined, {}, () => `Could not find the file ${path} in container ${id}`);
    await collectBytes(res.body);
    return pathStat(res.headers);
  }
  async containerArchiveGet(id: string, path: string): Promise<{ stat: PathStat; archive: ByteStream }> {
    const res = await this.#call('GET', `/containers/${ref(id)}/archive`, { path });
    return { stat: pathStat(res.headers), archive: res.body };
  }
  async containerArchivePut(id: string, path: string, archive: ByteStream, opts: { copyUIDGID?: boolean } = {}): Promise<void> {
    await this.#done('PUT', `/containers/${ref(id)}/archive`, { path, noOverwriteDirNonDir: true, copyUIDGID: opts.copyUIDGID }, archive, { 'content-type': 'application/x-tar' });
  }
  async containerRemove(id: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.#done('DELETE', `/containers/${ref(id)}`, { force: opts.force, v: opts.volumes });
  }
  containersPrune(filters?: Filters): Promise<ContainersPruneReport> {
    return this.#json('POST', '/containers/prune', { filters: filtersJson(filters) });
  }
  async containerRename(id: string, name: string): Promise<void> {
    await this.#done('POST', `/containers/${ref(id)}/rename`, { name });
  }
  containerTop(id: string, psArgs: readonly string[] = []): Promise<{ Titles: string[]; Processes: string[][] }> {
    return this.#json('GET', `/containers/${ref(id)}/top`, { ps_args: psArgs.join(' ') });
  }

  // Volumes.
  volumeCreate(opts: VolumeCreateOptions): Promise<Record<string, unknown>> {
    return this.#json('POST', '/volumes/create', undefined, { Name: opts.name ?? '', Driver: opts.driver ?? '', Labels: opts.labels ?? {} });
  }
  volumeInspect(name: string): Promise<Record<string, unknown>> {
    return this.#json('GET', `/volumes/${encodeURIComponent(name)}`);
  }
  async volumeList(filters?: Filters): Promise<Array<Record<string, unknown>>> {
    return (await this.#json<{ Volumes: Array<Record<string, unknown>> | null }>('GET', '/volumes', { filters: filtersJson(filters) })).Volumes ?? [];
  }
  async volumeRemove(name: string, force = false): Promise<void> {
    await this.#done('DELETE', `/volumes/${encodeURIComponent(name)}`, { force });
  }
  volumesPrune(filters?: Filters): Promise<VolumesPruneReport> {
    return this.#json('POST', '/volumes/prune', { filters: filtersJson(filters) });
  }

  // Networks.
  async networkCreate(req: NetworkCreateRequest): Promise<string> {
    const ipam = req.Subnet ? { Driver: 'default', Config: [{ Subnet: req.Subnet, ...(req.Gateway ? { Gateway: req.Gateway } : {}) }] } : undefined;
    const body = { Name: req.Name, Driver: req.Driver || 'bridge', Internal: req.Internal ?? false, Attachable: req.Attachable ?? false, Labels: req.Labels ?? {}, ...(ipam ? { IPAM: ipam } : {}) };
    return (await this.#json<{ Id: string }>('POST', '/networks/create', undefined, body)).Id;
  }
  networkInspect(id: string): Promise<Record<string, unknown>> {
    return this.#json('GET', `/networks/${encodeURIComponent(id)}`);
  }
  networkList(filters?: Filters): Promise<NetworkSummary[]> {
    return this.#json('GET', '/networks', { filters: filtersJson(filters) });
  }
  async networkRemove(id: string): Promise<void> {
    await this.#done('DELETE', `/networks/${encodeURIComponent(id)}`);
  }
  async networksPrune(filters?: Filters): Promise<string[]> {
    return (await this.#json<{ NetworksDeleted: string[] | null }>('POST', '/networks/prune', { filters: filtersJson(filters) })).NetworksDeleted ?? [];
  }
  async networkConnect(network: string, container: string, aliases: string[] = []): Promise<void> {
    await this.#done('POST', `/networks/${encodeURIComponent(network)}/connect`, undefined, { Container: container, EndpointConfig: { Aliases: aliases.length > 0 ? aliases : null } });
  }
  async networkDisconnect(network: string, container: string): Promise<void> {
    await this.#done('POST', `/networks/${encodeURIComponent(network)}/disconnect`, undefined, { Container: container, Force: false });
  }

  // The plumbing.
  /**
   * `run -it` as docker/cli does it with a TTY (run.go, hijack.go): attach
   * with stdin, register the wait, start, size the tty to the terminal
   * (MonitorTtySize), then copy the terminal's raw keys to the hijacked
   * stream and the stream (raw: a TTY is not multiplexed) to the terminal
   * until the container's side ends; each resize is POST /resize.
   */
  async #liveTerminal(id: string, io: AttachIo, tty: RawTty, autoRemove: boolean): Promise<AttachedProcess> {
    const conn = await this.#hijack({ method: 'POST', path: `/containers/${ref(id)}/attach${queryString({ stream: true, stdin: true, stdout: true, stderr: true })}` });
    const wait = await this.#call('POST', `/containers/${ref(id)}/wait`, { condition: autoRemove ? 'removed' : 'next-exit' });
    try {
      await this.#done('POST', `/containers/${ref(id)}/start`);
    } catch (err) {
      conn.close();
      throw err;
    }
    const resize = (cols: number, rows: number): void => void this.containerResize(id, rows, cols).catch(() => undefined);
    return { exited: rawTerminal(conn, io, tty, resize).then(() => waitStatus(wait)) };
  }

  async #inspect(id: string): Promise<{ Id: string; Config: { Tty: boolean; OpenStdin: boolean }; HostConfig: { AutoRemove: boolean } }> {
    return this.#json('GET', `/containers/${ref(id)}/json`);
  }

  async #attach(id: string, io: AttachIo): Promise<HijackedConnection> {
    const query = { stream: true, stdin: io.stdin !== undefined, stdout: true, stderr: true };
    return this.#hijack({ method: 'POST', path: `/containers/${ref(id)}/attach${queryString(query)}` });
  }

  async #hijack(req: TransportRequest): Promise<HijackedConnection> {
    const conn = await this.#transport.hijack({ ...req, path: `/v${await this.apiVersion()}${req.path}` });
    if (conn.status >= 400) {
      const body = await collectBytes(conn.body);
      conn.close();
      throw daemonError(conn.status, body, () => `status ${conn.status}`);
    }
    return conn;
  }

  /** One call; a status of 400 or more becomes the daemon's error. */
  async #call(method: TransportRequest['method'], path: string, query?: Query, body?: unknown, headers: Record<string, string> = {}, fallback?: () => string): Promise<TransportResponse> {
    const req: TransportRequest = { method, path: `/v${await this.apiVersion()}${path}${queryString(query)}`, headers: { ...headers } };
    if (body instanceof Uint8Array || isStream(body)) req.body = body;
    else if (body !== undefined) {
      req.body = json(body);
      req.headers!['content-type'] = 'application/json';
    }
    const res = await this.#transport.request(req);
    if (res.status >= 400) throw daemonError(res.status, await collectBytes(res.body), fallback ?? (() => `status ${res.status}`));
    return res;
  }

  async #json<T>(method: TransportRequest['method'], path: string, query?: Query, body?: unknown): Promise<T> {
    const res = await this.#call(method, path, query, body);
    const bytes = await collectBytes(res.body);
    return (bytes.length === 0 ? null : JSON.parse(new TextDecoder().decode(bytes))) as T;
  }

  async #done(method: TransportRequest['method'], path: string, query?: Query, body?: unknown, headers?: Record<string, string>): Promise<void> {
    await collectBytes((await this.#call(method, path, query, body, headers)).body);
  }
}

/**
 * Copies the terminal's raw keys to a hijacked TTY stream and the stream
 * (raw: a TTY is not multiplexed) to the terminal until the far side ends;
 * sizes the tty now and on each resize. Resolves once the stream ended.
 */
async function rawTerminal(conn: HijackedConnection, io: AttachIo, tty: RawTty, resize: (cols: number, rows: number) => void): Promise<void> {
  const { cols, rows } = tty.size();
  resize(cols, rows);
  const encoder = new TextEncoder();
  // Keys are written in order: each write waits for the one before.
  let writing = Promise.resolve();
  const release = tty.take((data) => void (writing = writing.then(() => conn.write(encoder.encode(data))).catch(() => undefined)), resize);
  const decoder = new TextDecoder();
  try {
    for await (const chunk of conn.body) io.stdout(decoder.decode(chunk, { stream: true }));
  } finally {
    release();
    conn.close();
  }
}

/** A promise that does its work only once awaited (a detached start's exit is rarely asked for). */
function lazy<T>(work: () => Promise<T>): Promise<T> {
  let p: Promise<T> | undefined;
  const get = (): Promise<T> => (p ??= work());
  return {
    then: (a, b) => get().then(a, b),
    catch: (b) => get().catch(b),
    finally: (f) => get().finally(f),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<T>;
}

function noTerminal(): EngineError {
  return new EngineError('NotImplemented', 'an interactive terminal (-it) over the Engine API is not done in Layerlab yet');
}
