/**
 * The security catalogue end to end through the whole runner: each §5.3
 * request (test/runner/policy/attacks.ts) sent over the runner's WebSocket,
 * as a page could send it, to runner/main.ts started as an operator starts
 * it (production-runner.ts: the real policy, a dockerd per session). Each is
 * refused with a `layerlab runner:` message and leaves the session's engine
 * as it was, seen through requests the runner allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS } from '../policy/attacks.ts';
import { createSession, RunnerClient } from '../server/client.ts';
import { startProductionRunner, type ProductionRunner } from './production-runner.ts';

const ORIGIN = 'http://127.0.0.1:4173';
let runner: ProductionRunner;
let client: RunnerClient;
const enc = (s: string) => new TextEncoder().encode(s);

/** The body in frames of at most 256 KiB, as the page sends it. */
function frames(body: string): Uint8Array[] {
  const bytes = enc(body);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 256 * 1024) out.push(bytes.subarray(i, i + 256 * 1024));
  return out;
}

async function ok(method: string, path: string, body?: string): Promise<string> {
  const r = await client.request(method, path, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: enc(body) });
  const text = r.body.toString();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text;
}

/** Networks by name: dockerd lists them in its map's order, which varies from call to call. */
async function networks(): Promise<unknown> {
  return (JSON.parse(await ok('GET', '/v1.41/networks')) as Array<{ Name: string }>).sort((a, b) => a.Name.localeCompare(b.Name));
}

/** The session engine's containers (with their host settings), images, volumes and networks. */
async function state(): Promise<string> {
  // Without Status ("Up 3 seconds"), which moves with the clock, not with the engine's state.
  const containers = (JSON.parse(await ok('GET', '/v1.41/containers/json?all=1')) as Array<{ Id: string; Status?: string }>).map(({ Status: _, ...c }) => c);
  const hosts = [];
  for (const c of containers) hosts.push((JSON.parse(await ok('GET', `/v1.41/containers/${c.Id}/json`)) as { HostConfig: unknown }).HostConfig);
  return JSON.stringify([containers, hosts, await ok('GET', '/v1.41/images/json'), await ok('GET', '/v1.41/volumes'), await networks()]);
}

beforeAll(async () => {
  runner = await startProductionRunner([ORIGIN]);
  const created = await createSession(runner.url, ORIGIN);
  expect(created.status).toBe(201);
  client = await RunnerClient.open(runner.url, created.body.id, created.body.token, { origin: ORIGIN });
  await ok('POST', '/v1.41/containers/create?name=ll-pol-victim', JSON.stringify({ Image: 'alpine', Cmd: ['sleep', '300'] }));
  await ok('POST', '/v1.41/containers/ll-pol-victim/start');
}, 180_000);
afterAll(async () => {
  client?.bye();
  // bye ends the session; the runner then stops its engine and removes its directory.
  await runner?.until((l) => l.event === 'session ended');
  await runner?.stop();
});

describe('the catalogue through the runner', () => {
  it.each(ATTACKS)('§5.3 %s: refused over the WebSocket, and the engine is unchanged', async (_, method, path, body, headers) => {
    const before = await state();
    const r = await client.request(method, path, { headers: headers ?? (body === null ? {} : { 'content-type': 'application/json' }), ...(body === null ? {} : { body: frames(body) }) });
    expect({ refused: r.status >= 400 && r.status < 500, message: (JSON.parse(r.body.toString()) as { message: string }).message.startsWith('layerlab runner: ') }).toEqual({ refused: true, message: true });
    expect(JSON.parse(await state())).toEqual(JSON.parse(before));
  }, 60_000);
});
