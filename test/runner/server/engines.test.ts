/**
 * The local backend for real: each session gets its own dockerd (Debian's
 * docker.io, or the Engine 26.1 of test/golden/oracle.sh), seeded with the
 * alpine stand-in, its containers under gVisor (runsc, installed by
 * scripts/ensure-system.sh). Through the runner's WebSocket (with the
 * test-only open policy: the policy's decisions are tested in
 * test/runner/policy/) a container runs over a verified-101 attach, an
 * image builds from a streamed context, and two sessions cannot see each
 * other's containers, images or events. Teardown leaves no process,
 * directory, mount or cgroup. A test that cannot start dockerd fails.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../../runner/backends/local.ts';
import { decideRuntime } from '../../../runner/backends/runtime.ts';
import { RunnerClient, createSession, dockerRun, type Created } from './client.ts';
import { ORIGIN, runner } from './harness.ts';
import { alpineSeed, TEST_DOCKERD } from './seed.ts';
import { leftovers, NOTHING } from './leaks.ts';

let dir: string;
let state: string;
let r: Awaited<ReturnType<typeof runner>>;
let runtime: string;
/** Every session the file made, for the cgroup check. */
const ids: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'll-runner-'));
  state = join(dir, 'state');
  const seed = alpineSeed(dir);
  runtime = (await decideRuntime('auto')).runtime;
  const backend = new LocalBackend({ dockerd: TEST_DOCKERD, stateDir: state, runtime: runtime as 'runc' | 'runsc', seedImages: [seed] });
  r = await runner(backend, { RUNNER_STATE_DIR: state, RUNNER_SESSIONS_PER_IP: '4' });
}, 120_000);

afterAll(async () => {
  await r?.close();
  expect(leftovers(state, ids)).toEqual(NOTHING);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

async function open(): Promise<{ s: Created; c: RunnerClient }> {
  const res = await createSession(r.url, ORIGIN);
  expect(res.status).toBe(201);
  ids.push(res.body.id);
  return { s: res.body, c: await RunnerClient.open(r.url, res.body.id, res.body.token) };
}

const json = (o: unknown) => ({ headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(o)) });
const run = (c: RunnerClient, cmd: string, name?: string, image = 'alpine') => dockerRun(c, cmd, { ...(name ? { name } : {}), image, check: (label, got, want) => expect(got, label).toBe(want) });

describe('per-session dockerd', () => {
  it('starts a private engine with the seed image, under runsc here', async () => {
    const { s, c } = await open();
    expect(s.engine).toMatch(/^docker \d+\.\d+\.\d+/);
    // This machine runs gVisor (Debian's runsc 2022-12 with --network=none); auto picks it.
    expect([runtime, s.runtime]).toEqual(['runsc', 'runsc']);
    const images = JSON.parse((await c.request('GET', '/v1.51/images/json')).body.toString()) as { RepoTags: string[] }[];
    expect(images.map((i) => i.RepoTags)).toEqual([['alpine:latest']]);
    const info = JSON.parse((await c.request('GET', '/v1.51/info')).body.toString()) as { DefaultRuntime: string; Driver: string };
    expect([info.DefaultRuntime, info.Driver]).toEqual(['runsc', 'vfs']);
    c.bye();
    await c.closed;
  }, 120_000);

  it('runs a container over the tunnel, inside gVisor', async () => {
    const { c } = await open();
    const { out, code } = await run(c, 'echo hi; dmesg | head -1');
    expect(code).toBe(0);
    expect(out).toMatch(/^hi\n\[ *0\.000000\] Starting gVisor\.\.\.\n$/);
    c.bye();
    await c.closed;
  }, 120_000);

  it('builds from a context streamed as tar', async () => {
    const { c } = await open();
    const ctx = mkdtempSync(join(tmpdir(), 'll-ctx-'));
    execFileSync('sh', ['-c', `printf 'FROM alpine\\nRUN echo built > /b\\nCMD ["cat","/b"]\\n' > ${ctx}/Dockerfile`]);
    const tar = execFileSync('tar', ['-C', ctx, '-c', 'Dockerfile']);
    rmSync(ctx, { recursive: true });
    const built = await c.request('POST', '/v1.51/build?t=built:1&version=1&rm=1', { headers: { 'content-type': 'application/x-tar' }, body: [tar.subarray(0, 1000), tar.subarray(1000)] });
    expect(built.status).toBe(200);
    expect(built.body.toString()).toContain('Successfully tagged built:1');
    const { out } = await run(c, 'cat /b; cat /etc/alpine-release', undefined, 'built:1');
    expect(out).toBe('built\n3.22.1\n');
    c.bye();
    await c.closed;
  }, 180_000);

  it('keeps two sessions apart: containers, images and events', async () => {
    const a = await open();
    const b = await open();
    const since = Math.floor(Date.now() / 1000) - 1;
    const ran = await run(a.c, 'echo from-a', 'mine');
    expect(ran.out).toBe('from-a\n');
    expect((await a.c.request('POST', '/v1.51/images/alpine/tag?repo=a-only&tag=1')).status).toBe(201);
    const until = Math.floor(Date.now() / 1000) + 1;
    const names = async (c: RunnerClient) => (JSON.parse((await c.request('GET', '/v1.51/containers/json?all=1')).body.toString()) as { Names: string[] }[]).flatMap((x) => x.Names);
    const tags = async (c: RunnerClient) => (JSON.parse((await c.request('GET', '/v1.51/images/json')).body.toString()) as { RepoTags: string[] }[]).flatMap((x) => x.RepoTags).sort();
    const events = async (c: RunnerClient) => (await c.request('GET', `/v1.51/events?since=${since}&until=${until}`)).body.toString();
    expect([await names(a.c), await names(b.c)]).toEqual([['/mine'], []]);
    expect([await tags(a.c), await tags(b.c)]).toEqual([['a-only:1', 'alpine:latest'], ['alpine:latest']]);
    expect(await events(a.c)).toContain(ran.id);
    // B's own history is the seed load only: nothing of A's container or tag.
    const bEvents = (await events(b.c)).trim().split('\n').map((l) => JSON.parse(l) as { Type: string; Action: string });
    expect(bEvents.map((e) => `${e.Type} ${e.Action}`)).toEqual(['image load']);
    // B cannot address A's container by name or id.
    expect((await b.c.request('GET', `/v1.51/containers/${ran.id}/json`)).status).toBe(404);
    expect((await b.c.request('GET', '/v1.51/containers/mine/json')).status).toBe(404);
    for (const x of [a, b]) {
      x.c.bye();
      await x.c.closed;
    }
  }, 180_000);

  it('DELETE stops the session’s dockerd and removes its directory', async () => {
    const { s, c } = await open();
    const created = await c.request('POST', '/v1.51/containers/create', json({ Image: 'alpine', Cmd: ['sleep', '1000'] }));
    const id = (JSON.parse(created.body.toString()) as { Id: string }).Id;
    expect((await c.request('POST', `/v1.51/containers/${id}/start`)).status).toBe(204);
    expect(existsSync(join(state, s.id))).toBe(true);
    const del = await fetch(`${r.url}/v1/sessions/${s.id}`, { method: 'DELETE', headers: { origin: ORIGIN, authorization: `Bearer ${s.token}` } });
    expect(del.status).toBe(204);
    expect((await c.closed).code).toBe(4404);
    expect(existsSync(join(state, s.id))).toBe(false);
    expect(leftovers(join(state, s.id), [s.id])).toEqual({ ...NOTHING, entries: [] });
  }, 120_000);
});
