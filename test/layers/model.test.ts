/**
 * The layer view model on states built by real commands: stacks keyed by
 * ChainID, sharing as `docker system df` counts it, history notes, the last
 * build's cache hits and misses, tags moving on a rebuild, dangling and
 * intermediate images, containers atop their image with `docker diff`'s
 * changes.
 */
import { describe, expect, it } from 'vitest';
import { HELLO, viewSession } from './helpers.ts';
import type { LayerViewModel } from '../../worker/layers/types.ts';

/** Each shown image as its tags and layers (ChainIDs by first appearance), for whole-structure comparisons. */
function stacks(v: LayerViewModel): string[] {
  const names = new Map<string, string>();
  const name = (c: string) => names.get(c) ?? (names.set(c, `L${names.size + 1}`), names.get(c)!);
  return v.shown.map((id) => {
    const img = v.images[id]!;
    return `${img.tags.join(',') || '<none>'}${img.dangling ? ' (dangling)' : ''}: ${img.layers.map(name).join(' ')}`;
  });
}

describe('the layer view model', () => {
  it('draws alpine, hello:v0.1 and hello:v0.2 as one forest: the base and the RUN layer shared, sizes as system df prints them', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'docker build -t hello:v0.1 .');
    s.clock.now += 60_000;
    await s.run(`echo 'console.log("this is v0.2");' >> index.js`, 'docker build -t hello:v0.2 .');
    const v = await s.view();
    // BuildKit's WORKDIR makes a layer (mkdir of /app, already there: 0 B); the legacy builder's does not.
    expect(stacks(v)).toEqual(['alpine:latest: L1', 'hello:v0.1: L1 L2 L3 L4', 'hello:v0.2: L1 L2 L5 L6']);
    const [alpine, v1, v2] = v.shown.map((id) => v.images[id]!);
    const [base, run, copy1, workdir1] = v1!.layers.map((c) => v.layers[c]!);
    const [copy2, workdir2] = v2!.layers.slice(2).map((c) => v.layers[c]!);
    expect(v.roots).toEqual([base!.chainId]);
    expect(base!.children).toEqual([run!.chainId]);
    expect(run!.children).toEqual([copy1!.chainId, copy2!.chainId]);
    expect(copy1!.children).toEqual([workdir1!.chainId]);
    expect(workdir1!.createdBy).toBe('WORKDIR /app');
    expect(workdir1!.diffId).toBe(workdir2!.diffId);
    expect(workdir1!.chainId).not.toBe(workdir2!.chainId);
    expect(base!.usedBy).toEqual([alpine!.id, v1!.id, v2!.id]);
    expect(run!.usedBy).toEqual([v1!.id, v2!.id]);
    expect(base!.caps).toEqual([alpine!.id]);
    expect(run!.createdBy).toBe('RUN /bin/sh -c apk update && apk add nodejs # buildkit');
    expect(copy1!.createdBy).toBe('COPY . /app # buildkit');
    // CMD never makes a layer: a note above the top layer.
    expect(v1!.notes.map((n) => n.createdBy)).toEqual(['CMD ["node" "index.js"]']);
    expect(base!.notes.map((n) => n.createdBy)).toEqual([]);
    expect(v.layers[v2!.top]!.notes).toEqual([]);
    // The same figures `docker system df` computes: SHARED SIZE counts layers two or more images use.
    expect(v1!.sharedSize).toBe(base!.size + run!.size);
    expect(v1!.uniqueSize).toBe(copy1!.size + workdir1!.size);
    expect(alpine!.sharedSize).toBe(alpine!.size);
    expect(v.sharing).toMatchObject({
      imagesSize: alpine!.size + v1!.size + v2!.size,
      layersSize: base!.size + run!.size + copy1!.size + workdir1!.size + copy2!.size + workdir2!.size,
      saved: 2 * base!.size + run!.size,
    });
    // Sizes printed as docker history prints them, instructions as the Dockerfile lines.
    const history = (await s.run(`docker history --format '{{.Size}}' hello:v0.1`)).trim().split('\n').reverse();
    // Oldest first: ADD, alpine's CMD, RUN, COPY, WORKDIR, CMD; the CMDs make no layer.
    expect(history).toHaveLength(6);
    expect(v1!.layers.map((c) => v.layers[c]!.sizeText)).toEqual([history[0], history[2], history[3], history[4]]);
    expect([base!.label, run!.label, copy1!.label]).toEqual(['ADD alpine-minirootfs-3.22.1-x86_64.tar.gz /', 'RUN apk update && apk add nodejs', 'COPY . /app']);
  });

  it('records the last build: FROM and RUN from the cache, COPY where the cache broke, the layers marked', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'docker build -t hello:v0.1 .');
    s.clock.now += 60_000;
    await s.run(`echo 'console.log("this is v0.2");' >> index.js`, 'docker build -t hello:v0.2 .');
    const v = await s.view();
    const v2 = v.images[await s.id('hello:v0.2')]!;
    const b = v.lastBuild!;
    expect({ ...b, steps: b.steps.map((st) => ({ ...st, chainId: st.chainId && v.layers[st.chainId]!.depth })) }).toEqual({
      builder: 'buildkit',
      imageId: v2.id,
      ok: true,
      steps: [
        { stage: 0, stageName: '', instruction: 'FROM docker.io/library/alpine:latest', cached: true, chainId: '' },
        { stage: 0, stageName: '', instruction: 'RUN apk update && apk add nodejs', cached: true, chainId: 1 },
        { stage: 0, stageName: '', instruction: 'COPY . /app', cached: false, chainId: 2 },
        { stage: 0, stageName: '', instruction: 'WORKDIR /app', cached: false, chainId: 3 },
        { stage: 0, stageName: '', instruction: 'CMD ["node","index.js"]', cached: false, chainId: '' },
      ],
      firstMiss: 2,
      tags: [{ tag: 'hello:v0.2', from: '' }],
    });
    expect(v2.layers.map((c) => v.layers[c]!.build)).toEqual([undefined, 'cached', 'built', 'built']);
    expect(v2.lastBuilt).toBe(true);
    expect(v2.moved).toEqual([]);
  });

  it('shows a tag moving to the rebuilt image, the old one left dangling', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'docker build -t hello:v0.1 .');
    const old = await s.id('hello:v0.1');
    s.clock.now += 60_000;
    await s.run(`echo '// changed' >> index.js`, 'docker build -t hello:v0.1 .');
    const v = await s.view();
    const now = await s.id('hello:v0.1');
    expect(stacks(v)).toEqual(['alpine:latest: L1', '<none> (dangling): L1 L2 L3 L4', 'hello:v0.1: L1 L2 L5 L6']);
    expect(v.images[old]!.dangling).toBe(true);
    expect(v.images[now]!.moved).toEqual([{ tag: 'hello:v0.1', from: old }]);
    expect(v.lastBuild!.tags).toEqual([{ tag: 'hello:v0.1', from: old }]);
  });

  it('shows the legacy builder\'s intermediate images as parents, and its cache hits on a rebuild', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'DOCKER_BUILDKIT=0 docker build -t hello:v0.1 .');
    s.clock.now += 60_000;
    await s.run(`echo '// v2' >> index.js`, 'DOCKER_BUILDKIT=0 docker build -t hello:v0.2 .');
    const v = await s.view();
    expect(stacks(v)).toEqual(['alpine:latest: L1', 'hello:v0.1: L1 L2 L3', 'hello:v0.2: L1 L2 L4']);
    const v2 = v.images[await s.id('hello:v0.2')]!;
    // Parents down the chain: WORKDIR's and COPY's images, then RUN's, shared with v0.1.
    const parents: string[] = [];
    for (let p = v2.parent; p; p = v.images[p]!.parent) parents.push(`${v.images[p]!.intermediate ? 'intermediate' : 'shown'} depth ${v.layers[v.images[p]!.top]!.depth}`);
    expect(parents).toEqual(['intermediate depth 2', 'intermediate depth 2', 'intermediate depth 1', 'shown depth 0']);
    expect(v.layers[v2.layers[1]!]!.intermediates).toHaveLength(1);
    expect(v.lastBuild!.steps.map((st) => `${st.cached ? 'cached' : 'built'} ${st.instruction}`)).toEqual([
      'cached RUN apk update && apk add nodejs',
      'built COPY . /app',
      'built WORKDIR /app',
      'built CMD ["node","index.js"]',
    ]);
    expect(v.lastBuild!.builder).toBe('legacy');
    expect(v2.layers.map((c) => v.layers[c]!.build)).toEqual([undefined, 'cached', 'built']);
  });

  it('records a failed BuildKit build: the steps that ran before it, no image', async () => {
    const s = await viewSession();
    await s.run('mkdir f && cd f', `printf 'FROM alpine\\nRUN echo hi > /x\\nRUN exit 3\\n' > Dockerfile`);
    expect((await s.line('docker build -t broken .')).rc).toBe(1);
    const v = await s.view();
    expect(v.lastBuild).toEqual({
      builder: 'buildkit',
      imageId: '',
      ok: false,
      steps: [
        { stage: 0, stageName: '', instruction: 'FROM docker.io/library/alpine:latest', cached: false, chainId: '' },
        { stage: 0, stageName: '', instruction: 'RUN echo hi > /x', cached: false, chainId: '' },
      ],
      firstMiss: 0,
      tags: [],
    });
    expect(v.shown.map((id) => v.images[id]!.tags)).toEqual([['alpine:latest']]);
  });

  it('puts a container atop its image with the changes docker diff prints: a deleted lower file, a changed one', async () => {
    const s = await viewSession();
    await s.run(`docker run --name c1 alpine sh -c "rm /etc/motd; echo more >> /etc/os-release; mkdir /data; echo hi > /data/x"`);
    const diff = await s.run('docker diff c1');
    const v = await s.view();
    const c = Object.values(v.containers)[0]!;
    expect(c.changes.map((ch) => `${ch.kind} ${ch.path}\n`).join('')).toBe(diff);
    expect(c.changes).toEqual([
      { path: '/data', kind: 'A', type: 'dir', size: 0 },
      { path: '/data/x', kind: 'A', type: 'file', size: 3 },
      { path: '/etc', kind: 'C', type: 'dir', size: 0 },
      { path: '/etc/motd', kind: 'D', type: '', size: 0 },
      { path: '/usr/lib/os-release', kind: 'C', type: 'file', size: c.changes[4]!.size },
    ]);
    expect(c.counts).toEqual({ A: 2, C: 2, D: 1 });
    const alpine = v.images[await s.id('alpine')]!;
    expect([c.name, c.image, c.state, c.top, c.imageId]).toEqual(['c1', 'alpine', 'exited', alpine.top, alpine.id]);
    expect(v.containersOn).toEqual({ [alpine.top]: [c.id] });
    expect(alpine.containers).toEqual([c.id]);
    expect(c.sizeRw).toBe(3 + c.changes[4]!.size);
  });

  it('is empty for an empty lab and follows removals', async () => {
    const s = await viewSession([]);
    expect(await s.view()).toEqual({ layers: {}, roots: [], images: {}, shown: [], layerless: [], containers: {}, containersOn: {}, sharing: { imagesSize: 0, layersSize: 0, saved: 0, imagesText: '0B', layersText: '0B', savedText: '0B' } });
    await s.run('docker pull busybox', 'docker run --name bb busybox true');
    expect(Object.keys((await s.view()).containers)).toHaveLength(1);
    await s.run('docker rm bb', 'docker rmi busybox');
    expect((await s.view()).shown).toEqual([]);
  });
});
