/**
 * The runner's session protocol against fake engines (fake-engine.ts):
 * creation and its caps, Origin, tokens, the first-message auth, frame and
 * rate limits, TTLs, heartbeats, explicit close, refusals, buffered and
 * streamed bodies, back-pressure and the verified-101 tunnel. Real
 * per-session dockerds: engines.test.ts; a crash and restart: crash.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from './fake-engine.ts';
import { ORIGIN, runner } from './harness.ts';
import { RunnerClient, createSession, frame } from './client.ts';

type R = Awaited<ReturnType<typeof runner>>;
let r: R | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

async function start(env: Record<string, string> = {}, policy?: Parameters<typeof runner>[2]) {
  const backend = new FakeBackend();
  r = await runner(backend, env, policy);
  return { backend, r };
}

async function session(base: string) {
  const c = await createSession(base, ORIGIN);
  expect(c.status).toBe(201);
  return c.body;
}

describe('sessions over HTTP', () => {
  it('creates a session with an id, a 256-bit token, its expiry and engine, and CORS for the exact origin', async () => {
    const { r } = await start({ RUNNER_TTL_SECONDS: '120', RUNNER_IDLE_SECONDS: '30' });
    const c = await createSession(r.url, ORIGIN);
    expect(c.status).toBe(201);
    expect(Object.keys(c.body)).toEqual(['id', 'token', 'expiresAt', 'idleSeconds', 'engine', 'runtime']);
    expect(c.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(c.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.body.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const ttl = Date.parse(c.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    expect([c.body.idleSeconds, c.body.engine, c.body.runtime]).toEqual([30, 'docker 28.5.1', 'fake']);
    expect(c.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('answers /healthz and the CORS preflight of an allowed origin only', async () => {
    const { r } = await start();
    const h = await fetch(`${r.url}/healthz`);
    expect([h.status, await h.text()]).toEqual([200, 'ok']);
    const pre = await fetch(`${r.url}/v1/sessions`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect([pre.status, pre.headers.get('access-control-allow-origin'), pre.headers.get('access-control-allow-methods')]).toEqual([204, ORIGIN, 'POST']);
    const bad = await fetch(`${r.url}/v1/sessions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect([bad.status, bad.headers.get('access-control-allow-origin')]).toEqual([403, null]);
  });

  it.each([
    ['missing', null],
    ['wrong', 'https://evil.example'],
    ['case variant', 'HTTP://PAGE.TEST'],
    ['null', 'null'],
    ['suffix', 'http://page.test.evil.com'],
    ['with a port', 'http://page.test:80'],
  ])('refuses a %s Origin on POST and on the WebSocket', async (_name, origin) => {
    const { r, backend } = await start();
    const c = await createSession(r.url, origin);
    expect([c.status, c.body.message, c.headers.get('access-control-allow-origin')]).toEqual([403, 'layerlab runner: this page is not allowed to use the runner', null]);
    expect(backend.engines.size).toBe(0);
    const ok = await session(r.url);
    await expect(RunnerClient.open(r.url, ok.id, ok.token, { origin })).rejects.toThrow('HTTP 403');
  });

  it('refuses more than 16 open WebSockets from one address with 429, and frees the slot on close', async () => {
    const { r } = await start();
    const s = await session(r.url);
    const held = await Promise.all(Array.from({ length: 16 }, () => RunnerClient.open(r.url, s.id, null)));
    await expect(RunnerClient.open(r.url, s.id, null)).rejects.toThrow('HTTP 429');
    held[0]!.ws.close();
    await held[0]!.closed;
    await vi.waitFor(async () => expect((await RunnerClient.open(r.url, s.id, s.token)).ws.readyState).toBe(1));
  });

  it('refuses a WebSocket without the runner subprotocol', async () => {
    const { r } = await start();
    const s = await session(r.url);
    await expect(RunnerClient.open(r.url, s.id, s.token, { protocol: 'chat' })).rejects.toThrow();
  });

  it('caps sessions per client address and in all with 429', async () => {
    const { r } = await start({ RUNNER_SESSIONS_PER_IP: '2', RUNNER_MAX_SESSIONS: '3' });
    await session(r.url);
    await session(r.url);
    const third = await createSession(r.url, ORIGIN);
    expect([third.status, third.body.message]).toEqual([429, 'layerlab runner: at most 2 sessions per client address']);
    await r.close();
    const again = await start({ RUNNER_SESSIONS_PER_IP: '5', RUNNER_MAX_SESSIONS: '1' });
    await session(again.r.url);
    const over = await createSession(again.r.url, ORIGIN);
    expect([over.status, over.body.message]).toEqual([429, 'layerlab runner: the runner holds its maximum of 1 sessions; try again later']);
  });

  it('DELETE needs the session’s own token and tears the session down', async () => {
    const { r, backend } = await start();
    const a = await session(r.url);
    const b = await session(r.url);
    const del = (id: string, token: string) => fetch(`${r.url}/v1/sessions/${id}`, { method: 'DELETE', headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
    expect((await del(a.id, b.token)).status).toBe(401);
    expect((await del(a.id, 'x'.repeat(43))).status).toBe(401);
    expect(backend.destroyed).toEqual([]);
    expect((await del(a.id, a.token)).status).toBe(204);
    expect(backend.destroyed).toEqual([a.id]);
    expect((await del(a.id, a.token)).status).toBe(401);
  });
});

describe('the reaper and HTTP limits', () => {
  it('destroys backend sessions it does not know, on start and on its timer, and keeps its own', async () => {
    const backend = new FakeBackend();
    const policy = { sessionId: 'x', labels: {}, network: 'none' as const, memoryBytes: 1, nanoCpus: 1, pidsLimit: 1 };
    await backend.create({ id: 'orphanBeforeStart00000', labels: {}, policy });
    r = await runner(backend, { RUNNER_REAP_SECONDS: '1' });
    expect(backend.destroyed).toEqual(['orphanBeforeStart00000']);
    const mine = await session(r.url);
    await backend.create({ id: 'orphanAfterStart000000', labels: {}, policy });
    await vi.waitFor(() => expect(backend.destroyed).toEqual(['orphanBeforeStart00000', 'orphanAfterStart000000']), { timeout: 5000 });
    expect(await backend.list()).toEqual([mine.id]);
  });

  it('answers 431 to a huge header and survives thousands of headers (CVE-2024-37890)', async () => {
    const { r } = await start();
    const huge = await fetch(`${r.url}/healthz`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(huge.status).toBe(431);
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) many[`x-h${i}`] = '1';
    // 3000 headers are over 16 KiB of header: refused whole, before any header is looked at.
    expect((await fetch(`${r.url}/healthz`, { headers: many })).status).toBe(431);
    expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
  });
});

describe('the WebSocket', () => {
  it('authenticates with the first message and forwards a request', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const pong = await c.request('GET', '/_ping');
    expect([pong.status, pong.headers['api-version'], pong.body.toString()]).toEqual([200, '1.51', 'OK']);
    expect(backend.engines.get(s.id)!.requests.map((q) => `${q.method} ${q.url}`)).toEqual(['GET /version', 'GET /_ping']);
  });

  it('forwards through the default policy module (GET /_ping)', async () => {
    const { r } = await start({}, 'default');
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    expect((await c.request('GET', '/_ping')).status).toBe(200);
  });

  it.each([
    ['a wrong token', (s: { token: string }, _o: { token: string }) => JSON.stringify({ type: 'auth', token: s.token.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')) })],
    ['the other session’s token', (_s: { token: string }, o: { token: string }) => JSON.stringify({ type: 'auth', token: o.token })],
    ['a binary first message', (s: { token: string }) => Buffer.from(JSON.stringify({ type: 'auth', token: s.token }))],
    ['a request first', () => JSON.stringify({ type: 'request', id: 1, method: 'GET', path: '/_ping', headers: {}, body: false })],
    ['malformed JSON', () => '{"type":"auth",'],
  ])('closes with 4401 on %s, and the engine sees nothing', async (_n, auth) => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const other = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, null, { authMessage: auth(s, other) });
    expect(await c.closed).toEqual({ code: 4401, reason: 'authentication failed' });
    expect(backend.engines.get(s.id)!.requests.map((q) => q.url)).toEqual(['/version']);
  });

  it('closes with 4401 when no auth comes within RUNNER_AUTH_SECONDS', async () => {
    const { r } = await start({ RUNNER_AUTH_SECONDS: '1' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, null);
    expect(await c.closed).toEqual({ code: 4401, reason: 'authentication timed out' });
  });

  it('refuses an expired session’s token (hard TTL) and ends the open socket with 4410', async () => {
    const { r, backend } = await start({ RUNNER_TTL_SECONDS: '1' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    expect(await c.closed).toEqual({ code: 4410, reason: 'session ended: expired' });
    expect(backend.destroyed).toEqual([s.id]);
    const late = await RunnerClient.open(r.url, s.id, s.token);
    expect(await late.closed).toEqual({ code: 4401, reason: 'authentication failed' });
  });

  it('ends an idle session with 4408, and activity postpones it', async () => {
    const { r, backend } = await start({ RUNNER_IDLE_SECONDS: '2' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    let sent = 0;
    // Activity every half idle period keeps it alive; the last request is the one the idle clock counts from.
    for (; sent < 4; sent++) {
      await c.request('GET', '/_ping');
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    expect(backend.destroyed).toEqual([]);
    expect(await c.closed).toEqual({ code: 4408, reason: 'session ended: idle' });
    expect(backend.destroyed).toEqual([s.id]);
  });

  it('terminates a connection that stops answering pings', async () => {
    const { r, backend } = await start({ RUNNER_HEARTBEAT_SECONDS: '1' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token, { autoPong: false });
    expect((await c.closed).code).toBe(1006);
    expect(r.events.some((e) => e.event === 'heartbeat lost')).toBe(true);
    // A lost connection is not a closed tab: the session waits for a reconnect (until its idle TTL).
    expect(backend.destroyed).toEqual([]);
    const again = await RunnerClient.open(r.url, s.id, s.token);
    expect((await again.request('GET', '/_ping')).status).toBe(200);
  });

  it('ends the session on bye, and on a closed tab (1001)', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    await c.request('GET', '/_ping');
    c.bye();
    expect(await c.closed).toEqual({ code: 1000, reason: 'session ended: bye' });
    await vi.waitFor(() => expect(backend.destroyed).toEqual([s.id]));
    const t = await session(r.url);
    const tab = await RunnerClient.open(r.url, t.id, t.token);
    await tab.request('GET', '/_ping');
    tab.ws.close(1001);
    await vi.waitFor(() => expect(backend.destroyed).toEqual([s.id, t.id]));
  });

  it('lets a second connection take the session over (4409 to the first)', async () => {
    const { r } = await start();
    const s = await session(r.url);
    const a = await RunnerClient.open(r.url, s.id, s.token);
    await a.request('GET', '/_ping');
    const b = await RunnerClient.open(r.url, s.id, s.token);
    expect(await a.closed).toEqual({ code: 4409, reason: 'another connection took this session' });
    expect((await b.request('GET', '/_ping')).status).toBe(200);
  });

  it('closes with 1009 on a frame over 1 MiB and on a control message over 64 KiB', async () => {
    const { r } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    await c.request('GET', '/_ping');
    c.raw(Buffer.alloc(1024 * 1024 + 1));
    expect((await c.closed).code).toBe(1009);
    const d = await RunnerClient.open(r.url, s.id, s.token);
    await d.request('GET', '/_ping');
    d.raw(JSON.stringify({ type: 'request', pad: 'x'.repeat(64 * 1024) }));
    expect(await d.closed).toEqual({ code: 1009, reason: 'control message too large' });
  });

  it('closes with 1008 past the message rate', async () => {
    const { r } = await start({ RUNNER_MESSAGES_PER_SECOND: '20' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    for (let i = 0; i < 100; i++) c.raw('{"type":"noop"}');
    expect(await c.closed).toEqual({ code: 1008, reason: 'message rate limit exceeded' });
  });

  it('ignores malformed control messages and requests without crashing', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    for (const m of ['not json', '[]', 'null', '{"type":"request","id":2,"method":"GET","path":"/_ping","body":false}', '{"type":"request","id":1,"method":"PATCH","path":"/_ping","body":false}', '{"type":"request","id":1,"method":"GET","path":"x","body":false}', '{"type":"request","id":1,"method":"GET","path":"/_ping","body":"yes"}', '{"type":"request","id":1,"method":"GET","path":"/_ping","headers":{"A":"1","a":"2"},"body":false}'])
      c.raw(m);
    c.raw(frame(7, Buffer.from('stray')));
    expect((await c.request('GET', '/_ping')).status).toBe(200);
    expect(backend.engines.get(s.id)!.requests.map((q) => q.url)).toEqual(['/version', '/_ping']);
  });
});

describe('forwarding', () => {
  it('answers a refusal as an ordinary response with the runner’s message, and the engine sees nothing', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const res = await c.request('POST', '/refuse-me', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') });
    expect([res.status, res.headers['content-type'], res.body.toString()]).toEqual([403, 'application/json', '{"message":"layerlab runner: refuse-me is not allowed"}\n']);
    expect(backend.engines.get(s.id)!.requests.map((q) => q.url)).toEqual(['/version']);
  });

  it('forgets finished streams: more requests than the open-stream cap, one after another, all answered', async () => {
    const { r } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await c.request('POST', '/refuse-me', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') })).status);
      statuses.push((await c.request('POST', '/v1.51/build', { headers: { 'content-type': 'application/x-tar' }, body: Buffer.alloc(512) })).status);
      statuses.push((await c.request('GET', '/_ping')).status);
    }
    expect(statuses).toEqual(Array.from({ length: 40 }, () => [403, 404, 200]).flat());
  });

  it('forwards the policy’s body with its own Content-Length, in chunks, and refuses JSON bodies over maxJsonBody with 413', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const json = Buffer.from(JSON.stringify({ a: 'x'.repeat(1000) }));
    const res = await c.request('POST', '/v1.51/echo', { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: [json.subarray(0, 10), json.subarray(10)] });
    expect([res.status, res.body.equals(json)]).toEqual([200, true]);
    const seen = backend.engines.get(s.id)!.requests.at(-1)!;
    expect([seen.headers['content-length'], seen.headers['transfer-encoding'], seen.headers['content-type']]).toEqual([String(json.length), undefined, 'application/json']);
    const big = await c.request('POST', '/v1.51/echo', { headers: { 'content-type': 'application/json' }, body: [Buffer.alloc(40 * 1024, 0x20), Buffer.alloc(40 * 1024, 0x20)] });
    expect([big.status, big.body.toString()]).toEqual([413, '{"message":"layerlab runner: request body over 65536 bytes"}\n']);
    expect(backend.engines.get(s.id)!.requests.map((q) => q.url)).toEqual(['/version', '/v1.51/echo']);
    expect((await c.request('GET', '/_ping')).status).toBe(200);
  });

  it('sends the policy’s rebuilt request, never the page’s bytes or headers', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const res = await c.request('POST', '/v1.51/echo?rebuild', { headers: { 'content-type': 'application/json', 'x-registry-auth': 'secret', connection: 'upgrade', upgrade: 'tcp' }, body: Buffer.from('{"HostConfig":{"Privileged":true}}') });
    expect([res.status, res.body.toString()]).toEqual([200, '{"rebuilt":true}']);
    const seen = backend.engines.get(s.id)!.requests.at(-1)!;
    expect([seen.url, seen.body.toString()]).toEqual(['/v1.51/echo', '{"rebuilt":true}']);
    expect(Object.keys(seen.headers).sort()).toEqual(['connection', 'content-length', 'content-type', 'host', 'user-agent']);
    expect(seen.headers.connection).toBe('keep-alive');
  });

  it('streams a tar body to the engine and caps it at the policy’s maxBytes', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const parts = Array.from({ length: 12 }, (_, i) => Buffer.alloc(256 * 1024, i));
    const res = await c.request('POST', '/v1.51/build?t=x', { headers: { 'content-type': 'application/x-tar' }, body: parts });
    expect(res.status).toBe(404); // the fake engine has no /build; what matters is what it received
    expect(backend.engines.get(s.id)!.requests.at(-1)!.body.equals(Buffer.concat(parts))).toBe(true);
    const over = await c.request('POST', '/v1.51/build', { headers: { 'content-type': 'application/x-tar' }, body: Array.from({ length: 40 }, () => Buffer.alloc(256 * 1024)) });
    expect([over.status, over.body.toString()]).toEqual([413, '{"message":"layerlab runner: request body over 8388608 bytes"}\n']);
  });

  it('stops reading the engine while the page does not read, and delivers everything once it does', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const total = 96 * 1024 * 1024;
    const sock = (c.ws as unknown as { _socket: import('node:net').Socket })._socket;
    const res = c.request('GET', `/v1.51/stream?n=${total}`);
    sock.pause();
    const fe = backend.engines.get(s.id)!;
    await vi.waitFor(() => expect(fe.blocked && fe.streamed > 8 * 1024 * 1024).toBe(true), { timeout: 20_000 });
    // Blocked with most of the body unwritten: the runner holds at most its watermark plus socket buffers.
    const atBlock = fe.streamed;
    expect(atBlock).toBeLessThan(total / 2);
    sock.resume();
    const done = await res;
    expect([done.status, done.body.length]).toEqual([200, total]);
  }, 60_000);

  it('tunnels attach after a real 101, both ways, with closeWrite', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const t = await c.hijack('POST', '/v1.51/containers/x/attach?stream=1&stdin=1&stdout=1');
    expect([t.status, t.headers['content-type']]).toEqual([101, 'application/vnd.docker.raw-stream']);
    t.write(Buffer.from('hello'));
    await vi.waitFor(() => expect(Buffer.concat(t.output).toString()).toBe('HELLO'));
    t.closeWrite();
    await t.closed;
    expect(Buffer.concat(t.output).toString()).toBe('HELLO<eof>');
    expect(Buffer.concat(backend.engines.get(s.id)!.tunnelled).toString()).toBe('hello');
  });

  it('stops reading the page while the engine does not read a tunnel, and delivers everything once it does', async () => {
    const { r, backend } = await start({ RUNNER_MESSAGES_PER_SECOND: '100000' });
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const t = await c.hijack('POST', '/v1.51/containers/x/attach?stream=1&stdin=1&slow=1');
    expect(t.status).toBe(101);
    const chunk = Buffer.alloc(256 * 1024);
    const total = 96;
    for (let i = 0; i < total; i++) t.write(chunk.fill(i % 251));
    await vi.waitFor(() => expect(r.events.some((e) => e.event === 'input paused')).toBe(true), { timeout: 20_000 });
    backend.engines.get(s.id)!.resumeSlow!();
    const fe = backend.engines.get(s.id)!;
    await vi.waitFor(() => expect(Buffer.concat(fe.tunnelled).length).toBe(total * chunk.length), { timeout: 30_000 });
    const got = Buffer.concat(fe.tunnelled);
    expect(Array.from({ length: total }, (_, i) => got[i * chunk.length])).toEqual(Array.from({ length: total }, (_, i) => i % 251));
    expect(r.events.some((e) => e.event === 'input resumed')).toBe(true);
  }, 60_000);

  it('relays a refused upgrade (404) as a response and never tunnels what the page sends next', async () => {
    const { r, backend } = await start();
    const s = await session(r.url);
    const c = await RunnerClient.open(r.url, s.id, s.token);
    const t = await c.hijack('POST', '/v1.51/exec/nosuch/start', { body: Buffer.from('{"Detach":false}') });
    expect(t.status).toBe(404);
    await t.closed;
    t.write(Buffer.from('POST /v1.51/containers/create HTTP/1.1\r\nhost: x\r\n\r\n'));
    expect((await c.request('GET', '/_ping')).status).toBe(200);
    expect(backend.engines.get(s.id)!.tunnelled).toEqual([]);
  });
});
