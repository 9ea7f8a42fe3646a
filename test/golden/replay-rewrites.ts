/**
 * Documented rewrites that turn what the oracle recorded into what Docker 28.5
 * against Docker Hub prints for the same line, where the difference is known
 * exactly and is not the simulator's business:
 *
 * - registry names: the `pull-registry` scenario pulls `localhost:5000/<name>` from
 *   the oracle's registry; the simulator runs the same line with the Hub name
 *   `<name>` (the only registry it has), so `localhost:5000/` is dropped, the
 *   repository in "Pulling from" gets Hub's `library/`, and the reference the CLI
 *   prints last becomes `docker.io/library/<name>[:tag]`.
 * - image inspect shape: Engine 26.1 answers API 1.45; Docker 28.5 answers API 1.51,
 *   whose image-inspect `Config` is re-assembled as a map with alphabetical keys, the
 *   deprecated container.Config fields dropped, and emitted last
 *   (docker-reference §6, "1.50/1.51 on 28.3–28.5").
 * - DockerVersion: the engine version that committed/built an image.
 * - network inspect shape: API 1.48 (Docker 28.0) added `EnableIPv4` after `Driver`
 *   (moby api/types/network.Inspect); Engine 26.1 does not send it.
 * - busybox `ip addr`: the oracle's busybox is Debian's glibc build, which leaves out
 *   the `state UNKNOWN`/`state UP` that Alpine's musl build prints (busybox
 *   ipaddress.c prints IFLA_OPERSTATE only where IFF_DORMANT is defined).
 * - The host platform of the daemon's foreign-image warning: the oracle's CPU is
 *   x86-64-v4 (AVX-512), the simulated machine a common v3 one (engine/platform.ts).
 */
import { headerColumns, reflow } from './table-reflow.ts';

/** Engine versions differ by construction; both sides print `<version>` after this. */
export function maskDockerVersion(text: string): string {
  return text.replace(/("DockerVersion":\s*)"[^"]+"/g, '$1"<version>"');
}

/** The oracle's CPU level in the foreign-platform warning, as the simulated host's (see module comment). */
export function hostCpuLevel(text: string): string {
  return text.split('detected host platform (linux/amd64/v4)').join('detected host platform (linux/amd64/v3)');
}

/** The registry rewrite of a command line (see module comment). */
export function registryCmd(cmd: string): string {
  return cmd.split('localhost:5000/').join('');
}

/** The registry rewrite of recorded output (see module comment); tables are re-flowed after it. */
export function registryOutput(text: string): string {
  const dropRegistry = (t: string): string => t.split('localhost:5000/').join('');
  if (text.includes('\n') && headerColumns(text.split('\n')[0])) return reflow(text, dropRegistry);
  return dropRegistry(
    text
      .replace(/Pulling from ([a-z0-9._-]+)$/gm, 'Pulling from library/$1')
      .replace(/^localhost:5000\/([a-z0-9._-]+)((?::[\w.-]+)?)$/gm, 'docker.io/library/$1$2'),
  );
}

/** Config keys API 1.50+ no longer sends (deprecated container.Config fields, moby api/types/image). */
const DEPRECATED_CONFIG = new Set(['Hostname', 'Domainname', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'Tty', 'OpenStdin', 'StdinOnce', 'Image']);
/** Keys 28.3–28.5 always emit in Config, with their empty value. */
const ALWAYS_CONFIG: Record<string, null | string> = {
  Cmd: null,
  Entrypoint: null,
  Env: null,
  Labels: null,
  OnBuild: null,
  User: '',
  Volumes: null,
  WorkingDir: '',
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isSet(v: Json): boolean {
  if (v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** One image-inspect object from API 1.45 shape to API 1.51 shape (see module comment). */
export function inspectObjectToApi151(img: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(img)) if (k !== 'Config') out[k] = v;
  const old = (img.Config ?? {}) as Record<string, Json>;
  const config: Record<string, Json> = {};
  const keys = new Set(Object.keys(ALWAYS_CONFIG));
  for (const [k, v] of Object.entries(old)) if (!DEPRECATED_CONFIG.has(k) && isSet(v)) keys.add(k);
  for (const k of [...keys].sort()) config[k] = k in old ? old[k] : ALWAYS_CONFIG[k];
  out.Config = config;
  return out;
}

/**
 * Rewrites `docker image inspect` / `docker inspect` / `| jq` output of images
 * (a JSON array of objects with Id and RootFS) to API 1.51 shape, keeping the
 * printed style: 4-space indent (docker), 2-space (jq) or compact (`--format json`).
 * Any other text is returned unchanged.
 */
export function inspectToApi151(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.startsWith('[')) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return text;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return text;
  if (!parsed.every((o) => o !== null && typeof o === 'object' && 'Id' in o && 'RootFS' in o)) return text;
  const indent = trimmed.startsWith('[\n    ') ? 4 : trimmed.startsWith('[\n  ') ? 2 : 0;
  const upgraded = (parsed as Record<string, Json>[]).map(inspectObjectToApi151);
  return JSON.stringify(upgraded, null, indent || undefined) + text.slice(trimmed.length);
}

/** Sorts the lines of a text (for outputs whose line order real Docker leaves unspecified). */
export function sortLines(text: string): string {
  const end = text.endsWith('\n');
  const lines = (end ? text.slice(0, -1) : text).split('\n').sort();
  return lines.join('\n') + (end ? '\n' : '');
}

/** The network-inspect rewrite (see module comment): `EnableIPv4` after a bridge network's `Driver`. */
export function networkInspectToApi151(text: string): string {
  return text
    .replace(/^(\s*)"Driver": "bridge",\n(?=\s*"EnableIPv6")/gm, '$1"Driver": "bridge",\n$1"EnableIPv4": true,\n')
    .replace(/"Driver":"bridge","EnableIPv6"/g, '"Driver":"bridge","EnableIPv4":true,"EnableIPv6"');
}

/** The `ip addr` rewrite (see module comment): Alpine busybox's operational states. */
export function busyboxIpAddr(text: string): string {
  return text
    .replace(/^(\d+: lo: <[^>]*> mtu \d+ qdisc \w+) (qlen \d+)$/gm, '$1 state UNKNOWN $2')
    .replace(/^(\d+: eth\d+@if\d+: <[^>]*> mtu \d+ qdisc \w+) $/gm, '$1 state UP ');
}
