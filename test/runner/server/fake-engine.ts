/**
 * A fake session backend for the protocol tests: each session's "engine" is
 * a small node:http server on a unix socket that answers /_ping and
 * /version like dockerd, echoes bodies, streams N bytes, and upgrades
 * /attach to a raw echo stream only when asked nicely (so a refused upgrade
 * can be told from a tunnel). Real dockerds are in engines.test.ts.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { nodeTransport } from '../../../worker/engine-client/node-transport.ts';
import type { SessionBackend, SessionEngine, SessionSpec } from '../../../runner/backends/backend.ts';

/** What one fake engine saw and did. */
export interface FakeEngine {
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[];
  /** Bytes /stream wrote so far, and whether its last write waits for 'drain'. */
  streamed: number;
  blocked: boolean;
  /** Bytes received on a tunnel after the upgrade. */
  tunnelled: Buffer[];
  /** Resumes reading an attach?slow=1 tunnel (it starts paused, like a container that does not read stdin). */
  resumeSlow?: () => void;
}

/** The fake backend; `engines` maps session ids to what their engine saw. */
export class FakeBackend implements SessionBackend {
  readonly name = 'fake';
  readonly engines = new Map<string, FakeEngine>();
  readonly #servers = new Map<string, { server: http.Server; dir: string }>();
  destroyed: string[] = [];
  /** Upgraded sockets: the HTTP server no longer tracks them, so destroy() ends them itself. */
  readonly #tunnels = new Set<Socket>();

  async create(spec: SessionSpec): Promise<SessionEngine> {
    const dir = mkdtempSync(join(tmpdir(), 'll-fake-'));
    const sock = join(dir, 'e.sock');
    const fe: FakeEngine = { requests: [], streamed: 0, blocked: false, tunnelled: [] };
    const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
    const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      fe.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const url = new URL(req.url!, 'http://x');
      const path = url.pathname.replace(/^\/v[\d.]+/, '');
      if (path === '/_ping') return void res.writeHead(200, { 'api-version': '1.51', 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'OK');
      if (path === '/version') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Version: '28.5.1', ApiVersion: '1.51' }));
      if (path === '/echo') return void res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' }).end(body);
      if (path === '/stream') {
        const total = Number(url.searchParams.get('n'));
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(256 * 1024, 0x61);
        while (fe.streamed < total) {
          fe.streamed += chunk.length;
          if (!res.write(chunk)) {
            fe.blocked = true;
            await new Promise((r) => res.once('drain', r));
            fe.blocked = false;
          }
        }
        return void res.end();
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `page not found: ${path}` }));
    };
    server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      this.#tunnels.add(socket);
      fe.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.alloc(0) });
      if (!req.url!.includes('/attach')) {
        // Like dockerd for an unknown exec: an ordinary 404, the connection stays HTTP.
        socket.end('HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 27\r\n\r\n{"message":"no such exec"}\n');
        socket.on('data', (d: Buffer) => fe.tunnelled.push(d));
        return;
      }
      socket.write('HTTP/1.1 101 UPGRADED\r\ncontent-type: application/vnd.docker.raw-stream\r\nconnection: Upgrade\r\nupgrade: tcp\r\n\r\n');
      if (head.length) socket.write(head);
      if (req.url!.includes('slow=1')) {
        socket.pause();
        fe.resumeSlow = () => {
          socket.on('data', (d: Buffer) => fe.tunnelled.push(d));
          socket.resume();
        };
        return;
      }
      socket.on('data', (d: Buffer) => {
        fe.tunnelled.push(d);
        socket.write(Buffer.from(d.toString().toUpperCase()));
      });
      socket.on('end', () => socket.end('<eof>'));
    });
    await new Promise<void>((r) => server.listen(sock, r));
    this.engines.set(spec.id, fe);
    this.#servers.set(spec.id, { server, dir });
    return { id: spec.id, transport: nodeTransport(`unix://${sock}`), endpoint: `unix://${sock}`, runtime: 'fake' };
  }

  async destroy(id: string): Promise<void> {
    const s = this.#servers.get(id);
    if (!s) return;
    this.#servers.delete(id);
    this.destroyed.push(id);
    s.server.closeAllConnections();
    for (const t of this.#tunnels) t.destroy();
    await new Promise((r) => s.server.close(r));
    rmSync(s.dir, { recursive: true, force: true });
  }

  async list(): Promise<string[]> {
    return [...this.#servers.keys()];
  }
}
