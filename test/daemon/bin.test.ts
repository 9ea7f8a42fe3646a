/**
 * `bin/layerlab daemon` as a learner runs it: the Done-when line of issue 13
 * (`DOCKER_HOST=unix://$PWD/ll.sock docker run -it alpine sh`), `--state`
 * keeping the lab across restarts, SIGTERM stopping it cleanly (socket
 * removed), TCP on loopback, and its usage errors. Each daemon is stopped by
 * its own pid.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerCli, ROOT } from './harness.ts';

const BIN = join(ROOT, 'bin/layerlab');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'll-bin-daemon-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Starts `bin/layerlab daemon ARGS`; resolves once it says where it listens. */
async function daemon(args: string[]): Promise<{ child: ChildProcess; host: string; stop(): Promise<number | null> }> {
  const child = spawn(BIN, ['daemon', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const host = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      const m = /API listen on (\S+)\n/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`daemon exited ${code}: ${err}`)));
  });
  return {
    child,
    host,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

function docker(host: string, args: string[]): Promise<{ stdout: string; stderr: string; rc: number }> {
  return new Promise((resolve) => {
    execFile(dockerCli().path, args, { env: { ...process.env, DOCKER_HOST: host, DOCKER_CONFIG: join(dir, '.docker') }, encoding: 'utf8' }, (e, stdout, stderr) => {
      resolve({ stdout, stderr, rc: e ? (typeof e.code === 'number' ? e.code : 1) : 0 });
    });
  });
}

/** `docker run -it alpine sh` on a pty (util-linux script), typing as a learner. */
function runIt(host: string): Promise<{ screen: string; rc: number }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `${dockerCli().path} run -it --name it alpine sh`, '/dev/null'], { env: { ...process.env, DOCKER_HOST: host, DOCKER_CONFIG: join(dir, '.docker') } });
    let screen = '';
    const keys: Array<[string, string]> = [
      ['/ # ', 'echo hi\r'],
      ['hi\r\n/ # ', 'exit\r'],
    ];
    let from = 0;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      screen += s;
      const next = keys[0];
      if (next && screen.indexOf(next[0], from) >= 0) {
        from = screen.length;
        keys.shift();
        child.stdin.write(next[1]);
      }
    });
    child.once('exit', (rc) => resolve({ screen, rc: rc ?? -1 }));
  });
}

describe('bin/layerlab daemon', () => {
  it('DOCKER_HOST=unix://$PWD/ll.sock docker run -it alpine sh works, and --state keeps the lab across restarts', async () => {
    const sock = join(dir, 'll.sock');
    const state = join(dir, 'state');
    const first = await daemon(['--host', `unix://${sock}`, '--state', state]);
    expect(first.host).toBe(`unix://${sock}`);
    const pulled = await docker(first.host, ['pull', '-q', 'alpine']);
    expect([pulled.stdout, pulled.rc]).toEqual(['docker.io/library/alpine:latest\n', 0]);
    expect(await runIt(first.host)).toEqual({ screen: '/ # echo hi\r\nhi\r\n/ # exit\r\n', rc: 0 });
    expect(await first.stop()).toBe(0);
    expect(existsSync(sock)).toBe(false);
    const second = await daemon(['--host', `unix://${sock}`, '--state', state]);
    const ps = await docker(second.host, ['ps', '-a', '--format', '{{.Names}} {{.Image}} {{.Command}}']);
    expect(ps).toEqual({ stdout: 'it alpine "sh"\n', stderr: '', rc: 0 });
    expect(await second.stop()).toBe(0);
  }, 120_000);

  it('serves TCP on loopback (port 0 picks a free one)', async () => {
    const d = await daemon(['--host', 'tcp://127.0.0.1:0']);
    expect(d.host).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const v = await docker(d.host, ['version', '--format', '{{.Server.Version}} {{.Server.APIVersion}}']);
    expect(v).toEqual({ stdout: '28.5.1 1.51\n', stderr: '', rc: 0 });
    expect(await d.stop()).toBe(0);
  }, 60_000);

  it('usage errors exit 2: no --host, a host that is not loopback, a bad scheme', async () => {
    const run = (args: string[]) =>
      new Promise<{ rc: number; first: string }>((resolve) => {
        execFile(BIN, ['daemon', ...args], { encoding: 'utf8' }, (e, _out, stderr) => resolve({ rc: e ? Number(e.code) : 0, first: stderr.split('\n')[0]! }));
      });
    expect(await run([])).toEqual({ rc: 2, first: 'layerlab: daemon needs --host unix:///PATH or --host tcp://127.0.0.1:PORT' });
    expect(await run(['--host', 'tcp://0.0.0.0:2375'])).toEqual({ rc: 2, first: 'layerlab: refusing to listen on 0.0.0.0: not a loopback address (add --allow-remote to mean it)' });
    expect(await run(['--host', 'http://x'])).toEqual({ rc: 2, first: 'layerlab: invalid --host "http://x": expected unix:///PATH or tcp://HOST:PORT' });
  }, 60_000);
});
