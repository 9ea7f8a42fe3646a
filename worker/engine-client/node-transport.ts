/**
 * The Engine API transport of Node: node:http over a unix socket
 * (`unix:///var/run/docker.sock`) or TCP (`tcp://127.0.0.1:2375`), and the
 * hijacked connection of attach and exec start (`Upgrade: tcp`, answered by
 * `101 UPGRADED`, after which the socket carries the raw streams). Lives
 * outside the pure layers: only bin/, runner/ and tests import it.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { ByteStream } from '../engine/stream.ts';
import type { HijackedConnection, Transport, TransportRequest, TransportResponse } from './transport.ts';

/** Where a daemon listens, as DOCKER_HOST spells it. */
export function parseHost(host: string): { socketPath: string } | { host: string; port: number } {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const m = /^tcp:\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(host);
  if (m) return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
  throw new Error(`unsupported engine address ${host}: use unix:///PATH or tcp://HOST:PORT`);
}

/**
 * A transport to the daemon at `host` (unix:// or tcp://). With `tls` (CA, client certificate and key), it
 * speaks HTTPS as `docker --tlsverify` does to a daemon started with `--tlsverify` on port 2376.
 */
export function nodeTransport(host: string, opts: { tls?: { ca: string; cert: string; key: string; servername?: string } } = {}): Transport {
  const target = parseHost(host);
  const client = opts.tls ? https : http;
  const base = (req: TransportRequest, extra: Record<string, string> = {}): https.RequestOptions => ({
    ...target,
    ...opts.tls,
    method: req.method,
    path: req.path,
    // docker/cli's User-Agent names its version; the daemon logs it only.
    headers: { host: 'api.moby.localhost', 'user-agent': 'Docker-Client/28.5.1 (linux)', ...req.headers, ...extra },
  });
  return {
    request: (req) =>
      new Promise<TransportResponse>((resolve, reject) => {
        const r = client.request(base(req), (res) => resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: res }));
        r.on('error', reject);
        void send(r, req.body).catch(reject);
      }),
    hijack: (req) =>
      new Promise<HijackedConnection>((resolve, reject) => {
        const r = client.request(base(req, { connection: 'Upgrade', upgrade: 'tcp' }));
        r.on('error', reject);
        r.on('upgrade', (res, socket: Socket, head: Buffer) => resolve(hijacked(res.statusCode ?? 101, flatHeaders(res.headers), socket, head)));
        // A daemon refusing the request (404, 409) answers without upgrading.
        r.on('response', (res) => resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: res, write: async () => undefined, closeWrite: async () => undefined, close: () => res.destroy() }));
        void send(r, req.body).catch(reject);
      }),
  };
}

async function send(r: http.ClientRequest, body: Uint8Array | ByteStream | undefined): Promise<void> {
  if (body instanceof Uint8Array) r.end(body);
  else if (body) {
    for await (const chunk of body) if (!r.write(chunk)) await new Promise((ok) => r.once('drain', ok));
    r.end();
  } else r.end();
}

function hijacked(status: number, headers: Record<string, string>, socket: Socket, head: Buffer): HijackedConnection {
  async function* body(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for await (const chunk of socket) yield chunk as Buffer;
  }
  return {
    status,
    headers,
    body: body(),
    write: (bytes) => new Promise<void>((ok, fail) => socket.write(bytes, (err) => (err ? fail(err) : ok()))),
    closeWrite: async () => void socket.end(),
    close: () => socket.destroy(),
  };
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
