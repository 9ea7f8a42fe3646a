/**
 * `docker pause` beyond the daemon's texts (those are in the golden scenario
 * test/golden/scenarios/pause.txt): a frozen process writes nothing and
 * cannot exit. The simulator cannot freeze a program, so its output is held
 * back and its exit waits until the container is unpaused; SIGKILL ends it
 * with nothing written. A reload brings a paused container back paused.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Lab } from '../../worker/lab/lab.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { ProcessSpec } from '../../worker/engine/containers/runtime.ts';
import { NOW, ScriptRunner, containerCli, seeded, testRegistry } from './helpers.ts';

/** `late` prints `late` and exits 5 once the test calls `release()`. */
async function withLate() {
  const d = await containerCli();
  await d.run('pull base');
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const run = d.runner.runProcess.bind(d.runner);
  d.runner.runProcess = async (spec: ProcessSpec) => {
    if (spec.argv[0] !== 'late') return run(spec);
    await gate;
    spec.stdout('late\n');
    return 5;
  };
  const turn = () => new Promise((r) => setTimeout(r, 0));
  return { ...d, release, turn };
}

describe('a paused container', () => {
  it('writes nothing and does not exit until it is unpaused', async () => {
    const d = await withLate();
    await d.run('run -d --name sig-p base late');
    expect(await d.run('pause sig-p')).toEqual({ stdout: 'sig-p\n', stderr: '', rc: 0 });
    d.release();
    await d.turn();
    expect(await d.run('logs sig-p')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.run('ps -a --format {{.Status}}')).toEqual({ stdout: 'Up Less than a second (Paused)\n', stderr: '', rc: 0 });
    expect(await d.run('unpause sig-p')).toEqual({ stdout: 'sig-p\n', stderr: '', rc: 0 });
    expect(await d.run('wait sig-p')).toEqual({ stdout: '5\n', stderr: '', rc: 0 });
    expect(await d.run('logs sig-p')).toEqual({ stdout: 'late\n', stderr: '', rc: 0 });
  });

  it('killed while paused, it ends with 137 and what it "wrote" frozen is gone', async () => {
    const d = await withLate();
    await d.run('run -d --name sig-p base late');
    await d.run('pause sig-p');
    d.release();
    await d.turn();
    expect(await d.run('kill sig-p')).toEqual({ stdout: 'sig-p\n', stderr: '', rc: 0 });
    expect(await d.run(['inspect', '-f', '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}', 'sig-p'])).toEqual({ stdout: 'exited false 137\n', stderr: '', rc: 0 });
    expect(await d.run('logs sig-p')).toEqual({ stdout: '', stderr: '', rc: 0 });
  });

  it('comes back paused after a reload', async () => {
    const store = new MemoryStore();
    const registry = testRegistry();
    const open = async () => {
      const engine = await Engine.open({ store, registry, clock: () => NOW, random: seeded(3) });
      // As the page's service does when it opens (worker/lab/lab.ts): containers stored as running start again.
      const lab = new Lab(engine, { programs: new ScriptRunner(), tick: () => new Promise((r) => setTimeout(r, 0)), sleep: async () => undefined });
      await (await lab.containers()).resume();
      const cli = new DockerCli(lab.api);
      const run = async (line: string) => {
        let out = '';
        await cli.run(line.split(' '), { stdin: new Uint8Array(), stdout: (s) => (out += String(s)), stderr: (s) => (out += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: () => undefined });
        return out;
      };
      return { engine, lab, run };
    };
    const first = await open();
    await first.run('pull base');
    await first.run('run -d --name sig-p base sleep 1000');
    await first.run('pause sig-p');
    await first.lab.retire();
    const again = await open();
    expect(await again.run('ps --format {{.Names}}|{{.Status}}')).toEqual('sig-p|Up Less than a second (Paused)\n');
    expect(await again.run('unpause sig-p')).toEqual('sig-p\n');
    expect(await again.run('exec sig-p echo hi')).toEqual('hi\n');
  });
});
