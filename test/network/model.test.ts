/**
 * The network model without programs: libnetwork's default address pools and
 * lowest-free allocation (ipam.ts), the daemon's network operations and their
 * errors (operations.ts), and the lab's name resolution and routing (lab.ts)
 * from containers on a user network, the default bridge, `none`, and the host.
 */
import { describe, expect, it } from 'vitest';
import { draftOf, emptyState, stateOf, type EngineState } from '../../worker/engine/state.ts';
import { isEngineError } from '../../worker/engine/errors.ts';
import { lowestFree, macOf, nextPool, parseIp, parseSubnet, subnetString } from '../../worker/engine/network/ipam.ts';
import { allocateAll, createAttachments, releaseAll, type Attached } from '../../worker/engine/network/endpoints.ts';
import { connectNetwork, createNetwork, inspectNetwork, listNetworks, pruneNetworks, removeNetwork } from '../../worker/engine/network/operations.ts';
import { LabNetwork } from '../../worker/engine/network/lab.ts';
import type { Container } from '../../worker/engine/containers/record.ts';

/** One deterministic random source for every ID the tests make (IDs must differ, as the daemon's do). */
const random = ((): (() => number) => {
  let i = 0;
  return () => ((i++ * 7919) % 1009) / 1009;
})();
const seq = (): (() => number) => random;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isEngineError(err)) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

/** A state with user network `net1` (172.18.0.0/16). */
function withNet(): EngineState {
  const d = draftOf(emptyState());
  createNetwork(d, { Name: 'net1' }, 0, seq());
  return stateOf(d);
}

/** A running container record attached as `mode`, started in `state`. */
function start(state: EngineState, name: string, mode: string, aliases: string[] = []): EngineState {
  const c = {
    id: name.padEnd(64, '0'), name, imageId: '', running: false, hostConfig: { NetworkMode: mode, PortBindings: {}, AutoRemove: false },
    networks: createAttachments(state, mode, aliases), config: { Hostname: name.padEnd(12, '0').slice(0, 12), ExposedPorts: {} },
  } as unknown as Container;
  const { networks, ip } = allocateAll(state, c as unknown as Attached, seq());
  const d = draftOf(state);
  d.containers.set(c.id, { ...c, running: true, networks, ip } as never);
  return stateOf(d);
}

describe('ipam', () => {
  it('takes the first free default pool and the lowest free address', () => {
    expect(subnetString(nextPool([parseSubnet('172.17.0.0/16')!])!)).toBe('172.18.0.0/16');
    expect(subnetString(nextPool([parseSubnet('172.17.0.0/16')!, parseSubnet('172.19.0.0/16')!])!)).toBe('172.18.0.0/16');
    const s = parseSubnet('10.10.0.0/24')!;
    const gw = parseIp('10.10.0.1')!;
    expect(lowestFree(s, gw, new Set())).toBe(parseIp('10.10.0.2'));
    expect(lowestFree(s, gw, new Set([parseIp('10.10.0.2')!]))).toBe(parseIp('10.10.0.3'));
    expect(macOf('172.18.0.2')).toBe('02:42:ac:12:00:02');
  });
});

describe('network operations', () => {
  it('creates bridge networks on the next pool, refuses duplicates, overlaps and predefined names', () => {
    const d = draftOf(withNet());
    expect(inspectNetwork(stateOf(d), 'net1').IPAM).toEqual({ Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] });
    createNetwork(d, { Name: 'net2', Subnet: '10.1.0.0/24' }, 0, seq());
    expect(inspectNetwork(stateOf(d), 'net2').IPAM).toEqual({ Driver: 'default', Options: {}, Config: [{ Subnet: '10.1.0.0/24' }] });
    expect(errorOf(() => createNetwork(d, { Name: 'net1' }, 0, seq()))).toBe('Conflict: network with name net1 already exists');
    expect(errorOf(() => createNetwork(d, { Name: 'x', Subnet: '172.18.5.0/24' }, 0, seq()))).toBe('Forbidden: Pool overlaps with other one on this address space');
    expect(errorOf(() => createNetwork(d, { Name: 'x', Driver: 'nosuch' }, 0, seq()))).toBe('NotFound: plugin "nosuch" not found');
    expect(errorOf(() => removeNetwork(d, 'bridge'))).toBe('Forbidden: bridge is a pre-defined network and cannot be removed');
    expect(listNetworks(stateOf(d), { type: ['custom'] }).map((n) => n.Name).sort()).toEqual(['net1', 'net2']);
    expect(pruneNetworks(d)).toEqual(['net1', 'net2']);
    expect(listNetworks(stateOf(d)).map((n) => n.Name).sort()).toEqual(['bridge', 'host', 'none']);
  });

  it('keeps a network with a running container, frees addresses when containers stop', () => {
    let state = start(withNet(), 'web', 'net1');
    state = start(state, 'db', 'net1', ['database']);
    const ips = [...state.containers.values()].map((c) => (c as unknown as Container).ip).sort();
    expect(ips).toEqual(['172.18.0.2', '172.18.0.3']);
    expect(errorOf(() => removeNetwork(draftOf(state), 'net1'))).toMatch(/^Forbidden: error while removing network: network net1 id [0-9a-f]{64} has active endpoints$/);
    const web = state.containers.get('web'.padEnd(64, '0')) as unknown as Attached;
    expect(releaseAll(state, web).net1).toMatchObject({ IPAddress: '', EndpointID: '', Joined: true });
    // web stops: its address is the lowest free one again.
    const d = draftOf(state);
    d.containers.set(web.id, { ...(web as never as object), running: false, networks: releaseAll(state, web), ip: '' } as never);
    expect((start(stateOf(d), 'third', 'net1').containers.get('third'.padEnd(64, '0')) as unknown as Container).ip).toBe('172.18.0.2');
  });

  it('connects a running container to a second network at once', () => {
    let state = start(withNet(), 'web', 'bridge');
    const d = draftOf(state);
    const web = d.containers.get('web'.padEnd(64, '0')) as unknown as Attached;
    expect(errorOf(() => connectNetwork(d, 'bridge', web, [], seq()))).toBe('Forbidden: endpoint with name web already exists in network bridge');
    const after = connectNetwork(d, 'net1', web, [], seq());
    expect(Object.fromEntries(Object.entries(after.networks!).map(([k, v]) => [k, v.IPAddress]))).toEqual({ bridge: '172.17.0.2', net1: '172.18.0.2' });
  });
});

describe('lab routing', () => {
  const handler = async () => ({ status: 200, reason: 'OK', headers: [], body: new Uint8Array() });

  it('resolves names on user networks only, routes by address, reaches published ports from the host', () => {
    let state = start(withNet(), 'web', 'net1', ['www']);
    state = start(state, 'client', 'net1');
    state = start(state, 'lonely', 'bridge');
    state = start(state, 'sealed', 'none');
    const lab = new LabNetwork(() => state);
    const get = (n: string) => state.containers.get(n.padEnd(64, '0')) as unknown as Container;
    lab.listen(get('web').id, 80, handler);
    const from = (n: string) => ({ container: get(n) });
    expect(['web', 'www', 'WEB', 'web0000000000'.slice(0, 12), 'client', 'example.com', 'localhost'].map((h) => lab.resolve(from('client'), h))).toEqual([
      '172.18.0.2', '172.18.0.2', '172.18.0.2', '172.18.0.2', '172.18.0.3', undefined, '127.0.0.1',
    ]);
    expect(lab.resolve(from('lonely'), 'web')).toBeUndefined();
    expect(lab.resolve({ host: true }, 'web')).toBeUndefined();
    const kind = (r: ReturnType<LabNetwork['connect']>) => (r.ok ? `ok from ${r.client}` : r.error);
    expect(kind(lab.connect(from('client'), '172.18.0.2', 80))).toBe('ok from 172.18.0.3');
    expect(kind(lab.connect(from('client'), '172.18.0.2', 8080))).toBe('refused');
    expect(kind(lab.connect(from('web'), '127.0.0.1', 80))).toBe('ok from 127.0.0.1');
    expect(kind(lab.connect(from('client'), '127.0.0.1', 80))).toBe('refused');
    expect(kind(lab.connect(from('sealed'), '172.18.0.2', 80))).toBe('unreachable');
    expect(kind(lab.connect(from('client'), '93.184.216.34', 80))).toBe('unreachable');
    expect(kind(lab.connect({ host: true }, '172.18.0.2', 80))).toBe('ok from 172.18.0.1');
    // Nothing is published yet: localhost:8080 on the host is refused.
    expect(kind(lab.connect({ host: true }, '127.0.0.1', 8080))).toBe('refused');
    const d = draftOf(state);
    const web = get('web');
    d.containers.set(web.id, { ...web, hostConfig: { ...web.hostConfig, PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } } as never);
    state = stateOf(d);
    expect(kind(lab.connect({ host: true }, '127.0.0.1', 8080))).toBe('ok from 172.18.0.1');
    lab.closeAll(web.id);
    expect(kind(lab.connect({ host: true }, '127.0.0.1', 8080))).toBe('refused');
  });
});
