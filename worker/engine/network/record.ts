/**
 * The networks of the simulated daemon, kept in the store's `meta` record
 * `networks` (id → record), and the three networks every daemon has from the
 * start: `bridge` (docker0, 172.17.0.0/16), `host` and `none`. Until the
 * learner creates a network the predefined ones are not stored; their IDs are
 * fixed digests so that `docker network ls` shows the same IDs before and
 * after the first write.
 */
import { sha256Hex } from '../digest.ts';
import { EngineError } from '../errors.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import type { Draft, EngineState } from '../state.ts';
import type { Json } from '../../store/store.ts';

/** One network as stored (the fields of moby's network.Inspect the simulator keeps). */
export interface NetworkRecord {
  Name: string;
  Id: string;
  /** Unix ms. */
  Created: number;
  Driver: 'bridge' | 'host' | 'null';
  Internal: boolean;
  Attachable: boolean;
  /** IPv4 subnet and gateway (bridge networks only). */
  Subnet?: string;
  Gateway?: string;
  /** Whether the subnet/gateway were given (`--subnet`): then inspect shows only what was given. */
  GatewayGiven?: boolean;
  /** IPAM.Options: null for the predefined networks, {} for created ones. */
  IpamOptions: Record<string, string> | null;
  Options: Record<string, string>;
  Labels: Record<string, string>;
}

const META_KEY = 'networks';

/** The daemon's start time for the predefined networks' Created (the store has no record of it). */
const PREDEFINED_CREATED = Date.UTC(2025, 7, 1, 9, 0, 0, 123);

function fixedId(name: string): string {
  return sha256Hex(encodeUtf8(`layerlab predefined network ${name}`));
}

/** The networks a fresh daemon has (moby daemon/daemon_unix.go initBridgeDriver, libnetwork host/null drivers). */
export function predefinedNetworks(): NetworkRecord[] {
  const base = { Created: PREDEFINED_CREATED, Internal: false, Attachable: false, IpamOptions: null, Labels: {} };
  return [
    {
      ...base,
      Name: 'bridge',
      Id: fixedId('bridge'),
      Driver: 'bridge',
      Subnet: '172.17.0.0/16',
      Gateway: '172.17.0.1',
      Options: {
        'com.docker.network.bridge.default_bridge': 'true',
        'com.docker.network.bridge.enable_icc': 'true',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
        'com.docker.network.bridge.name': 'docker0',
        'com.docker.network.driver.mtu': '1500',
      },
    },
    { ...base, Name: 'host', Id: fixedId('host'), Driver: 'host', Options: {} },
    { ...base, Name: 'none', Id: fixedId('none'), Driver: 'null', Options: {} },
  ];
}

/** Names that are the predefined networks (moby runconfig.IsPreDefinedNetwork). */
export const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

/** Every network, by ID. */
export function networksOf(state: Pick<EngineState, 'meta'>): Map<string, NetworkRecord> {
  const stored = state.meta.get(META_KEY) as unknown as Record<string, NetworkRecord> | undefined;
  const list = stored ? Object.values(stored) : predefinedNetworks();
  return new Map(list.map((n) => [n.Id, n]));
}

/** Replaces the stored networks in a draft. */
export function putNetworks(draft: Draft, nets: ReadonlyMap<string, NetworkRecord>): void {
  draft.meta.set(META_KEY, Object.fromEntries(nets) as unknown as Json);
}

/**
 * moby's network lookup (daemon/network.go FindNetwork): full ID, then exact
 * name, then a unique ID prefix; otherwise `network X not found`.
 */
export function findNetwork(state: Pick<EngineState, 'meta'>, ref: string): NetworkRecord {
  const found = lookupNetwork(state, ref);
  if (!found) throw new EngineError('NotFound', `network ${ref} not found`);
  return found;
}

/** {@link findNetwork} without the error. */
export function lookupNetwork(state: Pick<EngineState, 'meta'>, ref: string): NetworkRecord | undefined {
  const nets = [...networksOf(state).values()];
  const byId = nets.find((n) => n.Id === ref);
  if (byId) return byId;
  const byName = nets.find((n) => n.Name === ref);
  if (byName) return byName;
  if (ref === '') return undefined;
  const byPrefix = nets.filter((n) => n.Id.startsWith(ref));
  if (byPrefix.length > 1) throw new EngineError('InvalidParameter', `network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  return byPrefix[0];
}
