/**
 * Runs docker command lines against a fresh engine over the test-double
 * registry, without a shell: argv split on spaces (quotes are not needed by
 * these tests), stdin given per call.
 */
import { Engine } from '../../worker/engine/engine.ts';
import { DockerCli } from '../../worker/cli/docker.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import type { HostFs } from '../../worker/shell/host-fs.ts';
import { standardRegistry } from '../engine/fake-registry.ts';
import { Lab } from '../../worker/lab/lab.ts';

/** The fixed "now" of CLI tests: 2026-11-24T03:00:00Z. */
export const NOW = Date.parse('2026-11-24T03:00:00Z');

/** A docker CLI over a fresh engine. */
export async function cli(now = NOW) {
  const engine = await Engine.open({ store: new MemoryStore(), registry: standardRegistry(), clock: () => now });
  const docker = new DockerCli(new Lab(engine).api);
  const run = async (argv: string[] | string, stdin = '') => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = {
      stdin: new TextEncoder().encode(stdin),
      stdout: (s) => (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)),
      stderr: (s) => (stderr += s),
      env: {},
      cwd: '/home/learner',
      fs: undefined as unknown as HostFs,
      isTTY: false,
    };
    const rc = await docker.run(typeof argv === 'string' ? argv.split(' ').filter(Boolean) : argv, io);
    return { stdout, stderr, rc };
  };
  return { engine, run };
}
