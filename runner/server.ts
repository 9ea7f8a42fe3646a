/**
 * The runner's HTTP and WebSocket front (runner-protocol.md): POST
 * /v1/sessions, the session WebSocket, DELETE /v1/sessions/<id>, /healthz.
 * Every browser-facing entry checks Origin against the exact allow-list
 * (runner-security.md §4.1: no suffix matching, a missing or `null` Origin
 * refused); Node's own HTTP limits are set for slowloris and header floods
 * (§4.4, CVE-2024-37890).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RunnerConfig } from './config.ts';
import type { SessionBackend } from './backends/backend.ts';
import { SessionManager } from './sessions/manager.ts';
import { serve, type PolicyModule } from './proxy/connection.ts';
import * as defaultPolicy from './policy/index.ts';

/** The WebSocket subprotocol of the runner protocol. */
export const SUBPROTOCOL = 'layerlab-runner.v1';
/** Largest WebSocket frame a page may send (runner-protocol.md). */
export const MAX_PAYLOAD = 1024 * 1024;

/** A running runner. */
export interface Runner {
  readonly url: string;
  readonly sessions: SessionManager;
  /** Stops listening, closes every socket and destroys every session. */
  close(): Promise<void>;
}

/** What startRunner needs; `policy` defaults to runner/policy/index.ts. */
export interface RunnerDeps {
  cfg: RunnerConfig;
  backend: SessionBackend;
  /** The runtime learner containers run under, for the session policy and log. */
  runtime?: string;
  policy?: PolicyModule;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

/** WebSockets one client address may hold open (authenticated or not): a runaway or hostile client cannot exhaust sockets. */
export const SOCKETS_PER_IP = 16;

const SESSION_WS = /^\/v1\/sessions\/([A-Za-z0-9_-]{22})\/ws$/;
const SESSION = /^\/v1\/sessions\/([A-Za-z0-9_-]{22})$/;

/** Starts the runner: reaps orphans, then listens on RUNNER_HOST:RUNNER_PORT. */
export async function startRunner(deps: RunnerDeps): Promise<Runner> {
  const { cfg, backend } = deps;
  const log = deps.log ?? jsonLog;
  const policy = deps.policy ?? (defaultPolicy as PolicyModule);
  const sessions = new SessionManager(cfg, backend, deps.runtime, log);
  await sessions.start();

  const allowed = new Set(cfg.allowedOrigins);
  /** The exact Origin when allowed, else null (headers arrive lower-cased by name; the value is compared byte for byte). */
  const originOf = (req: http.IncomingMessage): string | null => {
    const o = req.headers.origin;
    return typeof o === 'string' && allowed.has(o) ? o : null;
  };
  const clientIp = (req: http.IncomingMessage): string => {
    if (cfg.trustProxy) {
      const xff = req.headers['x-forwarded-for'];
      const last = (Array.isArray(xff) ? xff.join(',') : xff ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };

  const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, (req, res) => {
    void handle(req, res).catch((e: Error) => {
      log('http error', { error: e.message });
      if (!res.headersSent) send(res, 500, null, { message: 'layerlab runner: internal error' });
    });
  });
  server.maxHeadersCount = 100;
  server.maxRequestsPerSocket = 100;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': '2' });
      res.end(req.method === 'HEAD' ? undefined : 'ok');
      return;
    }
    const isCreate = path === '/v1/sessions';
    const one = SESSION.exec(path ?? '');
    if (!isCreate && !one) return send(res, 404, null, { message: 'layerlab runner: not found' });
    const origin = originOf(req);
    if (!origin) {
      log('origin refused', { origin: String(req.headers.origin ?? '(none)').slice(0, 200), path });
      return send(res, 403, null, { message: 'layerlab runner: this page is not allowed to use the runner' });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors(origin),
        'access-control-allow-methods': isCreate ? 'POST' : 'DELETE',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    req.resume(); // no endpoint reads a body
    if (isCreate && req.method === 'POST') {
      const r = await sessions.create(clientIp(req));
      if (!r.ok) return send(res, r.status, origin, { message: `layerlab runner: ${r.message}` });
      const s = r.session;
      return send(res, 201, origin, {
        id: s.id,
        token: r.token,
        expiresAt: new Date(s.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        idleSeconds: cfg.idleSeconds,
        engine: s.engineVersion,
        ...(s.engine.runtime ? { runtime: s.engine.runtime } : {}),
      });
    }
    if (one && req.method === 'DELETE') {
      const auth = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(req.headers.authorization ?? '');
      const s = sessions.authenticate(one[1]!, auth?.[1]);
      if (!s) return send(res, 401, origin, { message: 'layerlab runner: unknown session or wrong token' });
      await sessions.destroy(s.id, 'deleted');
      res.writeHead(204, cors(origin));
      res.end();
      return;
    }
    res.setHeader('allow', isCreate ? 'POST, OPTIONS' : 'DELETE, OPTIONS');
    return send(res, 405, origin, { message: 'layerlab runner: method not allowed' });
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    // Compression invites ratio bombs and CRIME-style leaks (OWASP WebSocket cheat sheet).
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  const socketsByIp = new Map<string, number>();
  server.on('upgrade', (req, socket, head) => {
    const m = SESSION_WS.exec(req.url ?? '');
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-type: text/plain\r\ncontent-length: ${text.length}\r\n\r\n${text}`);
    };
    if (!m || req.method !== 'GET') return refuse(404, 'not found');
    if (!originOf(req)) {
      log('origin refused', { origin: String(req.headers.origin ?? '(none)').slice(0, 200), path: 'ws' });
      return refuse(403, 'origin not allowed');
    }
    const protos = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!protos.includes(SUBPROTOCOL)) return refuse(400, `subprotocol ${SUBPROTOCOL} required`);
    const ip = clientIp(req);
    const open = socketsByIp.get(ip) ?? 0;
    if (open >= SOCKETS_PER_IP) return refuse(429, 'too many connections from this address');
    socketsByIp.set(ip, open + 1);
    socket.once('close', () => {
      const n = (socketsByIp.get(ip) ?? 1) - 1;
      if (n <= 0) socketsByIp.delete(ip);
      else socketsByIp.set(ip, n);
    });
    wss.handleUpgrade(req, socket, head, (ws) => serve({ ws, sessionId: m[1]!, ip, sessions, policy, cfg, log }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  log('listening', { url: `http://${host}:${addr.port}`, backend: backend.name, runtime: deps.runtime ?? 'backend default', origins: cfg.allowedOrigins });
  return {
    url: `http://${host}:${addr.port}`,
    sessions,
    async close() {
      for (const ws of wss.clients) ws.close(1001, 'runner shutting down');
      server.close();
      server.closeAllConnections();
      await sessions.stop();
      for (const ws of wss.clients) ws.terminate();
    },
  };
}

function cors(origin: string | null): Record<string, string> {
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

function send(res: http.ServerResponse, status: number, origin: string | null, body: object): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { ...cors(origin), 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** One JSON line per event on stderr; never a token or a message's content (runner-security.md §4.5). */
export function jsonLog(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}
