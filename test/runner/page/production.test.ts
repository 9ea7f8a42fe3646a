/**
 * The chapters' container and build steps from the page's session on a real
 * engine through the runner as an operator starts it (runner/main.ts: the
 * real policy, a dockerd per session, gVisor where it works;
 * production-runner.ts). What the policy forces is visible to the learner
 * (inspect shows the limits and the session network), and what it refuses
 * reaches the terminal as Docker prints any daemon error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../worker/session.ts';
import { MemoryStore } from '../../../worker/store/memory-store.ts';
import { HttpEngine } from '../../../worker/engine-client/http-engine.ts';
import { openRunnerSession, type RunnerSession } from '../../../worker/runner-client/runner-session.ts';
import { nodeRunnerDeps } from './real-runner.ts';
import { startProductionRunner, type ProductionRunner } from './production-runner.ts';

const ORIGIN = 'http://127.0.0.1:4173';
let runner: ProductionRunner;
let rs: RunnerSession;
let session: Session;

beforeAll(async () => {
  runner = await startProductionRunner([ORIGIN]);
  rs = await openRunnerSession(runner.url, nodeRunnerDeps(ORIGIN));
  session = await createSession({ store: new MemoryStore(), remote: new HttpEngine(rs.transport) });
}, 180_000);
afterAll(async () => {
  await session?.close();
  await rs?.close();
  await runner?.stop();
});

async function line(cmd: string): Promise<{ stdout: string; stderr: string; rc: number }> {
  const { stdout, stderr, rc } = await session.runLine(cmd);
  return { stdout, stderr, rc };
}

describe('the chapters on a real engine through the runner', () => {
  it('runs, changes, diffs, commits and inspects a container', async () => {
    expect(await line('docker run --name box alpine sh -c "echo hi > /hello.txt"')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await line('docker diff box')).toEqual({ stdout: 'A /hello.txt\n', stderr: '', rc: 0 });
    const commit = await line('docker commit box page/hello:1');
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await line('docker run --rm page/hello:1 cat /hello.txt')).toEqual({ stdout: 'hi\n', stderr: '', rc: 0 });
    expect(await line("docker history --format '{{.CreatedBy}}' page/hello:1")).toEqual({
      stdout: 'sh -c echo hi > /hello.txt\nlayerlab alpine stand-in\n',
      stderr: '',
      rc: 0,
    });
    // The runner forced the session's limits and network on a container the learner created without any.
    expect(await line("docker inspect --format '{{.HostConfig.NetworkMode}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.HostConfig.Privileged}}' box")).toEqual({
      stdout: 'none 536870912 256 false\n',
      stderr: '',
      rc: 0,
    });
  }, 120_000);

  it('builds the home directory as the context and runs the result', async () => {
    await line('mkdir app');
    await line('echo hello > app/f.txt');
    await line("printf 'FROM alpine\\nCOPY f.txt /f.txt\\nRUN cat /f.txt > /b\\nCMD [\"cat\",\"/b\"]\\n' > app/Dockerfile");
    const build = await line('docker build -q -t page/built app');
    expect({ rc: build.rc, id: /^sha256:[0-9a-f]{64}\n$/.test(build.stdout) }).toEqual({ rc: 0, id: true });
    expect(await line('docker run --rm page/built')).toEqual({ stdout: 'hello\n', stderr: '', rc: 0 });
  }, 120_000);

  it('saves into the home and loads back', async () => {
    expect(await line('docker save -o built.tar page/built')).toEqual({ stdout: '', stderr: '', rc: 0 });
    const rmi = await line('docker rmi page/built');
    expect({ ...rmi, stdout: rmi.stdout.replace(/^Deleted: sha256:[0-9a-f]{64}$/gm, 'Deleted: ID') }).toEqual({
      stdout: 'Untagged: page/built:latest\n' + 'Deleted: ID\n'.repeat(rmi.stdout.split('\n').length - 2),
      stderr: '',
      rc: 0,
    });
    expect(await line('docker load -i built.tar')).toEqual({ stdout: 'Loaded image: page/built:latest\n', stderr: '', rc: 0 });
  }, 120_000);

  it("answers what the policy refuses with Docker's own error shape and changes nothing", async () => {
    const r = await line('docker run --privileged --name root-please alpine id');
    expect(r.rc).toBe(125);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^docker: Error response from daemon: layerlab runner: [^\n]+\n/);
    expect(await line("docker ps -a --format '{{.Names}}'")).toEqual({ stdout: 'box\n', stderr: '', rc: 0 });
  }, 60_000);
});
