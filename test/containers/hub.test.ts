/**
 * The containers over the simulated Docker Hub and the real programs of
 * worker/programs: what a learner does in the first container lessons.
 */
import { describe, expect, it } from 'vitest';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import type { ForegroundProgram } from '../../worker/shell/foreground.ts';
import { NOW, seeded } from './helpers.ts';
import { Lab } from '../../worker/lab/lab.ts';

async function hub() {
  const engine = await Engine.open({ store: new MemoryStore(), registry: hubRegistry(), clock: () => NOW, random: seeded(3) });
  const docker = new DockerCli(new Lab(engine).api);
  let fg: ForegroundProgram | undefined;
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = { stdin: new Uint8Array(), stdout: (s) => (stdout += String(s)), stderr: (s) => (stderr += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: (p) => (fg = p) };
    const rc = await docker.run(argv, io);
    return { stdout, stderr, rc };
  };
  await run(['pull', 'alpine']);
  return { engine, run, fg: () => fg! };
}

describe('alpine from the simulated Hub', () => {
  it('runs a command, a missing one fails as runc does, files changed show in diff', async () => {
    const d = await hub();
    expect(await d.run(['run', '--name', 'hi', 'alpine', 'echo', 'hello'])).toEqual({ stdout: 'hello\n', stderr: '', rc: 0 });
    expect((await d.run(['run', 'alpine', 'bash'])).rc).toEqual(127);
    await d.run(['run', '--name', 'edit', 'alpine', 'sh', '-c', 'echo x > /root/note && rm /etc/motd']);
    expect((await d.run(['diff', 'edit'])).stdout).toEqual('C /etc\nD /etc/motd\nC /root\nA /root/note\n');
  });

  it('an interactive shell sees the container hostname and ends with exit', async () => {
    const d = await hub();
    expect(await d.run(['run', '-it', '--name', 'shell', 'alpine'])).toEqual({ stdout: '', stderr: '', rc: 0 });
    const fg = d.fg();
    expect(fg.prompt()).toEqual('/ # ');
    const id = (await d.run(['ps', '-q', '--no-trunc'])).stdout.trim();
    expect((await fg.feed('hostname')).stdout).toEqual(`${id.slice(0, 12)}\n`);
    expect((await fg.feed('cat /etc/hostname')).stdout).toEqual(`${id.slice(0, 12)}\n`);
    expect((await fg.feed('exit 4')).exitCode).toEqual(4);
    expect((await d.run(['ps', '-a', '--format', '{{.Status}}', '--filter', 'name=shell'])).stdout).toEqual('Exited (4) Less than a second ago\n');
  });

  it('exec reaches a detached container', async () => {
    const d = await hub();
    await d.run(['run', '-d', '--name', 'bg', 'alpine', 'sleep', '1000']);
    expect(await d.run(['exec', 'bg', 'cat', '/etc/alpine-release'])).toEqual({ stdout: '3.22.1\n', stderr: '', rc: 0 });
    expect(await d.run(['rm', '-f', 'bg'])).toEqual({ stdout: 'bg\n', stderr: '', rc: 0 });
  });
});
