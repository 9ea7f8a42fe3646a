/**
 * Writes `docker save` of simulator images to a real file, and loads a real
 * file into a fresh simulator: the two halves of the interop check with a
 * real engine (test/interop/interop.test.ts, bench-free).
 *
 *   npx tsx test/interop/sim-save.ts save OUT.tar IMAGE[=NEWTAG]...
 *   npx tsx test/interop/sim-save.ts load IN.tar
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Engine } from '../../worker/engine/engine.ts';
import { bytesStream, collectBytes } from '../../worker/engine/layer/tar-stream.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

/** A simulator with the given Hub images pulled and retagged as asked (`alpine=interop:1`). */
export async function simulatorWith(specs: string[]): Promise<{ engine: Engine; names: string[] }> {
  const engine = await Engine.open({ store: await MemoryStore.open(), registry: hubRegistry() });
  const names: string[] = [];
  for (const spec of specs) {
    const [image, tag] = spec.split('=') as [string, string | undefined];
    const [repo, t] = image.includes(':') ? image.split(':') : [image, 'latest'];
    await engine.imagePull(repo!, t!, () => undefined);
    if (tag) {
      const [r, tt] = tag.split(':');
      await engine.imageTag(image, r!.includes('/') ? r! : `docker.io/library/${r}`, tt ?? 'latest');
      await engine.imageRemove(image);
      names.push(tag);
    } else names.push(image);
  }
  return { engine, names };
}

if (process.argv[1]?.endsWith('sim-save.ts')) {
  const [cmd, file, ...rest] = process.argv.slice(2);
  if (cmd === 'save') {
    const { engine, names } = await simulatorWith(rest);
    writeFileSync(file!, await collectBytes(await engine.imageSave(names)));
  } else if (cmd === 'load') {
    const engine = await Engine.open({ store: await MemoryStore.open(), registry: hubRegistry() });
    await engine.imageLoad(bytesStream(readFileSync(file!)), (m) => m.stream && process.stdout.write(m.stream));
    for (const img of await engine.imageList()) console.log(img.Id, img.RepoTags.join(','), img.Size);
  }
}
