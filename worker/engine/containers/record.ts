/**
 * The stored shape of a container: moby's container.Container reduced to
 * what the simulator needs, JSON-able so the store can keep it. `config` is
 * the API's container.Config exactly as the daemon keeps it after merging
 * the image defaults; `hostConfig` the subset of HostConfig we honour.
 */
import type { EndpointRecord } from '../network/endpoints.ts';
import type { ContainerRecord } from '../state.ts';
import type { ContainerMount, MountSpec } from './mounts.ts';

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

/** container.State as inspect shows it. */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** One line of output: [unix ms, 1 = stdout | 2 = stderr, text including its newline]. */
export type LogLine = [number, number, string];

/** A container as stored. */
export interface Container extends ContainerRecord {
  /** Creation time, unix ms. */
  created: number;
  /** The program and its arguments (Path, Args). */
  path: string;
  args: string[];
  config: ContainerConfig;
  hostConfig: HostConfig;
  status: ContainerStatus;
  exitCode: number;
  /** State.Error: the runtime error of a failed start. */
  error: string;
  /** Unix ms; 0 = never (Go's zero time). */
  startedAt: number;
  finishedAt: number;
  restartCount: number;
  /** The first network address while running (172.17.0.x on the default bridge); '' otherwise. */
  ip: string;
  /** NetworkSettings.Networks by network name (network/endpoints.ts); absent in records made before networks. */
  networks?: Record<string, EndpointRecord>;
  /** Pid of the simulated init process while running; 0 otherwise. */
  pid: number;
  /** Output lines, oldest first (the json-file log driver's contents). */
  logs: LogLine[];
  /** Regular-file bytes of the writable layer (SizeRw). */
  sizeRw: number;
  /** Volumes and binds (absent in records of older labs). */
  mounts?: ContainerMount[];
  /** `docker stop`/`kill` ended it: a restart policy other than `always` leaves it stopped. */
  manuallyStopped?: boolean;
}

/** The record as a {@link Container} (every record the containers service writes is one). */
export function asContainer(r: ContainerRecord): Container {
  return r as Container;
}

/** Go's zero time.Time in RFC 3339, as the daemon prints never-set times. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC3339Nano of a unix-ms time as Go prints it (trailing zeros of the fraction dropped). */
export function rfc3339Nano(ms: number): string {
  if (ms <= 0) return ZERO_TIME;
  const iso = new Date(ms).toISOString();
  const [head, frac] = [iso.slice(0, 19), iso.slice(20, 23).replace(/0+$/, '')];
  return frac ? `${head}.${frac}Z` : `${head}Z`;
}
