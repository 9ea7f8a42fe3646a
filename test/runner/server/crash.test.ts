/**
 * A runner crash and restart leaks nothing: `npm run runner`'s entry
 * (runner/main.ts) runs as a child process with two sessions, one of them
 * running a container under runsc; the runner is killed with SIGKILL (its
 * dockerds, containerds, shims and sandboxes live on, orphaned); a new
 * runner on the same RUNNER_STATE_DIR reaps them before it listens, so no
 * process, directory, mount or cgroup of either session is left. The
 * second runner then stops cleanly on SIGTERM. Also: a bad variable stops
 * the start with a plain message.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession } from './client.ts';
import { ORIGIN } from './harness.ts';
import { alpineSeed, TEST_DOCKERD } from './seed.ts';
import { leftovers, NOTHING } from './leaks.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
// node itself with tsx's loader, not the tsx CLI: the CLI runs the runner in a child process, so a SIGKILL to it
// would orphan the runner instead of crashing it.
const RUNNER = [process.execPath, '--import', 'tsx', 'runner/main.ts'] as const;
const dir = mkdtempSync(join(tmpdir(), 'll-crash-'));
const state = join(dir, 'state');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  events: { event: string; id?: string }[];
}

/** Starts runner/main.ts and resolves once it logs `listening` (after its start-up reap). */
function startRunner(env: Record<string, string>): Promise<Started> {
  const child = spawn(RUNNER[0], RUNNER.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  const events: Started['events'] = [];
  let buf = '';
  return new Promise((ok, fail) => {
    child.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        try {
          const e = JSON.parse(line) as { event: string; url?: string; id?: string };
          events.push(e);
          if (e.event === 'listening') ok({ child, url: e.url!, events });
        } catch {
          fail(new Error(`runner said: ${line}`));
        }
      }
    });
    child.once('exit', (code) => fail(new Error(`runner exited (${code}) before listening: ${buf}`)));
  });
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

describe('runner crash and restart', () => {
  it('reaps the orphaned engines of a killed runner and leaks nothing', async () => {
    const env = {
      RUNNER_PORT: '0',
      RUNNER_STATE_DIR: state,
      RUNNER_DOCKERD: TEST_DOCKERD,
      RUNNER_ALLOWED_ORIGINS: ORIGIN,
      RUNNER_SEED_IMAGES: alpineSeed(dir),
      RUNNER_RUNTIME: 'runsc',
    };
    const first = await startRunner(env);
    const a = await createSession(first.url, ORIGIN);
    const b = await createSession(first.url, ORIGIN);
    expect([a.status, b.status]).toEqual([201, 201]);
    // A learner's container, started on A's engine directly (the crash, not the policy, is under test).
    const dockerEnv = { ...process.env, DOCKER_HOST: `unix://${join(state, a.body.id, 'docker.sock')}`, DOCKER_CONFIG: join(dir, 'cfg') };
    execFileSync('docker', ['run', '-d', '--name', 'left', 'alpine', 'sleep', '1000'], { env: dockerEnv });
    const sandboxPid = Number(execFileSync('docker', ['inspect', '-f', '{{.State.Pid}}', 'left'], { env: dockerEnv, encoding: 'utf8' }).trim());
    const dockerds = [a, b].map((s) => Number(readFileSync(join(state, s.body.id, 'docker.pid'), 'utf8')));

    first.child.kill('SIGKILL');
    await exited(first.child);
    // The orphans are real: both daemons and the container outlive the runner.
    for (const pid of [...dockerds, sandboxPid]) expect(() => process.kill(pid, 0)).not.toThrow();
    const before = leftovers(state, [a.body.id, b.body.id]);
    expect(before.entries.sort()).toEqual([a.body.id, b.body.id].sort());
    expect(before.cgroups.length).toBeGreaterThan(0); // A's running container
    expect(before.processes.length).toBeGreaterThan(0);

    const second = await startRunner(env);
    expect(second.events.filter((e) => e.event === 'reaping orphan').map((e) => e.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(leftovers(state, [a.body.id, b.body.id])).toEqual(NOTHING);
    // Gone or a zombie: the killed runner's daemons were re-parented to this machine's PID 1, which need not reap them.
    const state_ = (pid: number) => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] : 'gone');
    expect([...dockerds, sandboxPid].map(state_).filter((st) => st !== 'gone' && st !== 'Z')).toEqual([]);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 240_000);

  it('refuses a bad variable at start with a plain message', async () => {
    const child = spawn(RUNNER[0], RUNNER.slice(1), { cwd: ROOT, env: { ...process.env, RUNNER_MEMORY: 'lots', RUNNER_STATE_DIR: state }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(child)).toBe(2);
    expect(err).toBe('layerlab runner: RUNNER_MEMORY=lots: expected a size such as 512m or 2g, at least 6291456 bytes\n');
  }, 60_000);
});
