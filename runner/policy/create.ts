/**
 * POST /containers/create: a fresh body from allowed fields, the rest forced
 * (runner-security.md §2.1, §6.2 — "rebuild, don't filter").
 *
 * The CLI sends every HostConfig field, zeroed when unused, so a field we do
 * not copy is accepted only at its zero value and is then left out; a field
 * we force is written by us whatever the learner sent (a bound check would
 * accept 0, which means unlimited for Memory/NanoCpus/PidsLimit, §0 item 4).
 * Field lists follow moby api/types/container/{config,hostconfig}.go and
 * network/endpoint.go; a key outside them is refused (§5.3 17), which is also
 * what refuses root-level HostConfig fields (`{"Image":…,"Binds":[…]}`,
 * accepted by Engines before 29, §2.2 item 2).
 */
import { isObject, type Json, type JsonObject } from './json.ts';
import { forbid, malformed } from './refusal.ts';
import { fields, isZero, isZeroSize, type Fields } from './schema.ts';
import type { SessionPolicy } from './types.ts';
import { checkContainerPath, checkImage, checkName, mergeLabels } from './values.ts';

const CONFIG = [
  'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin', 'StdinOnce',
  'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'NetworkDisabled', 'MacAddress',
  'OnBuild', 'Labels', 'StopSignal', 'StopTimeout', 'Shell',
] as const;
const CREATE = [...CONFIG, 'HostConfig', 'NetworkingConfig'] as const;
const RESOURCES = [
  'CpuShares', 'Memory', 'NanoCpus', 'CgroupParent', 'BlkioWeight', 'BlkioWeightDevice', 'BlkioDeviceReadBps', 'BlkioDeviceWriteBps',
  'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps', 'CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime', 'CpusetCpus',
  'CpusetMems', 'Devices', 'DeviceCgroupRules', 'DeviceRequests', 'KernelMemory', 'KernelMemoryTCP', 'MemoryReservation', 'MemorySwap',
  'MemorySwappiness', 'OomKillDisable', 'PidsLimit', 'Ulimits', 'CpuCount', 'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth',
] as const;
const HOST_CONFIG = [
  'Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy', 'AutoRemove', 'VolumeDriver', 'VolumesFrom',
  'ConsoleSize', 'Annotations', 'CapAdd', 'CapDrop', 'CgroupnsMode', 'Dns', 'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd', 'IpcMode',
  'Cgroup', 'Links', 'OomScoreAdj', 'PidMode', 'Privileged', 'PublishAllPorts', 'ReadonlyRootfs', 'SecurityOpt', 'StorageOpt', 'Tmpfs',
  'UTSMode', 'UsernsMode', 'ShmSize', 'Sysctls', 'Runtime', 'Isolation', 'Capabilities', 'Mounts', 'MaskedPaths', 'ReadonlyPaths', 'Init',
  ...RESOURCES,
] as const;
const ENDPOINT = [
  'IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen',
  'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
] as const;
const HEALTHCHECK = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const;
const MOUNT = ['Type', 'Source', 'Target', 'ReadOnly', 'Consistency', 'BindOptions', 'VolumeOptions', 'ImageOptions', 'TmpfsOptions', 'ClusterOptions'] as const;

/** Capabilities dropped on top of the learner's CapDrop: Docker's default set minus these four (§6.2). */
export const FORCED_CAP_DROP = ['CAP_AUDIT_WRITE', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETFCAP'];
/** `nofile 1024:4096`, `core 0` (§2.5, §6.2); the learner may only lower them. */
export const FORCED_ULIMITS = [
  { Name: 'nofile', Soft: 1024, Hard: 4096 },
  { Name: 'core', Soft: 0, Hard: 0 },
];
/** /dev/shm: 64 MiB at most (§2.5). */
export const MAX_SHM = 64 * 1024 * 1024;
/** tmpfs mounts: 64 MiB at most each. */
export const MAX_TMPFS = 64 * 1024 * 1024;
/** Logs: the `local` driver, rotated (§2.1 LogConfig, §6.2). */
export const FORCED_LOG = { Type: 'local', Config: { 'max-size': '5m', 'max-file': '2' } };
/** StopTimeout above this delays teardown (§2.1). */
export const MAX_STOP_TIMEOUT = 10;

/** The rebuilt create body for `body` (the parsed learner body). */
export function rebuildCreate(body: Json, session: SessionPolicy): JsonObject {
  const top = fields(body, '', CREATE);
  const out: JsonObject = Object.create(null);
  copyConfig(top, out, session);
  const host = top.struct('HostConfig', HOST_CONFIG) ?? fields({}, 'HostConfig', HOST_CONFIG);
  const network = networkMode(host, session);
  out.HostConfig = rebuildHostConfig(host, session, network);
  const endpoints = endpointConfig(top, network);
  if (endpoints) out.NetworkingConfig = endpoints;
  return out;
}

function copyConfig(c: Fields, out: JsonObject, session: SessionPolicy): void {
  const image = c.string('Image', 512);
  if (!image) malformed('Image is required');
  out.Hostname = c.string('Hostname', 253);
  out.Domainname = c.string('Domainname', 253);
  out.User = c.string('User', 256);
  out.AttachStdin = c.bool('AttachStdin');
  out.AttachStdout = c.bool('AttachStdout');
  out.AttachStderr = c.bool('AttachStderr');
  const ports = c.raw('ExposedPorts');
  if (!isZero(ports)) out.ExposedPorts = emptyValueMap(c, 'ExposedPorts', /^[0-9]{1,5}(-[0-9]{1,5})?(\/(tcp|udp|sctp))?$/, 64);
  out.Tty = c.bool('Tty');
  out.OpenStdin = c.bool('OpenStdin');
  out.StdinOnce = c.bool('StdinOnce');
  out.Env = c.strings('Env');
  out.Cmd = c.strings('Cmd');
  const hc = c.struct('Healthcheck', HEALTHCHECK);
  if (hc) out.Healthcheck = healthcheck(hc);
  out.Image = checkImage(image);
  const vols = c.raw('Volumes');
  if (!isZero(vols)) {
    const v = emptyValueMap(c, 'Volumes', /^\//, 5);
    for (const p of Object.keys(v)) checkContainerPath('a volume path', p);
    out.Volumes = v;
  }
  const wd = c.string('WorkingDir');
  out.WorkingDir = wd === '' ? '' : checkContainerPath('WorkingDir', wd);
  out.Entrypoint = c.strings('Entrypoint');
  if (c.bool('NetworkDisabled')) out.NetworkDisabled = true;
  // Deprecated since API 1.44 (moved to EndpointSettings); a MAC address is
  // host-network state the learner has no use for.
  c.zero('MacAddress');
  // OnBuild only matters to `docker commit`'s image config; ArgsEscaped and Shell are Windows/builder fields.
  c.zero('OnBuild');
  c.zero('ArgsEscaped');
  c.zero('Shell');
  out.Labels = mergeLabels(c.stringMap('Labels'), session.labels);
  const signal = c.string('StopSignal', 32);
  if (signal) {
    if (!/^(SIG)?[A-Z0-9+-]{1,16}$|^[0-9]{1,2}$/.test(signal)) malformed('invalid StopSignal');
    out.StopSignal = signal;
  }
  if (c.has('StopTimeout')) {
    const t = c.int('StopTimeout');
    if (c.raw('StopTimeout') !== null) {
      if (t < 0 || t > MAX_STOP_TIMEOUT) forbid(`StopTimeout above ${MAX_STOP_TIMEOUT} seconds is not allowed on this runner`);
      out.StopTimeout = t;
    }
  }
}

/** A map whose values must be `{}` (ExposedPorts, Volumes). */
function emptyValueMap(c: Fields, name: string, key: RegExp, max: number): JsonObject {
  const v = c.raw(name);
  if (!isObject(v)) malformed(`${name} must be an object`);
  const keys = Object.keys(v);
  if (keys.length > max) forbid(`more than ${max} ${name} entries are not allowed on this runner`);
  const out: JsonObject = {};
  for (const k of keys) {
    if (!key.test(k)) malformed(`invalid ${name} entry ${JSON.stringify(k)}`);
    const e = v[k];
    if (!isObject(e) || Object.keys(e).length !== 0) malformed(`${name} values must be {}`);
    out[k] = {};
  }
  return out;
}

/** Healthcheck durations: 0 (inherit) or at least 1 s, so `Interval: 1` (1 ns) cannot storm (§5.3 33). */
function healthcheck(h: Fields): JsonObject {
  const out: JsonObject = { Test: h.strings('Test') };
  for (const d of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval'] as const) {
    const v = h.int(d);
    if (v !== 0 && v < 1_000_000_000) forbid(`Healthcheck.${d} below one second is not allowed on this runner`);
    if (v !== 0) out[d] = v;
  }
  const r = h.int('Retries');
  if (r < 0 || r > 100) malformed('Healthcheck.Retries out of range');
  if (r) out.Retries = r;
  return out;
}

/**
 * HostConfig.NetworkMode: the session's network. "", "default" and the
 * session's own mode are what the CLI sends; a learner's network on its
 * private engine is allowed only when the session has a network at all;
 * `host`, `container:<id>` and anything else are refused (§2.1, §5.3 25).
 */
function networkMode(h: Fields, session: SessionPolicy): string {
  const asked = h.string('NetworkMode', 128);
  if (asked === '' || asked === 'default' || asked === session.network) return session.network;
  if (asked === 'host' || asked.includes(':')) forbid(`NetworkMode ${JSON.stringify(asked)} is not allowed on this runner`);
  if (session.network === 'none') forbid(`NetworkMode ${JSON.stringify(asked)} is not allowed: this runner's containers have no network`);
  if (asked === 'none') return 'none';
  return checkName('network', asked);
}

function rebuildHostConfig(h: Fields, session: SessionPolicy, network: string): JsonObject {
  // Host escapes and isolation breakers (§2.1 first table): refused unless zero.
  h.zero('Privileged', 'is not allowed on this runner: privileged containers are root on the host');
  h.zero('CapAdd', 'is not allowed on this runner: no capabilities are added');
  h.zero('Devices', 'is not allowed on this runner: no host devices');
  h.zero('DeviceCgroupRules', 'is not allowed on this runner: no host devices');
  h.zero('DeviceRequests', 'is not allowed on this runner: no host devices');
  h.zero('SecurityOpt', 'is not allowed on this runner: security options are forced');
  h.zero('VolumesFrom');
  h.zero('VolumeDriver');
  h.zero('Links');
  h.zero('Annotations');
  h.zero('Sysctls');
  h.zero('Isolation');
  h.zero('Capabilities');
  h.zero('CgroupParent');
  h.zero('Cgroup');
  h.zero('PidMode', 'is not allowed on this runner: no shared PID namespaces');
  h.zero('UTSMode', 'is not allowed on this runner: no host UTS namespace');
  h.zero('UsernsMode', 'is not allowed on this runner: no host user namespace');
  h.zero('OomKillDisable');
  h.zero('OomScoreAdj');
  h.zero('ContainerIDFile');
  h.zero('StorageOpt');
  h.zero('Tmpfs');
  // Ports: the browser reaches the runner's WebSocket only, so a published
  // port would serve nobody but the host's network (§2.1: port squatting,
  // exposing learner services); refused rather than rewritten.
  h.zero('PortBindings', 'is not allowed on this runner: ports cannot be published');
  h.zero('PublishAllPorts', 'is not allowed on this runner: ports cannot be published');
  // ExtraHosts (`host-gateway` resolves to the host, §2.1) and DNS servers
  // (internal resolvers) have no use without a network: refused whole.
  h.zero('ExtraHosts');
  h.zero('Dns');
  h.zero('DnsOptions');
  h.zero('DnsSearch');
  // `null` means the daemon's masking of /proc/kcore, /proc/sysrq-trigger…; `[]` removes it (create_unix.go: only nil gets defaults).
  if (h.raw('MaskedPaths') != null) forbid('HostConfig.MaskedPaths is not allowed on this runner (the daemon default applies)');
  if (h.raw('ReadonlyPaths') != null) forbid('HostConfig.ReadonlyPaths is not allowed on this runner (the daemon default applies)');
  for (const r of [
    'CpuShares', 'BlkioWeight', 'BlkioWeightDevice', 'BlkioDeviceReadBps', 'BlkioDeviceWriteBps', 'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps',
    'CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime', 'CpusetCpus', 'CpusetMems', 'KernelMemory', 'KernelMemoryTCP',
    'MemoryReservation', 'CpuCount', 'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth',
  ]) h.zero(r, 'is not allowed on this runner: resources are forced');
  // The CLI sends -1 for "unset" (cli/command/container/opts.go).
  const swappiness = h.raw('MemorySwappiness');
  if (swappiness != null && swappiness !== -1) forbid('HostConfig.MemorySwappiness is not allowed on this runner');
  for (const ns of ['IpcMode', 'CgroupnsMode'] as const) {
    const v = h.string(ns, 64);
    if (v !== '' && v !== 'private') forbid(`HostConfig.${ns} ${JSON.stringify(v)} is not allowed on this runner`);
  }
  const runtime = h.string('Runtime', 64);
  if (runtime !== '' && runtime !== session.runtime) forbid(`HostConfig.Runtime ${JSON.stringify(runtime)} is not allowed on this runner`);

  const out: JsonObject = Object.create(null);
  out.Binds = binds(h.strings('Binds', 16, 4096));
  const mounts = h.raw('Mounts');
  if (!isZero(mounts)) out.Mounts = rebuildMounts(mounts!);
  out.NetworkMode = network;
  out.RestartPolicy = restartPolicy(h);
  out.AutoRemove = h.bool('AutoRemove');
  const console = h.raw('ConsoleSize');
  if (!isZeroSize(console)) out.ConsoleSize = consoleSize(console!, 'HostConfig.ConsoleSize');
  out.CapDrop = capDrop(h.strings('CapDrop', 64, 64));
  out.CgroupnsMode = 'private';
  out.IpcMode = 'private';
  const groups = h.strings('GroupAdd', 32, 64);
  if (groups && groups.length) out.GroupAdd = groups.map((g) => (/^[a-zA-Z0-9_.-]{1,64}$/.test(g) ? g : malformed('invalid GroupAdd entry')));
  out.ReadonlyRootfs = h.bool('ReadonlyRootfs');
  if (h.bool('Init')) out.Init = true;
  out.SecurityOpt = ['no-new-privileges=true'];
  out.ShmSize = bounded(h, 'ShmSize', MAX_SHM, MAX_SHM);
  out.LogConfig = logConfig(h);
  if (session.runtime) out.Runtime = session.runtime;
  out.Memory = bounded(h, 'Memory', session.memoryBytes, session.memoryBytes);
  // MemorySwap = Memory: no swap (-1 would be unlimited, 0 twice the memory).
  const swap = h.int('MemorySwap');
  if (swap !== 0 && swap !== out.Memory) forbid('HostConfig.MemorySwap is forced to the memory limit on this runner');
  out.MemorySwap = out.Memory;
  out.NanoCpus = bounded(h, 'NanoCpus', session.nanoCpus, session.nanoCpus);
  // PidsLimit ≤ 0 means unlimited (container_routes.go normalises it to nil): forced.
  out.PidsLimit = bounded(h, 'PidsLimit', session.pidsLimit, session.pidsLimit);
  out.Ulimits = ulimits(h);
  if (session.diskBytes) out.StorageOpt = { size: String(session.diskBytes) };
  return out;
}

/** A limit: the learner may ask for less (a lesson on `--memory`), never more, and ≤ 0 gets the session's value. */
function bounded(h: Fields, name: string, max: number, dflt: number): number {
  const v = h.int(name);
  if (v <= 0) return dflt;
  if (v > max) forbid(`HostConfig.${name} above the session limit (${max}) is not allowed on this runner`);
  return v;
}

/** `vol:/path[:ro|rw]` with a named volume on the session's private engine; a host path (anything starting with `/`, `.` or `~`) is refused (§2.1 Binds, §5.3 22). */
function binds(list: string[] | null): Json {
  if (!list || list.length === 0) return null;
  return list.map((b) => {
    const parts = b.split(':');
    const [src, dst, mode] = parts;
    if (parts.length < 2 || parts.length > 3) malformed(`invalid bind ${JSON.stringify(b)}`);
    // moby reads a source starting with `/` as a host path; `.`/`~` are the CLI's relative host paths.
    if (/^[/.~]/.test(src!) || src!.includes('/')) forbid(`bind mounts of host paths are not allowed on this runner (${JSON.stringify(src)}); use a named volume`);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(src!)) malformed(`invalid volume name ${JSON.stringify(src)}`);
    checkContainerPath('a volume target', dst!);
    if (dst === '/') forbid('a volume cannot replace the root directory');
    if (mode !== undefined && mode !== 'ro' && mode !== 'rw') forbid(`bind option ${JSON.stringify(mode)} is not allowed on this runner`);
    return b;
  });
}

/** Mounts: `volume` of a named volume without options, and `tmpfs` clamped; bind/npipe/cluster/image refused (§2.1 Mounts, §5.3 23). */
function rebuildMounts(v: Json): Json {
  if (!Array.isArray(v)) malformed('HostConfig.Mounts must be an array');
  if (v.length > 16) forbid('too many mounts');
  return v.map((m, i) => {
    const f = fields(m, `HostConfig.Mounts[${i}]`, MOUNT);
    const type = f.string('Type', 16);
    const target = checkContainerPath('a mount target', f.string('Target'));
    if (target === '/') forbid('a mount cannot replace the root directory');
    f.zero('BindOptions');
    f.zero('ImageOptions');
    f.zero('ClusterOptions');
    const c = f.string('Consistency', 16);
    if (c !== '' && c !== 'default' && c !== 'consistent' && c !== 'cached' && c !== 'delegated') malformed('invalid mount consistency');
    if (type === 'volume') {
      const src = f.string('Source', 128);
      if (src !== '') checkName('volume', src);
      const vo = f.struct('VolumeOptions', ['NoCopy', 'Labels', 'DriverConfig', 'Subpath']);
      if (vo) {
        vo.zero('DriverConfig', 'is not allowed on this runner: volume driver options can mount host paths');
        vo.zero('Subpath');
        vo.zero('Labels');
      }
      f.zero('TmpfsOptions');
      const out: JsonObject = { Type: 'volume', Source: src, Target: target, ReadOnly: f.bool('ReadOnly') };
      if (vo?.bool('NoCopy')) out.VolumeOptions = { NoCopy: true };
      return out;
    }
    if (type === 'tmpfs') {
      f.zero('Source');
      f.zero('VolumeOptions');
      const t = f.struct('TmpfsOptions', ['SizeBytes', 'Mode', 'Options']);
      // Options carry mount flags (`exec`, `suid`): refused.
      t?.zero('Options', 'is not allowed on this runner');
      const size = t?.int('SizeBytes') ?? 0;
      if (size > MAX_TMPFS) forbid(`tmpfs larger than ${MAX_TMPFS} bytes is not allowed on this runner`);
      const mode = t?.int('Mode') ?? 0;
      if (mode < 0 || mode > 0o7777) malformed('invalid tmpfs mode');
      const opts: JsonObject = { SizeBytes: size > 0 ? size : MAX_TMPFS };
      if (mode) opts.Mode = mode;
      return { Type: 'tmpfs', Target: target, ReadOnly: f.bool('ReadOnly'), TmpfsOptions: opts };
    }
    return forbid(`mounts of type ${JSON.stringify(type)} are not allowed on this runner`);
  });
}

/** `no` (and `on-failure` with few retries); `always`/`unless-stopped` outlive cleanup (§2.1, §5.3 30). */
function restartPolicy(h: Fields): JsonObject {
  const r = h.struct('RestartPolicy', ['Name', 'MaximumRetryCount']);
  const name = r?.string('Name', 32) ?? '';
  const count = r?.int('MaximumRetryCount') ?? 0;
  if (name === '' || name === 'no') {
    if (count !== 0) malformed('MaximumRetryCount needs the on-failure policy');
    return { Name: 'no', MaximumRetryCount: 0 };
  }
  if (name === 'on-failure' && count >= 0 && count <= 3) return { Name: 'on-failure', MaximumRetryCount: count };
  return forbid(`restart policy ${JSON.stringify(name)} is not allowed on this runner (no, or on-failure with at most 3 retries)`);
}

function consoleSize(v: Json, where: string): Json {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1000)) {
    malformed(`${where} must be [height, width] within 0–1000`);
  }
  return [v[0]!, v[1]!];
}

/** CapDrop: the learner's (spelt as the daemon normalises them, NormalizeLegacyCapabilities) plus the forced set. */
function capDrop(list: string[] | null): string[] {
  const out = new Set<string>();
  for (const c of list ?? []) {
    const up = c.toUpperCase();
    if (up === 'ALL') out.add('ALL');
    else if (/^(CAP_)?[A-Z_]{2,32}$/.test(up)) out.add(up.startsWith('CAP_') ? up : `CAP_${up}`);
    else malformed(`invalid capability ${JSON.stringify(c)}`);
  }
  if (out.has('ALL')) return ['ALL'];
  for (const c of FORCED_CAP_DROP) out.add(c);
  return [...out].sort();
}

function logConfig(h: Fields): JsonObject {
  const l = h.struct('LogConfig', ['Type', 'Config']);
  if (l) {
    l.zero('Type', 'is not allowed on this runner: logs use the local driver');
    l.zero('Config', 'is not allowed on this runner: logs use the local driver');
  }
  return { Type: FORCED_LOG.Type, Config: { ...FORCED_LOG.Config } };
}

/** Ulimits: only `nofile`/`core`, and only lower than the forced values (§2.5, §5.3 31). */
function ulimits(h: Fields): Json {
  const forced = new Map(FORCED_ULIMITS.map((u) => [u.Name, { ...u }]));
  const v = h.raw('Ulimits');
  if (!isZero(v)) {
    if (!Array.isArray(v)) malformed('HostConfig.Ulimits must be an array');
    for (const [i, u] of v.entries()) {
      const f = fields(u, `HostConfig.Ulimits[${i}]`, ['Name', 'Soft', 'Hard']);
      const name = f.string('Name', 32);
      const limit = forced.get(name);
      const soft = f.int('Soft');
      const hard = f.int('Hard');
      if (!limit || soft < 0 || hard < soft || hard > limit.Hard) forbid(`ulimit ${JSON.stringify(name)} ${soft}:${hard} is not allowed on this runner`);
      limit!.Soft = Math.min(soft, limit!.Soft);
      limit!.Hard = hard;
      limit!.Soft = Math.min(limit!.Soft, hard);
    }
  }
  return [...forced.values()].map((u) => ({ Name: u.Name, Soft: u.Soft, Hard: u.Hard }));
}

/**
 * NetworkingConfig: only an endpoint for the chosen network, with at most
 * Aliases (§2.1 NetworkingConfig, §5.3 35). The CLI 28 sends an empty
 * endpoint keyed "default"; forwarded only for a learner's own network.
 */
function endpointConfig(top: Fields, network: string): JsonObject | null {
  const nc = top.struct('NetworkingConfig', ['EndpointsConfig']);
  const eps = nc?.raw('EndpointsConfig');
  if (eps === undefined || eps === null) return null;
  if (!isObject(eps)) malformed('NetworkingConfig.EndpointsConfig must be an object');
  const names = Object.keys(eps);
  if (names.length === 0) return null;
  if (names.length > 1) forbid('a container joins one network on this runner');
  const name = names[0]!;
  const builtin = name === 'default' || name === network;
  if (!builtin) forbid(`network ${JSON.stringify(name)} is not the container's network`);
  const ep = fields(eps[name]!, `NetworkingConfig.EndpointsConfig.${name}`, ENDPOINT);
  for (const k of ENDPOINT) if (k !== 'Aliases') ep.zero(k);
  const aliases = ep.strings('Aliases', 16, 128);
  if (network === 'none' || network === 'bridge' || !aliases || aliases.length === 0) return null;
  return { EndpointsConfig: { [network]: { Aliases: aliases.map((a) => checkName('alias', a)) } } };
}
