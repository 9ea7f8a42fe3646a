import { describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import type { JsonMessage } from '../../worker/engine/api-types.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { Batch, Store } from '../../worker/store/store.ts';
import { standardRegistry } from './fake-registry.ts';

const NOW = Date.parse('2026-11-24T03:00:00Z');

async function engine(store: Store = new MemoryStore()) {
  const registry = standardRegistry();
  return { registry, engine: await Engine.open({ store, registry, clock: () => NOW, random: () => 0.5 }) };
}

async function pull(e: Engine, name: string, tag = 'latest'): Promise<string[]> {
  const lines: string[] = [];
  await e.imagePull(name, tag, (m: JsonMessage) => {
    if (!m.progressDetail || !(m.progressDetail.total ?? 0)) lines.push(`${m.id ? `${m.id}: ` : ''}${m.status}`);
  });
  return lines;
}

describe('pull', () => {
  it('streams the layer messages, then says the image is up to date on a second pull', async () => {
    const { engine: e, registry } = await engine();
    const alpine = registry.images.get('docker.io/library/alpine:latest')!;
    const id = alpine.layers[0]!.diffId.slice(7, 19);
    expect(await pull(e, 'alpine')).toEqual([
      'latest: Pulling from library/alpine',
      `${id}: Pulling fs layer`,
      `${id}: Verifying Checksum`,
      `${id}: Download complete`,
      `${id}: Pull complete`,
      `Digest: ${alpine.manifestDigest}`,
      'Status: Downloaded newer image for alpine:latest',
    ]);
    expect(await pull(e, 'alpine')).toEqual([
      'latest: Pulling from library/alpine',
      `Digest: ${alpine.manifestDigest}`,
      'Status: Image is up to date for alpine:latest',
    ]);
  });

  it('reports shared layers as Already exists', async () => {
    const { engine: e, registry } = await engine();
    await pull(e, 'alpine');
    const app = registry.images.get('docker.io/library/app:latest')!;
    const [l0, l1] = app.layers.map((l) => l.diffId.slice(7, 19));
    expect(await pull(e, 'app')).toEqual([
      'latest: Pulling from library/app',
      `${l0}: Already exists`,
      `${l1}: Pulling fs layer`,
      `${l1}: Verifying Checksum`,
      `${l1}: Download complete`,
      `${l1}: Pull complete`,
      `Digest: ${app.manifestDigest}`,
      'Status: Downloaded newer image for app:latest',
    ]);
  });

  it('fails with the registry words and leaves the state unchanged', async () => {
    const { engine: e } = await engine();
    await expect(pull(e, 'nosuch')).rejects.toThrow(
      "pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    await expect(pull(e, 'alpine', 'nosuch')).rejects.toThrow('manifest for alpine:nosuch not found: manifest unknown: manifest unknown');
    expect(await e.imageList()).toEqual([]);
  });

  it('pulls every tag with an empty tag', async () => {
    const { engine: e } = await engine();
    const lines = await pull(e, 'alpine', '');
    expect(lines[0]).toBe('3.22: Pulling from library/alpine');
    expect(lines.at(-1)).toBe('Status: Downloaded newer image for alpine');
    expect((await e.imageList())[0]!.RepoTags).toEqual(['alpine:3.22', 'alpine:latest']);
  });
});

describe('list, tag, inspect, history', () => {
  it('lists images newest first with familiar tags and digests', async () => {
    const { engine: e, registry } = await engine();
    await pull(e, 'alpine');
    await pull(e, 'hello-world');
    const list = await e.imageList();
    const hello = registry.images.get('docker.io/library/hello-world:latest')!;
    expect(list.map((i) => [i.RepoTags, i.Size])).toEqual([
      [['hello-world:latest'], 10072],
      [['alpine:latest'], list[1]!.Size],
    ]);
    expect(list[0]).toEqual({
      Containers: 0,
      Created: Date.parse('2025-08-08T19:05:17Z') / 1000,
      Id: hello.configDigest,
      Labels: null,
      ParentId: '',
      RepoDigests: [`hello-world@${hello.manifestDigest}`],
      RepoTags: ['hello-world:latest'],
      SharedSize: -1,
      Size: 10072,
    });
  });

  it('tags by name and by ID prefix, and filters by reference and dangling', async () => {
    const { engine: e } = await engine();
    await pull(e, 'alpine');
    const [img] = await e.imageList();
    await e.imageTag('alpine', 'docker.io/library/mine', 'v1');
    await e.imageTag(img!.Id.slice(7, 15), 'docker.io/user/x', 'latest');
    expect((await e.imageList())[0]!.RepoTags).toEqual(['alpine:latest', 'mine:v1', 'user/x:latest']);
    expect((await e.imageList({ filters: { reference: ['mi*'] } }))[0]!.RepoTags).toEqual(['mine:v1']);
    expect(await e.imageList({ filters: { dangling: ['true'] } })).toEqual([]);
    await expect(e.imageList({ filters: { dangling: ['maybe'] } })).rejects.toThrow("invalid filter 'dangling=[maybe]'");
    await expect(e.imageList({ filters: { foo: ['1'] } })).rejects.toThrow("invalid filter 'foo'");
    await expect(e.imageList({ filters: { before: ['nonexist'] } })).rejects.toThrow('No such image: nonexist:latest');
    await expect(e.imageTag('nope', 'docker.io/library/x', 'y')).rejects.toThrow('No such image: nope:latest');
    const inspected = await e.imageInspect('mine:v1');
    expect(Object.keys(inspected)).toEqual([
      'Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Architecture', 'Os',
      'Size', 'GraphDriver', 'RootFS', 'Metadata', 'Config',
    ]);
    expect(inspected.Metadata).toEqual({ LastTagTime: new Date(NOW).toISOString() });
    expect(inspected.Config).toEqual({
      Cmd: ['/bin/sh'], Entrypoint: null, Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Labels: null, OnBuild: null, User: '', Volumes: null, WorkingDir: '',
    });
  });

  it('gives history rows newest first with <missing> below the top', async () => {
    const { engine: e, registry } = await engine();
    await pull(e, 'app');
    const app = registry.images.get('docker.io/library/app:latest')!;
    const rows = await e.imageHistory('app');
    expect(rows.map((r) => [r.Id, r.CreatedBy, r.Size, r.Tags])).toEqual([
      [app.configDigest, 'CMD ["node","/app/index.js"]', 0, ['app:latest']],
      ['<missing>', 'ADD layer1.tar / # buildkit', 15, null],
      ['<missing>', 'ADD layer0.tar / # buildkit', app.layers[0]!.size, null],
    ]);
  });
});

describe('remove and prune', () => {
  it('untags one of several tags, then deletes the image and its unshared layers', async () => {
    const { engine: e, registry } = await engine();
    await pull(e, 'alpine');
    await pull(e, 'app');
    const app = registry.images.get('docker.io/library/app:latest')!;
    await e.imageTag('app', 'docker.io/library/app', 'v2');
    expect(await e.imageRemove('app:v2')).toEqual([{ Untagged: 'app:v2' }]);
    const records = await e.imageRemove('app');
    expect(records.slice(0, 3)).toEqual([
      { Untagged: 'app:latest' },
      { Untagged: `app@${app.manifestDigest}` },
      { Deleted: app.configDigest },
    ]);
    // Only the top layer is released: the base is alpine's too.
    expect(records).toHaveLength(4);
    expect((await e.imageList()).map((i) => i.RepoTags)).toEqual([['alpine:latest']]);
  });

  it('refuses an ID referenced in several repositories without -f', async () => {
    const { engine: e } = await engine();
    await pull(e, 'alpine');
    await e.imageTag('alpine', 'docker.io/library/other', 'latest');
    const [img] = await e.imageList();
    const short = img!.Id.slice(7, 19);
    await expect(e.imageRemove(short)).rejects.toThrow(
      `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`,
    );
    const forced = await e.imageRemove(short, { force: true });
    expect(forced.filter((r) => 'Untagged' in r)).toHaveLength(3);
    expect(await e.imageList()).toEqual([]);
    expect(await e.imageRemove('alpine').catch((err: Error) => err.message)).toBe('No such image: alpine:latest');
  });

  it('prunes nothing dangling, then everything unused with dangling=false', async () => {
    const { engine: e } = await engine();
    await pull(e, 'alpine');
    await pull(e, 'hello-world');
    expect(await e.imagesPrune({ dangling: ['true'] })).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
    const report = await e.imagesPrune({ dangling: ['false'] });
    expect(report.ImagesDeleted!.filter((d) => 'Untagged' in d).map((d) => (d as { Untagged: string }).Untagged)).toEqual([
      'hello-world:latest', expect.stringMatching(/^hello-world@sha256:/), 'alpine:latest', expect.stringMatching(/^alpine@sha256:/),
    ]);
    expect(report.SpaceReclaimed).toBe(10072 + 1000 + 30);
  });
});

describe('atomicity', () => {
  it('leaves the state as it was when the store refuses the commit', async () => {
    const inner = new MemoryStore();
    let fail = false;
    const store: Store = Object.assign(Object.create(inner) as Store, {
      commit: (b: Batch) => (fail ? Promise.reject(new Error('disk on fire')) : inner.commit(b)),
      load: () => inner.load(),
    });
    const { engine: e } = await engine(store);
    await pull(e, 'alpine');
    fail = true;
    await expect(e.imageTag('alpine', 'docker.io/library/x', '1')).rejects.toThrow('disk on fire');
    await expect(e.imageRemove('alpine')).rejects.toThrow('disk on fire');
    expect((await e.imageList())[0]!.RepoTags).toEqual(['alpine:latest']);
    fail = false;
    const reopened = await Engine.open({ store: inner, registry: standardRegistry(), clock: () => NOW });
    expect((await reopened.imageList())[0]!.RepoTags).toEqual(['alpine:latest']);
  });

  it('frees a layer blob-free state and config blobs when the last image goes', async () => {
    const store = new MemoryStore();
    const { engine: e } = await engine(store);
    await pull(e, 'alpine');
    expect((await store.listBlobs()).length).toBe(1);
    await e.imageRemove('alpine');
    expect(await store.listBlobs()).toEqual([]);
    const snap = await store.load();
    expect([snap.images.size, snap.layers.size, snap.tags.size]).toEqual([0, 0, 0]);
  });
});
