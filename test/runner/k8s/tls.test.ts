/**
 * Mutual TLS between the runner and a session's engine, as deployed
 * (runner/deploy/kubernetes/README.md makes the certificates with these
 * openssl commands): a TLS terminator that demands a client certificate, as
 * `dockerd --tlsverify` does, stands in front of `bin/layerlab daemon`.
 * Requests and a hijacked attach pass; a client from another CA and an
 * engine under another name are refused.
 */
import { connect, type Socket } from 'node:net';
import { createServer, type Server } from 'node:tls';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { SessionStartError, type EngineTls } from '../../../runner/backends/kubernetes.ts';
import { podName } from '../../../runner/backends/kubernetes-pod.ts';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.ts';
import { backendOn, NAMESPACE, spec, startEngine, text, type TestEngine } from './harness.ts';
import { makeCerts, type Pems } from './certs.ts';

let engine: TestEngine;
let pems: Pems;
let other: Pems;
let terminator: Server;
const sockets = new Set<Socket>();
const refused: string[] = [];
let port: number;
let fake: FakeApiServer;

beforeAll(async () => {
  engine = await startEngine();
  [pems, other] = await Promise.all([makeCerts(), makeCerts()]);
  // dockerd --tlsverify: only clients with a certificate from the CA get a byte through.
  terminator = createServer({ ca: pems.ca, cert: pems.serverCert, key: pems.serverKey, requestCert: true, rejectUnauthorized: true, allowHalfOpen: true }, (tls) => {
    const plain = connect({ port: engine.port, host: '127.0.0.1', allowHalfOpen: true });
    tls.pipe(plain).pipe(tls);
    tls.on('error', () => undefined).once('close', () => plain.destroy());
    plain.on('error', () => undefined).once('close', () => tls.destroy());
  });
  terminator.on('connection', (s: Socket) => (sockets.add(s), s.once('close', () => sockets.delete(s))));
  terminator.on('tlsClientError', (err) => refused.push(err.message));
  await new Promise<void>((ok) => terminator.listen(0, '127.0.0.1', ok));
  port = (terminator.address() as { port: number }).port;
}, 120_000); // a process start, on a machine the tests share
afterAll(async () => {
  // The runner's HTTPS agent keeps connections alive; end them so the terminator can close.
  for (const s of sockets) s.destroy();
  await new Promise((ok) => terminator.close(ok));
  await engine.stop();
});
afterEach(async () => fake?.close());

const client = (p: Pems, servername = 'layerlab-session'): EngineTls => ({ ca: p.ca, cert: p.clientCert, key: p.clientKey, servername });
async function backend(tls: EngineTls, readyTimeoutMs = 10_000) {
  fake = await startFakeApiServer({ namespace: NAMESPACE });
  return backendOn(fake, port, { tls: { client: tls, secret: 'layerlab-session-tls' }, readyTimeoutMs });
}

test('the session pod mounts the engines’ certificate and its dockerd demands a client certificate', async () => {
  await (await backend(client(pems))).create(spec('a'));
  const [pod] = fake.objects('pods');
  expect(pod!.spec.containers[0].args.slice(0, 6)).toEqual(['dockerd', `--host=tcp://0.0.0.0:${port}`, '--tlsverify', '--tlscacert=/certs/ca.pem', '--tlscert=/certs/cert.pem', '--tlskey=/certs/key.pem']);
});

test('with the runner’s client certificate, requests and a hijacked attach pass through TLS', async () => {
  const session = await (await backend(client(pems))).create(spec('a'));
  const t = session.transport;
  const json = { 'content-type': 'application/json' };
  const pull = await t.request({ method: 'POST', path: '/v1.51/images/create?fromImage=alpine&tag=latest' });
  await text(pull.body);
  expect(pull.status).toBe(200);
  const body = new TextEncoder().encode(JSON.stringify({ Image: 'alpine', Cmd: ['cat'], OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true }));
  const created = await t.request({ method: 'POST', path: '/v1.51/containers/create', headers: json, body });
  const { Id } = JSON.parse(await text(created.body)) as { Id: string };
  const conn = await t.hijack({ method: 'POST', path: `/v1.51/containers/${Id}/attach?stream=1&stdin=1&stdout=1` });
  expect(conn.status).toBe(101);
  const started = await t.request({ method: 'POST', path: `/v1.51/containers/${Id}/start` });
  expect([started.status, await text(started.body)]).toEqual([204, '']);
  // `echo -n hi | docker run -i alpine cat`: stdin's end travels as a TLS half-close (close_notify), as
  // docker/cli's CloseWrite on a tls.Conn; the output comes back in stdcopy frames (no tty).
  await conn.write(new TextEncoder().encode('hi'));
  await conn.closeWrite();
  const out: number[] = [];
  for await (const chunk of conn.body) out.push(...chunk);
  expect(out).toEqual([1, 0, 0, 0, 0, 0, 0, 2, ...new TextEncoder().encode('hi')]);
});

test('a client certificate from another CA is refused by the engine, and the session does not start', async () => {
  const b = await backend({ ...client(pems), cert: other.clientCert, key: other.clientKey }, 1000);
  const err = (await b.create(spec('a')).catch((e: unknown) => e)) as Error;
  // The same request with the runner's own certificate passes (the test above): only the certificate
  // differs. The handshake is aborted and Node reports a dropped connection on both ends.
  expect(err.message).toBe(`session pod ${podName('a')} is ready but its engine at tcp://127.0.0.1:${port} does not answer /_ping: socket hang up`);
  expect(refused.length).toBeGreaterThan(0);
  expect(await b.list()).toEqual([]);
});

test('an engine whose certificate names another host is refused by the runner', async () => {
  const b = await backend(client(pems, 'someone-else'), 1000);
  await expect(b.create(spec('a'))).rejects.toThrow(
    new SessionStartError(`session pod ${podName('a')} is ready but its engine at tcp://127.0.0.1:${port} does not answer /_ping: Hostname/IP does not match certificate's altnames: Host: someone-else. is not in the cert's altnames: DNS:layerlab-session`),
  );
});
