/**
 * The Engine API's network operations (moby daemon/network.go and
 * api/server/router/network): create, list, inspect, remove, connect,
 * disconnect and prune, over the networks of record.ts and the attachments
 * of endpoints.ts, with the daemon's error texts (recorded from Engine 26.1
 * in test/golden/fixtures/network.json).
 */
import type { Filters } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { matchLabels, validateFilters } from '../filters.ts';
import type { Draft, EngineState } from '../state.ts';
import { rfc3339Nano } from '../containers/record.ts';
import { allocate, attachmentsOf, idleEndpoint, type Attached, type EndpointRecord } from './endpoints.ts';
import { ipString, nextPool, overlaps, parseIp, parseSubnet, subnetString, type Subnet } from './ipam.ts';
import { findNetwork, lookupNetwork, networksOf, PREDEFINED, putNetworks, type NetworkRecord } from './record.ts';
import type { NetworkCreateRequest, NetworkSummary } from '../../engine-api/types.ts';
export type { NetworkCreateRequest, NetworkSummary };

/** Drivers a daemon has that the simulator does not run (bridge, host, null are built in). */
const OTHER_DRIVERS = new Set(['overlay', 'macvlan', 'ipvlan']);

function randomHex(random: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(random() * 16).toString(16);
  return s;
}

function usedSubnets(nets: Iterable<NetworkRecord>): Subnet[] {
  return [...nets].flatMap((n) => (n.Subnet ? [parseSubnet(n.Subnet)!] : []));
}

/** `POST /networks/create`: returns the new network's ID. */
export function createNetwork(draft: Draft, req: NetworkCreateRequest, now: number, random: () => number): string {
  const driver = req.Driver || 'bridge';
  const nets = networksOf(draft);
  if (PREDEFINED.has(req.Name)) throw new EngineError('Forbidden', `operation is not permitted on predefined ${req.Name} network `);
  if ([...nets.values()].some((n) => n.Name === req.Name)) throw new EngineError('Conflict', `network with name ${req.Name} already exists`);
  if (driver === 'host' || driver === 'null') throw new EngineError('Forbidden', `only one instance of "${driver}" network is allowed`);
  if (OTHER_DRIVERS.has(driver)) throw new EngineError('NotImplemented', `the ${driver} network driver is not simulated in Layerlab: networks use the bridge driver`);
  if (driver !== 'bridge') throw new EngineError('NotFound', `plugin "${driver}" not found`);
  let subnet: Subnet | undefined;
  if (req.Subnet !== undefined) {
    subnet = parseSubnet(req.Subnet);
    if (!subnet) throw new EngineError('InvalidParameter', `invalid CIDR address: ${req.Subnet}`);
    if (usedSubnets(nets.values()).some((u) => overlaps(u, subnet!))) throw new EngineError('Forbidden', 'Pool overlaps with other one on this address space');
  } else {
    subnet = nextPool(usedSubnets(nets.values()));
    if (!subnet) throw new EngineError('Forbidden', 'all predefined address pools have been fully subnetted');
  }
  let gateway = ipString(subnet.base + 1);
  if (req.Gateway !== undefined) {
    const g = parseIp(req.Gateway);
    if (g === undefined) throw new EngineError('InvalidParameter', `invalid gateway address ${req.Gateway} in Ipam configuration`);
    gateway = req.Gateway;
  }
  const rec: NetworkRecord = {
    Name: req.Name,
    Id: randomHex(random, 64),
    Created: now,
    Driver: 'bridge',
    Internal: req.Internal ?? false,
    Attachable: req.Attachable ?? false,
    Subnet: subnetString(subnet),
    Gateway: gateway,
    IpamOptions: {},
    Options: {},
    Labels: req.Labels ?? {},
  };
  // moby keeps the IPAM config as requested: a given subnet shows without the gateway it picked.
  if (req.Subnet !== undefined) rec.GatewayGiven = req.Gateway !== undefined;
  const next = new Map(nets);
  next.set(rec.Id, rec);
  putNetworks(draft, next);
  return rec.Id;
}

/** The containers attached to a network, with their attachment. */
function membersOf(state: EngineState, net: NetworkRecord): Array<{ c: Attached; ep: EndpointRecord }> {
  const out: Array<{ c: Attached; ep: EndpointRecord }> = [];
  for (const r of state.containers.values()) {
    const c = r as unknown as Attached;
    const ep = attachmentsOf(state, c)[net.Name];
    if (ep && ep.NetworkID === net.Id) out.push({ c, ep });
  }
  return out;
}

/** `GET /networks/{id}` (moby network.Inspect; API 1.51 adds EnableIPv4). */
export function inspectNetwork(state: EngineState, ref: string): Record<string, unknown> {
  const n = findNetwork(state, ref);
  const config: Array<Record<string, string>> = [];
  if (n.Subnet) config.push(n.GatewayGiven === false ? { Subnet: n.Subnet } : { Subnet: n.Subnet, Gateway: n.Gateway! });
  const containers: Record<string, unknown> = {};
  for (const { c, ep } of membersOf(state, n)) {
    if (!c.running) continue;
    containers[c.id] = { Name: c.name, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: ep.IPAddress ? `${ep.IPAddress}/${ep.IPPrefixLen}` : '', IPv6Address: '' };
  }
  return {
    Name: n.Name,
    Id: n.Id,
    Created: rfc3339Nano(n.Created),
    Scope: 'local',
    Driver: n.Driver,
    EnableIPv4: n.Driver === 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.IpamOptions, Config: n.Driver === 'bridge' ? config : null },
    Internal: n.Internal,
    Attachable: n.Attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: n.Options,
    Labels: n.Labels,
  };
}

const LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return value.includes(pattern);
  }
}

/** `GET /networks?filters=` (moby daemon/network/filter.go: name and id as patterns, type custom|builtin). */
export function listNetworks(state: EngineState, filters: Filters = {}): NetworkSummary[] {
  validateFilters(filters, LIST_FILTERS);
  for (const t of filters.type ?? []) if (t !== 'custom' && t !== 'builtin') throw new EngineError('InvalidParameter', `invalid filter: 'type'='${t}'`);
  const any = (key: string, test: (v: string) => boolean): boolean => !filters[key] || filters[key]!.some(test);
  const out: NetworkSummary[] = [];
  for (const n of networksOf(state).values()) {
    const builtin = PREDEFINED.has(n.Name);
    if (!any('name', (v) => matches(v, n.Name))) continue;
    if (!any('id', (v) => matches(v, n.Id))) continue;
    if (!any('driver', (v) => v === n.Driver)) continue;
    if (!any('scope', (v) => v === 'local')) continue;
    if (!any('type', (v) => (v === 'builtin') === builtin)) continue;
    if (!matchLabels(filters.label, n.Labels)) continue;
    if (filters.dangling && !any('dangling', (v) => (v === 'true' || v === '1') === (!builtin && !inUse(state, n)))) continue;
    out.push({ Name: n.Name, Id: n.Id, Created: rfc3339Nano(n.Created), Driver: n.Driver, Scope: 'local', Internal: n.Internal, IPv6: false, Labels: n.Labels });
  }
  return out;
}

/** Whether a running container has an endpoint on the network (moby: len(nw.Endpoints()) > 0). */
function inUse(state: EngineState, n: NetworkRecord): boolean {
  return membersOf(state, n).some(({ c }) => c.running);
}

/** `DELETE /networks/{id}`: the removed network's name. */
export function removeNetwork(draft: Draft, ref: string): string {
  const n = findNetwork(draft, ref);
  if (PREDEFINED.has(n.Name)) throw new EngineError('Forbidden', `${n.Name} is a pre-defined network and cannot be removed`);
  if (inUse(draft as unknown as EngineState, n)) throw new EngineError('Forbidden', `error while removing network: network ${n.Name} id ${n.Id} has active endpoints`);
  const next = new Map(networksOf(draft));
  next.delete(n.Id);
  putNetworks(draft, next);
  // Stopped containers keep naming the network (inspect shows it); their next start fails with `network X not found`, as moby's does.
  return n.Name;
}

/** `POST /networks/prune`: names of the removed networks. */
export function pruneNetworks(draft: Draft, filters: Filters = {}): string[] {
  validateFilters(filters, ['label', 'label!', 'until']);
  const removed: string[] = [];
  for (const n of [...networksOf(draft).values()].sort((a, b) => (a.Name < b.Name ? -1 : 1))) {
    if (PREDEFINED.has(n.Name) || inUse(draft as unknown as EngineState, n)) continue;
    if (!matchLabels(filters.label, n.Labels)) continue;
    if (filters['label!'] && filters['label!'].length > 0 && matchLabels(filters['label!'], n.Labels)) continue;
    removeNetwork(draft, n.Id);
    removed.push(n.Name);
  }
  return removed;
}

/** `POST /networks/{id}/connect`. */
export function connectNetwork(draft: Draft, netRef: string, c: Attached, aliases: string[], random: () => number): Attached {
  const n = findNetwork(draft, netRef);
  const current = attachmentsOf(draft, c);
  const modes = Object.keys(current);
  if (n.Driver === 'host' || modes.includes('host')) throw new EngineError('Forbidden', 'container cannot be disconnected from host network or connected to host network');
  if (n.Driver === 'null' || modes.includes('none')) throw new EngineError('Forbidden', 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
  if (current[n.Name]) throw new EngineError('Forbidden', `endpoint with name ${c.name} already exists in network ${n.Name}`);
  if (aliases.length > 0 && n.Name === 'bridge') throw new EngineError('InvalidParameter', 'network-scoped alias is supported only for containers in user defined networks');
  let ep = idleEndpoint(n, aliases.length > 0 ? aliases : null);
  if (c.running) ep = allocate(draft as unknown as EngineState, c, n.Name, ep, random);
  const next = { ...c, networks: { ...current, [n.Name]: ep } };
  draft.containers.set(c.id, next as never);
  return next;
}

/** `POST /networks/{id}/disconnect`. */
export function disconnectNetwork(draft: Draft, netRef: string, c: Attached): Attached {
  const n = lookupNetwork(draft, netRef);
  const current = attachmentsOf(draft, c);
  const name = n?.Name ?? netRef;
  if (!current[name]) {
    if (!n) throw new EngineError('NotFound', `network ${netRef} not found`);
    throw new EngineError('Forbidden', `container ${c.id} is not connected to network ${n.Name}`);
  }
  if (name === 'host') throw new EngineError('Forbidden', 'container cannot be disconnected from host network or connected to host network');
  const { [name]: _gone, ...rest } = current;
  const next = { ...c, networks: rest };
  draft.containers.set(c.id, next as never);
  return next;
}
