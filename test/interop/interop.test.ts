/**
 * Archives we write load into real Docker, and archives real Docker writes
 * load into ours, with the same image IDs, layers and sizes (the bar of
 * "Real" in the developers' guide). Runs a private dockerd (real-engine.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import { bytesStream, collectBytes } from '../../worker/engine/layer/tar-stream.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { startRealEngine, type RealEngine } from './real-engine.ts';
import { simulatorWith } from './sim-save.ts';

let real: RealEngine;
beforeAll(async () => {
  real = await startRealEngine();
}, 120_000);
afterAll(async () => {
  await real?.stop();
}, 60_000);

const fields = (e: RealEngine, name: string) =>
  e.docker(['image', 'inspect', '--format', '{{.Id}} {{.Size}} {{json .RootFS.Layers}} {{json .Config.Cmd}}', name]).trim();

describe('docker save / load interoperability with a real engine', () => {
  it('real Docker loads what the simulator saves: same IDs, sizes, layers, history', async () => {
    const { engine } = await simulatorWith(['alpine=interop:alpine', 'python:3.9-slim=interop:python', 'hello-world=interop:hello']);
    const archive = await collectBytes(await engine.imageSave(['interop']));
    const out = real.docker(['load'], archive);
    expect(out.split('\n').filter(Boolean).sort()).toEqual(['Loaded image: interop:alpine', 'Loaded image: interop:hello', 'Loaded image: interop:python']);
    for (const tag of ['alpine', 'python', 'hello']) {
      const ours = await engine.imageInspect(`interop:${tag}`);
      const theirs = fields(real, `interop:${tag}`);
      const cmd = (ours.Config as { Cmd: string[] | null }).Cmd;
      expect(theirs).toEqual(`${ours.Id} ${ours.Size} ${JSON.stringify((ours.RootFS as { Layers: string[] }).Layers)} ${JSON.stringify(cmd)}`);
      const history = real.docker(['history', '--no-trunc', '-H=false', '--format', '{{.CreatedBy}}|{{.Size}}', `interop:${tag}`]);
      const ourHistory = (await engine.imageHistory(`interop:${tag}`)).map((h) => `${h.CreatedBy.replace(/\t/g, " ")}|${h.Size}`); // the history formatter turns tabs into spaces
      expect(history.trim().split('\n')).toEqual(ourHistory);
    }
  }, 180_000);

  it('the simulator loads what real Docker saves, including an image real Docker made', async () => {
    const { engine } = await simulatorWith(['alpine=interop:alpine']);
    real.docker(['load'], await collectBytes(await engine.imageSave(['interop:alpine'])));
    // An image only real Docker has: imported from a tar it was given.
    const tar = await collectBytes(await engine.imageSave(['interop:alpine']));
    real.docker(['import', '-c', 'CMD ["/bin/sh"]', '-m', 'made by real docker', '-', 'interop:imported'], tar);
    const archive = real.dockerBytes(['save', 'interop:alpine', 'interop:imported']);
    const fresh = await Engine.open({ store: await MemoryStore.open(), registry: hubRegistry() });
    const lines: string[] = [];
    await fresh.imageLoad(bytesStream(archive), (m) => m.stream && lines.push(m.stream));
    expect(lines.sort()).toEqual(['Loaded image: interop:alpine\n', 'Loaded image: interop:imported\n']);
    for (const name of ['interop:alpine', 'interop:imported']) {
      const ours = await fresh.imageInspect(name);
      expect(`${ours.Id} ${ours.Size} ${JSON.stringify((ours.RootFS as { Layers: string[] }).Layers)} ${JSON.stringify((ours.Config as { Cmd: string[] }).Cmd)}`).toEqual(fields(real, name));
    }
    const imported = await fresh.imageInspect('interop:imported');
    expect(imported.Comment).toBe('made by real docker');
  }, 180_000);
});
