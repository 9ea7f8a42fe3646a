/**
 * The Docker Engine API as one interface: the boundary of design.md §2. The
 * docker CLI (worker/cli) drives an engine only through it, so the same
 * commands run against the simulated engine in the page
 * (worker/engine/simulated-api.ts, composed by worker/lab/lab.ts) or a real
 * daemon on a socket (worker/engine-client/http-engine.ts).
 *
 * One method per Engine API call, named after the object and verb
 * (`imageList` is `GET /images/json`), taking the call's query and body
 * fields and resolving to its JSON body. Errors are EngineErrors (the
 * daemon's `{"message": …}` with its status as `code`); the CLI alone turns
 * them into `Error response from daemon: …`.
 *
 * Streams: large bodies are ByteStreams (streams.md); progress bodies (pull,
 * load, build) arrive as callbacks per JSON message; attached output as
 * callbacks per chunk (AttachIo), already demultiplexed.
 */
import type { DeleteItem, Filters, HistoryItem, ImageListOptions, ImageSummary, ImagesPruneReport, JsonMessage, VersionResponse } from '../engine/api-types.ts';
import type { BuildOptions, BuildResult, BuildSink } from '../engine/builder/types.ts';
import type { ByteStream } from '../engine/stream.ts';
import type {
  AttachIo,
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
} from './types.ts';

/** `POST /images/create?fromSrc=`: how an imported tarball becomes an image. */
export interface ImageImportOptions {
  /** `repo[:tag]` to name the image, or '' for none. */
  reference: string;
  message: string;
  changes: string[];
  /** Where the tarball came from, as the API's fromSrc (`-` for an upload). */
  source: string;
}

/** `GET /images/search` options. */
export interface ImageSearchOptions {
  limit?: number;
  filters?: Filters;
}

/** One `GET /images/search` result (registry.SearchResult). */
export interface ImageSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated?: boolean;
}

/**
 * A process attached to the terminal with a TTY (`run -it`, `start -ai`,
 * `attach`, `exec -it`): the terminal feeds it lines, as the simulator's
 * shells run line by line.
 */
export interface TerminalSession {
  /** The prompt to show before the next line. */
  prompt(): string;
  /** Runs one typed line; `exitCode` is set when the process ended. `'\x04'` alone is Ctrl-D. */
  feed(line: string): Promise<{ stdout: string; stderr: string; exitCode?: number }>;
  /** Ctrl-C from the container's tty. */
  interrupt(): void;
  /** Ctrl-P Ctrl-Q: the process keeps running, detached. */
  detached(): Promise<void>;
}

/** A started (or attached) container process: its exit status, or a terminal session for `-it`. */
export interface AttachedProcess {
  /** Resolves to the exit code once the container stopped. */
  exited: Promise<number>;
  /** With a TTY and stdin at a terminal: the session to hand the terminal to. */
  terminal?: TerminalSession;
}

/** The result of `POST /exec/{id}/start`: the exit code, or the session of an `exec -it`. */
export type ExecStarted = { exitCode: number } | { terminal: TerminalSession };

/** The `GET /_ping` answer. */
export interface PingResponse {
  apiVersion: string;
  osType: string;
  builderVersion: string;
}

/** The Docker Engine API. */
export interface EngineApi {
  /**
   * The clock the client formats times against (`2 minutes ago`): the
   * simulated engine's injected clock, or the local clock for a remote one.
   */
  now(): number;

  // Images.
  /** `GET /images/json`. */
  imageList(opts?: ImageListOptions): Promise<ImageSummary[]>;
  /** `GET /images/{name}/json`. */
  imageInspect(name: string): Promise<Record<string, unknown>>;
  /** `GET /images/{name}/history`. */
  imageHistory(name: string): Promise<HistoryItem[]>;
  /** `POST /images/{name}/tag?repo=&tag=`. */
  imageTag(source: string, repo: string, tag: string): Promise<void>;
  /** `DELETE /images/{name}?force=&noprune=`. */
  imageRemove(name: string, opts?: { force?: boolean; noPrune?: boolean }): Promise<DeleteItem[]>;
  /** `POST /images/prune`. */
  imagesPrune(filters?: Filters): Promise<ImagesPruneReport>;
  /** `POST /images/create?fromImage=&tag=&platform=`: the pull's JSON messages, one callback each. */
  imagePull(fromImage: string, tag: string, onMessage: (m: JsonMessage) => void, platform?: string): Promise<void>;
  /** `GET /images/get?names=`: rejects before any byte when a name is unknown (streams.md). */
  imageSave(names: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ByteStream>;
  /** `POST /images/load`. */
  imageLoad(archive: ByteStream, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** `POST /images/create?fromSrc=-`: resolves to the new image's ID. */
  imageImport(archive: ByteStream, opts: ImageImportOptions): Promise<string>;
  /** `GET /images/search?term=`. */
  imageSearch(term: string, opts?: ImageSearchOptions): Promise<ImageSearchResult[]>;
  /** `POST /build`: a context tar; legacy JSON messages or BuildKit solve events go to `sink`. */
  imageBuild(context: Uint8Array, opts: BuildOptions, sink: BuildSink): Promise<BuildResult>;

  // Containers.
  /** `POST /containers/create?name=&platform=`. */
  containerCreate(req: CreateRequest): Promise<{ Id: string; Warnings: string[] }>;
  /**
   * `POST /containers/{id}/start`, attached first when `io` is given (the
   * CLI's attach-then-start of `run` and `start -a`); `terminal` asks for a
   * terminal session when the container has a TTY and open stdin.
   */
  containerStart(ref: string, io?: AttachIo, terminal?: boolean): Promise<AttachedProcess>;
  /** `POST /containers/{id}/stop?t=&signal=`. */
  containerStop(ref: string, opts?: { timeout?: number; signal?: string }): Promise<void>;
  /** `POST /containers/{id}/restart?t=&signal=`. */
  containerRestart(ref: string, opts?: { timeout?: number; signal?: string }): Promise<void>;
  /** `POST /containers/{id}/kill?signal=`. */
  containerKill(ref: string, signal?: string): Promise<void>;
  /** `POST /containers/{id}/pause`. */
  containerPause(ref: string): Promise<void>;
  /** `POST /containers/{id}/unpause`. */
  containerUnpause(ref: string): Promise<void>;
  /** `POST /containers/{id}/wait`: the exit code. */
  containerWait(ref: string): Promise<number>;
  /** `POST /containers/{id}/attach?stream=1`: a TTY container's terminal session when `terminal` and it has one. */
  containerAttach(ref: string, io: AttachIo, terminal?: boolean): Promise<AttachedProcess>;
  /** `POST /containers/{id}/resize?h=&w=`. */
  containerResize(ref: string, height: number, width: number): Promise<void>;
  /** `GET /containers/{id}/logs?stdout=1&stderr=1&timestamps=1&tail=&follow=`. */
  containerLogs(ref: string, opts: LogsOptions): Promise<void>;
  /** `POST /containers/{id}/exec`: the exec's ID; refused when the container can't take one. */
  execCreate(ref: string, opts: ExecOptions): Promise<string>;
  /** `POST /exec/{id}/start`, attached to `io` unless the exec is detached. */
  execStart(id: string, io: AttachIo): Promise<ExecStarted>;
  /** `GET /exec/{id}/json`. */
  execInspect(id: string): Promise<{ ID: string; Running: boolean; ExitCode: number | null; ContainerID: string }>;
  /** `GET /containers/{id}/json?size=`. */
  containerInspect(ref: string, size?: boolean): Promise<Record<string, unknown>>;
  /** `GET /containers/json`. */
  containerList(opts?: ContainerListOptions): Promise<ContainerSummary[]>;
  /** `GET /containers/{id}/changes`. */
  containerChanges(ref: string): Promise<ContainerChange[]>;
  /** `POST /commit?container=`: the new image's ID. */
  containerCommit(ref: string, opts: CommitOptions): Promise<string>;
  /** `GET /containers/{id}/export`. */
  containerExport(ref: string): Promise<ByteStream>;
  /** `HEAD /containers/{id}/archive?path=`: the X-Docker-Container-Path-Stat header. */
  containerArchiveHead(ref: string, path: string): Promise<PathStat>;
  /** `GET /containers/{id}/archive?path=`: the path's stat and a tar of it, streamed (a file may be hundreds of MB). */
  containerArchiveGet(ref: string, path: string): Promise<{ stat: PathStat; archive: ByteStream }>;
  /** `PUT /containers/{id}/archive?path=&copyUIDGID=`: extracts a streamed tar into the directory `path`. */
  containerArchivePut(ref: string, path: string, archive: ByteStream, opts?: { copyUIDGID?: boolean }): Promise<void>;
  /** `DELETE /containers/{id}?force=&v=`. */
  containerRemove(ref: string, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  /** `POST /containers/prune`. */
  containersPrune(filters?: Filters): Promise<ContainersPruneReport>;
  /** `POST /containers/{id}/rename?name=`. */
  containerRename(ref: string, name: string): Promise<void>;
  /** `GET /containers/{id}/top?ps_args=`: the simulated engine lists its processes one way, whatever the arguments. */
  containerTop(ref: string, psArgs?: readonly string[]): Promise<{ Titles: string[]; Processes: string[][] }>;

  // Volumes.
  /** `POST /volumes/create`: the volume's JSON. */
  volumeCreate(opts: VolumeCreateOptions): Promise<Record<string, unknown>>;
  /** `GET /volumes/{name}`. */
  volumeInspect(name: string): Promise<Record<string, unknown>>;
  /** `GET /volumes?filters=`: the Volumes array. */
  volumeList(filters?: Filters): Promise<Array<Record<string, unknown>>>;
  /** `DELETE /volumes/{name}?force=`. */
  volumeRemove(name: string, force?: boolean): Promise<void>;
  /** `POST /volumes/prune`. */
  volumesPrune(filters?: Filters): Promise<VolumesPruneReport>;

  // Networks.
  /** `POST /networks/create`: the new network's ID. */
  networkCreate(req: NetworkCreateRequest): Promise<string>;
  /** `GET /networks/{id}`. */
  networkInspect(ref: string): Promise<Record<string, unknown>>;
  /** `GET /networks?filters=`. */
  networkList(filters?: Filters): Promise<NetworkSummary[]>;
  /** `DELETE /networks/{id}`. */
  networkRemove(ref: string): Promise<void>;
  /** `POST /networks/prune`: the removed networks' names. */
  networksPrune(filters?: Filters): Promise<string[]>;
  /** `POST /networks/{id}/connect`. */
  networkConnect(network: string, container: string, aliases?: string[]): Promise<void>;
  /** `POST /networks/{id}/disconnect`. */
  networkDisconnect(network: string, container: string): Promise<void>;

  // System.
  /** `GET /info`. */
  info(): Promise<Record<string, unknown>>;
  /** `GET /version`. */
  version(): Promise<VersionResponse>;
  /** `GET /_ping` and its headers. */
  ping(): Promise<PingResponse>;
  /** `GET /system/df`. */
  systemDf(): Promise<DiskUsage>;
  /** `GET /events?since=&until=&filters=`: each event's JSON until `signal` aborts or `until` passes. */
  events(opts: { since?: string; until?: string; filters?: Filters; signal?: AbortSignal }, onEvent: (e: Record<string, unknown>) => void): Promise<void>;
}
