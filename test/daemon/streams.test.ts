/**
 * The daemon's streamed and framed answers: logs (stdcopy frames, tail,
 * timestamps), exec inspect, `docker cp`'s stat header, save before any
 * byte, load's messages and errors, events with since/until and filters,
 * and the older API shapes of the image list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestDaemon, type TestDaemon } from './harness.ts';

let d: TestDaemon;
let id = '';
beforeAll(async () => {
  d = await startTestDaemon();
  expect((await call(d.socket, 'POST', '/images/create?fromImage=alpine&tag=latest')).status).toBe(200);
  const c = await call(d.socket, 'POST', '/containers/create?name=talk', JSON.stringify({ Image: 'alpine', Cmd: ['sh', '-c', 'echo one; echo two >&2; echo three'] }));
  id = (JSON.parse(c.body) as { Id: string }).Id;
  await call(d.socket, 'POST', '/containers/talk/start');
  expect((await call(d.socket, 'POST', '/containers/talk/wait')).body).toBe('{"StatusCode":0}\n');
});
afterAll(async () => d?.stop());

/** Splits a multiplexed body into [stream, text] frames. */
function frames(body: string): Array<[number, string]> {
  const b = Buffer.from(body, 'latin1');
  const out: Array<[number, string]> = [];
  for (let at = 0; at < b.length; ) {
    const n = b.readUInt32BE(at + 4);
    out.push([b[at]!, b.subarray(at + 8, at + 8 + n).toString('utf8')]);
    at += 8 + n;
  }
  return out;
}

async function raw(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const r = await call(d.socket, method, path);
  return { ...r, body: Buffer.from(r.body, 'utf8').toString('latin1') };
}

describe('logs', () => {
  it('frames stdout and stderr; tail and stream choice; 400 without a stream', async () => {
    const all = await raw('/containers/talk/logs?stdout=1&stderr=1');
    expect(all.headers['content-type']).toBe('application/vnd.docker.multiplexed-stream');
    // Per stream in order (how the simulated sh interleaves its two streams is the engine's business).
    expect(frames(all.body).filter(([s]) => s === 1)).toEqual([[1, 'one\n'], [1, 'three\n']]);
    expect(frames(all.body).filter(([s]) => s === 2)).toEqual([[2, 'two\n']]);
    expect(frames((await raw('/containers/talk/logs?stdout=1')).body)).toEqual([[1, 'one\n'], [1, 'three\n']]);
    expect(frames((await raw('/containers/talk/logs?stdout=1&stderr=1&tail=1')).body)).toEqual(frames(all.body).slice(-1));
    expect((await raw('/v1.41/containers/talk/logs?stdout=1')).headers['content-type']).toBe('application/vnd.docker.raw-stream');
    const stamped = frames((await raw('/containers/talk/logs?stderr=1&timestamps=1')).body);
    expect(stamped.map(([s, t]) => [s, t.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /, '<time> ')])).toEqual([[2, '<time> two\n']]);
    expect(await call(d.socket, 'GET', '/containers/talk/logs')).toMatchObject({ status: 400, body: '{"message":"Bad parameters: you must choose at least one stream"}\n' });
  });
});

describe('exec and archives', () => {
  it('exec create needs a running container; inspect of a missing one is 404', async () => {
    const r = await call(d.socket, 'POST', '/containers/talk/exec', JSON.stringify({ Cmd: ['ls'] }));
    expect([r.status, r.body]).toEqual([409, `{"message":"container ${id} is not running"}\n`]);
    expect(await call(d.socket, 'GET', '/exec/abc/json')).toMatchObject({ status: 404, body: '{"message":"No such exec instance: abc"}\n' });
  });

  it('HEAD archive: the stat header (base64 JSON, Go file mode); a missing path is 404', async () => {
    const r = await call(d.socket, 'HEAD', '/containers/talk/archive?path=/etc');
    expect(r.status).toBe(200);
    const stat = JSON.parse(Buffer.from(String(r.headers['x-docker-container-path-stat']), 'base64').toString()) as Record<string, unknown>;
    expect(stat).toEqual({ name: 'etc', size: 0, mode: 2 ** 31 + 0o755, mtime: '0001-01-01T00:00:00Z', linkTarget: '' });
    const missing = await call(d.socket, 'GET', '/containers/talk/archive?path=/nope');
    expect([missing.status, missing.body]).toEqual([404, '{"message":"Could not find the file /nope in container talk"}\n']);
    const bad = await call(d.socket, 'PUT', '/containers/talk/archive?path=/etc/hostname', new Uint8Array(1024), { 'Content-Type': 'application/x-tar' });
    expect([bad.status, bad.body]).toEqual([400, '{"message":"extraction point is not a directory"}\n']);
  });
});

describe('save and load', () => {
  it('save of a missing image is an error before any byte; of alpine a tar', async () => {
    expect(await call(d.socket, 'GET', '/images/get?names=nosuch')).toMatchObject({ status: 404 });
    const r = await raw('/images/alpine/get');
    expect([r.status, r.headers['content-type'], r.body.slice(257, 262)]).toEqual([200, 'application/x-tar', 'ustar']);
  });

  it('load: a bad archive is an error message in the stream, and nothing changes', async () => {
    const before = (await call(d.socket, 'GET', '/images/json')).body;
    const r = await call(d.socket, 'POST', '/images/load?quiet=1', new Uint8Array(600).fill(7), { 'Content-Type': 'application/x-tar' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.trim()) as Record<string, unknown>).toMatchObject({ errorDetail: { message: expect.any(String) } });
    expect((await call(d.socket, 'GET', '/images/json')).body).toBe(before);
  });
});

describe('events and versions', () => {
  it('events since the start, until now, filtered by type and container', async () => {
    const until = Math.ceil(Date.now() / 1000) + 1;
    const r = await call(d.socket, 'GET', `/events?since=0&until=${until}&filters=${encodeURIComponent(JSON.stringify({ type: ['container'], container: ['talk'] }))}`);
    const actions = r.body.trim().split('\n').map((l) => (JSON.parse(l) as { Action: string; Actor: { ID: string } }).Action);
    expect(actions).toEqual(['create', 'start', 'die']);
  }, 10_000);

  it('the image list at API 1.41 has VirtualSize and no empty RepoTags; at 1.51 neither', async () => {
    const old = JSON.parse((await call(d.socket, 'GET', '/v1.41/images/json')).body) as Array<Record<string, unknown>>;
    const now = JSON.parse((await call(d.socket, 'GET', '/images/json')).body) as Array<Record<string, unknown>>;
    expect(old.map((i) => i.VirtualSize)).toEqual(now.map((i) => i.Size));
    expect(now.map((i) => 'VirtualSize' in i)).toEqual(now.map(() => false));
  });
});
