/**
 * The simulated daemon behind the Engine API interface: the image side of
 * {@link Engine} and the container side of {@link ContainerService},
 * volumes, networks and system, each call answered as moby answers it. The
 * lab (worker/lab/lab.ts) builds one and hands it to the CLI; the CLI never
 * sees the engine's insides.
 */
import type { EngineApi, ExecStarted, ImageImportOptions, ImageSearchOptions, ImageSearchResult, AttachedProcess, PingResponse } from '../engine-api/api.ts';
import type { AttachIo, CommitOptions, ContainerListOptions, CreateRequest, ExecOptions, LogsOptions, NetworkCreateRequest, PathStat, VolumeCreateOptions } from '../engine-api/types.ts';
import type { Filters, ImageListOptions, JsonMessage } from './api-types.ts';
import type { BuildOptions, BuildSink } from './builder/types.ts';
import { build } from './builder/build.ts';
import type { Engine } from './engine.ts';
import { EngineError } from './errors.ts';
import type { ByteStream } from './stream.ts';
import type { ContainerService } from './containers/service.ts';
import * as ops from './containers/operations.ts';
import { openTerminal } from './containers/terminal.ts';
import { execIn, execTarget } from './containers/exec.ts';
import { archivePath, extractInto } from './containers/archive.ts';
import { asContainer } from './containers/record.ts';
import type { Attached } from './network/endpoints.ts';
import { connectNetwork, createNetwork, disconnectNetwork, inspectNetwork, listNetworks, pruneNetworks, removeNetwork } from './network/operations.ts';
import { createVolume, inspectVolume, listVolumes, pruneVolumes, removeVolume, volumeJson } from './volumes/volumes.ts';
import { systemInfo } from './system-info.ts';
import { diskUsage } from './system-df.ts';
import { tarChunks } from './layer/tar-write.ts';
import { fromChunks, readTarEntries } from './layer/tar-stream.ts';
import { baseName } from './layer/entry.ts';

/** An exec made by execCreate, waiting for execStart. */
interface ExecRecord {
  ref: string;
  containerId: string;
  opts: ExecOptions;
  running: boolean;
  exitCode: number | null;
}

/** The simulated engine as an {@link EngineApi}. */
export class SimulatedEngine implements EngineApi {
  readonly #engine: Engine;
  readonly #containers: () => Promise<ContainerService>;
  readonly #execs = new Map<string, ExecRecord>();

  /** `containers` gives the engine's container service (loaded on first use by the lab). */
  constructor(engine: Engine, containers: () => Promise<ContainerService>) {
    this.#engine = engine;
    this.#containers = containers;
  }

  now(): number {
    return this.#engine.now();
  }

  // Images: the Engine's own calls.
  imageList(opts?: ImageListOptions) {
    return this.#engine.imageList(opts);
  }
  imageInspect(name: string) {
    return this.#engine.imageInspect(name);
  }
  imageHistory(name: string) {
    return this.#engine.imageHistory(name);
  }
  imageTag(source: string, repo: string, tag: string) {
    return this.#engine.imageTag(source, repo, tag);
  }
  imageRemove(name: string, opts?: { force?: boolean; noPrune?: boolean }) {
    return this.#engine.imageRemove(name, opts);
  }
  imagesPrune(filters?: Filters) {
    return this.#engine.imagesPrune(filters);
  }
  imagePull(fromImage: string, tag: string, onMessage: (m: JsonMessage) => void, platform?: string) {
    return this.#engine.imagePull(fromImage, tag, onMessage, platform);
  }
  async imageSave(names: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ByteStream> {
    return this.#engine.imageSave(names, onProgress);
  }
  async imageLoad(archive: ByteStream, onMessage: (m: JsonMessage) => void): Promise<void> {
    return this.#engine.imageLoad(archive, onMessage);
  }
  async imageImport(archive: ByteStream, opts: ImageImportOptions): Promise<string> {
    return this.#engine.imageImport(archive, opts);
  }
  async imageSearch(term: string, opts?: ImageSearchOptions): Promise<ImageSearchResult[]> {
    return this.#engine.imageSearch(term, opts);
  }
  async imageBuild(context: Uint8Array, opts: BuildOptions, sink: BuildSink) {
    return build({ engine: this.#engine, containers: await this.#containers() }, context, opts, sink);
  }

  // Containers.
  async containerCreate(req: CreateRequest) {
    return (await this.#containers()).create(req);
  }
  async containerStart(ref: string, io?: AttachIo, terminal = false): Promise<AttachedProcess> {
    const svc = await this.#containers();
    const { shell, exited } = await svc.start(ref, io, terminal);
    if (!shell) return { exited };
    return { exited, terminal: await openTerminal(svc, svc.get(ref).id, shell) };
  }
  async containerStop(ref: string, opts?: { timeout?: number; signal?: string }) {
    return (await this.#containers()).stop(ref, opts);
  }
  async containerRestart(ref: string, opts?: { timeout?: number; signal?: string }) {
    return (await this.#containers()).restart(ref, opts);
  }
  async containerKill(ref: string, signal?: string) {
    return (await this.#containers()).kill(ref, signal);
  }
  async containerPause(ref: string) {
    return (await this.#containers()).pause(ref);
  }
  async containerUnpause(ref: string) {
    return (await this.#containers()).unpause(ref);
  }
  async containerWait(ref: string) {
    return (await this.#containers()).wait(ref);
  }
  async containerAttach(ref: string, io: AttachIo, terminal = false): Promise<AttachedProcess> {
    const svc = await this.#containers();
    const c = svc.get(ref);
    const live = svc.live(c.id);
    if (terminal && live?.interactive && c.config.Tty) {
      return { exited: svc.wait(c.id), terminal: await openTerminal(svc, c.id, live.interactive) };
    }
    return { exited: svc.attach(c.id, io) };
  }
  async containerResize(ref: string): Promise<void> {
    // The page's terminal has no size the programs read: resizing only checks the container exists, as the daemon does first.
    (await this.#containers()).get(ref);
  }
  async containerLogs(ref: string, opts: LogsOptions) {
    return ops.containerLogs(await this.#containers(), ref, opts);
  }
  async execCreate(ref: string, opts: ExecOptions): Promise<string> {
    const c = execTarget(await this.#containers(), ref);
    const id = randomHex(this.#engine.random, 64);
    this.#execs.set(id, { ref, containerId: c.id, opts, running: false, exitCode: null });
    return id;
  }
  async execStart(id: string, io: AttachIo): Promise<ExecStarted> {
    const svc = await this.#containers();
    const x = this.#exec(id);
    x.running = true;
    const done = (code: number): number => {
      x.running = false;
      x.exitCode = code;
      return code;
    };
    if (x.opts.detach) {
      // Only the run is left in the background; the CLI returns at once.
      void execIn(svc, x.ref, x.opts, { stdout: () => undefined, stderr: () => undefined })
        .then((r) => done('exitCode' in r ? r.exitCode : 0))
        .catch(() => done(126));
      return { exitCode: 0 };
    }
    const result = await execIn(svc, x.ref, x.opts, io);
    if ('shell' in result) {
      const again = { cmd: x.opts.cmd, env: x.opts.env ?? [], workdir: x.opts.workdir ?? '', user: x.opts.user ?? '' };
      return { terminal: await openTerminal(svc, x.containerId, result.shell, again) };
    }
    return { exitCode: done(result.exitCode) };
  }
  async execInspect(id: string) {
    const x = this.#exec(id);
    return { ID: id, Running: x.running, ExitCode: x.exitCode, ContainerID: x.containerId };
  }
  async containerInspect(ref: string, size = false) {
    return ops.containerInspect(await this.#containers(), ref, size);
  }
  async containerList(opts?: ContainerListOptions) {
    return ops.containerList(await this.#containers(), opts);
  }
  async containerChanges(ref: string) {
    return ops.containerDiff(await this.#containers(), ref);
  }
  async containerCommit(ref: string, opts: CommitOptions) {
    return ops.containerCommit(await this.#containers(), ref, opts);
  }
  async containerExport(ref: string): Promise<ByteStream> {
    return ops.containerExport(await this.#containers(), ref);
  }
  async containerArchiveHead(ref: string, path: string): Promise<PathStat> {
    return (await this.#archive(ref, path)).stat;
  }
  async containerArchiveGet(ref: string, path: string): Promise<{ stat: PathStat; archive: ByteStream }> {
    const { stat, entries } = await this.#archive(ref, path);
    // Generated as it is read: a filler file of hundreds of MB is never whole.
    return { stat, archive: fromChunks(tarChunks(entries)) };
  }
  async containerArchivePut(ref: string, path: string, archive: ByteStream, opts: { copyUIDGID?: boolean } = {}): Promise<void> {
    const svc = await this.#containers();
    const c = svc.get(ref);
    const view = await svc.archiveView(c, path);
    // moby daemon/archive.go: the destination must exist and be a directory.
    if (!(await view.fs.exists(view.path))) throw new EngineError('NotFound', `Could not find the file ${path} in container ${ref}`);
    // moby daemon/archive.go ErrVolumeReadonly.
    if (view.readOnly) throw new EngineError('Forbidden', 'mounted volume is marked read-only');
    // Read whole before anything is written, so a bad archive changes nothing (moby extracts as it reads; the files' bytes stay in the container anyway).
    await extractInto(view.fs, view.path, await readTarEntries(archive), opts.copyUIDGID ?? false);
    await svc.save(c.id, () => ({}));
  }
  async containerRemove(ref: string, opts?: { force?: boolean; volumes?: boolean }) {
    return (await this.#containers()).remove(ref, opts);
  }
  async containersPrune(filters?: Filters) {
    return ops.containersPrune(await this.#containers(), filters);
  }
  async containerRename(ref: string, name: string) {
    return ops.containerRename(await this.#containers(), ref, name);
  }
  async containerTop(ref: string) {
    return ops.containerTop(await this.#containers(), ref);
  }

  // Volumes: the files of a removed volume leave the container service's cache too.
  async volumeCreate(opts: VolumeCreateOptions) {
    const e = this.#engine;
    return volumeJson(await e.transact((d) => createVolume(d, opts, e.now(), e.random)));
  }
  async volumeInspect(name: string) {
    return inspectVolume(this.#engine.state, name);
  }
  async volumeList(filters?: Filters) {
    return listVolumes(this.#engine.state, filters).map(volumeJson);
  }
  async volumeRemove(name: string, force = false) {
    const svc = await this.#containers();
    await this.#engine.transact((d) => removeVolume(d, name, force));
    svc.volumes.drop(name);
  }
  async volumesPrune(filters: Filters = {}) {
    const svc = await this.#containers();
    const report = await this.#engine.transact((d) => pruneVolumes(d, filters, (v) => v.size));
    for (const name of report.VolumesDeleted ?? []) svc.volumes.drop(name);
    return report;
  }

  // Networks.
  async networkCreate(req: NetworkCreateRequest) {
    const e = this.#engine;
    return e.transact((d) => createNetwork(d, req, e.now(), e.random));
  }
  async networkInspect(ref: string) {
    return inspectNetwork(this.#engine.state, ref);
  }
  async networkList(filters?: Filters) {
    return listNetworks(this.#engine.state, filters);
  }
  async networkRemove(ref: string): Promise<void> {
    await this.#engine.transact((d) => removeNetwork(d, ref));
  }
  async networksPrune(filters?: Filters) {
    return this.#engine.transact((d) => pruneNetworks(d, filters));
  }
  async networkConnect(network: string, container: string, aliases: string[] = []) {
    const svc = await this.#containers();
    await this.#engine.transact((d) => {
      const c = asContainer(d.containers.get(svc.get(container).id)!);
      connectNetwork(d, network, c as unknown as Attached, aliases, this.#engine.random);
    });
  }
  async networkDisconnect(network: string, container: string) {
    const svc = await this.#containers();
    await this.#engine.transact((d) => {
      const c = asContainer(d.containers.get(svc.get(container).id)!);
      disconnectNetwork(d, network, c as unknown as Attached);
    });
  }

  // System.
  async info() {
    return systemInfo(this.#engine.state, this.#engine.now());
  }
  version() {
    return this.#engine.version();
  }
  ping(): Promise<PingResponse> {
    return this.#engine.ping();
  }
  async systemDf() {
    return diskUsage(this.#engine.state, this.#engine.now());
  }
  async events(): Promise<void> {
    throw new EngineError('NotImplemented', 'docker events is not simulated in Layerlab yet');
  }

  #exec(id: string): ExecRecord {
    const x = this.#execs.get(id);
    if (!x) throw new EngineError('NotFound', `No such exec instance: ${id}`);
    return x;
  }

  async #archive(ref: string, path: string) {
    const svc = await this.#containers();
    const view = await svc.archiveView(svc.get(ref), path);
    // Inside a volume the archive is still named after the container's path (`data/…`, not `/`).
    const named = view.path !== path && !path.endsWith('/.') ? baseName(path.replace(/\/+$/, '')) : undefined;
    return archivePath(view.fs, view.path, ref, named);
  }
}

function randomHex(random: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(random() * 16).toString(16);
  return s;
}
