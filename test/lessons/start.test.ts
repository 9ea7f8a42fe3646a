/**
 * Start states: set up through the engine's operations with ensure
 * semantics (only what is missing), leaving the rest of the lab alone;
 * "Reset this page" removes what the page owns and restores its start.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import type { Snapshot } from '../../worker/store/store.ts';
import { openLab } from './lab.ts';

const course = loadCourseDir(resolve(import.meta.dirname, 'fixtures/course'));

/** The store's records, as comparable JSON. */
async function records(snapshot: Promise<Snapshot>): Promise<Record<string, Record<string, unknown>>> {
  const s = await snapshot;
  return Object.fromEntries(Object.entries(s).map(([c, m]) => [c, Object.fromEntries(m as Map<string, unknown>)]));
}

describe('start states', () => {
  it('a page that continues sets up nothing', async () => {
    const lab = await openLab({ course });
    const before = await records(lab.store.load());
    await lab.lessons.open('basics/welcome');
    expect(await records(lab.store.load())).toEqual(before);
  });

  it('images, files and builds: made when missing, through the engine, and found again as the terminal shows them', async () => {
    const lab = await openLab({ course });
    await lab.lessons.open('basics/build');
    expect((await lab.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout).toEqual('hello:v0.1\nalpine:latest\n');
    expect((await lab.run('cat hello/Dockerfile')).stdout).toEqual('FROM alpine\nRUN echo hi > /hi\n');
    expect((await lab.lessons.goal('basics/build')).met).toEqual(false);
    // The start build went through the engine's builder, so the learner's build takes its RUN step from the cache.
    await lab.run('cd hello && docker build -t hello:v0.2 .');
    expect(await lab.lessons.goal('basics/build')).toEqual({
      pageId: 'basics/build',
      conditions: [
        { met: true, say: 'hello:v0.2 was not built with its RUN step from the cache yet.' },
        { met: true, say: 'hello:v0.2 does not share both layers with hello:v0.1.' },
      ],
      met: true,
    });
    // Opening it again changes nothing: everything is there.
    const before = await records(lab.store.load());
    await lab.lessons.open('basics/build');
    expect(await records(lab.store.load())).toEqual(before);
  });

  it('never overwrites what the learner has: an edited file stays, a present tag is not rebuilt', async () => {
    const lab = await openLab({ course, preload: ['alpine'] });
    await lab.run('mkdir hello && printf "FROM alpine\\nCMD [\\"true\\"]\\n" > hello/Dockerfile');
    await lab.run('docker tag alpine hello:v0.1');
    await lab.lessons.open('basics/build');
    expect((await lab.run('cat hello/Dockerfile')).stdout).toEqual('FROM alpine\nCMD ["true"]\n');
    expect((await lab.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"')).stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['alpine:latest', 'hello:v0.1', '']);
  });

  it('containers (left running, run to completion, only created) and commits', async () => {
    const lab = await openLab({ course });
    await lab.lessons.open('basics/many');
    expect((await lab.run('docker ps -a --format "{{.Names}} {{.Image}} {{.Status}}"')).stdout).toMatch(/^idle alpine Created\nbox alpine Exited \(0\) .+ ago\nweb alpine Up .+\n$/);
    expect((await lab.run('docker run --rm alpine:hi cat /f')).stdout).toEqual('hi\n');
    expect((await lab.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout.split('\n').sort()).toEqual(['', 'alpine:3.21', 'alpine:hi', 'alpine:latest']);
    expect((await lab.run('cat notes/todo.txt')).stdout).toEqual('clean up\n');
    expect((await lab.lessons.goal('basics/many')).met).toEqual(false);
    await lab.run('docker container prune -f');
    expect((await lab.lessons.goal('basics/many')).met).toEqual(true);
    // Opened again, the missing containers come back (ensure), the commit's tag is there already.
    await lab.lessons.open('basics/many');
    expect((await lab.run('docker ps -a --format "{{.Names}}"')).stdout).toEqual('idle\nbox\nweb\n');
    await lab.run('docker rm -f web');
  });

  it('reset removes what the page owns, restores the start, and leaves the rest of the lab as it was', async () => {
    const lab = await openLab({ course });
    await lab.run('echo mine > keep.txt');
    await lab.lessons.open('basics/commit');
    await lab.run('docker tag alpine mine:1');
    for (const { line } of course.pages.find((p) => p.id === 'basics/commit')!.solution) await lab.run(line);
    expect((await lab.lessons.goal('basics/commit')).met).toEqual(true);
    await lab.lessons.reset('basics/commit');
    expect((await lab.lessons.goal('basics/commit')).met).toEqual(false);
    expect((await lab.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout).toEqual('alpine:latest\nmine:1\n');
    expect((await lab.run('docker ps -a -q')).stdout).toEqual('');
    expect((await lab.run('cat keep.txt')).stdout).toEqual('mine\n');
    // The page works again from its start: the solution's `--name fig` is free.
    for (const { line } of course.pages.find((p) => p.id === 'basics/commit')!.solution) await lab.run(line);
    expect((await lab.lessons.goal('basics/commit')).met).toEqual(true);
  });

  it('reset of a page whose start builds: the owned tag is rebuilt, the base image stays', async () => {
    const lab = await openLab({ course });
    await lab.lessons.open('basics/build');
    await lab.run('cd hello && docker build -t hello:v0.2 .');
    await lab.lessons.reset('basics/build');
    expect((await lab.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout).toEqual('hello:v0.1\nalpine:latest\n');
    expect((await lab.lessons.goal('basics/build')).conditions.map((c) => c.met)).toEqual([false, false]);
  });
});

describe('the checker is cheap when nothing relevant changed', () => {
  it('computes a goal once per engine state: shell-only lines reuse it, an engine change recomputes it', async () => {
    const lab = await openLab({ course });
    await lab.lessons.open('basics/build');
    const first = await lab.lessons.goal('basics/build');
    expect(await lab.lessons.goal('basics/build')).toBe(first);
    await lab.run('cd hello && ls');
    expect(await lab.lessons.goal('basics/build')).toBe(first);
    await lab.run('docker tag alpine other');
    const after = await lab.lessons.goal('basics/build');
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });
});

describe('placeholders resolved from the lab', () => {
  it('<container_id> is the newest container; <image_id> the goal\'s image, or the newest image until it exists', async () => {
    const lab = await openLab({ course });
    await lab.lessons.open('basics/commit');
    expect(Object.keys(await lab.lessons.placeholders('basics/commit'))).toEqual(['image_id']);
    await lab.run('docker run --name fig alpine sh -c "apk add figlet"');
    const cid = (await lab.run('docker ps -a -q')).stdout.trim();
    const iid = (await lab.run('docker commit fig')).stdout.trim().slice(7, 19);
    expect(await lab.lessons.placeholders('basics/commit')).toEqual({
      container_id: { value: cid, note: `your container fig is ${cid}` },
      image_id: { value: iid, note: `your newest image is ${iid}` },
    });
    await lab.run(`docker tag ${iid} ourfiglet`);
    expect((await lab.lessons.placeholders('basics/commit')).image_id).toEqual({ value: iid, note: `the image ourfiglet is ${iid}` });
  });
});
