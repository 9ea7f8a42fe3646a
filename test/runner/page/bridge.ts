/**
 * A test-only stand-in for the runner: the runner protocol
 * (runner-protocol.md) between the page's WebSocket and one real dockerd's
 * unix socket, with NO policy (requests are forwarded as they came). It
 * lets the page's side be tested end to end against a real engine while the
 * real runner (runner/) is built; never run it outside tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { nodeTransport } from '../../../worker/engine-client/node-transport.ts';
import type { HijackedConnection, TransportRequest } from '../../../worker/engine-client/transport.ts';

/** A running bridge. */
export interface Bridge {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Sessions created so far, and whether each is still open. */
  sessions: Map<string, { token: string; open: boolean }>;
  /** Drops every open WebSocket without a close frame (a runner crash, as the page sees it). */
  dropAll(): void;
  stop(): Promise<void>;
}

/** Body chunks of a request as they arrive, as an async iterable. */
class Pipe implements AsyncIterable<Uint8Array> {
  chunks: Uint8Array[] = [];
  done = false;
  wake: (() => void) | undefined;
  push(c: Uint8Array): void {
    this.chunks.push(c);
    this.wake?.();
  }
  end(): void {
    this.done = true;
    this.wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const c = this.chunks.shift();
      if (c) yield c;
      else if (this.done) return;
      else await new Promise<void>((r) => (this.wake = r));
    }
  }
}

/** Starts the bridge on loopback in front of the dockerd at `engineHost`; `origins`: the allowed Origins (exact). */
export async function startBridge(engineHost: string, origins: string[]): Promise<Bridge> {
  const transport = nodeTransport(engineHost);
  const sessions = new Map<string, { token: string; open: boolean }>();
  const sockets = new Set<WebSocket>();
  const cors = (req: http.IncomingMessage): Record<string, string> => {
    const o = req.headers.origin;
    return o && origins.includes(o) ? { 'access-control-allow-origin': o, 'access-control-allow-methods': 'POST, DELETE', 'access-control-allow-headers': 'content-type, authorization' } : {};
  };
  const server = http.createServer((req, res) => {
    const h = cors(req);
    if (req.method === 'OPTIONS') return void res.writeHead(204, h).end();
    if (req.headers.origin && !origins.includes(req.headers.origin)) return void res.writeHead(403).end('origin not allowed\n');
    if (req.method === 'POST' && req.url === '/v1/sessions') {
      const id = randomBytes(16).toString('base64url');
      const token = randomBytes(32).toString('base64url');
      sessions.set(id, { token, open: true });
      res.writeHead(201, { ...h, 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ id, token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), idleSeconds: 600, engine: 'docker bridge' }));
    }
    const del = /^\/v1\/sessions\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'DELETE' && del) {
      const s = sessions.get(del[1]!);
      if (s && req.headers.authorization === `Bearer ${s.token}`) s.open = false;
      return void res.writeHead(s ? 204 : 404, h).end();
    }
    res.writeHead(404, h).end();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  server.on('upgrade', (req, socket, head) => {
    const m = /^\/v1\/sessions\/([^/]+)\/ws$/.exec(req.url ?? '');
    const session = m && sessions.get(m[1]!);
    if (!session || !session.open || !req.headers.origin || !origins.includes(req.headers.origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, session));
  });

  const serve = (ws: WebSocket, session: { token: string; open: boolean }): void => {
    sockets.add(ws);
    let authed = false;
    const bodies = new Map<number, Pipe>();
    const hijacks = new Map<number, HijackedConnection>();
    const send = (m: unknown): void => ws.send(JSON.stringify(m));
    const frame = (id: number, payload: Uint8Array): void => {
      const f = Buffer.alloc(4 + payload.length);
      f.writeUInt32BE(id, 0);
      f.set(payload, 4);
      ws.send(f);
    };
    const forward = async (id: number, req: TransportRequest, upgrade: boolean): Promise<void> => {
      try {
        if (upgrade) {
          const conn = await transport.hijack(req);
          hijacks.set(id, conn);
          send({ type: 'response', id, status: conn.status, headers: conn.headers });
          for await (const c of conn.body) frame(id, c);
          send({ type: conn.status === 101 ? 'close' : 'end', id });
          hijacks.delete(id);
          return;
        }
        const res = await transport.request(req);
        send({ type: 'response', id, status: res.status, headers: res.headers });
        for await (const c of res.body) frame(id, c);
        send({ type: 'end', id });
      } catch (error) {
        send({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
      }
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        const m = JSON.parse(data.toString()) as { type: string; id: number; token?: string; method?: TransportRequest['method']; path?: string; headers?: Record<string, string>; body?: boolean; upgrade?: boolean };
        if (!authed) {
          if (m.type === 'auth' && m.token === session.token) authed = true;
          else ws.close(4401, 'unauthorized');
          return;
        }
        if (m.type === 'request') {
          const req: TransportRequest = { method: m.method!, path: m.path!, headers: m.headers ?? {} };
          if (m.body) {
            const pipe = new Pipe();
            bodies.set(m.id, pipe);
            req.body = pipe;
          }
          void forward(m.id, req, m.upgrade === true);
        } else if (m.type === 'end') {
          bodies.get(m.id)?.end();
          bodies.delete(m.id);
        } else if (m.type === 'closeWrite') void hijacks.get(m.id)?.closeWrite();
        else if (m.type === 'close') hijacks.get(m.id)?.close();
        else if (m.type === 'bye') {
          session.open = false;
          ws.close(1000, 'bye');
        }
        return;
      }
      if (!authed) return void ws.close(4401, 'unauthorized');
      const id = data.readUInt32BE(0);
      const payload = new Uint8Array(data.subarray(4));
      const h = hijacks.get(id);
      if (h) void h.write(payload);
      else bodies.get(id)?.push(payload);
    });
    ws.on('close', () => {
      sockets.delete(ws);
      for (const h of hijacks.values()) h.close();
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    dropAll: () => {
      for (const ws of sockets) ws.terminate();
    },
    async stop() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
