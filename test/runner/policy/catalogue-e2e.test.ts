/**
 * The security catalogue end to end (runner-security.md §5.3: "HTTP 403 …
 * and the daemon state is unchanged"): a REAL private dockerd
 * (test/interop/real-engine.ts; Debian's docker.io in CI), the policy in
 * front of it through a minimal forwarder (forwarder.ts, built on
 * worker/engine-client/node-transport.ts), and the real docker CLI on the
 * other side. Every attack is refused and leaves the engine as it was; the
 * chapters' requests work and the containers they create carry the forced
 * limits. A dockerd that cannot start fails the file (startRealEngine
 * throws), it never skips.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionPolicy } from '../../../runner/policy/index.ts';
import { ATTACKS, C } from './attacks.ts';
import { startRealEngine, type RealEngine } from '../../interop/real-engine.ts';
import { startForwarder, type Forwarder } from './forwarder.ts';

const DOCKER = ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p))!;
let engine: RealEngine;
let fwd: Forwarder;
let dir: string;
let session: SessionPolicy;

/** The `alpine` stand-in of test/engine-client/real-engine.test.ts: a static busybox with its applet links. */
function seedAlpine(e: RealEngine): void {
  const root = mkdtempSync(path.join(tmpdir(), 'll-policy-root-'));
  try {
    for (const d of ['bin', 'etc', 'tmp', 'root', 'proc', 'sys', 'dev']) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync('/bin/busybox', path.join(root, 'bin/busybox'));
    for (const a of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter((x) => x && x !== 'busybox')) symlinkSync('busybox', path.join(root, 'bin', a));
    writeFileSync(path.join(root, 'etc/alpine-release'), '3.22.1\n');
    writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    writeFileSync(path.join(root, 'etc/group'), 'root:x:0:root\n');
    const tar = execFileSync('tar', ['--numeric-owner', '-C', root, '-c', '.'], { maxBuffer: 1 << 28 });
    e.docker(['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin', '-', 'alpine:latest'], tar);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The real docker CLI through the forwarder (async: the forwarder runs in this process). */
function cli(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const p = spawn(DOCKER, args, { cwd: opts.cwd ?? dir, env: { ...process.env, DOCKER_HOST: fwd.host, DOCKER_CONFIG: engine.config, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
    p.stdin.end(opts.input ?? '');
  });
}

/** Everything the engine holds, read directly (not through the policy). */
function state(): string {
  return [
    engine.docker(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.Labels}}']),
    engine.docker(['images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']),
    engine.docker(['volume', 'ls', '--format', '{{.Name}} {{.Driver}}']),
    engine.docker(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}} {{.Driver}}']),
  ].join('---\n');
}

/** One raw request to the forwarder (headers exactly as given). */
function send(method: string, p: string, body: string | null, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string> = { ...headers };
    if (body !== null && h['content-type'] === undefined) h['content-type'] = 'application/json';
    if (body !== null && h['content-length'] === undefined && h['transfer-encoding'] === undefined) h['content-length'] = String(Buffer.byteLength(body));
    const r = http.request({ socketPath: fwd.host.slice('unix://'.length), method, path: p, headers: h }, (res) => {
      let b = '';
      res.on('data', (d: Buffer) => (b += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
    });
    r.on('error', reject);
    r.end(body ?? undefined);
  });
}

/** Bytes written as they are on the socket (framing games Node's client would not send); the last request says `Connection: close`, so the answer ends with the connection. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(fwd.host.slice('unix://'.length));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('close', () => resolve(out));
    s.on('error', () => resolve(out));
    s.write(bytes);
  });
}

describe('the catalogue against a real dockerd', () => {
  beforeAll(async () => {
    engine = await startRealEngine();
    seedAlpine(engine);
    dir = mkdtempSync(path.join(tmpdir(), 'll-policy-'));
    session = {
      sessionId: 'e2e',
      labels: { 'org.layerlab.session': 'e2e' },
      network: 'none',
      memoryBytes: 256 * 1024 * 1024,
      nanoCpus: 500_000_000,
      pidsLimit: 128,
      apiVersion: engine.docker(['version', '--format', '{{.Server.APIVersion}}']).trim(),
    };
    fwd = await startForwarder(path.join(dir, 'runner.sock'), engine.host, session);
    engine.docker(['create', '--name', 'll-pol-victim', 'alpine', 'sleep', '300']);
  }, 300_000);
  afterAll(async () => {
    await fwd?.close();
    await engine?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('docker run --rm alpine echo hi works through the policy', async () => {
    const r = await cli(['run', '--rm', 'alpine', 'echo', 'hi']);
    expect(r).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
  }, 120_000);

  it('a container gets the forced limits, seen by a direct inspect', async () => {
    const r = await cli(['run', '-d', '--name', 'll-pol-a', 'alpine', 'sleep', '60']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const got = JSON.parse(engine.docker(['inspect', '--format', '{{json .HostConfig}}', 'll-pol-a'])) as Record<string, unknown>;
    const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, got[k]]));
    expect(pick(['Privileged', 'NetworkMode', 'Memory', 'MemorySwap', 'NanoCpus', 'PidsLimit', 'SecurityOpt', 'CapAdd', 'CapDrop', 'IpcMode', 'CgroupnsMode', 'LogConfig', 'ShmSize', 'Ulimits'])).toEqual({
      Privileged: false,
      NetworkMode: 'none',
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      NanoCpus: 500_000_000,
      PidsLimit: 128,
      SecurityOpt: ['no-new-privileges=true'],
      CapAdd: null,
      CapDrop: ['CAP_AUDIT_WRITE', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETFCAP'],
      IpcMode: 'private',
      CgroupnsMode: 'private',
      LogConfig: { Type: 'local', Config: { 'max-file': '2', 'max-size': '5m' } },
      ShmSize: 64 * 1024 * 1024,
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 4096 }, { Name: 'core', Soft: 0, Hard: 0 }],
    });
    expect(engine.docker(['inspect', '--format', '{{json .Config.Labels}}', 'll-pol-a']).trim()).toBe('{"org.layerlab.session":"e2e"}');
    // Inside: no-new-privileges is in force.
    expect(await cli(['exec', 'll-pol-a', 'grep', 'NoNewPrivs', '/proc/self/status'])).toEqual({ stdout: 'NoNewPrivs:\t1\n', stderr: '', code: 0 });
    const priv = await cli(['exec', '--privileged', 'll-pol-a', 'id']);
    expect(priv).toEqual({ stdout: '', stderr: 'Error response from daemon: layerlab runner: Privileged is not allowed on this runner: privileged exec is root on the host\n', code: 1 });
    expect((await cli(['rm', '-f', 'll-pol-a'])).code).toBe(0);
  }, 120_000);

  it('the chapters\' image steps work: build (legacy builder), tag, history, save, load, cp, commit, diff, rmi', async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine\nRUN echo built > /b\nCMD ["cat","/b"]\n');
    const b = await cli(['build', '-q', '-t', 'll-pol/built', '.'], { env: { DOCKER_BUILDKIT: '0' } });
    expect([b.code, b.stdout]).toEqual([0, expect.stringMatching(/^sha256:[0-9a-f]{64}\n$/)]);
    expect(await cli(['run', '--rm', 'll-pol/built'])).toEqual({ stdout: 'built\n', stderr: '', code: 0 });
    expect((await cli(['tag', 'll-pol/built', 'll-pol/built:v2'])).code).toBe(0);
    expect((await cli(['history', '-q', 'll-pol/built:v2'])).code).toBe(0);
    expect((await cli(['save', '-o', path.join(dir, 'b.tar'), 'll-pol/built:v2'])).code).toBe(0);
    expect((await cli(['rmi', 'll-pol/built:v2'])).stdout).toBe('Untagged: ll-pol/built:v2\n');
    expect((await cli(['load', '-i', path.join(dir, 'b.tar')])).stdout).toBe('Loaded image: ll-pol/built:v2\n');
    expect((await cli(['run', '-d', '--name', 'll-pol-c', 'alpine', 'sleep', '60'])).code).toBe(0);
    writeFileSync(path.join(dir, 'f.txt'), 'hello\n');
    expect(await cli(['cp', path.join(dir, 'f.txt'), 'll-pol-c:/tmp/'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await cli(['exec', 'll-pol-c', 'cat', '/tmp/f.txt'])).stdout).toBe('hello\n');
    expect((await cli(['cp', 'll-pol-c:/etc/alpine-release', path.join(dir, 'rel')])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'rel'), 'utf8')).toBe('3.22.1\n');
    expect((await cli(['diff', 'll-pol-c'])).stdout).toBe('C /tmp\nA /tmp/f.txt\n');
    expect((await cli(['commit', 'll-pol-c', 'll-pol/commit:1'])).code).toBe(0);
    expect((await cli(['logs', 'll-pol-c'])).code).toBe(0);
    expect((await cli(['rm', '-f', 'll-pol-c'])).code).toBe(0);
    expect((await cli(['rmi', 'll-pol/commit:1', 'll-pol/built', 'll-pol/built:v2'])).code).toBe(0);
    expect((await cli(['run', '-i', '--rm', 'alpine', 'cat'], { input: 'piped\n' })).stdout).toBe('piped\n');
  }, 300_000);

  it('the CLI sees a refusal as the daemon\'s error', async () => {
    const before = state();
    expect(await cli(['run', '--privileged', 'alpine', 'true'])).toEqual({
      stdout: '',
      stderr: 'docker: Error response from daemon: layerlab runner: HostConfig.Privileged is not allowed on this runner: privileged containers are root on the host\n\nRun \'docker run --help\' for more information\n',
      code: 125,
    });
    expect((await cli(['run', '-v', '/:/host', 'alpine', 'true'])).stderr).toMatch(/^docker: Error response from daemon: layerlab runner: bind mounts of host paths are not allowed/);
    expect((await cli(['run', '--network', 'host', 'alpine', 'true'])).stderr).toMatch(/layerlab runner: NetworkMode "host" is not allowed/);
    expect((await cli(['run', '--cap-add', 'SYS_ADMIN', 'alpine', 'true'])).stderr).toMatch(/layerlab runner: HostConfig.CapAdd is not allowed/);
    expect(state()).toBe(before);
  }, 120_000);

  it.each(ATTACKS)('§5.3 %s: refused, and the engine is unchanged', async (_, method, p, body, headers) => {
    const before = state();
    const forwards = fwd.decisions.filter((d) => d.result.kind === 'forward').length;
    const r = await send(method, p, body, headers);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(JSON.parse(r.body).message).toMatch(/^layerlab runner: /);
    expect(fwd.decisions.filter((d) => d.result.kind === 'forward').length).toBe(forwards);
    expect(state()).toBe(before);
  }, 60_000);

  it('§5.3 10: Content-Length with Transfer-Encoding, and a pipelined second request, never reach the engine', async () => {
    const before = state();
    const forwards = fwd.decisions.filter((d) => d.result.kind === 'forward').length;
    const bad = C({ Privileged: true });
    const both = await raw(`POST /v1.41/containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bad.length}\r\nTransfer-Encoding: chunked\r\n\r\n${bad.length.toString(16)}\r\n${bad}\r\n0\r\n\r\n`);
    expect(both).toMatch(/^HTTP\/1\.1 400 /);
    // CVE-2024-41110's shape: Content-Length 0 and a body; the body is then a second (garbage) request.
    const cl0 = await raw(`POST /v1.41/containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n${bad}`);
    // Node's parser refuses the garbage request and may close before the policy's own 400 is written: only 400s, never a 2xx.
    expect(new Set(cl0.match(/^HTTP\/1\.1 \d+/gm))).toEqual(new Set(['HTTP/1.1 400']));
    const piped = await raw(`GET /v1.41/_ping HTTP/1.1\r\nHost: x\r\n\r\nPOST /v1.41/containers/create HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${bad.length}\r\n\r\n${bad}`);
    expect(piped.match(/^HTTP\/1\.1 \d+/gm)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 403']);
    expect(fwd.decisions.filter((d) => d.result.kind === 'forward').length).toBe(forwards + 1);
    expect(state()).toBe(before);
  }, 60_000);

  it('§5.3 11: an upgrade on exec start for a missing exec id is not tunnelled', async () => {
    const before = state();
    const smuggled = C({ Privileged: true });
    const out = await raw(
      `POST /v1.41/exec/0000000000000000000000000000000000000000000000000000000000000000/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\r\n{"Detach":false,"Tty":false}` +
        `POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 404 /);
    expect(out.match(/^HTTP\/1\.1/gm)).toHaveLength(1);
    expect(state()).toBe(before);
  }, 60_000);

  it('the state check can fail: the same privileged create sent straight to the engine changes it', () => {
    const before = state();
    engine.docker(['create', '--name', 'll-pol-control', '--privileged', 'alpine', 'true']);
    expect(state()).not.toBe(before);
    engine.docker(['rm', 'll-pol-control']);
    expect(state()).toBe(before);
  });
});
