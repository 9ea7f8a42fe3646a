/**
 * Every goal condition, value expression and answer rule, met and unmet, on
 * lab states built by real commands typed into a session (no state is
 * forged): equivalent ways of reaching a state pass, near misses fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, checkGoal, evaluate, holds } from '../../worker/lessons/check.ts';
import type { ConditionSpec, QuestionSpec, ValueSpec } from '../../worker/lessons/types.ts';
import { openLab, type Lab } from './lab.ts';

type Cond = ConditionSpec extends infer C ? (C extends { say: string } ? Omit<C, 'say'> : never) : never;

/** Each condition's truth on the lab now. */
async function truth(lab: Lab, conds: Cond[]): Promise<boolean[]> {
  const snap = await lab.snap();
  return Promise.all(conds.map((c) => holds({ ...c, say: 'unmet' } as ConditionSpec, snap)));
}

async function value(lab: Lab, expr: ValueSpec): Promise<string> {
  const v = await evaluate(expr, await lab.snap());
  if (!v.ok) throw new Error(v.why);
  return v.value;
}

describe('images, layers, containers and commits', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await openLab({ preload: ['alpine'] });
  });

  it('image and noImage, before and after a commit from a container that installed figlet', async () => {
    expect(await truth(lab, [{ image: 'ourfiglet' }, { noImage: 'ourfiglet' }, { image: 'alpine' }, { image: 'alpine:latest' }, { image: 'docker.io/library/alpine' }])).toEqual([false, true, true, true, true]);
    await lab.run('docker run --name fig alpine sh -c "apk add figlet"');
    await lab.run('docker commit fig ourfiglet');
    expect(await truth(lab, [{ image: 'ourfiglet' }, { noImage: 'ourfiglet' }, { image: 'ourfiglet:latest' }, { image: 'ourfiglet:v1' }])).toEqual([true, false, true, false]);
    const id = (await lab.run('docker images -q ourfiglet')).stdout.trim();
    expect(await truth(lab, [{ image: id }, { image: `sha256:${id}` }, { image: id.slice(0, 11) }, { noImage: id }])).toEqual([true, true, false, false]);
  });

  it('adds, basedOn, sharesWith, layers and history refinements', async () => {
    expect(
      await truth(lab, [
        { image: 'ourfiglet', adds: '/usr/bin/figlet' },
        { image: 'ourfiglet', adds: '/usr/share/figlet' },
        { image: 'ourfiglet', adds: '/usr/bin/figlet/' },
        { image: 'ourfiglet', adds: '/bin/sh' },
        { image: 'alpine', adds: '/usr/bin/figlet' },
        { image: 'ourfiglet', basedOn: 'alpine' },
        { image: 'alpine', basedOn: 'ourfiglet' },
        { image: 'alpine', basedOn: 'alpine' },
        { image: 'ourfiglet', sharesWith: { image: 'alpine', layers: 1 } },
        { image: 'ourfiglet', sharesWith: { image: 'alpine', layers: 2 } },
        { image: 'ourfiglet', layers: 2 },
        { image: 'ourfiglet', layers: 1 },
        { image: 'ourfiglet', history: 3 },
        { image: 'alpine', history: 2 },
        { image: 'ourfiglet', cmd: ['sh', '-c', 'apk add figlet'] },
        { image: 'ourfiglet', cmd: ['/bin/sh'] },
      ]),
    ).toEqual([true, true, true, false, false, true, false, false, true, false, true, false, true, true, true, false]);
  });

  it('a tag of the base image, or a commit that added nothing, does not "add" what the base holds', async () => {
    await lab.run('docker tag alpine fake');
    await lab.run('docker run --name noop alpine true');
    await lab.run('docker commit noop noop');
    expect(await truth(lab, [{ image: 'fake', adds: '/usr/bin/figlet' }, { image: 'fake', adds: '/bin' }, { image: 'noop', adds: '/bin' }, { image: 'noop', layers: 1 }])).toEqual([false, false, false, true]);
  });

  it('container: name, image by reference or ID, status, exit code, and the changes docker diff lists', async () => {
    await lab.run('docker run --name del alpine sh -c "rm /etc/motd; echo x >> /etc/profile; exit 3"', 3);
    const alpineId = (await lab.run('docker images -q alpine')).stdout.trim();
    expect(
      await truth(lab, [
        { container: { name: 'fig' } },
        { container: { name: 'fig', image: 'alpine', status: 'exited', exitCode: 0 } },
        { container: { name: 'fig', image: alpineId } },
        { container: { name: 'fig', image: 'ourfiglet' } },
        { container: { name: 'fig', status: 'running' } },
        { container: { name: 'fig', exitCode: 1 } },
        { container: { name: 'fig', added: '/usr/bin/figlet' } },
        { container: { name: 'fig', changed: '/usr/bin' } },
        { container: { name: 'fig', added: '/usr/bin' } },
        { container: { name: 'del', deleted: '/etc/motd', changed: '/etc/profile', exitCode: 3 } },
        { container: { name: 'del', deleted: '/etc/profile' } },
        { container: { image: 'alpine', added: '/usr/bin/figlet' } },
        { container: { image: 'ourfiglet' } },
        { noContainer: { name: 'fig' } },
        { noContainer: { image: 'ourfiglet' } },
        { noContainer: { status: 'running' } },
      ]),
    ).toEqual([true, true, true, false, false, false, true, true, false, true, false, true, false, false, true, true]);
  });

  it('a running container: status, and changes read while it runs', async () => {
    await lab.run('docker run -d --name sleeper alpine sh -c "touch /tmp/mark; sleep 1000"');
    expect(await truth(lab, [{ container: { name: 'sleeper', status: 'running' } }, { container: { name: 'sleeper', added: '/tmp/mark' } }, { noContainer: { status: 'running' } }])).toEqual([true, true, false]);
    await lab.run('docker rm -f sleeper');
    expect(await truth(lab, [{ container: { name: 'sleeper' } }, { noContainer: { name: 'sleeper' } }])).toEqual([false, true]);
  });

  it('dangling images: a commit without a name makes one, image prune removes it', async () => {
    expect(await truth(lab, [{ dangling: 0 }, { dangling: { max: 0 } }])).toEqual([true, true]);
    await lab.run('docker commit fig');
    await lab.run('docker commit del');
    expect(await truth(lab, [{ dangling: 2 }, { dangling: 1 }, { dangling: { max: 2 } }, { dangling: { max: 1 } }])).toEqual([true, false, true, false]);
    await lab.run('docker image prune -f');
    expect(await truth(lab, [{ dangling: 0 }])).toEqual([true]);
  });

  it('value expressions agree with what docker prints', async () => {
    const layers = JSON.parse((await lab.run('docker image inspect -f "{{json .RootFS.Layers}}" ourfiglet')).stdout) as string[];
    expect(await value(lab, { layerAdding: { image: 'ourfiglet', path: '/usr/bin/figlet' } })).toEqual(layers[1]);
    expect(await value(lab, { layerAdding: { image: 'ourfiglet', path: '/bin/sh' } })).toEqual(layers[0]);
    expect(await value(lab, { imageId: 'ourfiglet' })).toEqual((await lab.run('docker image inspect -f "{{.Id}}" ourfiglet')).stdout.trim());
    expect(await value(lab, { layerCount: 'ourfiglet' })).toEqual('2');
    expect(await value(lab, { sharedLayers: ['ourfiglet', 'alpine'] })).toEqual('1');
    expect(await value(lab, { imageSize: 'ourfiglet' })).toEqual((await lab.run('docker images --format "{{.Size}}" ourfiglet')).stdout.trim());
    expect(await value(lab, { historyCreatedBy: { image: 'ourfiglet', layer: 2 } })).toEqual('sh -c apk add figlet');
    expect(await evaluate({ layerCount: 'nothere' }, await lab.snap())).toEqual({ ok: false, why: 'there is no image nothere in the lab right now' });
    expect(await evaluate({ layerAdding: { image: 'alpine', path: '/usr/bin/figlet' } }, await lab.snap())).toEqual({ ok: false, why: 'no layer of alpine adds /usr/bin/figlet' });
  });

  it('answers: digests in full, as hex or a 12+ prefix; other digests named as what they are', async () => {
    const q: QuestionSpec = { id: 'l', ask: 'Which layer adds figlet?', value: { layerAdding: { image: 'ourfiglet', path: '/usr/bin/figlet' } }, why: 'The commit made the top layer.' };
    const snap = await lab.snap();
    const top = (await evaluate(q.value!, snap)) as { value: string };
    const base = (await evaluate({ layerAdding: { image: 'ourfiglet', path: '/bin/sh' } }, snap)) as { value: string };
    const id = (await evaluate({ imageId: 'ourfiglet' }, snap)) as { value: string };
    const hex = top.value.slice(7);
    const answers = [top.value, hex, ` ${hex.slice(0, 12)} `, `sha256:${hex.slice(0, 20)}`, hex.toUpperCase(), hex.slice(0, 11), base.value, id.value, 'f'.repeat(64), 'two'];
    const results = await Promise.all(answers.map((a) => checkAnswer(q, a, snap)));
    expect(results).toEqual([
      { correct: true, why: 'The commit made the top layer.' },
      { correct: true, why: 'The commit made the top layer.' },
      { correct: true, why: 'The commit made the top layer.' },
      { correct: true, why: 'The commit made the top layer.' },
      { correct: true, why: 'The commit made the top layer.' },
      { correct: false, why: 'A digest is 64 hex digits (you may give the first 12 or more, with or without sha256:). The commit made the top layer.' },
      { correct: false, why: 'That is layer 1 of 1 of alpine:latest, not the one asked for. The commit made the top layer.' },
      { correct: false, why: 'That is the ID of the image ourfiglet:latest (the digest of its config), not a layer\'s. The commit made the top layer.' },
      { correct: false, why: 'No layer or image in the lab has that digest. The commit made the top layer.' },
      { correct: false, why: 'A digest is 64 hex digits (you may give the first 12 or more, with or without sha256:). The commit made the top layer.' },
    ]);
  });

  it('answers: choices by index or text; numbers, sizes and instructions as written', async () => {
    const snap = await lab.snap();
    const choice: QuestionSpec = { id: 'c', ask: '?', choice: ['a', 'b'], answer: 1, why: 'W.' };
    expect(await Promise.all(['1', 'b', '0', 'a', 'c'].map(async (a) => (await checkAnswer(choice, a, snap)).correct))).toEqual([true, true, false, false, false]);
    const count: QuestionSpec = { id: 'n', ask: '?', value: { sharedLayers: ['ourfiglet', 'alpine'] }, why: 'W.' };
    expect(await Promise.all(['1', ' 1 ', '01', '2', 'one'].map(async (a) => (await checkAnswer(count, a, snap)).correct))).toEqual([true, true, true, false, false]);
    const size: QuestionSpec = { id: 's', ask: '?', value: { imageSize: 'alpine' }, why: 'W.' };
    expect(await Promise.all(['7.83MB', '7.83 MB', '7.83mb', '7.8MB', '8MB'].map(async (a) => (await checkAnswer(size, a, snap)).correct))).toEqual([true, true, true, false, false]);
    const made: QuestionSpec = { id: 'h', ask: '?', value: { historyCreatedBy: { image: 'ourfiglet', layer: 2 } }, why: 'W.' };
    expect(await Promise.all(['sh -c apk add figlet', 'sh  -c apk add figlet', 'apk add figlet', 'CMD ["/bin/sh"]'].map(async (a) => (await checkAnswer(made, a, snap)).correct))).toEqual([true, true, false, false]);
    // Near misses are named: history rows for layers, one image's layers for shared ones, another image's size.
    await lab.run('printf "FROM alpine\\nENV A=1\\nCMD [\\"true\\"]\\n" > Dockerfile.meta && docker build -q -f Dockerfile.meta -t meta . > /dev/null');
    const snap2 = await lab.snap();
    const layersQ: QuestionSpec = { id: 'n', ask: '?', value: { layerCount: 'meta' }, why: 'W.' };
    expect(await checkAnswer(layersQ, '4', snap2)).toEqual({ correct: false, why: 'docker history lists 4 rows for meta, but the rows of size 0B with no layer of their own (CMD, ENV, WORKDIR…) only change its config. W.' });
    expect(await checkAnswer(count, '2', snap2)).toEqual({ correct: false, why: 'That is how many layers ourfiglet has; count only the layers both images list, from the bottom up. W.' });
    expect(await checkAnswer({ ...size, value: { imageSize: 'ourfiglet' } }, '7.83MB', snap2)).toEqual({ correct: false, why: 'That is the size of alpine:latest. W.' });
    const missing: QuestionSpec = { id: 'm', ask: '?', value: { layerCount: 'nothere' }, why: 'W.' };
    expect(await checkAnswer(missing, '1', snap)).toEqual({ correct: false, why: 'There is no image nothere in the lab right now: the answer is read from the lab, so make it first. W.' });
  });

  it('checkGoal reports each condition with its sentence', async () => {
    const status = await checkGoal('p', [{ image: 'ourfiglet', say: 'no ourfiglet' }, { noImage: 'alpine', say: 'alpine is still here' }], await lab.snap());
    expect(status).toEqual({ pageId: 'p', conditions: [{ met: true, say: 'no ourfiglet' }, { met: false, say: 'alpine is still here' }], met: false });
  });
});

describe('home files and archives', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await openLab({ preload: ['alpine'] });
  });

  it('file, contains, noFile, and tarHas on a docker save archive and an export', async () => {
    expect(await truth(lab, [{ file: 'notes.txt' }, { noFile: 'notes.txt' }])).toEqual([false, true]);
    await lab.run('mkdir -p work && echo "hello layers" > work/notes.txt && cd work');
    expect(await truth(lab, [{ file: 'work/notes.txt' }, { file: 'work/notes.txt', contains: 'hello' }, { file: 'work/notes.txt', contains: 'bye' }, { file: 'work' }, { noFile: 'work/notes.txt' }])).toEqual([true, true, false, false, false]);
    await lab.run('docker save -o alpine.tar alpine');
    await lab.run('docker run --name box alpine true');
    await lab.run('docker export box > box.tar');
    expect(
      await truth(lab, [
        { file: 'work/alpine.tar', tarHas: 'manifest.json' },
        { file: 'work/alpine.tar', tarHas: 'index.json' },
        { file: 'work/alpine.tar', tarHas: 'blobs/sha256' },
        { file: 'work/alpine.tar', tarHas: 'etc/os-release' },
        { file: 'work/box.tar', tarHas: 'etc/os-release' },
        { file: 'work/notes.txt', tarHas: 'x' },
      ]),
    ).toEqual([true, true, true, false, true, false]);
    await lab.run('rm notes.txt');
    expect(await truth(lab, [{ noFile: 'work/notes.txt' }])).toEqual([true]);
  });
});

describe('builds and the cache', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await openLab({ preload: ['alpine'] });
    await lab.run('mkdir hello && cd hello && printf "FROM alpine\\nWORKDIR /app\\nENV GREETING=hi\\nRUN echo hi > /hi\\nCOPY . /app\\nCMD [\\"cat\\", \\"/hi\\"]\\n" > Dockerfile');
  });

  it('no build yet: a build condition is unmet', async () => {
    expect(await truth(lab, [{ build: { tag: 'hello:v0.1' } }])).toEqual([false]);
  });

  it('BuildKit: a first build runs its steps, a second takes them from the cache', async () => {
    await lab.run('docker build -t hello:v0.1 .');
    expect(await truth(lab, [{ build: { tag: 'hello:v0.1' } }, { build: { tag: 'hello:v0.1', rebuilt: ['RUN echo', 'COPY'] } }, { build: { tag: 'hello:v0.1', cached: ['RUN'] } }, { build: { tag: 'hello:v0.2' } }])).toEqual([true, true, false, false]);
    await lab.run('docker build -t hello:v0.2 .');
    expect(
      await truth(lab, [
        { build: { tag: 'hello:v0.2', cached: ['RUN echo', 'run', 'COPY .'], builder: 'buildkit' } },
        { build: { tag: 'hello:v0.2', rebuilt: ['RUN'] } },
        { build: { tag: 'hello:v0.2', cached: ['RUN apk'] } },
        { build: { tag: 'hello:v0.2', builder: 'legacy' } },
        { build: { tag: 'hello:v0.1' } },
        { image: 'hello:v0.2', sharesWith: { image: 'hello:v0.1', layers: 4 } },
        { image: 'hello:v0.2', cmd: ['cat', '/hi'], env: 'GREETING=hi', workdir: '/app', layers: 4, basedOn: 'alpine', adds: '/app/Dockerfile' },
        { image: 'hello:v0.2', env: 'GREETING=bye' },
        { image: 'hello:v0.2', workdir: '/' },
        { image: 'hello:v0.2', entrypoint: [] },
        { image: 'hello:v0.2', entrypoint: ['cat'] },
      ]),
    ).toEqual([true, false, false, false, false, true, true, false, false, true, false]);
  });

  it('--no-cache rebuilds; the legacy builder is recorded as legacy; a failed build is the last build', async () => {
    await lab.run('docker build --no-cache -t hello:v0.2 .');
    expect(await truth(lab, [{ build: { tag: 'hello:v0.2', cached: ['RUN echo'] } }, { build: { tag: 'hello:v0.2', rebuilt: ['RUN echo'] } }])).toEqual([false, true]);
    await lab.run('DOCKER_BUILDKIT=0 docker build -t hello:v0.3 .');
    expect(await truth(lab, [{ build: { tag: 'hello:v0.3', builder: 'legacy' } }, { build: { tag: 'hello:v0.3', builder: 'buildkit' } }])).toEqual([true, false]);
    await lab.run('printf "FROM alpine\\nRUN exit 3\\n" > Bad && docker build -f Bad -t hello:v0.2 .', 1);
    expect(await truth(lab, [{ build: { tag: 'hello:v0.2' } }, { image: 'hello:v0.2' }])).toEqual([false, true]);
    expect((await lab.snap()).lastBuild).toMatchObject({ builder: 'buildkit', ok: false, imageId: '', tags: [] });
  });

  it('a build whose tag was moved or removed since no longer counts', async () => {
    await lab.run('docker build -t hello:v0.4 .');
    expect(await truth(lab, [{ build: { tag: 'hello:v0.4' } }])).toEqual([true]);
    await lab.run('docker tag alpine hello:v0.4');
    expect(await truth(lab, [{ build: { tag: 'hello:v0.4' } }])).toEqual([false]);
  });

  it('the last build is kept with the engine state: a reload finds it', async () => {
    await lab.run('docker build -t hello:v0.5 .');
    const before = (await lab.snap()).lastBuild;
    expect(before).toMatchObject({ builder: 'buildkit', ok: true, tags: [{ ref: 'docker.io/library/hello:v0.5', previous: '' }] });
    expect(before!.steps.map((s) => [s.instruction, s.cached])).toEqual([
      ['FROM docker.io/library/alpine:latest', true],
      ['WORKDIR /app', true],
      ['ENV GREETING=hi', false],
      ['RUN echo hi > /hi', true],
      ['COPY . /app', true],
      ['CMD ["cat", "/hi"]', false],
    ]);
    const reloaded = await openLab({ store: lab.store });
    expect((await reloaded.snap()).lastBuild).toEqual(before);
  });
});
