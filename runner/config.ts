/**
 * The runner's configuration: every RUNNER_* environment variable, parsed
 * strictly. A value that does not parse fails the start with one plain
 * sentence naming the variable, rather than falling back to something the
 * operator did not ask for (a typo in RUNNER_MEMORY must not mean "no limit").
 * runner/README.md documents each variable; keep the two in step.
 */
import { isAbsolute } from 'node:path';

/** Where session engines run. */
export type BackendName = 'local' | 'kubernetes';
/** Which OCI runtime runs the learner's containers: auto picks runsc where it works. */
export type RuntimeChoice = 'auto' | 'runc' | 'runsc';

/** The parsed configuration. */
export interface RunnerConfig {
  host: string;
  port: number;
  /** Exact origins (scheme://host[:port]) allowed to open sessions; empty refuses every browser. */
  allowedOrigins: readonly string[];
  backend: BackendName;
  dockerd: string;
  stateDir: string;
  runtime: RuntimeChoice;
  network: 'none' | 'bridge';
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  diskBytes: number | undefined;
  idleSeconds: number;
  ttlSeconds: number;
  maxSessions: number;
  sessionsPerIp: number;
  seedImages: readonly string[];
  registryMirror: string | undefined;
  reapSeconds: number;
  heartbeatSeconds: number;
  authSeconds: number;
  /** Messages (text and binary frames) a connection may send per second, sustained; twice that as a burst. */
  messagesPerSecond: number;
  /** Take the client address from the last X-Forwarded-For entry (only behind a trusted TLS proxy). */
  trustProxy: boolean;
}

/** A configuration error: the message is meant for the operator as is. */
export class ConfigError extends Error {}

/** Parses `env` (normally process.env). Throws ConfigError with a plain message on the first bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RunnerConfig {
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const v = get(name);
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v)) throw new ConfigError(`${name}=${v}: expected a whole number between ${min} and ${max}`);
    const n = Number(v);
    if (n < min || n > max) throw new ConfigError(`${name}=${v}: expected a whole number between ${min} and ${max}`);
    return n;
  };
  const oneOf = <T extends string>(name: string, dflt: T, allowed: readonly T[]): T => {
    const v = get(name);
    if (v === undefined) return dflt;
    if (!(allowed as readonly string[]).includes(v)) throw new ConfigError(`${name}=${v}: expected one of ${allowed.join(', ')}`);
    return v as T;
  };
  const size = (name: string, dflt: string | undefined, min: number): number | undefined => {
    const v = get(name) ?? dflt;
    if (v === undefined) return undefined;
    const n = parseBytes(v);
    if (n === null || n < min) throw new ConfigError(`${name}=${v}: expected a size such as 512m or 2g, at least ${min} bytes`);
    return n;
  };
  const path = (name: string, dflt: string): string => {
    const v = get(name) ?? dflt;
    if (!isAbsolute(v)) throw new ConfigError(`${name}=${v}: expected an absolute path`);
    return v;
  };

  const host = get('RUNNER_HOST') ?? '127.0.0.1';
  if (!/^[0-9A-Za-z.:-]+$/.test(host)) throw new ConfigError(`RUNNER_HOST=${host}: expected an address such as 127.0.0.1 or ::1`);
  const cpus = get('RUNNER_CPUS') ?? '1';
  if (!/^\d+(\.\d{1,3})?$/.test(cpus) || Number(cpus) <= 0 || Number(cpus) > 64) throw new ConfigError(`RUNNER_CPUS=${cpus}: expected a number of CPUs such as 1 or 0.5 (at most 64)`);
  const ttlSeconds = int('RUNNER_TTL_SECONDS', 3600, 1, 7 * 24 * 3600);
  const idleSeconds = int('RUNNER_IDLE_SECONDS', 600, 1, 7 * 24 * 3600);
  const mirror = get('RUNNER_REGISTRY_MIRROR');
  if (mirror !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(mirror)) throw new ConfigError(`RUNNER_REGISTRY_MIRROR=${mirror}: expected a URL such as https://mirror.example:5000`);
  const seeds = (get('RUNNER_SEED_IMAGES') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const s of seeds) if (!isAbsolute(s)) throw new ConfigError(`RUNNER_SEED_IMAGES: ${s} is not an absolute path to an image tar`);
  const trust = oneOf('RUNNER_TRUST_PROXY', 'false', ['true', 'false']);

  return {
    host,
    port: int('RUNNER_PORT', 8787, 0, 65535),
    allowedOrigins: parseOrigins(get('RUNNER_ALLOWED_ORIGINS')),
    backend: oneOf<BackendName>('RUNNER_BACKEND', 'local', ['local', 'kubernetes']),
    dockerd: path('RUNNER_DOCKERD', '/usr/sbin/dockerd'),
    stateDir: path('RUNNER_STATE_DIR', '/var/lib/layerlab-runner'),
    runtime: oneOf<RuntimeChoice>('RUNNER_RUNTIME', 'auto', ['auto', 'runc', 'runsc']),
    network: oneOf('RUNNER_NETWORK', 'none', ['none', 'bridge'] as const),
    memoryBytes: size('RUNNER_MEMORY', '512m', 6 * 1024 * 1024)!,
    nanoCpus: Math.round(Number(cpus) * 1e9),
    pidsLimit: int('RUNNER_PIDS', 256, 8, 100_000),
    diskBytes: size('RUNNER_DISK', undefined, 64 * 1024 * 1024),
    idleSeconds,
    ttlSeconds,
    maxSessions: int('RUNNER_MAX_SESSIONS', 8, 1, 10_000),
    sessionsPerIp: int('RUNNER_SESSIONS_PER_IP', 2, 1, 10_000),
    seedImages: seeds,
    registryMirror: mirror,
    reapSeconds: int('RUNNER_REAP_SECONDS', 60, 1, 86_400),
    heartbeatSeconds: int('RUNNER_HEARTBEAT_SECONDS', 20, 1, 3600),
    authSeconds: int('RUNNER_AUTH_SECONDS', 5, 1, 300),
    messagesPerSecond: int('RUNNER_MESSAGES_PER_SECOND', 400, 1, 1_000_000),
    trustProxy: trust === 'true',
  };
}

/**
 * Exact origins: each must be `scheme://host[:port]` with nothing after, as
 * a browser sends it (lower-case scheme and host, no default port, no path).
 * Anything else would never match a real Origin header, so it is an error
 * rather than a silent refusal of every browser.
 */
function parseOrigins(v: string | undefined): string[] {
  if (v === undefined) return [];
  const out: string[] = [];
  for (const raw of v.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new ConfigError(`RUNNER_ALLOWED_ORIGINS: ${raw} is not an origin such as https://lab.example.org`);
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== raw) {
      throw new ConfigError(`RUNNER_ALLOWED_ORIGINS: ${raw} is not an origin as browsers send it (expected ${u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : 'https://host[:port]'})`);
    }
    out.push(raw);
  }
  return out;
}

/** docker's RAMInBytes: a number with an optional b/k/m/g/t suffix (binary units), e.g. 512m. Null when it does not parse. */
export function parseBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)i?b?$/i.exec(v);
  if (!m) return null;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g' | 't'];
  const n = Math.floor(Number(m[1]) * mult);
  return Number.isSafeInteger(n) ? n : null;
}
