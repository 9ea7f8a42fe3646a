/**
 * `GET /containers/json`: moby daemon/list.go — newest first, running only
 * unless `all`, `limit` counting every state, the filters status, name, id,
 * ancestor, exited, label, before, since — and the daemon-built pieces of
 * each summary: the State string (daemon/container/state.go String), the
 * Command, the Image as it was asked for (or the ID once that name points
 * elsewhere) and the port list of a running container.
 */
import { humanDuration } from '../../common/go-duration.ts';
import type { Filters } from '../api-types.ts';
import { mountPointJson } from './mounts.ts';
import { EngineError } from '../errors.ts';
import { matchLabels, validateFilters } from '../filters.ts';
import { getImage } from '../images/lookup.ts';
import { imageSize } from '../images/size.ts';
import type { EngineState } from '../state.ts';
import { attachmentsOf, networkMode } from '../network/endpoints.ts';
import { findContainer } from './lookup.ts';
import { asContainer, type Container } from './record.ts';
import type { PortSummary, ContainerSummary } from '../../engine-api/types.ts';
import type { ContainerListOptions } from '../../engine-api/types.ts';
export type { ContainerListOptions };
export type { PortSummary, ContainerSummary };

const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
const ACCEPTED = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];

/** The daemon's status text (`Up 3 seconds`, `Exited (0) 5 seconds ago`, `Created`). */
export function statusText(c: Container, now: number): string {
  if (c.status === 'restarting') return `Restarting (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
  if (c.running) return `Up ${humanDuration(now - c.startedAt)}${c.status === 'paused' ? ' (Paused)' : ''}`;
  if (c.startedAt === 0) return 'Created';
  if (c.finishedAt === 0) return '';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
}

/** The Command column's source (moby container/view.go): Path and Args, args with spaces in single quotes. */
export function commandOf(c: Container): string {
  if (c.args.length === 0) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

/** The ports a running container publishes or exposes. */
export function portsOf(c: Container): PortSummary[] {
  if (!c.running) return [];
  const out: PortSummary[] = [];
  const keys = new Set([...Object.keys(c.config.ExposedPorts ?? {}), ...Object.keys(c.hostConfig.PortBindings)]);
  // An empty HostPort gets an ephemeral port when the container starts (from 32768, the Linux default range).
  let ephemeral = 32768;
  for (const key of keys) {
    const [num, type = 'tcp'] = key.split('/');
    const priv = Number(num);
    const binds = c.hostConfig.PortBindings[key] ?? [];
    if (binds.length === 0) out.push({ PrivatePort: priv, Type: type });
    for (const b of binds) {
      const pub = b.HostPort === '' ? ephemeral++ : Number(b.HostPort.split('-')[0]);
      for (const ip of b.HostIp ? [b.HostIp] : ['0.0.0.0', '::']) out.push({ IP: ip, PrivatePort: priv, PublicPort: pub, Type: type });
    }
  }
  return out;
}

/** NetworkSettings.Networks of a summary: the container's attachments (moby container/view.go). */
function networkSummaries(state: EngineState, c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ep] of Object.entries(attachmentsOf(state, c))) {
    out[name] = {
      IPAMConfig: null, Links: null, Aliases: ep.Aliases, MacAddress: ep.MacAddress, NetworkID: ep.Joined ? ep.NetworkID : '', EndpointID: ep.EndpointID, Gateway: ep.Gateway, IPAddress: ep.IPAddress,
      IPPrefixLen: ep.IPPrefixLen, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DriverOpts: null, DNSNames: null,
    };
  }
  return out;
}

/** The `network` filter: a network name or the start of its ID (moby daemon/list.go). */
function onNetwork(state: EngineState, c: Container, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return Object.entries(attachmentsOf(state, c)).some(([name, ep]) => wanted.some((w) => w === name || (w !== '' && ep.NetworkID.startsWith(w))));
}

/** The summary of one container. */
export function summarize(state: EngineState, c: Container, now: number, size: boolean): ContainerSummary {
  let image = c.imageId;
  try {
    if (getImage(state, c.config.Image).image.id === c.imageId) image = c.config.Image;
  } catch {
    // The name is gone or invalid: moby shows the image ID.
  }
  const s: ContainerSummary = {
    Id: c.id,
    Names: ['/' + c.name],
    Image: image,
    ImageID: c.imageId,
    Command: commandOf(c),
    Created: Math.floor(c.created / 1000),
    Ports: portsOf(c),
    Labels: c.config.Labels,
    State: c.status,
    Status: statusText(c, now),
    HostConfig: { NetworkMode: networkMode(c) },
    NetworkSettings: { Networks: networkSummaries(state, c) },
    Mounts: (c.mounts ?? []).filter((m) => !m.unlisted).map(mountPointJson),
  };
  if (size) {
    const img = state.images.get(c.imageId);
    s.SizeRw = c.sizeRw;
    s.SizeRootFs = c.sizeRw + (img ? imageSize(state, img) : 0);
  }
  return s;
}

function regexMatch(patterns: readonly string[] | undefined, value: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => {
    try {
      return new RegExp(p).test(value);
    } catch {
      return false;
    }
  });
}

/** `GET /containers/json`. */
export function listContainers(state: EngineState, opts: ContainerListOptions, now: number): ContainerSummary[] {
  const f = opts.filters ?? {};
  validateFilters(f, ACCEPTED);
  for (const s of f.status ?? []) if (!STATES.includes(s)) throw new EngineError('InvalidParameter', `invalid filter 'status=${s}'`);
  const exited = (f.exited ?? []).map((v) => {
    if (!/^-?\d+$/.test(v)) throw new EngineError('InvalidParameter', `invalid filter 'exited=${v}'`);
    return Number(v);
  });
  const ancestors = new Set<string>();
  for (const a of f.ancestor ?? []) {
    try {
      ancestors.add(getImage(state, a).image.id);
    } catch {
      // moby skips ancestors it can't resolve
    }
  }
  const isAncestor = (imageId: string): boolean => {
    for (let id: string | undefined = imageId; id; id = state.images.get(id)?.parent) if (ancestors.has(id)) return true;
    return false;
  };
  const byTime = (ref: string) => findContainer(state, ref).created;
  const before = f.before?.[0] !== undefined ? byTime(f.before[0]) : undefined;
  const since = f.since?.[0] !== undefined ? byTime(f.since[0]) : undefined;
  const limit = opts.limit ?? -1;
  const all = opts.all || limit > 0 || exited.length > 0 || (f.status?.length ?? 0) > 0 || before !== undefined || since !== undefined;
  const list = [...state.containers.values()].map(asContainer).sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  const out: ContainerSummary[] = [];
  for (const c of list) {
    if (!all && !c.running) continue;
    if (f.status && !f.status.includes(c.status)) continue;
    if (exited.length > 0 && (c.status !== 'exited' || !exited.includes(c.exitCode))) continue;
    if (!regexMatch(f.name, '/' + c.name) || !regexMatch(f.id, c.id)) continue;
    if (f.ancestor && !isAncestor(c.imageId)) continue;
    if (!matchLabels(f.label, c.config.Labels)) continue;
    if (!onNetwork(state, c, f.network)) continue;
    // moby: a volume filter value names a mount's volume (or bind source) or its destination.
    if (f.volume && !(c.mounts ?? []).some((m) => f.volume!.some((v) => v === m.target || v === (m.type === 'volume' ? m.name : m.source)))) continue;
    if (before !== undefined && c.created >= before) continue;
    if (since !== undefined && c.created <= since) continue;
    out.push(summarize(state, c, now, opts.size ?? false));
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}
