import { describe, expect, it } from 'vitest';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { standardRegistry } from '../engine/fake-registry.ts';
import { Lab } from '../../worker/lab/lab.ts';

/** A session whose `docker` is the real CLI over an engine on the test-double registry. */
async function session() {
  const store = await MemoryStore.open();
  const engine = await Engine.open({ store, registry: standardRegistry(), clock: () => Date.parse('2026-11-24T03:00:00Z') });
  const cli = new DockerCli(new Lab(engine).api);
  return createSession({ store, docker: (argv, io) => cli.run(argv, io), preload: ['alpine'] });
}

// The course's host-shell lines (seeds 000 and 002) over the real CLI: the
// shell must hand the CLI what a real shell would, and pass its output on.
describe('the host shell around the real docker CLI', () => {
  it('pipes inspect output into jq', async () => {
    const s = await session();
    expect(await s.runLine("docker image inspect alpine:latest | jq ' .[] | .Config.Cmd'")).toEqual({
      cmd: "docker image inspect alpine:latest | jq ' .[] | .Config.Cmd'",
      stdout: '[\n  "/bin/sh"\n]\n',
      stderr: '',
      rc: 0,
    });
    const viaJq = await s.runLine("docker inspect alpine | jq -r '.[0].Id'");
    const viaCli = await s.runLine('docker images -q --no-trunc alpine');
    expect([viaJq.stdout, viaJq.rc]).toEqual([viaCli.stdout, 0]);
  });

  it('passes a quoted Go template through as one argument', async () => {
    const s = await session();
    const template = await s.runLine('docker image inspect --format "{{ json .RootFS.Layers }}" alpine');
    const jq = await s.runLine("docker image inspect alpine | jq -c '.[0].RootFS.Layers'");
    expect([template.stdout, template.stderr, template.rc]).toEqual([jq.stdout, '', 0]);
  });

  it('removes every image with $(docker images -q)', async () => {
    const s = await session();
    await s.runLine('docker pull hello-world');
    const rm = await s.runLine('docker rmi $(docker images -q) -f');
    expect(rm.rc).toBe(0);
    expect(await s.runLine('docker images -q')).toEqual({ cmd: 'docker images -q', stdout: '', stderr: '', rc: 0 });
  });
});
