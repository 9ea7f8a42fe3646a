/**
 * The transcript the service images' test compares whole: for each image of
 * catalog-services.ts, `docker pull`, `docker images`, `docker history` and the
 * inspected Config, run by the simulated docker CLI over the simulated Hub at a
 * fixed clock. `npx tsx test/registry/record-services.mts` writes it to
 * fixtures/services-hub.txt; the file was then read against the images' Dockerfiles
 * (there is no Hub to record the real outputs from here).
 */
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { SERVICE_IMAGES } from '../../worker/registry/catalog-services.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import type { HostFs } from '../../worker/shell/host-fs.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { Lab } from '../../worker/lab/lab.ts';

/** The fixed "now" of the transcript. */
export const NOW = Date.parse('2025-12-01T12:00:00Z');

/** Every image's first tag: `postgres:latest`, `postgres:16`, … */
export function serviceRefs(): string[] {
  return SERVICE_IMAGES.map((i) => `${i.repository.replace(/^library\//, '')}:${i.tags[0]}`);
}

/** The transcript: `$ docker …` lines, each followed by its stdout (and stderr, if any, after `! `). */
export async function serviceTranscript(refs = serviceRefs()): Promise<string> {
  const engine = await Engine.open({ store: await MemoryStore.open(), registry: hubRegistry(), clock: () => NOW });
  const docker = new DockerCli(new Lab(engine).api);
  let out = '';
  const run = async (argv: string[]): Promise<void> => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = {
      stdin: new Uint8Array(), env: {}, cwd: '/home/learner', fs: undefined as unknown as HostFs, isTTY: false,
      stdout: (s) => (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)),
      stderr: (s) => (stderr += s),
    };
    const rc = await docker.run(argv, io);
    out += `$ docker ${argv.join(' ')}\n${stdout}${stderr ? stderr.replace(/^/gm, '! ') : ''}${rc ? `(exit ${rc})\n` : ''}`;
  };
  for (const ref of refs) {
    await run(['pull', ref]);
    await run(['images', ref]);
    await run(['history', ref]);
    await run(['image', 'inspect', '--format', '{{json .Config}}', ref]);
  }
  return out;
}
