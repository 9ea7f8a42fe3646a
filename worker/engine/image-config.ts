/**
 * The OCI image config (application/vnd.oci.image.config.v1+json) and its canonical bytes.
 * An image's ID is the sha256 of exactly these bytes, so they are produced the way Docker
 * produces them. Both of Docker's writers marshal a Go struct and then re-marshal it
 * through a `map[string]json.RawMessage`: BuildKit's image exporter (patchImageConfig) and
 * moby's image.Image.MarshalJSON. So top-level keys come out sorted, while each value keeps
 * Go encoding/json of its struct: `config` in image-spec v1.1 ImageConfig order extended by
 * moby/docker-image-spec (User … StopSignal, ArgsEscaped, Healthcheck, OnBuild, Shell),
 * `history` entries in History order, omitempty honoured, map keys sorted, HTML-safe
 * escaping (<, >, & → \u003c…). Recorded from a real engine in test/registry/fixtures.
 */
import { encodeUtf8 } from './layer/utf8.ts';

/** HEALTHCHECK settings (Docker extension); durations in nanoseconds as Go marshals time.Duration. */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The `config` object: container defaults. Every field is optional (omitempty). */
export interface ContainerDefaults {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[];
  Shell?: string[];
}

/** One history entry; `empty_layer` marks steps without a filesystem diff. */
export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** OCI image config (image-spec v1.1 `Image` with the Docker config extensions). */
export interface ImageConfig {
  /** RFC 3339 (Go time.Time marshals as RFC3339Nano). */
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
  config: ContainerDefaults;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: HistoryEntry[];
  /**
   * Fields of moby's own image.Image (V1Image), present in configs the daemon writes for
   * `docker commit`, the legacy builder and `docker import`. Their presence switches
   * `canonicalConfigJson` to moby's serialization.
   */
  parent?: string;
  comment?: string;
  container?: string;
  container_config?: Record<string, unknown>;
  docker_version?: string;
}

/** Keys without omitempty in the Go structs: always written. */
const ALWAYS = new Set(['architecture', 'os', 'config', 'rootfs', 'type', 'diff_ids']);
const CONFIG_KEYS = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'] as const;
const HEALTH_KEYS = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const;
const HISTORY_KEYS = ['created', 'created_by', 'author', 'comment', 'empty_layer'] as const;

/** Go encoding/json string escaping (HTML-safe, as json.Marshal does by default). */
export function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function value(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(value).join(',') + ']';
  // Go marshals maps with keys sorted by byte order.
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => goJsonString(k) + ':' + value(o[k])).join(',') + '}';
}

function struct(o: object, keys: readonly string[], nested: Record<string, (v: never) => string> = {}): string {
  const rec = o as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of keys) {
    const v = rec[k];
    if (!ALWAYS.has(k) && isEmpty(v)) continue;
    const enc = nested[k];
    parts.push(goJsonString(k) + ':' + (enc ? enc(v as never) : value(v)));
  }
  return '{' + parts.join(',') + '}';
}

/** moby api/types/container.Config field order; the listed keys carry `omitempty`. */
const MOBY_CONFIG_KEYS = ['Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin', 'StdinOnce', 'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'NetworkDisabled', 'MacAddress', 'OnBuild', 'Labels', 'StopSignal', 'StopTimeout', 'Shell'] as const;
const MOBY_OMITEMPTY = new Set(['ExposedPorts', 'Healthcheck', 'ArgsEscaped', 'NetworkDisabled', 'MacAddress', 'StopSignal', 'StopTimeout', 'Shell']);
const MOBY_ZERO: Record<string, unknown> = { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false, Image: '', WorkingDir: '' };

/** moby api/types/container.Config as json.Marshal writes it (full struct, a few omitempty fields). */
export function mobyContainerConfig(c: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const k of MOBY_CONFIG_KEYS) {
    const v = c[k];
    if (MOBY_OMITEMPTY.has(k) && isEmpty(v)) continue;
    const enc = k === 'Healthcheck' ? struct(v as object, HEALTH_KEYS) : value(v ?? (k in MOBY_ZERO ? MOBY_ZERO[k] : null));
    parts.push(goJsonString(k) + ':' + enc);
  }
  return '{' + parts.join(',') + '}';
}

/**
 * Config JSON text exactly as Docker writes it (no trailing newline): sorted top-level
 * keys; `config` as the OCI/Docker ImageConfig struct, or as moby's full container.Config
 * when moby-only fields (parent, comment, container, container_config, docker_version)
 * mark a config the daemon itself wrote (commit, legacy build, import).
 */
export function canonicalConfigJson(config: ImageConfig): string {
  const rec = config as unknown as Record<string, unknown>;
  const moby = Boolean(config.parent || config.comment || config.container || config.container_config || config.docker_version);
  const enc: Record<string, (v: never) => string> = {
    config: (c: ContainerDefaults & Record<string, unknown>) =>
      moby ? mobyContainerConfig(c ?? {}) : struct(c ?? {}, CONFIG_KEYS, { Healthcheck: (h: HealthConfig) => struct(h, HEALTH_KEYS) }),
    container_config: (c: Record<string, unknown>) => mobyContainerConfig(c ?? {}),
    rootfs: (r: ImageConfig['rootfs']) => struct(r, ['type', 'diff_ids']),
    history: (h: HistoryEntry[]) => '[' + h.map((e) => struct(e, HISTORY_KEYS)).join(',') + ']',
  };
  const keys = Object.keys(rec).filter((k) => (ALWAYS.has(k) ? rec[k] !== undefined : !isEmpty(rec[k]))).sort();
  return '{' + keys.map((k) => goJsonString(k) + ':' + (enc[k] ? enc[k]!(rec[k] as never) : value(rec[k]))).join(',') + '}';
}

/** Canonical config bytes (UTF-8); the image ID is `digestOf` these bytes. */
export function canonicalConfigBytes(config: ImageConfig): Uint8Array {
  return encodeUtf8(canonicalConfigJson(config));
}
