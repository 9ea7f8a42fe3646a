/**
 * Containers survive a reload: the writable layer is a stored blob, a
 * container stored as running is started again over its files (StartedAt
 * kept), and removing containers frees their layer blobs.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import { blobsInUse } from '../../worker/engine/state.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { useContainerService } from '../../worker/cli/container/service.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, ScriptRunner, containerCli, seeded, testRegistry } from './helpers.ts';

describe('reload', () => {
  it('keeps files and restarts running containers', async () => {
    const store = new MemoryStore();
    const registry = testRegistry();
    const open = async (now: number) => {
      const engine = await Engine.open({ store, registry, clock: () => now, random: seeded(9) });
      const runner = new ScriptRunner();
      const svc = useContainerService(engine, { programs: runner, tick: () => new Promise((r) => setTimeout(r, 0)), sleep: async () => undefined });
      const cli = new DockerCli(engine);
      const run = async (line: string) => {
        let out = '';
        await cli.run(line.split(' '), { stdin: new Uint8Array(), stdout: (s) => (out += String(s)), stderr: (s) => (out += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: () => undefined });
        return out;
      };
      return { engine, svc, runner, run };
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
});
