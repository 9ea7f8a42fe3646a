/**
 * Containers survive a reload: the writable layer is a stored blob, a
 * container stored as running is started again over its files (StartedAt
 * kept), and removing containers frees their layer blobs.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import { blobsInUse } from '../../worker/engine/state.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Lab } from '../../worker/lab/lab.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { InteractiveProcess, ProcessSpec } from '../../worker/engine/containers/runtime.ts';
import type { ForegroundProgram } from '../../worker/shell/foreground.ts';
import { NOW, ScriptRunner, containerCli, seeded, testRegistry } from './helpers.ts';

/**
 * Programs that wait for the test: `later` (main process) writes /etc/later
 * once `release()` is called, then runs on; the interactive shell's `slow`
 * line writes /etc/slow, then waits for `release()` before it ends.
 */
class GatedRunner extends ScriptRunner {
  release: () => void = () => undefined;
  readonly #gate = new Promise<void>((r) => (this.release = r));

  override async runProcess(spec: ProcessSpec): Promise<number> {
    if (spec.argv[0] !== 'later') return super.runProcess(spec);
    await this.#gate;
    await spec.fs.writeFile('/etc/later', 'x');
    return new Promise<number>(() => undefined);
  }

  override async startInteractive(spec: ProcessSpec): Promise<InteractiveProcess> {
    const shell = await super.startInteractive(spec);
    return {
      ...shell,
      feed: async (line) => {
        if (line !== 'slow') return shell.feed(line);
        await spec.fs.writeFile('/etc/slow', 'x');
        await this.#gate;
        return { stdout: '', stderr: '' };
      },
    };
  }
}

describe('reload', () => {
  it('keeps files and restarts running containers', async () => {
    const store = new MemoryStore();
    const registry = testRegistry();
    const open = async (now: number) => {
      const engine = await Engine.open({ store, registry, clock: () => now, random: seeded(9) });
      const runner: ScriptRunner = new ScriptRunner();
      const lab = new Lab(engine, { programs: runner, tick: () => new Promise((r) => setTimeout(r, 0)), sleep: async () => undefined });
      const svc = await lab.containers();
      const cli = new DockerCli(lab.api);
      const run = async (line: string) => {
        let out = '';
        await cli.run(line.split(' '), { stdin: new Uint8Array(), stdout: (s) => (out += String(s)), stderr: (s) => (out += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: () => undefined });
        return out;
      };
      return { engine, lab, svc, runner, run };
    };
    const first = await open(NOW);
    await first.run('pull base');
    await first.run('run --name writer base touch /etc/kept');
    await first.run('run -d --name web1 base sleep 1000');
    await first.run('run -it --name shell1 base');
    const startedAt = first.svc.get('web1').startedAt;

    const second = await open(NOW + 60_000);
    await second.svc.resume();
    expect(await second.run('diff writer')).toEqual('C /etc\nA /etc/kept\n');
    expect(second.svc.get('web1').running).toBe(true);
    expect(second.svc.get('web1').startedAt).toEqual(startedAt);
    expect(second.runner.started.map((s) => s.argv)).toEqual([['sleep', '1000'], ['echo']]);
    expect(await second.run('ps --format {{.Names}}:{{.Status}}')).toEqual('web1:Up About a minute\nshell1:Up About a minute\n');
    expect(second.svc.live(second.svc.get('shell1').id)?.interactive?.prompt()).toEqual('/ # ');
  });

  it('writable layers are blobs in use until the container is removed', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('run --name writer base touch /etc/kept');
    const digest = d.svc.get('writer').rwLayer!;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(blobsInUse(d.engine.state).has(digest)).toBe(true);
    expect(await d.engine.getBlob(digest)).toBeDefined();
    await d.run('rm writer');
    expect(blobsInUse(d.engine.state).has(digest)).toBe(false);
    expect(await d.engine.getBlob(digest)).toBeUndefined();
  });

  /** Two engines on one store, the second opened after the first "page" went away mid-way. */
  async function twoPages() {
    const store = new MemoryStore();
    const commits = { n: 0 };
    const commit = store.commit.bind(store);
    store.commit = (batch) => {
      commits.n++;
      return commit(batch);
    };
    const registry = testRegistry();
    const open = async (runner: ScriptRunner) => {
      const engine = await Engine.open({ store, registry, clock: () => NOW, random: seeded(9) });
      const lab = new Lab(engine, { programs: runner, tick: () => new Promise((r) => setTimeout(r, 0)), sleep: async () => undefined });
      const svc = await lab.containers();
      let foreground: ForegroundProgram | undefined;
      const cli = new DockerCli(lab.api);
      const run = async (argv: string[]) => {
        let out = '';
        await cli.run(argv, { stdin: new Uint8Array(), stdout: (s) => (out += String(s)), stderr: (s) => (out += s), env: {}, cwd: '/', fs: undefined as never, isTTY: true, startForeground: (p) => (foreground = p) });
        return out;
      };
      return { engine, lab, svc, run, foreground: () => foreground! };
    };
    const runner = new GatedRunner();
    const first = await open(runner);
    await first.run(['pull', 'base']);
    /** What a page opened now would find: `docker diff` on a fresh engine over the store. */
    const diffNow = async (name: string) => (await open(new ScriptRunner())).run(['diff', name]);
    return { first, runner, diffNow, commits };
  }

  it('stores a terminal line when it ends, never half-way', async () => {
    const { first, runner, diffNow, commits } = await twoPages();
    await first.run(['run', '-it', '--name', 'term', 'base']);
    expect(await first.foreground().feed('touch /etc/one')).toEqual({ stdout: '', stderr: '' });
    expect(await diffNow('term')).toEqual('C /etc\nA /etc/one\n');
    // A line that writes nothing stores nothing.
    const before = commits.n;
    expect(await first.foreground().feed('echo hi')).toEqual({ stdout: 'hi\n', stderr: '' });
    expect(commits.n).toEqual(before);
    const slow = first.foreground().feed('slow');
    await new Promise((r) => setTimeout(r, 10));
    await first.svc.stored();
    // The line has written /etc/slow and runs on: a reload now finds the files of before the line.
    expect(await diffNow('term')).toEqual('C /etc\nA /etc/one\n');
    runner.release();
    await slow;
    expect(await diffNow('term')).toEqual('C /etc\nA /etc/one\nA /etc/slow\n');
  });

  it('stores what a detached program writes, without waiting for it to end', async () => {
    const { first, runner, diffNow } = await twoPages();
    await first.run(['run', '-d', '--name', 'bg', 'base', 'later']);
    expect(await diffNow('bg')).toEqual('');
    runner.release();
    await new Promise((r) => setTimeout(r, 10));
    await first.svc.stored();
    expect(await diffNow('bg')).toEqual('C /etc\nA /etc/later\n');
    expect(first.svc.get('bg').running).toBe(true);
  });

  it('a retired engine (its session replaced) stores nothing its programs do afterwards', async () => {
    const { first, runner, diffNow, commits } = await twoPages();
    await first.run(['run', '-d', '--rm', '--name', 'bg', 'base', 'later']);
    const before = commits.n;
    await first.lab.retire();
    runner.release();
    await new Promise((r) => setTimeout(r, 10));
    await first.svc.stored();
    expect(commits.n).toEqual(before);
    // Still stored as running with an empty layer: the next engine starts it again.
    expect(await diffNow('bg')).toEqual('');
  });
});
