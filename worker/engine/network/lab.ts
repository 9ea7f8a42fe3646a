/**
 * The lab's network at run time: which programs listen on which port of
 * which container, and where a connection from a container or from the
 * learner's host shell ends up — Docker's name resolution and routing,
 * reduced to what a learner can observe:
 *
 * - names: `localhost` and the container's own hostname come from its
 *   /etc/hosts; on a user-defined network the embedded DNS (127.0.0.11)
 *   answers the names, aliases and short IDs of the running containers on
 *   the networks the asker shares with them; everything else would need the
 *   host's DNS, and the lab is offline, so it does not resolve (on the
 *   default bridge container names never resolve);
 * - addresses: 127.0.0.0/8 and the container's own addresses are itself; a
 *   running container's address is reachable from containers on the same
 *   network and from the host; a network's gateway is the host, where
 *   published ports lead to their containers (docker-proxy); a container on
 *   `--network none` has only loopback ("Network is unreachable"); any other
 *   address is the outside world, unreachable offline.
 *
 * Servers are programs: nginx or busybox httpd call `listen` while they run.
 */
import type { EngineState } from '../state.ts';
import { portsOf } from '../containers/list.ts';
import { asContainer, type Container } from '../containers/record.ts';
import { attachmentsOf, dnsNames, type Attached } from './endpoints.ts';
import type { HttpHandler } from './http.ts';
import { parseIp } from './ipam.ts';
import { networksOf } from './record.ts';

/** Where a connection attempt ended. */
export type ConnectResult =
  | { ok: true; handler: HttpHandler; /** The address connected to. */ address: string; /** The client's address as the server sees it. */ client: string }
  | { ok: false; error: 'refused' | 'unreachable'; address: string; /** The container that refused (nothing listens on the port). */ target?: string };

/** Who connects: a container (by ID) or the learner's host shell. */
export type Origin = { container: Container } | { host: true };

/** One network interface of a container, as `ip addr` shows it. */
export interface NetInterface {
  name: string;
  ip: string;
  prefix: number;
  mac: string;
  gateway: string;
}

/** The network a process sees (ProcessSpec.network). */
export interface ProcessNetwork {
  /** The container's first address ('' without a network). */
  ip: string;
  /** True when the container has only loopback (`--network none`). */
  none?: boolean;
  /** eth0, eth1… in attachment order. */
  interfaces?: NetInterface[];
  /** Starts listening on a TCP port; returns the function that stops it. */
  listen?(port: number, handler: HttpHandler): () => void;
  /** Resolves a host name as the container's resolver does; undefined = no such host. */
  resolve?(host: string): string | undefined;
  /** What the container's DNS server answers for a name (the embedded DNS of user networks; nothing else is reachable offline). */
  dns?(name: string): string | undefined;
  /** Whether an ICMP echo to the address comes back (ping). */
  ping?(address: string): 'reply' | 'unreachable' | 'lost';
  /** Opens a connection to host:port (host already resolved to an address). */
  connect?(address: string, port: number): ConnectResult | Promise<ConnectResult>;
}

const labs = new WeakMap<object, LabNetwork>();

/** The lab network of an engine (one per engine, created on first use). */
export function labNetwork(engine: { state: EngineState }): LabNetwork {
  let lab = labs.get(engine);
  if (!lab) {
    lab = new LabNetwork(() => engine.state);
    labs.set(engine, lab);
  }
  return lab;
}

function running(state: EngineState): Container[] {
  return [...state.containers.values()].map(asContainer).filter((c) => c.running);
}

/** The network side of the lab. */
export class LabNetwork {
  readonly #state: () => EngineState;
  /** container ID → port → handler. */
  readonly #listeners = new Map<string, Map<number, HttpHandler>>();
  /** Containers whose programs are still starting: real time until which a refused connection waits for a listen. */
  readonly #starting = new Map<string, { until: number; wake: Array<() => void> }>();

  constructor(state: () => EngineState) {
    this.#state = state;
  }

  /**
   * A container's main process was just started. Its server may still be
   * loading (a program's module is fetched on first use) when the next
   * command connects: for a short real-time window a refused connection waits
   * for the container's next listen, as a learner typing the next command
   * would give the server that moment.
   */
  starting(containerId: string, windowMs = 2000): void {
    this.#starting.set(containerId, { until: Date.now() + windowMs, wake: [] });
  }

  /** Registers a listening program; the returned function closes the socket. */
  listen(containerId: string, port: number, handler: HttpHandler): () => void {
    let ports = this.#listeners.get(containerId);
    if (!ports) this.#listeners.set(containerId, (ports = new Map()));
    ports.set(port, handler);
    // The server is up: connections to the container no longer wait.
    const start = this.#starting.get(containerId);
    this.#starting.delete(containerId);
    if (start) for (const w of start.wake.splice(0)) w();
    return () => {
      if (ports.get(port) === handler) ports.delete(port);
    };
  }

  /** Closes every socket of a container (its processes ended). */
  closeAll(containerId: string): void {
    this.#listeners.delete(containerId);
    const start = this.#starting.get(containerId);
    this.#starting.delete(containerId);
    if (start) for (const w of start.wake.splice(0)) w();
  }

  /** {@link connect}, waiting for a starting container's server (see {@link starting}). */
  async connectWhenReady(from: Origin, address: string, port: number): Promise<ConnectResult> {
    for (;;) {
      const r = this.connect(from, address, port);
      const start = !r.ok && r.target ? this.#starting.get(r.target) : undefined;
      const left = start ? start.until - Date.now() : 0;
      if (!start || left <= 0) return r;
      const timers = globalThis as unknown as { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(t: unknown): void };
      await new Promise<void>((resolve) => {
        const t = timers.setTimeout(() => {
          this.#starting.delete(r.ok ? '' : r.target!);
          resolve();
        }, left);
        start.wake.push(() => {
          timers.clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Whether something listens on the container's port. */
  listening(containerId: string, port: number): boolean {
    return this.#listeners.get(containerId)?.has(port) ?? false;
  }

  /** The interfaces of a container (its attachments with an address). */
  interfaces(c: Container): NetInterface[] {
    const out: NetInterface[] = [];
    for (const ep of Object.values(attachmentsOf(this.#state(), c as unknown as Attached))) {
      if (ep.IPAddress) out.push({ name: `eth${out.length}`, ip: ep.IPAddress, prefix: ep.IPPrefixLen, mac: ep.MacAddress, gateway: ep.Gateway });
    }
    return out;
  }

  /** Name resolution from a container or the host (see the module comment). */
  resolve(from: Origin, host: string): string | undefined {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (parseIp(name) !== undefined) return name;
    if (name === 'localhost') return '127.0.0.1';
    if ('host' in from) return undefined;
    const c = this.#current(from.container);
    if (name === c.config.Hostname.toLowerCase()) return c.ip || '127.0.0.1';
    return this.dns(c, name);
  }

  /** The embedded DNS server's answer for a container on user networks (names, aliases, short IDs of running containers). */
  dns(c: Container, host: string): string | undefined {
    const name = host.toLowerCase().replace(/\.$/, '');
    const state = this.#state();
    const nets = networksOf(state);
    for (const [netName, ep] of Object.entries(attachmentsOf(state, c as unknown as Attached))) {
      const net = nets.get(ep.NetworkID);
      // Only user-defined networks have the embedded DNS server.
      if (!net || net.Name === 'bridge' || net.Driver !== 'bridge' || !ep.IPAddress) continue;
      for (const other of running(state)) {
        const oep = attachmentsOf(state, other as unknown as Attached)[netName];
        if (!oep?.IPAddress || oep.NetworkID !== net.Id) continue;
        if (dnsNames(other as unknown as Attached, oep).some((n) => n.toLowerCase() === name)) return oep.IPAddress;
      }
    }
    return undefined;
  }

  /** Where a connection to address:port goes (see the module comment). */
  connect(from: Origin, address: string, port: number): ConnectResult {
    const state = this.#state();
    const fail = (error: 'refused' | 'unreachable'): ConnectResult => ({ ok: false, error, address });
    const to = (target: Container, targetPort: number, client: string): ConnectResult => {
      const handler = this.#listeners.get(target.id)?.get(targetPort);
      return handler ? { ok: true, handler, address, client } : { ok: false, error: 'refused', address, target: target.id };
    };
    const loopback = address.startsWith('127.') || address === '0.0.0.0';
    const everyone = running(state);
    const addrsOf = (c: Container): Array<{ ip: string; netId: string; gateway: string }> =>
      Object.values(attachmentsOf(state, c as unknown as Attached)).filter((e) => e.IPAddress).map((e) => ({ ip: e.IPAddress, netId: e.NetworkID, gateway: e.Gateway }));
    const gateways = new Set([...networksOf(state).values()].map((n) => n.Gateway).filter(Boolean));
    // The host side: published ports (docker-proxy listens on the host's addresses).
    const published = (client: string): ConnectResult => {
      for (const c of everyone) {
        const p = portsOf(c).find((x) => x.PublicPort === port && x.Type === 'tcp' && (x.IP === '0.0.0.0' || x.IP === '::' || x.IP === '' || (loopback && x.IP?.startsWith('127.'))));
        if (p) {
          const gw = addrsOf(c)[0]?.gateway ?? '172.17.0.1';
          return to(c, p.PrivatePort, client === 'gateway' ? gw : client);
        }
      }
      return fail('refused');
    };
    if ('host' in from) {
      if (loopback || gateways.has(address)) return published('gateway');
      const target = everyone.find((c) => addrsOf(c).some((a) => a.ip === address));
      if (target) return to(target, port, addrsOf(target).find((a) => a.ip === address)!.gateway);
      return fail('unreachable');
    }
    const c = this.#current(from.container);
    const mine = addrsOf(c);
    if (loopback) return to(c, port, '127.0.0.1');
    if (mine.some((a) => a.ip === address)) return to(c, port, address);
    if (mine.length === 0) return fail('unreachable');
    for (const a of mine) {
      const target = everyone.find((o) => o.id !== c.id && addrsOf(o).some((x) => x.ip === address && x.netId === a.netId));
      if (target) return to(target, port, a.ip);
      if (a.gateway === address) return published(a.ip);
    }
    return fail('unreachable');
  }

  /**
   * An ICMP echo: every address a TCP connection reaches (listening or not)
   * answers; from `--network none` nothing leaves loopback (sendto fails);
   * anything else is the offline outside world, where the echo is lost.
   */
  ping(from: Origin, address: string): 'reply' | 'unreachable' | 'lost' {
    const r = this.connect(from, address, -1);
    if (r.ok || r.error === 'refused') return 'reply';
    const loopback = address.startsWith('127.');
    if (!loopback && 'container' in from && this.interfaces(this.#current(from.container)).length === 0) return 'unreachable';
    return 'lost';
  }

  /**
   * The container as stored once its start is committed (a `network connect`
   * later shows), or as the process was started with before that.
   */
  #current(c: Container): Container {
    const stored = this.#state().containers.get(c.id);
    return stored && stored.running ? asContainer(stored) : c;
  }

  /** What the learner's host shell sees: published ports and container addresses. */
  forHost(): ProcessNetwork {
    const origin: Origin = { host: true };
    return { ip: '', resolve: (host) => this.resolve(origin, host), connect: (address, port) => this.connectWhenReady(origin, address, port) };
  }

  /** The network a process in container `c` sees (interfaces read when asked: `network connect` adds one). */
  forProcess(c: Container): ProcessNetwork {
    const origin: Origin = { container: c };
    const interfaces = (): NetInterface[] => this.interfaces(this.#current(c));
    return {
      ip: c.ip,
      get none() {
        return interfaces().length === 0;
      },
      get interfaces() {
        return interfaces();
      },
      listen: (port, handler) => this.listen(c.id, port, handler),
      resolve: (host) => this.resolve(origin, host),
      dns: (name) => this.dns(this.#current(c), name),
      ping: (address) => this.ping(origin, address),
      connect: (address, port) => this.connectWhenReady(origin, address, port),
    };
  }
}
