/**
 * `bin/layerlab daemon`: the simulated engine served as Docker Engine API
 * 1.51 over HTTP/1.1 (design.md §2, §12), so a real docker CLI can drive it.
 *
 * Why node:http and no framework: the Engine API needs exactly what
 * node:http gives and frameworks tend to hide: `Upgrade: tcp` hijacking for
 * attach and exec (the `upgrade` event hands over the raw socket), long
 * streamed responses flushed write by write (pull, build, logs, events),
 * request bodies read as streams (load, build contexts), and HTTP/1.1 on a
 * unix socket. Routing is a table of twenty-odd patterns (router.ts); a
 * dependency would add more than it saves.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { rm } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { splitVersion, versionError } from './api-version.ts';
import type { DaemonLab } from './lab.ts';
import { commonHeaders, jsonLine, sendError, sendJson, statusOf, HttpError } from './respond.ts';
import type { Call, Router } from './router.ts';
import { routes } from './routes/index.ts';

/** Where the daemon listens: `unix:///path` or `tcp://host:port`. */
export type ListenAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

/** Loopback addresses: the only TCP hosts served unless the caller allows others. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Parses `--host` as dockerd does (unix:// and tcp:// only). */
export function parseHost(spec: string): ListenAddress {
  if (spec.startsWith('unix://')) {
    const path = spec.slice('unix://'.length);
    if (!path.startsWith('/')) throw new Error(`invalid unix socket path ${JSON.stringify(path)}: must be absolute`);
    return { kind: 'unix', path };
  }
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d+)$/.exec(spec);
  if (m) return { kind: 'tcp', host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
  throw new Error(`invalid --host ${JSON.stringify(spec)}: expected unix:///PATH or tcp://HOST:PORT`);
}

/** A running daemon. */
export interface Daemon {
  readonly server: Server;
  /** The address as DOCKER_HOST would name it. */
  readonly host: string;
  /** Stops listening, ends open connections and removes the socket file. */
  close(): Promise<void>;
}

/** A socket file left by a daemon that is gone (connect refused) is removed; a live one is an error. */
async function clearStaleSocket(path: string): Promise<void> {
  const alive = await new Promise<boolean>((resolve) => {
    const s = connect(path);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
  if (alive) throw new Error(`listen unix ${path}: bind: address already in use`);
  await rm(path, { force: true });
}

/** Serves `lab` on `address`. */
export async function startDaemon(lab: DaemonLab, address: ListenAddress, opts: { router?: Router } = {}): Promise<Daemon> {
  const router = opts.router ?? routes();
  const server = createServer({ requestTimeout: 0, headersTimeout: 60_000, keepAliveTimeout: 5_000 });
  const sockets = new Set<Duplex>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void dispatch(router, lab, req, res, undefined));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands over the socket with no 'data' listener: paused, what the client sends (stdin typed or
    // piped before the container starts) waits in the socket's buffer instead of being dropped.
    socket.pause();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    void dispatch(router, lab, req, undefined, { socket, head });
  });
  if (address.kind === 'unix') await clearStaleSocket(address.path);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (address.kind === 'unix') server.listen(address.path, resolve);
    else server.listen(address.port, address.host, resolve);
  });
  const bound = server.address();
  const host = address.kind === 'unix' ? `unix://${address.path}` : `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${typeof bound === 'object' && bound ? bound.port : address.port}`;
  return {
    server,
    host,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      if (address.kind === 'unix') await rm(address.path, { force: true });
    },
  };
}

/** Writes a JSON error on a hijack-requested socket that was not taken over. */
function socketError(socket: Duplex, status: number, message: string): void {
  const body = jsonLine({ message });
  const reason = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error' }[status] ?? 'Error';
  const headers = { ...commonHeaders(), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
}

async function dispatch(router: Router, lab: DaemonLab, req: IncomingMessage, res: ServerResponse | undefined, upgrade: Call['upgrade']): Promise<void> {
  const fail = (err: unknown): void => {
    if (res) sendError(res, err);
    else if (upgrade && !upgrade.socket.destroyed) {
      const { status, message } = statusOf(err);
      socketError(upgrade.socket, status, message);
    }
  };
  try {
    const url = new URL(req.url ?? '/', 'http://daemon');
    const { version, path } = splitVersion(url.pathname);
    const route = router.match(req.method ?? 'GET', path);
    // moby answers an unknown path with 404 before any version check (the router matches first).
    if (!route || (upgrade && !route.hijack)) throw new HttpError(404, 'page not found');
    const refused = versionError(version);
    if (refused) throw new HttpError(400, refused);
    await route.handler({ req, res, upgrade, params: route.params, query: url.searchParams, version, lab });
  } catch (err) {
    fail(err);
  }
}

export { sendJson };
