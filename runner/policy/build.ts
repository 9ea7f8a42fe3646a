/**
 * POST /build: the query rebuilt (runner-security.md §2.4, §5.3 38).
 *
 * Only the legacy builder (`version=1`): BuildKit (`version=2`) needs the
 * `/session` hijack, a gRPC stream an HTTP policy cannot inspect (§2.3), its
 * entitlements allow `RUN --network=host` by default, and `# syntax=` runs
 * an arbitrary frontend image (CVE-2026-33747). The page's CLI builds with
 * the legacy builder when DOCKER_BUILDKIT=0 and the real CLI falls back to
 * it when the daemon offers no BuildKit.
 */
import { isObject, parseStrictJson } from './json.ts';
import { forbid, malformed } from './refusal.ts';
import { allowQuery, get, type Param } from './query.ts';
import type { SessionPolicy } from './types.ts';
import { checkImage, RESERVED_LABEL_PREFIX } from './values.ts';

const ALLOWED = [
  'dockerfile', 't', 'q', 'nocache', 'rm', 'forcerm', 'pull', 'buildargs', 'labels', 'target', 'cachefrom', 'networkmode', 'version',
  'platform', 'shmsize', 'memory', 'memswap', 'cpushares', 'cpuperiod', 'cpuquota', 'cpusetcpus', 'cpusetmems', 'cgroupparent', 'ulimits',
  'extrahosts', 'remote', 'isolation', 'outputs', 'squash', 'session', 'buildid', 'securityopt',
];
/** Parameters the CLI 20.10 always sends zeroed; refused unless zero. */
const ZERO_ONLY = ['shmsize', 'cpushares', 'cpuperiod', 'cpuquota', 'cpusetcpus', 'cpusetmems', 'cgroupparent', 'extrahosts', 'isolation', 'outputs', 'squash', 'session', 'buildid', 'securityopt', 'remote', 'platform'];
const COPIED = ['dockerfile', 't', 'q', 'nocache', 'rm', 'forcerm', 'pull', 'buildargs', 'labels', 'target', 'cachefrom'];

/** The rebuilt parameters for a learner's build query. */
export function rebuildBuildQuery(params: Param[], session: SessionPolicy): Param[] {
  allowQuery(params, ALLOWED, ['t']);
  for (const k of ZERO_ONLY) {
    const v = get(params, k);
    if (v !== undefined && v !== '' && v !== '0' && v !== 'false' && !(k === 'ulimits' && (v === 'null' || v === '[]'))) {
      forbid(`build option ${k} is not allowed on this runner`);
    }
  }
  const ul = get(params, 'ulimits');
  if (ul !== undefined && ul !== '' && ul !== 'null' && ul !== '[]') forbid('build option ulimits is not allowed on this runner');
  const version = get(params, 'version');
  if (version !== undefined && version !== '1') forbid('only the legacy builder (version=1) is allowed on this runner; BuildKit sessions cannot be inspected');
  const net = get(params, 'networkmode');
  if (net !== undefined && net !== '' && net !== 'default' && net !== 'none') forbid(`build networkmode ${JSON.stringify(net)} is not allowed on this runner`);
  for (const k of ['memory', 'memswap']) {
    const v = get(params, k);
    if (v !== undefined && v !== '' && v !== '0' && v !== '-1') forbid(`build option ${k} is forced on this runner`);
  }
  const args = jsonMap(get(params, 'buildargs'), 'buildargs', true);
  // BUILDKIT_SYNTAX and friends select frontends and BuildKit behaviour (§2.4).
  for (const k of Object.keys(args)) if (k.toUpperCase().startsWith('BUILDKIT_')) forbid(`build argument ${k} is not allowed on this runner`);
  const labels = jsonMap(get(params, 'labels'), 'labels', false);
  for (const k of Object.keys(labels)) if (k.toLowerCase().startsWith(RESERVED_LABEL_PREFIX)) forbid(`labels under ${RESERVED_LABEL_PREFIX} are reserved for the runner`);
  const cachefrom = get(params, 'cachefrom');
  if (cachefrom !== undefined && cachefrom !== '' && cachefrom !== '[]' && cachefrom !== 'null') {
    let list: unknown;
    try {
      list = JSON.parse(cachefrom);
    } catch {
      malformed('invalid cachefrom');
    }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) malformed('invalid cachefrom');
    for (const x of list as string[]) checkImage(x, 'cachefrom image');
  }
  const df = get(params, 'dockerfile');
  if (df !== undefined && (df.startsWith('/') || df.split('/').includes('..') || df.length > 1024)) forbid('the Dockerfile must be inside the build context');
  const out: Param[] = [];
  for (const p of params) {
    if (!COPIED.includes(p.key)) continue;
    if (p.key === 't') checkImage(p.value, 'tag');
    out.push(p);
  }
  // Forced: the legacy builder, the session's memory (no swap) and CPU quota
  // for every RUN step's container (build_routes.go newImageBuildOptions).
  const quota = Math.round(session.nanoCpus / 1e4);
  out.push(
    { key: 'networkmode', value: session.network === 'bridge' ? 'default' : 'none' },
    { key: 'memory', value: String(session.memoryBytes) },
    { key: 'memswap', value: String(session.memoryBytes) },
    { key: 'cpuperiod', value: '100000' },
    { key: 'cpuquota', value: String(quota) },
    { key: 'version', value: '1' },
  );
  return out;
}

function jsonMap(v: string | undefined, what: string, nullable: boolean): Record<string, unknown> {
  if (v === undefined || v === '' || v === 'null') return {};
  // Strict like the bodies: the daemon json-decodes these into maps.
  const o = parseStrictJson(new TextEncoder().encode(v));
  if (!isObject(o)) malformed(`invalid ${what}`);
  for (const x of Object.values(o)) if (!(typeof x === 'string' || (nullable && x === null))) malformed(`invalid ${what}`);
  return o;
}
