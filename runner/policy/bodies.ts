/**
 * The smaller JSON bodies, each rebuilt from its allowed fields
 * (runner-security.md §2.3, §6.1): exec create and start, volume and
 * network create, network connect/disconnect.
 */
import { type Json, type JsonObject } from './json.ts';
import { forbid, malformed } from './refusal.ts';
import { fields, isZero, isZeroSize } from './schema.ts';
import type { SessionPolicy } from './types.ts';
import { checkContainerPath, checkName, mergeLabels } from './values.ts';

/**
 * POST /containers/{id}/exec. `Privileged` is refused: it gives the exec
 * process every capability even in an unprivileged container (HackTricks
 * "run a container then get a privileged session", §2.3). `User` is kept,
 * `0` included: root in the container is the container's own root (no
 * capabilities beyond the container's bounding set, no-new-privileges, the
 * session's sandbox), which `docker run` already grants by default.
 * `WorkingDir` under /proc is refused (CVE-2024-21626, §5.3 37).
 */
export function rebuildExec(body: Json): JsonObject {
  const f = fields(body, '', ['User', 'Privileged', 'Tty', 'ConsoleSize', 'AttachStdin', 'AttachStderr', 'AttachStdout', 'Detach', 'DetachKeys', 'Env', 'WorkingDir', 'Cmd']);
  f.zero('Privileged', 'is not allowed on this runner: privileged exec is root on the host');
  const cmd = f.strings('Cmd');
  if (!cmd || cmd.length === 0) malformed('Cmd is required');
  const out: JsonObject = {
    User: f.string('User', 256),
    Privileged: false,
    Tty: f.bool('Tty'),
  };
  const cs = f.raw('ConsoleSize');
  if (!isZeroSize(cs)) out.ConsoleSize = size2(cs!);
  Object.assign(out, {
    AttachStdin: f.bool('AttachStdin'),
    AttachStderr: f.bool('AttachStderr'),
    AttachStdout: f.bool('AttachStdout'),
    Detach: f.bool('Detach'),
    DetachKeys: detachKeys(f.string('DetachKeys', 64)),
    Env: f.strings('Env'),
  });
  const wd = f.string('WorkingDir');
  out.WorkingDir = wd === '' ? '' : checkContainerPath('WorkingDir', wd);
  out.Cmd = cmd;
  return out;
}

/** POST /exec/{id}/start: `{"Detach":…,"Tty":…,"ConsoleSize":…}`. */
export function rebuildExecStart(body: Json): { body: JsonObject; detach: boolean } {
  const f = fields(body, '', ['Detach', 'Tty', 'ConsoleSize']);
  const out: JsonObject = { Detach: f.bool('Detach'), Tty: f.bool('Tty') };
  const cs = f.raw('ConsoleSize');
  if (!isZeroSize(cs)) out.ConsoleSize = size2(cs!);
  return { body: out, detach: out.Detach === true };
}

function size2(v: Json): Json {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1000)) {
    malformed('ConsoleSize must be [height, width] within 0–1000');
  }
  return [v[0]!, v[1]!];
}

function detachKeys(v: string): string {
  if (v !== '' && !/^[a-z0-9-,@[\]\\^_]{1,64}$/.test(v)) malformed('invalid DetachKeys');
  return v;
}

/**
 * POST /volumes/create: driver `local` with NO DriverOpts — `o=bind,device=/`
 * is a host bind (the wollomatic bypass) and `type=nfs,o=addr=…` makes the
 * daemon mount as root (§2.3, §5.3 43). Labels forced.
 */
export function rebuildVolume(body: Json, session: SessionPolicy): JsonObject {
  const f = fields(body, '', ['Name', 'Driver', 'DriverOpts', 'Labels', 'ClusterVolumeSpec']);
  const driver = f.string('Driver', 64);
  if (driver !== '' && driver !== 'local') forbid(`volume driver ${JSON.stringify(driver)} is not allowed on this runner`);
  f.zero('DriverOpts', 'is not allowed on this runner: volume driver options can mount host paths');
  f.zero('ClusterVolumeSpec');
  const name = f.string('Name', 128);
  return { Name: name === '' ? '' : checkName('volume', name), Driver: 'local', Labels: mergeLabels(f.stringMap('Labels'), session.labels) };
}

/**
 * POST /networks/create: a plain `bridge` network with automatic IPAM and no
 * options — macvlan/ipvlan put containers on the host LAN and
 * `com.docker.network.bridge.*` options touch the host (§2.3, §5.3 43).
 * Only when the session has a network at all.
 */
export function rebuildNetwork(body: Json, session: SessionPolicy): JsonObject {
  if (session.network === 'none') forbid('networks cannot be created: this runner\'s containers have no network');
  const f = fields(body, '', [
    'Name', 'CheckDuplicate', 'Driver', 'Scope', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigOnly', 'ConfigFrom', 'Options', 'Labels',
  ]);
  const driver = f.string('Driver', 64);
  if (driver !== '' && driver !== 'bridge') forbid(`network driver ${JSON.stringify(driver)} is not allowed on this runner`);
  for (const k of ['Options', 'Ingress', 'ConfigOnly', 'ConfigFrom', 'Attachable', 'EnableIPv6']) f.zero(k);
  const scope = f.string('Scope', 16);
  if (scope !== '' && scope !== 'local') forbid(`network scope ${JSON.stringify(scope)} is not allowed on this runner`);
  const ipv4 = f.raw('EnableIPv4');
  if (ipv4 === false) forbid('EnableIPv4 false is not allowed on this runner');
  const ipam = f.struct('IPAM', ['Driver', 'Options', 'Config']);
  if (ipam) {
    const d = ipam.string('Driver', 32);
    if (d !== '' && d !== 'default') forbid(`IPAM driver ${JSON.stringify(d)} is not allowed on this runner`);
    ipam.zero('Options');
    ipam.zero('Config', 'is not allowed on this runner: subnets are assigned automatically');
  }
  return {
    Name: checkName('network', f.string('Name', 128)),
    Driver: 'bridge',
    Internal: f.bool('Internal'),
    Labels: mergeLabels(f.stringMap('Labels'), session.labels),
  };
}

/** POST /networks/{id}/connect|disconnect: the container, and for connect at most Aliases. */
export function rebuildConnect(body: Json, disconnect: boolean): JsonObject {
  if (disconnect) {
    const f = fields(body, '', ['Container', 'Force']);
    return { Container: checkName('container', f.string('Container', 128)), Force: f.bool('Force') };
  }
  const f = fields(body, '', ['Container', 'EndpointConfig']);
  const out: JsonObject = { Container: checkName('container', f.string('Container', 128)) };
  const ep = f.struct('EndpointConfig', [
    'IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen',
    'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
  ]);
  if (ep) {
    for (const k of ['IPAMConfig', 'Links', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames']) ep.zero(k);
    const aliases = ep.strings('Aliases', 16, 128);
    if (aliases && aliases.length) out.EndpointConfig = { Aliases: aliases.map((a) => checkName('alias', a)) };
  }
  return out;
}
