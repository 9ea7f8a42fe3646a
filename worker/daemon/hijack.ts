/**
 * Hijacked connections (moby httputils.HijackConnection): `attach` and
 * `exec start` take over the HTTP connection and carry raw bytes both ways.
 * With `Upgrade: tcp` (what the docker CLI sends) the answer is
 * `101 UPGRADED`; without, `200 OK` and the same stream (curl).
 * Content-Type says whether the stream is multiplexed (stdcopy frames, API
 * ≥ 1.42) or raw (a TTY).
 */
import type { Duplex } from 'node:stream';
import { compareVersions } from './api-version.ts';
import { commonHeaders } from './respond.ts';
import type { Call } from './router.ts';

/** A hijacked connection. */
export interface Conn {
  /** Writes bytes to the client (dropped once the client is gone). */
  write(bytes: Uint8Array): void;
  /** What the client sends (stdin), until it half-closes or goes away. */
  input(): AsyncGenerator<Uint8Array>;
  /** Ends the stream: the client reads EOF. */
  end(): void;
  /** Resolves when the client has gone away or the stream was ended. */
  readonly closed: Promise<void>;
}

/** The stream's media type, as moby chooses it. */
function mediaType(multiplexed: boolean, version: string): string {
  return multiplexed && compareVersions(version, '1.42') >= 0 ? 'application/vnd.docker.multiplexed-stream' : 'application/vnd.docker.raw-stream';
}

/**
 * The body bytes of a hijacked request: `exec start` sends its JSON config
 * with Content-Length before the stream; what follows is stdin. Returns the
 * body and the bytes after it.
 */
export async function takeBody(call: Call): Promise<{ body: Uint8Array; rest: Uint8Array }> {
  const len = Number(call.req.headers['content-length'] ?? 0);
  if (!call.upgrade) {
    const parts: Buffer[] = [];
    for await (const c of call.req) parts.push(c as Buffer);
    return { body: Buffer.concat(parts), rest: new Uint8Array() };
  }
  const { socket } = call.upgrade;
  let buf: Buffer = call.upgrade.head;
  while (buf.length < len) {
    const chunk = await new Promise<Buffer | null>((resolve) => {
      const onData = (d: Buffer): void => {
        cleanup();
        socket.pause();
        resolve(d);
      };
      const onEnd = (): void => {
        cleanup();
        resolve(null);
      };
      const cleanup = (): void => {
        socket.off('data', onData);
        socket.off('end', onEnd);
      };
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.resume();
    });
    if (chunk === null) break;
    buf = Buffer.concat([buf, chunk]);
  }
  return { body: buf.subarray(0, len), rest: buf.subarray(len) };
}

/** Takes over the connection of `call` and writes the stream's response head. */
export function hijack(call: Call, opts: { multiplexed: boolean; rest?: Uint8Array }): Conn {
  const type = mediaType(opts.multiplexed, call.version);
  if (call.upgrade) return upgraded(call.upgrade.socket, type, opts.rest ?? call.upgrade.head);
  const res = call.res!;
  res.writeHead(200, { ...commonHeaders(), 'Content-Type': type });
  res.flushHeaders();
  let done = false;
  const closed = new Promise<void>((resolve) => res.once('close', () => ((done = true), resolve())));
  return {
    write: (b) => void (done || res.write(b)),
    async *input() {
      for await (const c of call.req.iterator({ destroyOnReturn: false })) yield c as Uint8Array;
    },
    end: () => {
      if (!done) res.end();
      done = true;
    },
    closed,
  };
}

function upgraded(socket: Duplex, type: string, head: Uint8Array): Conn {
  const headers = { 'Content-Type': type, Connection: 'Upgrade', Upgrade: 'tcp', ...commonHeaders() };
  socket.write(`HTTP/1.1 101 UPGRADED\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
  let done = false;
  const closed = new Promise<void>((resolve) => {
    const finish = (): void => {
      done = true;
      resolve();
    };
    socket.once('close', finish);
    socket.once('error', finish);
  });
  return {
    write: (b) => void (done || socket.write(b)),
    async *input() {
      if (head.length > 0) yield head;
      // Not `for await (… of socket)`: its end destroys the socket, and a client that half-closes its
      // stdin (`echo x | docker run -i …`) would lose the output still to come.
      for await (const c of (socket as Duplex & { iterator(o: { destroyOnReturn: boolean }): AsyncIterable<Uint8Array> }).iterator({ destroyOnReturn: false })) yield c;
    },
    end: () => {
      if (done) return;
      done = true;
      // Half-close first so the client reads every byte, then release the socket (moby closes the connection).
      socket.end(() => socket.destroy());
    },
    closed,
  };
}
