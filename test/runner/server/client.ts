/**
 * A minimal Node client of the runner protocol (runner-protocol.md) for the
 * server's tests and bench/runner-load.ts: create a session over HTTP, open
 * its WebSocket, authenticate, send requests (buffered or streamed bodies),
 * read responses, and drive a hijacked stream. The page's browser client is
 * worker/engine-client/ws-transport.ts; this one stays small on purpose.
 */
import WebSocket from 'ws';

/** The created session as POST /v1/sessions returns it. */
export interface Created {
  id: string;
  token: string;
  expiresAt: string;
  idleSeconds: number;
  engine: string;
  runtime?: string;
}

/** POST /v1/sessions with `origin`; returns the status and the parsed body. */
export async function createSession(base: string, origin: string | null): Promise<{ status: number; body: Created & { message?: string }; headers: Headers }> {
  const r = await fetch(`${base}/v1/sessions`, { method: 'POST', headers: origin === null ? {} : { origin } });
  return { status: r.status, body: (await r.json()) as Created & { message?: string }, headers: r.headers };
}

/** A response read whole. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The `error` message when the stream failed midway. */
  error?: string;
}

/** A hijacked stream: what the engine sent so far, and ways to write and close. */
export interface Tunnel {
  status: number;
  headers: Record<string, string>;
  output: Buffer[];
  /** Resolves when the runner sends `close` for the stream. */
  closed: Promise<void>;
  write(bytes: Uint8Array): void;
  closeWrite(): void;
  close(): void;
}

interface Pending {
  onResponse(status: number, headers: Record<string, string>): void;
  onData(b: Buffer): void;
  onEnd(): void;
  onError(message: string): void;
  onClose(): void;
}

/** One authenticated (or not yet) connection. */
export class RunnerClient {
  readonly ws: WebSocket;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  #next = 1;
  readonly #pending = new Map<number, Pending>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data, isBinary) => {
      const buf = data as Buffer;
      if (isBinary) {
        this.#pending.get(buf.readUInt32BE(0))?.onData(buf.subarray(4));
        return;
      }
      const m = JSON.parse(buf.toString()) as { type: string; id: number; status: number; headers: Record<string, string>; message: string };
      const p = this.#pending.get(m.id);
      if (!p) return;
      if (m.type === 'response') p.onResponse(m.status, m.headers);
      else if (m.type === 'end') p.onEnd();
      else if (m.type === 'error') p.onError(m.message);
      else if (m.type === 'close') p.onClose();
    });
  }

  /** Opens the session's WebSocket; `token` null sends no auth message. Resolves once open (or rejects with the HTTP refusal). */
  static open(base: string, id: string, token: string | null, o: { origin?: string | null; protocol?: string; autoPong?: boolean; authMessage?: string | Buffer } = {}): Promise<RunnerClient> {
    const url = `${base.replace(/^http/, 'ws')}/v1/sessions/${id}/ws`;
    const headers: Record<string, string> = {};
    const ws = new WebSocket(url, o.protocol ?? 'layerlab-runner.v1', {
      ...(o.origin === null ? {} : { origin: o.origin ?? 'http://page.test' }),
      autoPong: o.autoPong ?? true,
      perMessageDeflate: false,
      headers,
      maxPayload: 64 * 1024 * 1024,
    });
    const c = new RunnerClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
      ws.once('open', () => {
        if (o.authMessage !== undefined) ws.send(o.authMessage);
        else if (token !== null) ws.send(JSON.stringify({ type: 'auth', token }));
        resolve(c);
      });
    });
  }

  #register(id: number, p: Pending): void {
    this.#pending.set(id, p);
  }

  /** Sends a request and reads its response whole. `body` as an array sends one binary frame per element. */
  request(method: string, path: string, o: { headers?: Record<string, string>; body?: Uint8Array | Uint8Array[] } = {}): Promise<Reply> {
    const id = this.#next;
    this.#next += 2;
    return new Promise<Reply>((resolve, reject) => {
      let status = 0;
      let headers: Record<string, string> = {};
      const chunks: Buffer[] = [];
      this.#register(id, {
        onResponse: (s, h) => ((status = s), (headers = h)),
        onData: (b) => chunks.push(Buffer.from(b)),
        onEnd: () => (this.#pending.delete(id), resolve({ status, headers, body: Buffer.concat(chunks) })),
        onError: (message) => (this.#pending.delete(id), resolve({ status, headers, body: Buffer.concat(chunks), error: message })),
        onClose: () => undefined,
      });
      void this.closed.then(({ code }) => reject(new Error(`connection closed (${code}) before the response ended`)));
      const hasBody = o.body !== undefined;
      this.ws.send(JSON.stringify({ type: 'request', id, method, path, headers: o.headers ?? {}, body: hasBody, upgrade: false }));
      if (hasBody) {
        for (const part of Array.isArray(o.body) ? o.body : [o.body!]) this.ws.send(frame(id, part));
        this.ws.send(JSON.stringify({ type: 'end', id }));
      }
    });
  }

  /** A hijacked request (attach / exec start); resolves on the response (101 or a refusal). */
  hijack(method: string, path: string, o: { headers?: Record<string, string>; body?: Uint8Array } = {}): Promise<Tunnel> {
    const id = this.#next;
    this.#next += 2;
    return new Promise<Tunnel>((resolve) => {
      let closeIt!: () => void;
      const t: Tunnel = {
        status: 0,
        headers: {},
        output: [],
        closed: new Promise((r) => (closeIt = r)),
        write: (b) => this.ws.send(frame(id, b)),
        closeWrite: () => this.ws.send(JSON.stringify({ type: 'closeWrite', id })),
        close: () => this.ws.send(JSON.stringify({ type: 'close', id })),
      };
      this.#register(id, {
        onResponse: (s, h) => ((t.status = s), (t.headers = h), resolve(t)),
        onData: (b) => t.output.push(Buffer.from(b)),
        onEnd: () => closeIt(),
        onError: () => closeIt(),
        onClose: () => closeIt(),
      });
      const hasBody = o.body !== undefined;
      this.ws.send(JSON.stringify({ type: 'request', id, method, path, headers: o.headers ?? {}, body: hasBody, upgrade: true }));
      if (hasBody) {
        this.ws.send(frame(id, o.body!));
        this.ws.send(JSON.stringify({ type: 'end', id }));
      }
    });
  }

  /** Sends raw text or binary (for malformed-message tests). */
  raw(data: string | Buffer): void {
    this.ws.send(data);
  }

  bye(): void {
    this.ws.send(JSON.stringify({ type: 'bye' }));
  }
}

/** A binary frame: u32 big-endian stream id, then the payload. */
export function frame(id: number, payload: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(4 + payload.length);
  b.writeUInt32BE(id, 0);
  b.set(payload, 4);
  return b;
}

/** The payloads of a multiplexed stream (8-byte headers), joined. */
export function demux(chunks: Buffer[]): string {
  const b = Buffer.concat(chunks);
  let out = '';
  for (let i = 0; i + 8 <= b.length; ) {
    const n = b.readUInt32BE(i + 4);
    out += b.subarray(i + 8, i + 8 + n).toString();
    i += 8 + n;
  }
  return out;
}

/**
 * `docker run --rm IMAGE sh -c CMD` as the docker CLI does it over the
 * API: create, attach (a verified 101), start, wait, remove. `check`
 * receives each step's status (tests assert, the bench counts).
 */
export async function dockerRun(
  c: RunnerClient,
  cmd: string,
  o: { name?: string; image?: string; check?: (label: string, got: number, want: number) => void } = {},
): Promise<{ out: string; code: number; id: string }> {
  const check = o.check ?? ((label, got, want) => {
    if (got !== want) throw new Error(`${label}: ${got}, expected ${want}`);
  });
  const create = JSON.stringify({ Image: o.image ?? 'alpine', Cmd: ['sh', '-c', cmd], AttachStdout: true, AttachStderr: true });
  const created = await c.request('POST', `/v1.51/containers/create${o.name ? `?name=${o.name}` : ''}`, { headers: { 'content-type': 'application/json' }, body: Buffer.from(create) });
  check(`create ${created.body.toString().trim()}`, created.status, 201);
  const id = (JSON.parse(created.body.toString()) as { Id: string }).Id;
  const t = await c.hijack('POST', `/v1.51/containers/${id}/attach?stream=1&stdout=1&stderr=1`);
  check('attach', t.status, 101);
  check('start', (await c.request('POST', `/v1.51/containers/${id}/start`)).status, 204);
  const waited = await c.request('POST', `/v1.51/containers/${id}/wait`);
  check('wait', waited.status, 200);
  await t.closed;
  if (!o.name) check('remove', (await c.request('DELETE', `/v1.51/containers/${id}`)).status, 204);
  return { out: demux(t.output), code: (JSON.parse(waited.body.toString()) as { StatusCode: number }).StatusCode, id };
}
