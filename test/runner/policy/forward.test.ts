/**
 * Legitimate chapter requests are forwarded, rebuilt exactly as expected.
 * The bodies in cli-requests.json were captured from the real docker CLI
 * 28.2 (API 1.50) and Debian's 20.10 (API 1.41) against a socket that
 * recorded each request: `docker run --rm alpine echo hi`, `docker run -d
 * --name web -e A=1 -w /tmp -v vol:/data alpine sleep 1`, `docker exec`,
 * `docker exec -u 0 -e X=1 -w /tmp`, `docker commit`, `docker volume create`,
 * `docker network create`. Whole rebuilt bodies are compared.
 */
import { describe, expect, it } from 'vitest';
import captured from './cli-requests.json' with { type: 'json' };
import { bodyOf, decide, FORCED_HOST, req, SESSION } from './helpers.ts';

const LABELS = { 'org.layerlab.session': 's1' };
const CONFIG_ZERO = { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false };

/** `docker run --rm alpine echo hi`, rebuilt. */
const RUN_RM = {
  ...CONFIG_ZERO,
  AttachStdout: true,
  AttachStderr: true,
  Env: null,
  Cmd: ['echo', 'hi'],
  Image: 'alpine',
  WorkingDir: '',
  Entrypoint: null,
  Labels: LABELS,
  HostConfig: { Binds: null, NetworkMode: 'none', RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, AutoRemove: true, ReadonlyRootfs: false, ...FORCED_HOST },
};
/** `docker run -d --name web -e A=1 -w /tmp -v vol:/data alpine sleep 1`, rebuilt. */
const RUN_WEB = {
  ...CONFIG_ZERO,
  Env: ['A=1'],
  Cmd: ['sleep', '1'],
  Image: 'alpine',
  WorkingDir: '/tmp',
  Entrypoint: null,
  Labels: LABELS,
  HostConfig: { Binds: ['vol:/data'], NetworkMode: 'none', RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, AutoRemove: false, ReadonlyRootfs: false, ...FORCED_HOST },
};

type Captured = { m: string; u: string; b: string };
const all = captured as Record<string, Captured[]>;
const find = (cli: string, path: RegExp, nth = 0) => all[cli]!.filter((r) => path.test(r.u))[nth]!;

describe.each([
  ['28', 'c28', 'e28', '1.50'],
  ['20.10', 'c20', 'e20', '1.41'],
])('docker CLI %s', (_, c, e, v) => {
  it('run --rm alpine echo hi', () => {
    const r = find(c, /containers\/create$/);
    const out = decide(req(r.m, r.u, r.b));
    expect(out.kind === 'forward' && [out.path, out.headers]).toEqual(['/v1.51/containers/create', { 'content-type': 'application/json' }]);
    expect(bodyOf(out)).toEqual(RUN_RM);
  });
  it('run -it (the run body with a terminal: Tty, OpenStdin, StdinOnce, AttachStdin, ConsoleSize)', () => {
    const b = JSON.parse(find(c, /containers\/create$/).b);
    Object.assign(b, { Tty: true, OpenStdin: true, StdinOnce: true, AttachStdin: true, Cmd: ['sh'] });
    b.HostConfig.ConsoleSize = [24, 80];
    const out = bodyOf(decide(req('POST', `/v${v}/containers/create`, b)));
    expect(out).toEqual({ ...RUN_RM, Tty: true, OpenStdin: true, StdinOnce: true, AttachStdin: true, Cmd: ['sh'], HostConfig: { ...RUN_RM.HostConfig, ConsoleSize: [24, 80] } });
  });
  it('run -d --name web -e A=1 -w /tmp -v vol:/data', () => {
    const r = find(c, /containers\/create\?name=web$/);
    const out = decide(req(r.m, r.u, r.b));
    expect(out.kind === 'forward' && out.path).toBe('/v1.51/containers/create?name=web');
    expect(bodyOf(out)).toEqual(RUN_WEB);
  });
  it('exec and exec -u 0 -e X=1 -w /tmp', () => {
    const [a, b] = [find(e, /exec$/, 0), find(e, /exec$/, 1)];
    const base = { User: '', Privileged: false, Tty: false, AttachStdin: false, AttachStderr: true, AttachStdout: true, Detach: false, DetachKeys: '', Env: null, WorkingDir: '', Cmd: ['echo', 'hi'] };
    expect(bodyOf(decide(req(a.m, a.u, a.b)))).toEqual(base);
    expect(bodyOf(decide(req(b.m, b.u, b.b)))).toEqual({ ...base, User: '0', Env: ['X=1'], WorkingDir: '/tmp', Cmd: ['id'] });
  });
  it('volume create', () => {
    const r = find(c, /volumes\/create$/);
    expect(bodyOf(decide(req(r.m, r.u, r.b)))).toEqual({ Name: 'v1', Driver: 'local', Labels: LABELS });
  });
  it('network create: refused with no network, rebuilt on a bridge session', () => {
    const r = find(c, /networks\/create$/);
    const refused = decide(req(r.m, r.u, r.b));
    expect(refused).toEqual({ kind: 'refuse', status: 403, message: "layerlab runner: networks cannot be created: this runner's containers have no network" });
    expect(bodyOf(decide(req(r.m, r.u, r.b), { ...SESSION, network: 'bridge' }))).toEqual({ Name: 'n1', Driver: 'bridge', Internal: false, Labels: LABELS });
  });
});

/** Requests without a JSON body, as the CLIs sent them (path, headers), and the path forwarded. */
const PLAIN: Array<[string, string, Record<string, string>, string]> = [
  ['HEAD', '/_ping', {}, '/v1.51/_ping'],
  ['GET', '/_ping', {}, '/v1.51/_ping'],
  ['GET', '/v1.50/version', {}, '/v1.51/version'],
  ['GET', '/v1.41/info', {}, '/v1.51/info'],
  ['POST', '/v1.50/containers/0123abcd/wait?condition=next-exit', { 'content-length': '0' }, '/v1.51/containers/0123abcd/wait?condition=next-exit'],
  ['POST', '/v1.41/containers/0123abcd/start', { 'content-length': '0', 'content-type': 'text/plain' }, '/v1.51/containers/0123abcd/start'],
  ['GET', '/v1.50/containers/web/json', {}, '/v1.51/containers/web/json'],
  ['POST', '/v1.50/commit?author=&comment=&container=web&repo=docker.io%2Fme%2Fc&tag=1', { 'content-length': '0' }, '/v1.51/commit?author=&comment=&container=web&repo=docker.io%2Fme%2Fc&tag=1'],
  ['POST', '/v1.50/images/alpine/tag?repo=docker.io%2Fme%2Fa&tag=1', { 'content-length': '0' }, '/v1.51/images/alpine/tag?repo=docker.io%2Fme%2Fa&tag=1'],
  ['GET', '/v1.50/images/json', {}, '/v1.51/images/json'],
  ['DELETE', '/v1.50/images/me/a:1', {}, '/v1.51/images/me/a:1'],
  ['POST', '/v1.50/images/prune?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D', { 'content-length': '0' }, '/v1.51/images/prune?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D'],
  ['POST', '/v1.50/containers/prune', { 'content-length': '0' }, '/v1.51/containers/prune'],
  ['GET', '/v1.50/images/alpine/history', {}, '/v1.51/images/alpine/history'],
  ['GET', '/v1.50/images/get?names=alpine', {}, '/v1.51/images/get?names=alpine'],
  ['GET', '/v1.50/images/get?names=alpine&names=me%2Fa%3A1', {}, '/v1.51/images/get?names=alpine&names=me%2Fa%3A1'],
  ['HEAD', '/v1.50/containers/web/archive?path=%2Ftmp%2F', {}, '/v1.51/containers/web/archive?path=%2Ftmp%2F'],
  ['GET', '/v1.50/containers/web/archive?path=%2Fetc%2Fhostname', {}, '/v1.51/containers/web/archive?path=%2Fetc%2Fhostname'],
  ['GET', '/v1.50/containers/web/changes', {}, '/v1.51/containers/web/changes'],
  ['GET', '/v1.50/containers/json?all=1', {}, '/v1.51/containers/json?all=1'],
  ['GET', '/v1.50/containers/web/logs?stderr=1&stdout=1&tail=all', {}, '/v1.51/containers/web/logs?stderr=1&stdout=1&tail=all'],
  ['POST', '/v1.50/images/create?fromImage=docker.io%2Flibrary%2Falpine&tag=latest', { 'content-length': '0', 'x-registry-auth': 'e30=' }, '/v1.51/images/create?fromImage=docker.io%2Flibrary%2Falpine&tag=latest'],
  ['POST', '/v1.41/images/create?fromImage=alpine&tag=latest', { 'content-length': '0', 'content-type': 'text/plain', 'x-registry-auth': 'e30=' }, '/v1.51/images/create?fromImage=alpine&tag=latest'],
  ['DELETE', '/v1.50/containers/web?force=1&v=1', {}, '/v1.51/containers/web?force=1&v=1'],
  ['POST', '/v1.50/containers/web/resize?h=24&w=80', {}, '/v1.51/containers/web/resize?h=24&w=80'],
  ['POST', '/v1.50/containers/web/kill?signal=SIGINT', {}, '/v1.51/containers/web/kill?signal=SIGINT'],
  ['GET', '/v1.50/containers/web/top', {}, '/v1.51/containers/web/top'],
  ['GET', '/v1.50/containers/web/export', {}, '/v1.51/containers/web/export'],
  ['POST', '/v1.50/containers/web/rename?name=web2', {}, '/v1.51/containers/web/rename?name=web2'],
  ['POST', '/v1.50/containers/web/stop?t=1', {}, '/v1.51/containers/web/stop?t=1'],
  ['GET', '/v1.50/exec/e123/json', {}, '/v1.51/exec/e123/json'],
  ['GET', '/v1.50/images/alpine/json', {}, '/v1.51/images/alpine/json'],
];

describe('requests without a JSON body', () => {
  it.each(PLAIN)('%s %s', (m, p, h, want) => {
    expect(decide(req(m, p, undefined, h))).toEqual({ kind: 'forward', method: m, path: want, headers: {}, body: null });
  });
  it('commit with the CLI 20.10\'s `null` body forwards no body', () => {
    const r = find('c20', /commit/);
    expect(decide(req(r.m, r.u, r.b))).toEqual({ kind: 'forward', method: 'POST', path: '/v1.51/commit?author=&comment=&container=web&repo=me%2Fc&tag=1', headers: {}, body: null });
  });
  it('attach upgrades with only the hijack headers', () => {
    const out = decide(req('POST', '/v1.50/containers/0123abcd/attach?stderr=1&stdout=1&stream=1', undefined, { 'content-length': '0', connection: 'Upgrade', 'content-type': 'text/plain', upgrade: 'tcp' }, true));
    expect(out).toEqual({ kind: 'forward', method: 'POST', path: '/v1.51/containers/0123abcd/attach?stderr=1&stdout=1&stream=1', headers: { connection: 'Upgrade', upgrade: 'tcp' }, body: null });
  });
});

describe('streamed bodies', () => {
  it('build (CLI 28) with the legacy builder: query rebuilt, limits forced', () => {
    const out = decide(req('POST', '/v1.50/build?dockerfile=Dockerfile&t=me%2Fapp%3A1&version=1', null, { 'transfer-encoding': 'chunked', 'content-type': 'application/x-tar', 'x-registry-config': 'e30=' }));
    expect(out).toEqual({
      kind: 'forward', method: 'POST', body: null, headers: { 'content-type': 'application/x-tar' }, stream: { maxBytes: 512 * 1024 * 1024 },
      path: '/v1.51/build?dockerfile=Dockerfile&t=me%2Fapp%3A1&networkmode=none&memory=536870912&memswap=536870912&cpuperiod=100000&cpuquota=100000&version=1',
    });
  });
  it('build (CLI 20.10) sends every option zeroed', () => {
    const q = 'buildargs=%7B%7D&cachefrom=%5B%5D&cgroupparent=&cpuperiod=0&cpuquota=0&cpusetcpus=&cpusetmems=&cpushares=0&dockerfile=Dockerfile&labels=%7B%7D&memory=0&memswap=0&networkmode=default&rm=1&shmsize=0&t=me%2Fapp%3A1&target=&ulimits=null&version=1';
    const out = decide(req('POST', `/v1.41/build?${q}`, null, { 'transfer-encoding': 'chunked', 'content-type': 'application/x-tar' }));
    expect(out.kind === 'forward' && out.path).toBe(
      '/v1.51/build?buildargs=%7B%7D&cachefrom=%5B%5D&dockerfile=Dockerfile&labels=%7B%7D&rm=1&t=me%2Fapp%3A1&target=&networkmode=none&memory=536870912&memswap=536870912&cpuperiod=100000&cpuquota=100000&version=1',
    );
  });
  it('load and cp into a container', () => {
    const tar = { 'transfer-encoding': 'chunked', 'content-type': 'application/x-tar' };
    expect(decide(req('POST', '/v1.50/images/load?quiet=1', null, tar))).toEqual({ kind: 'forward', method: 'POST', path: '/v1.51/images/load?quiet=1', headers: { 'content-type': 'application/x-tar' }, body: null, stream: { maxBytes: 512 * 1024 * 1024 } });
    expect(decide(req('PUT', '/v1.50/containers/web/archive?noOverwriteDirNonDir=true&path=%2Ftmp%2F', null, tar))).toEqual({
      kind: 'forward', method: 'PUT', path: '/v1.51/containers/web/archive?noOverwriteDirNonDir=true&path=%2Ftmp%2F', headers: { 'content-type': 'application/x-tar' }, body: null, stream: { maxBytes: 512 * 1024 * 1024 },
    });
  });
  it('the session engine\'s API version is used when it is older', () => {
    const out = decide(req('GET', '/v1.50/containers/json'), { ...SESSION, apiVersion: '1.41' });
    expect(out.kind === 'forward' && out.path).toBe('/v1.41/containers/json');
  });
  it('a forced runtime is written', () => {
    const r = find('c28', /containers\/create$/);
    expect((bodyOf(decide(req(r.m, r.u, r.b), { ...SESSION, runtime: 'runsc' })) as { HostConfig: { Runtime: string } }).HostConfig.Runtime).toBe('runsc');
  });
});
