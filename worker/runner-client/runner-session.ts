/**
 * A session on a remote runner (runner-protocol.md): `POST /v1/sessions`
 * for an id and token, the WebSocket `/v1/sessions/<id>/ws` with the
 * `layerlab-runner.v1` subprotocol, the token as the first message, then the
 * Engine API over it (engine-client/ws-transport.ts). Ending it says `bye`
 * and deletes the session, so the runner tears its engine down at once.
 *
 * A dropped socket is not retried: the learner is told in one plain
 * sentence (onDrop) and chooses to connect again, since a new session is a
 * new, empty engine and silently switching to it would lose their work.
 * Heartbeats are the runner's pings, which browsers and `ws` answer by
 * themselves.
 */
import { RunnerClosedError, WsTransport, type WebSocketLike } from '../engine-client/ws-transport.ts';

/** The subprotocol the runner speaks. */
export const RUNNER_PROTOCOL = 'layerlab-runner.v1';

/** Opens a WebSocket: the browser's constructor, or `ws`'s in Node with an Origin header. */
export type OpenWebSocket = (url: string, protocol: string) => WebSocketLike;

/** The `fetch` this module uses (the global one, or a test's). */
export type FetchLike = (url: string, init: { method: string; headers?: Record<string, string> }) => Promise<{ status: number; json(): Promise<unknown>; text(): Promise<string> }>;

/** What `POST /v1/sessions` answers. */
export interface RunnerSessionInfo {
  id: string;
  token: string;
  expiresAt: string;
  idleSeconds: number;
  /** `docker 28.x.y`: the engine behind the runner. */
  engine: string;
}

/** A failure to reach or use a runner, in plain words for the learner. */
export class RunnerError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'origin-refused' | 'busy' | 'expired' | 'refused' | 'bad-url',
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}

/** An open runner session. */
export interface RunnerSession {
  readonly info: RunnerSessionInfo;
  /** The runner's URL as given (`http://127.0.0.1:8787`). */
  readonly url: string;
  /** The Engine API transport over the session's WebSocket. */
  readonly transport: WsTransport;
  /** Called once if the socket ends without {@link RunnerSession.close}: why, in plain words. */
  onDrop(listener: (message: string) => void): void;
  /** Says `bye`, closes the socket and deletes the session (its engine goes away). */
  close(): Promise<void>;
}

/** How long the runner takes to answer the auth before the page gives up (it closes at 5 s itself). */
const OPEN_TIMEOUT_MS = 10_000;

/** The runner's base URL, normalized: http(s) only, no trailing slash. */
export function runnerBase(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new RunnerError(`"${url}" is not a runner address: give one such as http://127.0.0.1:8787`, 'bad-url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new RunnerError(`"${url}" is not a runner address: it must start with http:// or https://`, 'bad-url');
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** Creates a session on the runner at `url` and opens its WebSocket. */
export async function openRunnerSession(url: string, deps: { fetch: FetchLike; openWebSocket: OpenWebSocket }): Promise<RunnerSession> {
  const base = runnerBase(url);
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await deps.fetch(`${base}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  } catch {
    // A browser hides why (CORS refusal and a closed port look the same); the runner answers 403 with CORS headers, so this is a network failure.
    throw new RunnerError(`the runner at ${base} is unreachable (is it running, and does it allow this page's origin?)`, 'unreachable');
  }
  if (res.status === 403) throw new RunnerError(`the runner at ${base} refused this page's origin: add it to RUNNER_ALLOWED_ORIGINS`, 'origin-refused');
  if (res.status === 429) throw new RunnerError(`the runner at ${base} is full or this address has too many sessions; try again later`, 'busy');
  if (res.status !== 201) throw new RunnerError(`the runner at ${base} could not create a session (HTTP ${res.status}: ${(await res.text().catch(() => '')).trim()})`, 'refused');
  const info = (await res.json()) as RunnerSessionInfo;
  const wsUrl = `${base.replace(/^http/, 'ws')}/v1/sessions/${encodeURIComponent(info.id)}/ws`;
  const ws = await connect(deps.openWebSocket, wsUrl, info.token, base);
  const transport = new WsTransport(ws);
  let closing = false;
  const drops: Array<(m: string) => void> = [];
  transport.onClose((err) => {
    if (!closing) for (const l of drops) l(err.message);
  });
  return {
    info,
    url: base,
    transport,
    onDrop: (l) => void drops.push(l),
    async close() {
      if (closing) return;
      closing = true;
      transport.control({ type: 'bye' });
      ws.close(1000, 'bye');
      // The DELETE is the sure way: the bye may not arrive if the socket already dropped.
      await deps.fetch(`${base}/v1/sessions/${encodeURIComponent(info.id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${info.token}` } }).catch(() => undefined);
    },
  };
}

/** Opens the WebSocket and sends the token first; resolves once the socket is open and the auth sent. */
async function connect(open: OpenWebSocket, url: string, token: string, base: string): Promise<WebSocketLike> {
  let ws: WebSocketLike;
  try {
    ws = open(url, RUNNER_PROTOCOL);
  } catch (error) {
    throw new RunnerError(`could not open the runner's WebSocket: ${error instanceof Error ? error.message : String(error)}`, 'unreachable');
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.close();
      reject(new RunnerError(`the runner at ${base} did not answer in time`, 'unreachable'));
    }, OPEN_TIMEOUT_MS);
    ws.addEventListener('open', () => {
      clearTimeout(timer);
      ws.send(JSON.stringify({ type: 'auth', token }));
      resolve();
    });
    ws.addEventListener('close', (ev) => {
      clearTimeout(timer);
      const why = new RunnerClosedError('', ev.code);
      reject(new RunnerError(ev.code === 4401 ? 'the runner refused the session (expired or not accepted)' : `the runner at ${base} closed the connection before it opened (code ${why.code})`, ev.code === 4401 ? 'expired' : 'unreachable'));
    });
  });
  return ws;
}
