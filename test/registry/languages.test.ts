/**
 * The language and application images of the simulated Hub, as a learner sees them:
 * `docker pull`, `docker images` (SIZE), `docker history` and the image's Config,
 * for every image, compared whole with fixtures/languages-hub.txt. That file is
 * written from the recipes (catalog-languages.ts) and was read line by line against
 * docker-library's Dockerfiles and the real images' sizes; no Hub is reachable here to
 * record it from, so where it differs from the real Hub (checksums, exact byte
 * counts) the report of the change that wrote it says so.
 */
import { Lab } from '../../worker/lab/lab.ts';
import { describe, expect, it } from 'vitest';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { LANGUAGE_IMAGES } from '../../worker/registry/catalog-languages.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { resolve } from '../../worker/registry/registry.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import { NOW, seeded } from '../containers/helpers.ts';

describe('language and application images', () => {
  it('pull, images, history and Config of each, whole', { timeout: 300_000 }, async () => {
    const engine = await Engine.open({ store: new MemoryStore(), registry: hubRegistry(), clock: () => NOW, random: seeded(1) });
    const docker = new DockerCli(new Lab(engine).api);
    let out = '';
    const run = async (...argv: string[]): Promise<void> => {
      out += `$ docker ${argv.join(' ')}\n`;
      const io: DockerIo = { stdin: new Uint8Array(), stdout: (s) => (out += String(s)), stderr: (s) => (out += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: () => undefined };
      const rc = await docker.run(argv, io);
      if (rc !== 0) out += `[exit ${rc}]\n`;
    };
    for (const img of LANGUAGE_IMAGES) {
      const ref = `${img.repository.replace('library/', '')}:${img.tags[0]}`;
      await run('pull', ref);
      await run('images', '--format', 'table {{.Repository}}\t{{.Tag}}\t{{.Size}}', ref);
      await run('history', '--format', 'table {{.CreatedBy}}\t{{.Size}}\t{{.Comment}}', ref);
      await run('image', 'inspect', '--format', '{{json .Config}}', ref);
      out += '\n';
    }
    await expect(out).toMatchFileSnapshot('fixtures/languages-hub.txt');
  });

  it('share the base layers of the images they are built on', () => {
    const first = (name: string, tag: string, n = 0): string => resolve(name, tag).layers[n]!.diffId;
    const node = resolve('node', 'latest').layers.map((l) => l.diffId);
    // golang on buildpack-deps:bookworm-scm, ruby and rust on buildpack-deps:bookworm: node's first four layers.
    expect(resolve('golang', '1.24').layers.slice(0, 3).map((l) => l.diffId)).toEqual(node.slice(0, 3));
    expect(resolve('ruby', '3.4').layers.slice(0, 4).map((l) => l.diffId)).toEqual(node.slice(0, 4));
    expect(resolve('rust', '1.88').layers.slice(0, 4).map((l) => l.diffId)).toEqual(node.slice(0, 4));
    for (const [n, t] of [['php', '8.4-cli'], ['php', '8.4-apache'], ['ruby', '3.4-slim'], ['rust', '1.88-slim']] as const) expect(first(n, t)).toBe(first('debian', 'bookworm-slim'));
    for (const [n, t] of [['golang', '1.24-alpine'], ['ruby', '3.4-alpine'], ['php', '8.4-alpine'], ['rust', '1.88-alpine'], ['docker', 'cli'], ['eclipse-temurin', '21-alpine']] as const) expect(first(n, t)).toBe(first('alpine', '3.22'));
    expect(first('eclipse-temurin', '21')).toBe(first('ubuntu', '24.04'));
    // docker:dind is docker:cli plus layers; wordpress is php:8.3-apache plus layers.
    expect(resolve('docker', 'dind').layers.slice(0, 9).map((l) => l.diffId)).toEqual(resolve('docker', 'cli').layers.map((l) => l.diffId));
    expect(resolve('wordpress', 'latest').layers.slice(0, 13).map((l) => l.diffId)).toEqual(resolve('php', '8.3-apache').layers.map((l) => l.diffId));
  });
});
