/**
 * design.md §9: still responsive (`docker image ls` under 20 ms) with 500
 * images, 5,000 layers and 200 containers. Builds that state directly in a
 * store (records as the engine writes them), opens an engine on it and
 * times the docker CLI's `image ls`, `image ls -a` and `history` (the
 * container records only count towards image rows here).
 *
 *   npx tsx bench/scale.ts [images=500] [layersPerImage=10] [containers=200]
 */
import { DockerCli } from '../worker/cli/docker.ts';
import { digestOf } from '../worker/engine/digest.ts';
import { Engine } from '../worker/engine/engine.ts';
import { chainIds } from '../worker/engine/images/chain.ts';
import { encodeUtf8 } from '../worker/engine/layer/utf8.ts';
import { hubRegistry } from '../worker/registry/hub-client.ts';
import type { DockerIo } from '../worker/shell/commands/docker.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';
import type { Batch, Json } from '../worker/store/store.ts';
import { Lab } from '../worker/lab/lab.ts';

const [IMAGES, PER, CONTAINERS] = [500, 10, 200].map((d, i) => Number(process.argv[2 + i] ?? d));
const hex = (s: string) => digestOf(encodeUtf8(s));

const store = await MemoryStore.open();
const batch: Required<Pick<Batch, 'put'>> = { put: [] };
const put = (collection: 'images' | 'tags' | 'layers' | 'containers', key: string, value: unknown) =>
  batch.put.push({ collection, key, value: value as Json });
const ids: string[] = [];
for (let i = 0; i < IMAGES; i++) {
  const diffIds = Array.from({ length: PER }, (_, j) => hex(`layer ${i} ${j}`));
  const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace('.000', '');
  const config = {
    created, architecture: 'amd64', os: 'linux', config: { Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: diffIds.map((d) => ({ created, created_by: `RUN step ${d.slice(7, 15)} # buildkit`, comment: 'buildkit.dockerfile.v0' })),
  };
  const id = hex(JSON.stringify(config));
  ids.push(id);
  put('images', id, { id, config, parent: '', lastTagTime: null });
  put('tags', `docker.io/library/app${i % 100}:v${i}`, id);
  chainIds(diffIds).forEach((chainId, j) =>
    put('layers', chainId, { chainId, diffId: diffIds[j], size: 1000 * (j + 1), tarSize: 2048 * (j + 1), source: { kind: 'blob' } }),
  );
}
for (let c = 0; c < CONTAINERS; c++) {
  const id = hex(`container ${c}`).slice(7);
  put('containers', id, { id, name: `c${c}`, imageId: ids[c % IMAGES], running: false });
}
await store.commit(batch);
const engine = await Engine.open({ store, registry: hubRegistry() });
const cli = new DockerCli(new Lab(engine).api);
const io: DockerIo = {
  stdin: new Uint8Array(0), stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '/', isTTY: false,
  fs: undefined as unknown as DockerIo['fs'],
};
console.log(`state: ${engine.state.images.size} images, ${engine.state.layers.size} layers, ${engine.state.containers.size} containers`);
for (const argv of [['image', 'ls'], ['image', 'ls', '-a'], ['history', ids[0]!.slice(7, 19)]]) {
  let rc = 0;
  for (let i = 0; i < 5; i++) rc = await cli.run(argv, io);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await cli.run(argv, io);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`docker ${argv.join(' ')}\tmedian ${times[15]!.toFixed(2)} ms\tp90 ${times[27]!.toFixed(2)} ms\trc ${rc}`);
}

// Where the time goes: the engine's listing alone.
{
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await engine.imageList({});
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`engine imageList alone\tmedian ${times[15]!.toFixed(2)} ms`);
}
