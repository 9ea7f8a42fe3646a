/**
 * The Engine API's request and response shapes that the CLI and the engine
 * share (moby api/types): what crosses the boundary of design.md §2. They
 * live here, below both, so the CLI compiles against them without seeing the
 * engine that produces them (worker/cli/tsconfig.json).
 */
import type { Filters, ImageSummary } from '../engine/api-types.ts';

/** API container.Config (field order of moby api/types/container/config.go). */
export type ContainerConfig = {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  /** `--stop-timeout`: seconds `docker stop` waits by default (10 when unset). */
  StopTimeout?: number;
};

/** One published port binding (nat.PortBinding). */
export type PortBinding = { HostIp: string; HostPort: string };

/** container.RestartPolicy. */
export type RestartPolicy = { Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure'; MaximumRetryCount: number };

/** The HostConfig fields the simulator keeps (records of older labs lack the optional ones). */
export type HostConfig = {
  AutoRemove: boolean;
  PortBindings: Record<string, PortBinding[]>;
  /** `bridge` (the default), `none`, `host` or a user network's name; absent in records made before networks. */
  NetworkMode?: string;
  /** `-v src:dst[:mode]` as the CLI sent them; null when none. */
  Binds?: string[] | null;
  /** `--mount` specs as the CLI sent them. */
  Mounts?: MountSpec[];
  ReadonlyRootfs?: boolean;
  /** `--privileged` (only programs that check it, like docker:dind's, behave differently). */
  Privileged?: boolean;
  RestartPolicy?: RestartPolicy;
  /** `--tmpfs PATH[:OPTIONS]`. */
  Tmpfs?: Record<string, string>;
};

/** One line of output: [unix ms, 1 = stdout | 2 = stderr, text including its newline]. */
export type LogLine = [number, number, string];

/** API mount.Mount as `--mount` sends it (HostConfig.Mounts), omitempty fields absent. */
export type MountSpec = {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean };
};

/** The create request: API container.Config fields the CLI sets, and HostConfig. */
export interface CreateRequest {
  name?: string;
  config: Partial<ContainerConfig> & { Image: string };
  hostConfig?: Omit<Partial<HostConfig>, 'RestartPolicy'> & { RestartPolicy?: Partial<RestartPolicy> };
  /** HostConfig.ConsoleSize `[height, width]`: the terminal's size for `-t` (API 1.42+), so the tty is sized before the process starts. */
  consoleSize?: [number, number];
  /** NetworkingConfig: the `--network-alias` values of the container's network. */
  aliases?: string[];
  /** `--platform`: the image must be of this platform (os[/arch[/variant]]). */
  platform?: string;
}

/** One published or exposed port (api types container.Port). */
export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** `GET /containers/json` item. */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: PortSummary[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, unknown> };
  Mounts: unknown[];
}

/** The request of `POST /networks/create` the simulator honours. */
export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Labels?: Record<string, string>;
  /** IPAM.Config[0]. */
  Subnet?: string;
  Gateway?: string;
}

/** One row of `GET /networks` (what `network ls` reads). */
export interface NetworkSummary {
  Name: string;
  Id: string;
  Created: string;
  Driver: string;
  Scope: string;
  Internal: boolean;
  IPv6: boolean;
  Labels: Record<string, string>;
}

/** One image row of the disk usage. */
export interface DfImage {
  id: string;
  repoTags: string[];
  created: number;
  size: number;
  sharedSize: number;
  containers: number;
  /** The image's `GET /images/json` summary with SharedSize filled in, as `/system/df` gives it. */
  summary: ImageSummary;
}

/** One container row of the disk usage. */
export interface DfContainer {
  id: string;
  running: boolean;
  sizeRw: number;
}

/** One volume of the disk usage (volume.UsageData). */
export interface DfVolume {
  name: string;
  size: number;
  refCount: number;
}

/** One build cache record. */
export interface DfCache {
  id: string;
  size: number;
  shared: boolean;
  inUse: boolean;
  /** unix ms of the first and last build that used it; how many builds did. */
  createdAt: number;
  lastUsedAt: number;
  usage: number;
}

/** The disk usage of the lab. */
export interface DiskUsage {
  layersSize: number;
  images: DfImage[];
  containers: DfContainer[];
  volumes: DfVolume[];
  buildCache: DfCache[];
  /** BuildKit's BuilderSize: the cache's bytes no image shares. */
  builderSize: number;
  /** Every container as `docker ps -a -s` lists it (newest first), for the verbose view. */
  summaries: ContainerSummary[];
}

/** What `POST /volumes/prune` reports. */
export interface VolumesPruneReport {
  VolumesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** Options of `GET /containers/{id}/logs`. */
export interface LogsOptions {
  tail?: number;
  /** Called for each line (with the daemon's own RFC 3339 timestamp when it has one); `follow` keeps calling until the container stops. */
  onLine(line: LogLine, timestamp?: string): void;
  follow?: boolean;
}

/** `POST /containers/prune` response. */
export interface ContainersPruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** What `HEAD /containers/{id}/archive` reports about a path. */
export interface PathStat {
  name: string;
  isDir: boolean;
  size: number;
  mode: number;
}

/** Streams of an attached client. */
export interface AttachIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Input of `-i` (null = EOF). */
  stdin?: { read(): Promise<string | null> };
  /**
   * The terminal in raw mode, for `-it` against a real engine: the keys go
   * to the container's tty as typed. Engines that run `-it` line by line
   * (the simulator's TerminalSession) ignore it.
   */
  tty?: RawTty;
}

/**
 * The learner's terminal put in raw mode (docker/cli's SetRawTerminal):
 * while taken, every chunk of input goes to `onData` as the terminal sent
 * it (Ctrl-C is the byte 0x03, as real `docker run -it` sends it to the
 * container instead of signalling), and every resize to `onResize`.
 */
export interface RawTty {
  /** The terminal's size now. */
  size(): { cols: number; rows: number };
  /** Takes the input until the returned release is called. */
  take(onData: (data: string) => void, onResize: (cols: number, rows: number) => void): () => void;
}

/** One change, as `GET /containers/{id}/changes` returns it: Kind 0 = C, 1 = A, 2 = D. */
export interface ContainerChange {
  Path: string;
  Kind: 0 | 1 | 2;
}

/** Options of a commit (the API's query parameters). */
export interface CommitOptions {
  /** `repo[:tag]`, or '' for a dangling image. */
  reference?: string;
  comment?: string;
  author?: string;
  changes?: string[];
}

/** Options of the list. */
export interface ContainerListOptions {
  all?: boolean;
  limit?: number;
  size?: boolean;
  filters?: Filters;
}

/** Options of {@link createVolume}. */
export interface VolumeCreateOptions {
  /** '' or absent: an anonymous volume. */
  name?: string;
  driver?: string;
  labels?: Record<string, string>;
}

/** Options of an exec (API ExecConfig). */
export interface ExecOptions {
  cmd: string[];
  env?: string[];
  workdir?: string;
  user?: string;
  tty?: boolean;
  /** `-it`: a shell for the terminal instead of a run to completion (terminal.ts stores it line by line). */
  interactive?: boolean;
  /** `-d`: nobody waits for it; its writes are stored as a background program's are. */
  detach?: boolean;
  /** ExecConfig.ConsoleSize `[height, width]` for `-t` (API 1.42+): the tty is sized before the process starts. */
  consoleSize?: [number, number];
}
