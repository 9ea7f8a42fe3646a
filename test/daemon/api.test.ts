/**
 * The daemon's answers on the wire, with plain node:http requests: status
 * codes, headers and error bodies as moby's; malformed requests (bad JSON,
 * unknown endpoint, unsupported API version, oversized body, slow client)
 * get the daemon's error and leave the state unchanged; twenty clients at
 * once (pulls, runs, builds) leave a consistent state.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarBytes } from '../../worker/engine/layer/tar-write.ts';
import { call, startTestDaemon, type TestDaemon } from './harness.ts';

let d: TestDaemon;
beforeAll(async () => {
  d = await startTestDaemon();
});
afterAll(async () => d?.stop());

const COMMON = { 'api-version': '1.51', 'docker-experimental': 'false', ostype: 'linux', server: 'Docker/28.5.1 (linux)' };

/** What the state looks like through the API: images and containers, for "unchanged" checks. */
async function snapshot(): Promise<string> {
  const images = await call(d.socket, 'GET', '/images/json?all=1');
  const containers = await call(d.socket, 'GET', '/containers/json?all=1');
  const volumes = await call(d.socket, 'GET', '/volumes');
  return `${images.body}${containers.body}${volumes.body}`;
}

function contextTar(dockerfile: string): Uint8Array {
  const bytes = new TextEncoder().encode(dockerfile);
  return tarBytes([{ path: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1_700_000_000, size: bytes.length, content: { kind: 'bytes', bytes } }]);
}

describe('version negotiation', () => {
  it('GET /_ping: OK with the ping headers and the common ones', async () => {
    const r = await call(d.socket, 'GET', '/_ping');
    expect([r.status, r.body]).toEqual([200, 'OK']);
    expect(r.headers).toMatchObject({
      ...COMMON,
      'builder-version': '2',
      'cache-control': 'no-cache, no-store, must-revalidate',
      pragma: 'no-cache',
      swarm: 'inactive',
      'content-type': 'text/plain; charset=utf-8',
      'content-length': '2',
    });
  });

  it('HEAD /_ping: no body, Content-Length 0', async () => {
    const r = await call(d.socket, 'HEAD', '/_ping');
    expect([r.status, r.body, r.headers['content-length'], r.headers['api-version']]).toEqual([200, '', '0', '1.51']);
  });

  it('serves every version from 1.24 to 1.51, versioned and not', async () => {
    for (const path of ['/version', '/v1.24/version', '/v1.41/version', '/v1.51/version']) {
      const r = await call(d.socket, 'GET', path);
      expect([path, r.status, JSON.parse(r.body).ApiVersion]).toEqual([path, 200, '1.51']);
    }
  });

  it('refuses a version too new or too old with 400 and moby words', async () => {
    const newer = await call(d.socket, 'GET', '/v1.52/info');
    expect([newer.status, newer.body, newer.headers['content-type']]).toEqual([400, '{"message":"client version 1.52 is too new. Maximum supported API version is 1.51"}\n', 'application/json']);
    const older = await call(d.socket, 'GET', '/v1.12/containers/json');
    expect([older.status, older.body]).toEqual([400, '{"message":"client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"}\n']);
  });

  it('answers an unknown endpoint with 404 page not found, versioned or not', async () => {
    for (const path of ['/nope', '/v1.51/containers/x/frobnicate', '/vX/version']) {
      const r = await call(d.socket, 'GET', path);
      expect([path, r.status, r.body]).toEqual([path, 404, '{"message":"page not found"}\n']);
    }
  });
});

describe('errors and their bodies', () => {
  it('404 for a missing container and image, with the daemon message', async () => {
    expect(await call(d.socket, 'GET', '/containers/nosuch/json')).toMatchObject({ status: 404, body: '{"message":"No such container: nosuch"}\n' });
    expect(await call(d.socket, 'GET', '/images/nosuch/json')).toMatchObject({ status: 404, body: '{"message":"No such image: nosuch:latest"}\n' });
    expect(await call(d.socket, 'DELETE', '/images/library/nosuch:1')).toMatchObject({ status: 404, body: '{"message":"No such image: nosuch:1"}\n' });
    expect(await call(d.socket, 'POST', '/containers/create', JSON.stringify({ Image: 'nosuch' }))).toMatchObject({ status: 404, body: '{"message":"No such image: nosuch:latest"}\n' });
  });

  it('bad JSON: 400 with Go encoding/json words; nothing changes', async () => {
    const before = await snapshot();
    const cases: Array<[string, string]> = [
      ['{x', 'invalid JSON: invalid character \'x\' looking for beginning of object key string'],
      ['nope', 'invalid JSON: invalid character \'o\' in literal null (expecting \'u\')'],
      ['{"Image": "alpine",}', 'invalid JSON: invalid character \'}\' looking for beginning of object key string'],
      ['{"Image": "alpine"', 'invalid JSON: unexpected EOF'],
      ['', 'invalid JSON: got EOF while reading request body'],
      ['{"Image":"alpine"} {}', 'unexpected content after JSON'],
    ];
    for (const [body, message] of cases) {
      const r = await call(d.socket, 'POST', '/containers/create?name=x', body);
      expect([body, r.status, r.body]).toEqual([body, 400, `${JSON.stringify({ message })}\n`]);
    }
    const wrongType = await call(d.socket, 'POST', '/containers/create', '{}', { 'Content-Type': 'text/plain' });
    expect([wrongType.status, wrongType.body]).toEqual([400, '{"message":"unsupported Content-Type header (text/plain): must be \'application/json\'"}\n']);
    expect(await snapshot()).toBe(before);
  });

  it('an oversized JSON body is refused (413) and changes nothing', async () => {
    const before = await snapshot();
    const big = JSON.stringify({ Image: 'alpine', Env: [`X=${'a'.repeat(2 << 20)}`] });
    const r = await call(d.socket, 'POST', '/containers/create', big);
    expect([r.status, r.body]).toEqual([413, '{"message":"request body too large: more than 1048576 bytes"}\n']);
    expect(await snapshot()).toBe(before);
  });

  it('409 for removing a running container; 304 for stopping a stopped one; 204 on success', async () => {
    const pull = await call(d.socket, 'POST', '/images/create?fromImage=alpine&tag=latest');
    expect(pull.status).toBe(200);
    const created = await call(d.socket, 'POST', '/containers/create?name=sleeper', JSON.stringify({ Image: 'alpine', Cmd: ['sleep', '300'] }));
    expect(created.status).toBe(201);
    const { Id, Warnings } = JSON.parse(created.body) as { Id: string; Warnings: string[] };
    expect([Id.length, Warnings]).toEqual([64, []]);
    expect((await call(d.socket, 'POST', '/containers/sleeper/start')).status).toBe(204);
    expect((await call(d.socket, 'POST', '/containers/sleeper/start')).status).toBe(304);
    const conflict = await call(d.socket, 'DELETE', '/containers/sleeper');
    expect([conflict.status, conflict.body]).toEqual([409, '{"message":"cannot remove container \\"/sleeper\\": container is running: stop the container before removing or force remove"}\n']);
    const again = await call(d.socket, 'POST', '/containers/create?name=sleeper', JSON.stringify({ Image: 'alpine' }));
    expect([again.status, again.body]).toEqual([409, `{"message":"Conflict. The container name \\"/sleeper\\" is already in use by container \\"${Id}\\". You have to remove (or rename) that container to be able to reuse that name."}\n`]);
    expect((await call(d.socket, 'POST', '/containers/sleeper/stop?t=0')).status).toBe(204);
    expect((await call(d.socket, 'POST', '/containers/sleeper/stop')).status).toBe(304);
    const wait = await call(d.socket, 'POST', '/containers/sleeper/wait');
    expect([wait.status, wait.body]).toEqual([200, '{"StatusCode":137}\n']);
    expect((await call(d.socket, 'DELETE', '/containers/sleeper')).status).toBe(204);
    expect((await call(d.socket, 'GET', '/containers/sleeper/json')).status).toBe(404);
  });

  it('a failed pull answers before streaming and leaves the images as they were', async () => {
    const before = await snapshot();
    const r = await call(d.socket, 'POST', '/images/create?fromImage=alpine&tag=nope');
    expect([r.status, r.body]).toEqual([404, '{"message":"manifest for alpine:nope not found: manifest unknown: manifest unknown"}\n']);
    expect(await snapshot()).toBe(before);
  });

  it('a BuildKit build is refused with a clear error; legacy streams JSON messages', async () => {
    const bk = await call(d.socket, 'POST', '/build?version=2&t=x', contextTar('FROM alpine\n'), { 'Content-Type': 'application/x-tar' });
    expect([bk.status, JSON.parse(bk.body).message]).toEqual([501, 'BuildKit is not available from the Layerlab daemon (its session API is not simulated): build with the legacy builder, DOCKER_BUILDKIT=0']);
    const bad = await call(d.socket, 'POST', '/build?t=bad', contextTar('FROM alpine\nFOO bar\n'), { 'Content-Type': 'application/x-tar' });
    expect([bad.status, bad.body]).toEqual([400, '{"message":"dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)"}\n']);
    const ok = await call(d.socket, 'POST', '/build?t=ok:1', contextTar('FROM alpine\nRUN echo hi > /hi\n'), { 'Content-Type': 'application/x-tar' });
    const lines = ok.body.split('\r\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ok.status).toBe(200);
    expect(lines[0]).toEqual({ stream: 'Step 1/2 : FROM alpine' });
    expect(lines.at(-1)).toEqual({ stream: 'Successfully tagged ok:1\n' });
    const failing = await call(d.socket, 'POST', '/build?t=fail:1', contextTar('FROM alpine\nRUN exit 3\n'), { 'Content-Type': 'application/x-tar' });
    expect(failing.body.trim().split('\r\n').at(-1)).toBe('{"errorDetail":{"code":3,"message":"The command \'/bin/sh -c exit 3\' returned a non-zero code: 3"},"error":"The command \'/bin/sh -c exit 3\' returned a non-zero code: 3"}');
  });
});

describe('clients at once', () => {
  it('a slow client (half a request, then silence) does not block the others', async () => {
    const slow = connect(d.socket);
    await new Promise<void>((resolve) => slow.once('connect', resolve));
    slow.write('POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Ima');
    const r = await call(d.socket, 'GET', '/_ping');
    expect([r.status, r.body]).toEqual([200, 'OK']);
    expect((await call(d.socket, 'GET', '/containers/json')).status).toBe(200);
    slow.destroy();
  });

  it('five starts of one container at once run it once: one 204, four 304', async () => {
    await call(d.socket, 'POST', '/images/create?fromImage=alpine&tag=latest');
    const made = await call(d.socket, 'POST', '/containers/create?name=once', JSON.stringify({ Image: 'alpine', Cmd: ['sleep', '300'] }));
    expect([made.status, made.body.slice(0, 7)]).toEqual([201, '{"Id":"']);
    const codes = await Promise.all(Array.from({ length: 5 }, () => call(d.socket, 'POST', '/containers/once/start').then((r) => r.status)));
    expect(codes.sort()).toEqual([204, 304, 304, 304, 304]);
    expect((await call(d.socket, 'POST', '/containers/once/kill')).status).toBe(204);
    expect((await call(d.socket, 'POST', '/containers/once/wait')).body).toBe('{"StatusCode":137}\n');
  });

  it('twenty clients pulling, running and building at once leave a consistent state', async () => {
    const before = JSON.parse((await call(d.socket, 'GET', '/containers/json?all=1')).body) as unknown[];
    const jobs: Array<Promise<string>> = [];
    for (let i = 0; i < 20; i++) {
      if (i % 3 === 0) jobs.push(call(d.socket, 'POST', `/images/create?fromImage=${['busybox', 'hello-world', 'alpine'][i % 9 === 0 ? 0 : i % 2]}&tag=latest`).then((r) => `pull ${r.status}`));
      else if (i % 3 === 1) {
        jobs.push(
          (async () => {
            const c = await call(d.socket, 'POST', `/containers/create?name=run${i}`, JSON.stringify({ Image: 'alpine', Cmd: ['sh', '-c', `echo ${i} > /n; cat /n`] }));
            const id = (JSON.parse(c.body) as { Id: string }).Id;
            const s = await call(d.socket, 'POST', `/containers/${id}/start`);
            const w = await call(d.socket, 'POST', `/containers/${id}/wait`);
            return `run ${c.status} ${s.status} ${w.body.trim()}`;
          })(),
        );
      } else {
        jobs.push(call(d.socket, 'POST', `/build?t=c${i}:1`, contextTar(`FROM alpine\nRUN echo ${i} > /i\n`), { 'Content-Type': 'application/x-tar' }).then((r) => `build ${r.status} ${/Successfully tagged c\d+:1/.test(r.body)}`));
      }
    }
    const results = await Promise.all(jobs);
    expect(results.filter((r) => r.startsWith('pull'))).toEqual(Array(7).fill('pull 200'));
    expect(results.filter((r) => r.startsWith('run'))).toEqual(Array(7).fill('run 201 204 {"StatusCode":0}'));
    expect(results.filter((r) => r.startsWith('build'))).toEqual(Array(6).fill('build 200 true'));
    const images = JSON.parse((await call(d.socket, 'GET', '/images/json')).body) as Array<{ RepoTags: string[] }>;
    const tags = images.flatMap((i) => i.RepoTags).sort();
    expect(tags).toEqual(['alpine:latest', 'busybox:latest', 'c11:1', 'c14:1', 'c17:1', 'c2:1', 'c5:1', 'c8:1', 'hello-world:latest', 'ok:1']);
    const containers = JSON.parse((await call(d.socket, 'GET', '/containers/json?all=1')).body) as Array<{ Names: string[]; State: string }>;
    expect(containers.length).toBe(before.length + 7);
    expect(containers.filter((c) => c.Names[0]!.startsWith('/run')).map((c) => c.State)).toEqual(Array(7).fill('exited'));
    for (let i = 1; i < 20; i += 3) {
      const logs = await call(d.socket, 'GET', `/containers/run${i}/logs?stdout=1`);
      // One stdcopy frame: stream 1, length, the line.
      expect(Buffer.from(logs.body, 'latin1').subarray(8).toString()).toBe(`${i}\n`);
    }
  }, 120_000);
});
