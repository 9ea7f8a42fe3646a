/**
 * A container's attachments to networks (its NetworkSettings.Networks): which
 * networks it joins (HostConfig.NetworkMode at create, `network connect`
 * later), and the endpoint each one gets while the container runs — an IPv4
 * address from the network's subnet, the MAC derived from it, an endpoint ID.
 * A stopped container keeps its attachments with the runtime fields emptied,
 * as moby does when it releases the sandbox.
 */
import { EngineError } from '../errors.ts';
import type { EngineState } from '../state.ts';
import { contains, ipString, lowestFree, macOf, parseIp, parseSubnet } from './ipam.ts';
import { findNetwork, networksOf, type NetworkRecord } from './record.ts';

/** One attachment as stored in the container record (moby network.EndpointSettings, reduced). */
export type EndpointRecord = {
  NetworkID: string;
  /** `--network-alias` values (null when none, as moby shows it). */
  Aliases: string[] | null;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
  /** Set once the container has started on the network: moby then shows NetworkID and DNSNames, also after a stop. */
  Joined?: boolean;
};

/** What the endpoint code reads of a container record. */
export interface Attached {
  id: string;
  name: string;
  running: boolean;
  hostConfig: { NetworkMode?: string };
  networks?: Record<string, EndpointRecord>;
}

/** The network mode of a container (`bridge` for records made before networks existed). */
export function networkMode(c: Attached): string {
  return c.hostConfig.NetworkMode || 'bridge';
}

/** An attachment before the container runs: only the network and the aliases. */
export function idleEndpoint(net: NetworkRecord, aliases: string[] | null): EndpointRecord {
  return { NetworkID: net.Id, Aliases: aliases, EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
}

/** The attachments of a container, by network name. */
export function attachmentsOf(state: Pick<EngineState, 'meta'>, c: Attached): Record<string, EndpointRecord> {
  if (c.networks) return c.networks;
  const net = findNetwork(state, networkMode(c));
  return { [net.Name]: idleEndpoint(net, null) };
}

/**
 * The attachments of a new container (`docker create --network X
 * --network-alias a`). moby refuses aliases on the default bridge
 * (daemon/container_operations.go: "network-scoped alias is supported only
 * for containers in user defined networks") and in host/none.
 */
export function createAttachments(state: Pick<EngineState, 'meta'>, mode: string, aliases: string[]): Record<string, EndpointRecord> {
  const net = findNetwork(state, mode === 'default' ? 'bridge' : mode);
  if (aliases.length > 0 && (net.Name === 'bridge' || net.Driver !== 'bridge')) {
    throw new EngineError('InvalidParameter', 'network-scoped alias is supported only for containers in user defined networks');
  }
  return { [net.Name]: idleEndpoint(net, aliases.length > 0 ? aliases : null) };
}

/** Addresses held by running containers on a network. */
function takenOn(state: EngineState, netId: string, except: string): Set<number> {
  const taken = new Set<number>();
  for (const r of state.containers.values()) {
    const c = r as unknown as Attached;
    if (!c.running || c.id === except) continue;
    for (const ep of Object.values(c.networks ?? {})) if (ep.NetworkID === netId && ep.IPAddress) taken.add(parseIp(ep.IPAddress)!);
  }
  return taken;
}

/** A 64-hex endpoint ID from the engine's random source. */
function endpointId(random: () => number): string {
  let s = '';
  while (s.length < 64) s += Math.floor(random() * 16).toString(16);
  return s;
}

/** The running endpoint of one attachment: the lowest free address of the network. */
export function allocate(state: EngineState, c: Attached, name: string, ep: EndpointRecord, random: () => number): EndpointRecord {
  const net = networksOf(state).get(ep.NetworkID);
  if (!net) throw new EngineError('NotFound', `network ${name} not found`);
  if (net.Driver !== 'bridge' || !net.Subnet || !net.Gateway) return { ...ep, EndpointID: endpointId(random), Joined: true };
  const subnet = parseSubnet(net.Subnet)!;
  const ip = lowestFree(subnet, parseIp(net.Gateway)!, takenOn(state, net.Id, c.id));
  if (ip === undefined) throw new EngineError('System', `no available IPv4 addresses on this network's address pools: ${net.Name} (${net.Id})`);
  const addr = ipString(ip);
  return { ...ep, EndpointID: endpointId(random), Gateway: net.Gateway, IPAddress: addr, IPPrefixLen: subnet.prefix, MacAddress: macOf(addr), Joined: true };
}

/** Every attachment of a starting container with its endpoint; `ip` is the first bridge address ('' in none/host). */
export function allocateAll(state: EngineState, c: Attached, random: () => number): { networks: Record<string, EndpointRecord>; ip: string } {
  const networks: Record<string, EndpointRecord> = {};
  let ip = '';
  for (const [name, ep] of Object.entries(attachmentsOf(state, c))) {
    networks[name] = allocate(state, c, name, ep, random);
    ip ||= networks[name].IPAddress;
  }
  return { networks, ip };
}

/** The attachments of a stopped container: runtime fields emptied. */
export function releaseAll(state: Pick<EngineState, 'meta'>, c: Attached): Record<string, EndpointRecord> {
  const out: Record<string, EndpointRecord> = {};
  for (const [name, ep] of Object.entries(attachmentsOf(state, c))) out[name] = { ...ep, EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
  return out;
}

/** The names other containers resolve to this one on a user network (moby DNSNames: name, aliases, short ID). */
export function dnsNames(c: Attached, ep: EndpointRecord): string[] {
  return [c.name, ...(ep.Aliases ?? []), c.id.slice(0, 12)];
}

/** Whether `ip` is inside the network's subnet. */
export function inNetwork(net: NetworkRecord, ip: number): boolean {
  const s = net.Subnet ? parseSubnet(net.Subnet) : undefined;
  return s !== undefined && contains(s, ip);
}

/** A published port as docker-proxy binds it. */
interface Binding {
  ip: string;
  port: number;
  proto: string;
}

function bindingsOf(c: { hostConfig: { PortBindings?: Record<string, Array<{ HostIp: string; HostPort: string }>> } }): Binding[] {
  const out: Binding[] = [];
  for (const [key, binds] of Object.entries(c.hostConfig.PortBindings ?? {})) {
    const proto = key.split('/')[1] ?? 'tcp';
    for (const b of binds) if (b.HostPort !== '') out.push({ ip: b.HostIp || '0.0.0.0', port: Number(b.HostPort.split('-')[0]), proto });
  }
  return out;
}

const ANY = new Set(['0.0.0.0', '::', '']);

/**
 * The error of a start whose published host port another running container
 * holds (libnetwork portmapper, recorded from Engine 26.1): the container
 * stays Created.
 */
export function portConflict(state: EngineState, c: Attached & { hostConfig: { PortBindings?: Record<string, Array<{ HostIp: string; HostPort: string }>> } }, endpointId: string): EngineError | undefined {
  const mine = bindingsOf(c);
  if (mine.length === 0) return undefined;
  for (const r of state.containers.values()) {
    const other = r as unknown as Attached & { hostConfig: { PortBindings?: Record<string, Array<{ HostIp: string; HostPort: string }>> } };
    if (!other.running || other.id === c.id) continue;
    for (const theirs of bindingsOf(other)) {
      const hit = mine.find((m) => m.port === theirs.port && m.proto === theirs.proto && (ANY.has(m.ip) || ANY.has(theirs.ip) || m.ip === theirs.ip));
      if (hit) {
        return new EngineError('System', `driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): Bind for ${hit.ip}:${hit.port} failed: port is already allocated`);
      }
    }
  }
  return undefined;
}
