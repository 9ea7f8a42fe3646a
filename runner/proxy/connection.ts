/**
 * One page's WebSocket: first-message authentication, then the runner
 * protocol (runner-protocol.md) — each `request` is decided by the policy
 * and, when allowed, the REBUILT request goes to the session's engine
 * through its Transport; responses stream back with back-pressure both ways;
 * attach/exec become a raw tunnel only after the engine really answered 101.
 * The learner's bytes reach the engine only as the bodies of streamed tar
 * routes the policy named (build context, archive PUT, load), never for a
 * JSON route: those go through applyPolicy's fresh body.
 */
import type { WebSocket, RawData } from 'ws';
import type { HijackedConnection, TransportRequest } from '../../worker/engine-client/transport.ts';
import type { ApiRequest, PolicyResult, SessionPolicy } from '../policy/index.ts';
import type { RunnerConfig } from '../config.ts';
import { CLOSE, type Session, type SessionManager } from '../sessions/manager.ts';
import { TokenBucket } from '../sessions/ratelimit.ts';
import { ByteQueue } from './byte-queue.ts';
import { decodeFrame, encodeFrame } from './frames.ts';

/** The policy functions the connection calls (runner/policy/index.ts; tests may pass their own). */
export interface PolicyModule {
  applyPolicy(req: ApiRequest, session: SessionPolicy): PolicyResult;
  streamBody(method: string, path: string): boolean;
  readonly maxJsonBody: number;
}

/** Largest JSON control message (runner-protocol.md). */
export const MAX_CONTROL = 64 * 1024;
/** Stop reading the engine while this much waits to reach the page (runner-protocol.md: 4 MiB). */
export const OUT_HIGH = 4 * 1024 * 1024;
/** Pause the page's socket while this much of its input waits for the engine, resume below IN_LOW. */
export const IN_HIGH = 4 * 1024 * 1024;
export const IN_LOW = 1024 * 1024;
/** Streams a connection may have open at once (each is an upstream HTTP request). */
export const MAX_STREAMS = 32;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
/** Response headers that describe the runner↔engine hop, not the response. */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

interface RequestMsg {
  id: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: boolean;
  upgrade: boolean;
}

interface Stream {
  id: number;
  req: RequestMsg;
  /** What the page's binary frames for this id feed. */
  input: 'buffer' | 'queue' | 'hijack' | 'discard' | 'none';
  chunks: Buffer[];
  size: number;
  queue?: ByteQueue;
  maxBytes?: number;
  conn?: HijackedConnection;
  /** Bytes written to a hijacked connection and not yet taken by the socket. */
  pending: number;
  responded: boolean;
  /** The response ended (or was refused); the stream goes once the page's body has ended too. */
  closed: boolean;
}

/** What serve() needs. */
export interface ConnectionDeps {
  ws: WebSocket;
  sessionId: string;
  ip: string;
  sessions: SessionManager;
  policy: PolicyModule;
  cfg: Pick<RunnerConfig, 'authSeconds' | 'heartbeatSeconds' | 'messagesPerSecond'>;
  log: (event: string, fields?: Record<string, unknown>) => void;
}

/** Serves one WebSocket until it closes. */
export function serve(d: ConnectionDeps): void {
  const { ws, log } = d;
  let session: Session | null = null;
  const streams = new Map<number, Stream>();
  let lastId = 0;
  let paused = false;
  const bucket = new TokenBucket(d.cfg.messagesPerSecond, d.cfg.messagesPerSecond * 2);

  const authTimer = setTimeout(() => close(CLOSE.auth, 'authentication timed out'), d.cfg.authSeconds * 1000);
  let lastPong = Date.now();
  ws.on('pong', () => (lastPong = Date.now()));
  const heartbeat = setInterval(() => {
    // Two intervals without a pong: the peer is gone (or never reads); terminate, don't wait for TCP.
    if (Date.now() - lastPong > 2 * d.cfg.heartbeatSeconds * 1000) {
      log('heartbeat lost', { id: d.sessionId });
      ws.terminate();
      return;
    }
    ws.ping();
  }, d.cfg.heartbeatSeconds * 1000);

  /** This connection's hook on its session: the manager calls it when the session ends. */
  const closer = (code: number, reason: string): void => close(code, reason);

  function close(code: number, reason: string): void {
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
  }

  function sendJson(msg: object): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  }

  /** Sends a binary frame; resolves at once, or, above the high watermark, when the socket took it (so the caller stops reading upstream). */
  function sendData(id: number, payload: Uint8Array): Promise<void> {
    if (ws.readyState !== ws.OPEN) return Promise.reject(new Error('connection closed'));
    const frame = encodeFrame(id, payload);
    if (ws.bufferedAmount + frame.length <= OUT_HIGH) {
      ws.send(frame);
      return Promise.resolve();
    }
    return new Promise((ok, fail) => ws.send(frame, (err) => (err ? fail(err) : ok())));
  }

  function refuse(s: Stream, status: number, message: string): void {
    if (s.responded) {
      sendJson({ type: 'error', id: s.id, message });
      return;
    }
    s.responded = true;
    const text = message.startsWith('layerlab runner: ') ? message : `layerlab runner: ${message}`;
    const body = Buffer.from(`${JSON.stringify({ message: text })}\n`);
    sendJson({ type: 'response', id: s.id, status, headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
    if (s.req.method !== 'HEAD') void sendData(s.id, body).catch(() => undefined);
    sendJson({ type: 'end', id: s.id });
    finish(s);
  }

  function finish(s: Stream): void {
    // The stream keeps discarding the page's remaining body frames until their `end`.
    if (s.input === 'buffer' || s.input === 'queue') s.input = 'discard';
    s.closed = true;
    settle(s);
  }

  function add(s: Stream): void {
    streams.set(s.id, s);
    if (session) session.active++;
  }

  function drop(s: Stream): void {
    if (streams.get(s.id) === s) {
      streams.delete(s.id);
      if (session) session.active--;
    }
  }

  /** Drops a stream whose response is over and whose body (if any) the page has finished sending. */
  function settle(s: Stream): void {
    if (s.closed && s.input !== 'buffer' && s.input !== 'queue' && s.input !== 'discard') drop(s);
  }

  function checkPause(): void {
    let waiting = 0;
    for (const s of streams.values()) waiting += (s.queue?.queued ?? 0) + s.pending;
    if (!paused && waiting > IN_HIGH) {
      paused = true;
      ws.pause();
      log('input paused', { id: d.sessionId, waiting });
    } else if (paused && waiting < IN_LOW) {
      paused = false;
      ws.resume();
      log('input resumed', { id: d.sessionId });
    }
  }

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!bucket.take()) {
      log('rate limit', { id: d.sessionId });
      close(1008, 'message rate limit exceeded');
      return;
    }
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (!session) return authenticate(buf, isBinary);
    d.sessions.touch(session);
    if (isBinary) return onData(buf);
    if (buf.length > MAX_CONTROL) return close(1009, 'control message too large');
    let msg: unknown;
    try {
      msg = JSON.parse(buf.toString('utf8'));
    } catch {
      log('malformed control message', { id: d.sessionId });
      return;
    }
    onControl(msg);
  });

  function authenticate(buf: Buffer, isBinary: boolean): void {
    let token: unknown;
    if (!isBinary && buf.length <= 1024) {
      try {
        const m = JSON.parse(buf.toString('utf8')) as { type?: unknown; token?: unknown };
        if (m && m.type === 'auth') token = m.token;
      } catch {
        /* refused below */
      }
    }
    const s = d.sessions.authenticate(d.sessionId, token);
    clearTimeout(authTimer);
    if (!s) {
      log('auth failed', { id: d.sessionId, ip: d.ip });
      return close(CLOSE.auth, 'authentication failed');
    }
    session = s;
    // One WebSocket per session: the newer one wins (a reloaded tab), the older hears 4409.
    s.onEnd?.(CLOSE.replaced, 'another connection took this session');
    s.onEnd = closer;
    d.sessions.touch(s);
    log('connected', { id: s.id, ip: d.ip });
  }

  function onData(buf: Buffer): void {
    const f = decodeFrame(buf);
    if (!f) return;
    const s = streams.get(f.id);
    if (!s) return;
    switch (s.input) {
      case 'buffer':
        s.size += f.payload.length;
        if (s.size > d.policy.maxJsonBody) {
          s.chunks = [];
          refuse(s, 413, `request body over ${d.policy.maxJsonBody} bytes`);
          return;
        }
        s.chunks.push(Buffer.from(f.payload));
        return;
      case 'queue':
        s.size += f.payload.length;
        if (s.size > (s.maxBytes ?? 0)) {
          s.queue!.fail(new Error('body over its limit'));
          refuse(s, 413, `request body over ${s.maxBytes} bytes`);
          return;
        }
        s.queue!.push(Buffer.from(f.payload));
        checkPause();
        return;
      case 'hijack': {
        const n = f.payload.length;
        s.pending += n;
        checkPause();
        s.conn!.write(Buffer.from(f.payload)).then(
          () => {
            s.pending -= n;
            checkPause();
          },
          () => closeStream(s),
        );
        return;
      }
      default:
        return;
    }
  }

  function onControl(msg: unknown): void {
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as Record<string, unknown>;
    const s = typeof m.id === 'number' ? streams.get(m.id) : undefined;
    switch (m.type) {
      case 'request':
        return onRequest(m);
      case 'end':
        if (!s) return;
        if (s.input === 'buffer') {
          s.input = 'none';
          dispatch(s, Buffer.concat(s.chunks));
          s.chunks = [];
        } else if (s.input === 'queue') {
          s.input = 'none';
          s.queue!.end();
          settle(s);
        } else if (s.input === 'discard') {
          s.input = 'none';
          settle(s);
        }
        return;
      case 'closeWrite':
        if (s?.conn) void s.conn.closeWrite().catch(() => undefined);
        return;
      case 'close':
      // The page's body source failed midway (a file read): the request is abandoned, the engine sees a cut body.
      case 'error':
        if (s) closeStream(s);
        return;
      case 'bye':
        if (session) void d.sessions.destroy(session.id, 'bye');
        return;
      default:
        log('unknown control message', { id: d.sessionId, type: typeof m.type === 'string' ? m.type.slice(0, 32) : typeof m.type });
    }
  }

  function closeStream(s: Stream): void {
    s.closed = true;
    s.conn?.close();
    s.queue?.fail(new Error('stream closed'));
    drop(s);
    checkPause();
  }

  function onRequest(m: Record<string, unknown>): void {
    const req = validRequest(m);
    if (!req || req.id <= lastId) {
      log('malformed request', { id: d.sessionId });
      return;
    }
    lastId = req.id;
    const s: Stream = { id: req.id, req, input: 'none', chunks: [], size: 0, pending: 0, responded: false, closed: false };
    if (streams.size >= MAX_STREAMS) {
      add(s);
      return refuse(s, 429, `more than ${MAX_STREAMS} requests at once on one session`);
    }
    add(s);
    if (!req.body) return dispatch(s, null);
    if (d.policy.streamBody(req.method, req.path)) {
      const decided = decide(s, null);
      if (!decided) {
        s.input = 'discard';
        return;
      }
      const queue = new ByteQueue();
      queue.onTake = checkPause;
      s.queue = queue;
      s.maxBytes = decided.stream?.maxBytes ?? d.policy.maxJsonBody;
      s.input = 'queue';
      return forward(s, decided, queue);
    }
    s.input = 'buffer';
  }

  /** Asks the policy; refuses (and returns null) unless it forwards. */
  function decide(s: Stream, body: Uint8Array | null): Extract<PolicyResult, { kind: 'forward' }> | null {
    const api: ApiRequest = { method: s.req.method, path: s.req.path, headers: s.req.headers, body, upgrade: s.req.upgrade };
    let r: PolicyResult;
    try {
      r = d.policy.applyPolicy(api, session!.policy);
    } catch (e) {
      log('policy threw', { id: d.sessionId, error: (e as Error).message });
      r = { kind: 'refuse', status: 400, message: 'the request could not be read' };
    }
    if (r.kind === 'refuse') {
      log('refused', { id: d.sessionId, method: s.req.method, path: s.req.path.split('?')[0]!.slice(0, 200), status: r.status });
      refuse(s, r.status, r.message);
      return null;
    }
    return r;
  }

  function dispatch(s: Stream, body: Uint8Array | null): void {
    const decided = decide(s, body);
    if (decided) forward(s, decided, decided.body);
  }

  function forward(s: Stream, r: Extract<PolicyResult, { kind: 'forward' }>, body: Uint8Array | ByteQueue | null): void {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) {
      const name = k.toLowerCase();
      // The transport frames the body and, for a hijack, adds Connection/Upgrade itself.
      if (!HOP.has(name) && name !== 'content-length' && name !== 'host') headers[name] = v;
    }
    const tr: TransportRequest = { method: r.method as TransportRequest['method'], path: repin(r.path, session!.apiVersion), headers, ...(body ? { body } : {}) };
    const run = s.req.upgrade ? tunnel(s, tr) : relay(s, tr);
    run.catch((e: Error) => {
      if (!s.responded) refuse(s, 502, 'the session engine did not answer');
      else if (!s.closed) sendJson({ type: 'error', id: s.id, message: `layerlab runner: ${e.message}` });
      closeStream(s);
    });
  }

  async function relay(s: Stream, tr: TransportRequest): Promise<void> {
    const res = await session!.engine.transport.request(tr);
    await respond(s, res.status, res.headers, res.body);
    if (!s.closed) sendJson({ type: 'end', id: s.id });
    s.closed = true;
    settle(s);
  }

  async function respond(s: Stream, status: number, headers: Record<string, string>, body: AsyncIterable<Uint8Array>): Promise<void> {
    if (s.closed) return;
    s.responded = true;
    sendJson({ type: 'response', id: s.id, status, headers: pageHeaders(headers) });
    // for-await pulls the next chunk only after sendData resolved: the engine's socket is not read while the page lags.
    for await (const chunk of body) {
      if (s.closed || ws.readyState !== ws.OPEN) break;
      await sendData(s.id, chunk);
    }
  }

  async function tunnel(s: Stream, tr: TransportRequest): Promise<void> {
    const conn = await session!.engine.transport.hijack(tr);
    // Only a real 101 with a docker stream type opens the tunnel
    // (runner-security.md §4.6); anything else is relayed as an ordinary
    // response and the upstream connection is dropped, never reused.
    const type = conn.headers['content-type'] ?? '';
    if (conn.status !== 101 || !/^application\/vnd\.docker\.(raw|multiplexed)-stream$/.test(type)) {
      try {
        await respond(s, conn.status === 101 ? 502 : conn.status, conn.status === 101 ? {} : conn.headers, conn.status === 101 ? empty() : conn.body);
        if (!s.closed) sendJson({ type: 'end', id: s.id });
      } finally {
        conn.close();
        closeStream(s);
      }
      return;
    }
    if (s.closed) return conn.close();
    s.conn = conn;
    s.input = 'hijack';
    try {
      await respond(s, 101, conn.headers, conn.body);
    } finally {
      if (!s.closed) sendJson({ type: 'close', id: s.id });
      closeStream(s);
    }
  }

  ws.on('close', (code: number) => {
    clearTimeout(authTimer);
    clearInterval(heartbeat);
    for (const s of [...streams.values()]) closeStream(s);
    if (session && session.onEnd === closer) {
      session.onEnd = undefined;
      // Still this connection's session (not taken over): a closed tab (1001) ends it; a dropped network waits for the idle TTL.
      if (code === 1001) void d.sessions.destroy(session.id, 'tab closed');
    }
    log('disconnected', { id: d.sessionId, code });
  });
  ws.on('error', (e: Error) => log('socket error', { id: d.sessionId, error: e.message }));
}

/** The request message, checked field by field; null when any field is missing or of the wrong type. */
function validRequest(m: Record<string, unknown>): RequestMsg | null {
  const { id, method, path, headers, body, upgrade } = m;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || id % 2 !== 1 || id > 0xffffffff) return null;
  if (typeof method !== 'string' || !METHODS.has(method)) return null;
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 8192) return null;
  if (typeof body !== 'boolean' || (upgrade !== undefined && typeof upgrade !== 'boolean')) return null;
  const h: Record<string, string> = {};
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return null;
    const entries = Object.entries(headers);
    if (entries.length > 64) return null;
    for (const [k, v] of entries) {
      if (typeof v !== 'string' || v.length > 8192 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)) return null;
      const name = k.toLowerCase();
      if (name in h) return null; // duplicate header by case: refuse rather than pick one
      h[name] = v;
    }
  }
  return { id, method, path, headers: h, body, upgrade: upgrade === true };
}

/** The policy pins `/v1.51/…`; an older session engine gets its own version (what docker/cli negotiates from /_ping). */
export function repin(path: string, apiVersion: string): string {
  return path.replace(/^\/v1\.51(?=\/)/, `/v${apiVersion}`);
}

async function* empty(): AsyncGenerator<Uint8Array> {}

function pageHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (!HOP.has(k.toLowerCase())) out[k.toLowerCase()] = v;
  return out;
}
