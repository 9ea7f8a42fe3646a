/**
 * A minimal stand-in for the runner's proxy (the server helper writes the
 * real one in runner/proxy/): an HTTP server on a unix socket that turns
 * each request into an ApiRequest, asks applyPolicy, and forwards only the
 * rebuilt request to the engine with worker/engine-client/node-transport.ts.
 * A refusal is answered as the runner answers it (JSON `message`); a
 * hijack is spliced only after the engine really answered 101 (§4.6).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { nodeTransport } from '../../../worker/engine-client/node-transport.ts';
import { applyPolicy, maxJsonBody, streamBody, type ApiRequest, type PolicyResult, type SessionPolicy } from '../../../runner/policy/index.ts';

/** A running forwarder. */
export interface Forwarder {
  /** Its DOCKER_HOST. */
  host: string;
  /** Every decision, in order (what reached the engine is exactly the forwards). */
  decisions: Array<{ method: string; path: string; result: PolicyResult }>;
  close(): Promise<void>;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Starts a forwarder on `socketPath` to the engine at `engineHost`. */
export async function startForwarder(socketPath: string, engineHost: string, session: SessionPolicy): Promise<Forwarder> {
  const engine = nodeTransport(engineHost);
  const decisions: Forwarder['decisions'] = [];
  const decide = (r: ApiRequest): PolicyResult => {
    const result = applyPolicy(r, session);
    decisions.push({ method: r.method, path: r.path, result });
    return result;
  };
  const headersOf = (req: http.IncomingMessage): Record<string, string> => {
    const out: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const k = req.rawHeaders[i]!.toLowerCase();
      // A repeated header is kept repeated, so the policy sees `a, b` (duplicate Content-Length).
      out[k] = out[k] === undefined ? req.rawHeaders[i + 1]! : `${out[k]}, ${req.rawHeaders[i + 1]}`;
    }
    delete out.host;
    delete out['user-agent'];
    return out;
  };
  const refuse = (res: http.ServerResponse, r: { status: number; message: string }) => {
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: r.message }) + '\n');
  };

  const server = http.createServer(async (req, res) => {
    try {
      const headers = headersOf(req);
      const streamed = streamBody(req.method!, req.url!);
      let body: Uint8Array | null = null;
      if (!streamed) {
        const chunks: Buffer[] = [];
        let n = 0;
        for await (const c of req as AsyncIterable<Buffer>) {
          n += c.length;
          if (n > maxJsonBody + 1) break;
          chunks.push(c);
        }
        body = n > 0 ? new Uint8Array(Buffer.concat(chunks)) : null;
      }
      const r = decide({ method: req.method!, path: req.url!, headers, body, upgrade: false });
      if (r.kind === 'refuse') return refuse(res, r);
      let upstreamBody: Uint8Array | AsyncIterable<Uint8Array> | undefined = r.body ?? undefined;
      if (r.stream) {
        const max = r.stream.maxBytes;
        upstreamBody = (async function* () {
          let seen = 0;
          for await (const c of req as AsyncIterable<Buffer>) {
            seen += c.length;
            if (seen > max) throw new Error('body over the cap');
            yield new Uint8Array(c);
          }
        })();
      }
      const up = await engine.request({ method: r.method as Method, path: r.path, headers: r.headers, body: upstreamBody });
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(up.headers)) if (!['transfer-encoding', 'connection', 'content-length'].includes(k)) out[k] = v;
      res.writeHead(up.status, out);
      // Node holds the head until the first body byte; `wait` sends its head
      // at once and its body only when the container exits, and the CLI
      // starts the container only after that head arrived.
      res.flushHeaders();
      for await (const c of up.body) res.write(c);
      res.end();
    } catch (e) {
      if (!res.headersSent) refuse(res, { status: 502, message: String(e) });
      else res.destroy();
    }
  });

  const hijacked = new Set<Socket>();
  server.on('upgrade', async (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    hijacked.add(socket);
    socket.on('close', () => hijacked.delete(socket));
    const headers = headersOf(req);
    const want = Number(headers['content-length'] ?? '0');
    let got = head;
    while (got.length < want) {
      const more = await new Promise<Buffer | null>((ok) => socket.once('data', ok).once('end', () => ok(null)));
      if (!more) break;
      got = Buffer.concat([got, more]);
    }
    const r = decide({ method: req.method!, path: req.url!, headers, body: want > 0 ? new Uint8Array(got.subarray(0, want)) : null, upgrade: true });
    if (r.kind === 'refuse') {
      const body = JSON.stringify({ message: r.message }) + '\n';
      socket.end(`HTTP/1.1 ${r.status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    const conn = await engine.hijack({ method: r.method as Method, path: r.path, headers: r.headers, body: r.body ?? undefined });
    if (conn.status !== 101) {
      // No 101: relay the answer and close; never tunnel (§4.6).
      const chunks: Uint8Array[] = [];
      for await (const c of conn.body) chunks.push(c);
      const body = Buffer.concat(chunks);
      socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${conn.status} X\r\nContent-Type: ${conn.headers['content-type'] ?? 'application/json'}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`), body]));
      return;
    }
    socket.write(`HTTP/1.1 101 UPGRADED\r\nContent-Type: ${conn.headers['content-type'] ?? 'application/vnd.docker.raw-stream'}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`);
    const rest = got.subarray(want);
    if (rest.length) void conn.write(new Uint8Array(rest));
    socket.on('data', (c: Buffer) => void conn.write(new Uint8Array(c)).catch(() => socket.destroy()));
    socket.on('end', () => void conn.closeWrite().catch(() => undefined));
    socket.on('error', () => conn.close());
    try {
      for await (const c of conn.body) socket.write(c);
    } catch {
      /* upstream closed */
    }
    socket.end();
  });

  await new Promise<void>((ok) => server.listen(socketPath, ok));
  return {
    host: `unix://${socketPath}`,
    decisions,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        for (const s of hijacked) s.destroy();
        server.close(() => ok());
      }),
  };
}
