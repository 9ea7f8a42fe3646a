/**
 * The Engine API transport of the page: HTTP exchanges multiplexed over the
 * remote runner's WebSocket (runner-protocol.md, subprotocol
 * `layerlab-runner.v1`). Text frames are JSON control messages; binary
 * frames are `[u32 big-endian stream id][payload]`. Each request is a
 * stream the page numbers (odd, increasing); its body goes as binary frames
 * and `end`, and the runner answers `response`, binary frames and `end`.
 * A hijack (attach, exec start) is a request with `upgrade: true`: after the
 * runner's 101 the stream carries raw bytes both ways until `close`.
 *
 * The socket is anything shaped as the WHATWG WebSocket (the browser's, or
 * `ws`'s in Node), already open and authenticated (worker/runner-client).
 */
import type { ByteStream } from '../engine/stream.ts';
import type { HijackedConnection, Transport, TransportRequest, TransportResponse } from './transport.ts';

/** The members of a WHATWG WebSocket this transport uses. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  binaryType: string;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (ev: { code: number; reason: string }) => void): void;
  addEventListener(type: 'open' | 'error', listener: (ev: unknown) => void): void;
}

/** runner-protocol.md: the page sends at most 256 KiB per binary frame. */
export const MAX_FRAME = 256 * 1024;
/** runner-protocol.md: the page waits for `bufferedAmount` to drop below 4 MiB before sending more. */
export const HIGH_WATER = 4 * 1024 * 1024;
/** WebSocket.OPEN. */
const OPEN = 1;

/** The connection to the runner ended: every open exchange fails with this. */
export class RunnerClosedError extends Error {
  /** The CLI prints a transport failure as the page's own words (worker/cli/docker.ts report). */
  readonly transport = true;
  constructor(
    message: string,
    /** The WebSocket close code (1006: dropped without a close frame). */
    readonly code: number,
  ) {
    super(message);
    this.name = 'RunnerClosedError';
  }
}

/** Bytes that arrive over time, read once as a {@link ByteStream}. */
class Inbox implements AsyncIterable<Uint8Array> {
  #chunks: Uint8Array[] = [];
  #done = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;

  push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#notify();
  }
  end(error?: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    this.#notify();
  }
  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = this.#chunks.shift();
      if (chunk !== undefined) {
        yield chunk;
        continue;
      }
      if (this.#done) {
        if (this.#error) throw this.#error;
        return;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}

/** One exchange in flight. */
interface Exchange {
  respond(res: { status: number; headers: Record<string, string> }): void;
  fail(error: Error): void;
  body: Inbox;
  answered: boolean;
}

/** A control message from the runner. */
type Control =
  | { type: 'response'; id: number; status: number; headers?: Record<string, string> }
  | { type: 'end' | 'close'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'bye' };

/** The Engine API over one runner WebSocket. */
export class WsTransport implements Transport {
  readonly #ws: WebSocketLike;
  #next = 1;
  readonly #open = new Map<number, Exchange>();
  #closed: RunnerClosedError | undefined;
  readonly #onClose: Array<(error: RunnerClosedError) => void> = [];

  /** `ws`: open and authenticated. */
  constructor(ws: WebSocketLike) {
    this.#ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('message', (ev) => this.#receive(ev.data));
    ws.addEventListener('close', (ev) => this.#ended(ev.code, ev.reason));
  }

  /** Whether the socket has ended (then every call fails with {@link closed}). */
  get closed(): RunnerClosedError | undefined {
    return this.#closed;
  }

  /** Called once when the socket ends, with why. */
  onClose(listener: (error: RunnerClosedError) => void): void {
    if (this.#closed) listener(this.#closed);
    else this.#onClose.push(listener);
  }

  /** Sends a control message (`bye`, or the runner-client's own). */
  control(message: Record<string, unknown>): void {
    if (this.#ws.readyState === OPEN) this.#ws.send(JSON.stringify(message));
  }

  async request(req: TransportRequest): Promise<TransportResponse> {
    const { id, exchange, answer } = this.#start(req, false);
    await this.#sendBody(id, req.body);
    const res = await answer;
    return { ...res, body: exchange.body };
  }

  async hijack(req: TransportRequest): Promise<HijackedConnection> {
    const { id, exchange, answer } = this.#start(req, true);
    await this.#sendBody(id, req.body);
    const res = await answer;
    if (res.status !== 101) return { ...res, body: exchange.body, write: async () => undefined, closeWrite: async () => undefined, close: () => this.#forget(id) };
    let closed = false;
    return {
      ...res,
      body: exchange.body,
      write: async (bytes) => {
        this.#check();
        for (let at = 0; at < bytes.length; at += MAX_FRAME) await this.#sendFrame(id, bytes.subarray(at, at + MAX_FRAME));
      },
      closeWrite: async () => this.control({ type: 'closeWrite', id }),
      close: () => {
        if (closed) return;
        closed = true;
        this.control({ type: 'close', id });
        this.#forget(id);
      },
    };
  }

  #start(req: TransportRequest, upgrade: boolean): { id: number; exchange: Exchange; answer: Promise<{ status: number; headers: Record<string, string> }> } {
    this.#check();
    const id = this.#next;
    this.#next += 2;
    let respond!: Exchange['respond'];
    let fail!: Exchange['fail'];
    const answer = new Promise<{ status: number; headers: Record<string, string> }>((ok, no) => {
      respond = ok;
      fail = no;
    });
    // A failure before the answer rejects the call; after it, it ends the body with the error.
    answer.catch(() => undefined);
    const exchange: Exchange = { respond, fail, body: new Inbox(), answered: false };
    this.#open.set(id, exchange);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    this.control({ type: 'request', id, method: req.method, path: req.path, headers, body: req.body !== undefined, upgrade });
    return { id, exchange, answer };
  }

  async #sendBody(id: number, body: Uint8Array | ByteStream | undefined): Promise<void> {
    if (body === undefined) return;
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = body instanceof Uint8Array ? [body] : body;
    try {
      for await (const chunk of chunks) {
        for (let at = 0; at < chunk.length; at += MAX_FRAME) {
          // An exchange the runner already answered (a refusal) or that failed takes no more bytes.
          if (!this.#open.has(id) || this.#closed) return;
          await this.#sendFrame(id, chunk.subarray(at, at + MAX_FRAME));
        }
      }
    } catch (error) {
      // The page's own source failed (a file read): the runner is told the stream failed.
      this.control({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
      this.#open.get(id)?.fail(error instanceof Error ? error : new Error(String(error)));
      this.#forget(id);
      return;
    }
    this.control({ type: 'end', id });
  }

  /** One binary frame, after the socket's buffer has drained below the high-water mark. */
  async #sendFrame(id: number, payload: Uint8Array): Promise<void> {
    // The browser's WebSocket has no drain event: bufferedAmount is polled (a macrotask each time, so sending yields to receiving).
    while (this.#ws.bufferedAmount >= HIGH_WATER && !this.#closed) await new Promise((resolve) => setTimeout(resolve, 5));
    this.#check();
    const frame = new Uint8Array(4 + payload.length);
    new DataView(frame.buffer).setUint32(0, id);
    frame.set(payload, 4);
    this.#ws.send(frame);
  }

  #receive(data: unknown): void {
    if (typeof data === 'string') return this.#controlIn(data);
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined;
    if (bytes === undefined || bytes.length < 4) return;
    const id = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    this.#open.get(id)?.body.push(bytes.slice(4));
  }

  #controlIn(text: string): void {
    let m: Control;
    try {
      m = JSON.parse(text) as Control;
    } catch {
      return;
    }
    if (m.type === 'bye') {
      this.#ws.close(1000, 'bye');
      return;
    }
    const ex = this.#open.get(m.id);
    if (!ex) return;
    if (m.type === 'response') {
      ex.answered = true;
      ex.respond({ status: m.status, headers: m.headers ?? {} });
    } else if (m.type === 'end' || m.type === 'close') {
      ex.body.end();
      this.#open.delete(m.id);
    } else if (m.type === 'error') {
      const err = new Error(m.message);
      if (ex.answered) ex.body.end(err);
      else ex.fail(err);
      this.#open.delete(m.id);
    }
  }

  #forget(id: number): void {
    this.#open.get(id)?.body.end();
    this.#open.delete(id);
  }

  #check(): void {
    if (this.#closed) throw this.#closed;
  }

  #ended(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = new RunnerClosedError(closeMessage(code, reason), code);
    for (const ex of this.#open.values()) {
      if (ex.answered) ex.body.end(this.#closed);
      else ex.fail(this.#closed);
    }
    this.#open.clear();
    for (const l of this.#onClose.splice(0)) l(this.#closed);
  }
}

/** A close code in plain words (runner-protocol.md's codes, RFC 6455's). */
export function closeMessage(code: number, reason = ''): string {
  const why = reason ? ` (${reason})` : '';
  switch (code) {
    case 1000:
      return `the runner session ended${why}`;
    case 4401:
      return 'the runner refused the session: its token was not accepted (the session may have expired)';
    case 4409:
      return 'the runner session was opened in another tab or window, which took it over';
    case 4408:
    case 4410:
      return `the runner session expired${why}`;
    case 1006:
      return 'the connection to the runner dropped (the runner stopped, or the network went away)';
    default:
      return `the runner closed the connection (code ${code}${reason ? `: ${reason}` : ''})`;
  }
}
