/**
 * The cache as data (BuildResult.steps) and its two properties, for both
 * builders: a rebuild with no change is fully cached and gives the same
 * image ID; changing one copied file invalidates exactly the steps from its
 * COPY on (the chapters' rebuild of hello:v0.2: `Using cache` for RUN,
 * rebuilt from COPY on). `--no-cache` runs everything again.
 */
import { describe, expect, it } from 'vitest';
import { builderEngine } from './helpers.ts';

const DOCKERFILE = 'FROM alpine\nENV APP=/app\nRUN mkdir -p $APP && echo built > $APP/built.txt\nCOPY a.txt $APP/\nRUN cat $APP/a.txt > $APP/copy.txt\nCOPY b.txt $APP/\nWORKDIR $APP\nCMD ["cat", "a.txt"]\n';
const FILES = { Dockerfile: DOCKERFILE, 'a.txt': 'one\n', 'b.txt': 'two\n' };

for (const version of ['1', '2'] as const) {
  describe(`${version === '1' ? 'legacy' : 'BuildKit'} cache`, () => {
    it('a rebuild with no change is fully cached and gives the same image ID', async () => {
      const b = await builderEngine();
      const first = await b.run(FILES, { version });
      b.clock.now += 5000;
      const again = await b.run(FILES, { version });
      expect(again.imageId).toBe(first.imageId);
      const fsSteps = (r: typeof first) => r.steps.filter((s) => /^(RUN|COPY|WORKDIR)/.test(s.instruction));
      expect(fsSteps(first).map((s) => s.cached)).toEqual([false, false, false, false, false]);
      expect(fsSteps(again).map((s) => s.cached)).toEqual([true, true, true, true, true]);
      expect(fsSteps(again).map((s) => s.diffId)).toEqual(fsSteps(first).map((s) => s.diffId));
    });

    it('changing one copied file invalidates exactly the steps from its COPY on', async () => {
      const b = await builderEngine();
      const first = await b.run(FILES, { version });
      b.clock.now += 5000;
      const changed = await b.run({ ...FILES, 'a.txt': 'ONE\n' }, { version });
      expect(changed.imageId).not.toBe(first.imageId);
      const outcome = changed.steps.filter((s) => /^(RUN|COPY|WORKDIR)/.test(s.instruction)).map((s) => [s.instruction, s.cached]);
      expect(outcome).toEqual([
        ['RUN mkdir -p $APP && echo built > $APP/built.txt', true],
        ['COPY a.txt $APP/', false],
        ['RUN cat $APP/a.txt > $APP/copy.txt', false],
        ['COPY b.txt $APP/', false],
        ['WORKDIR $APP', false],
      ]);
    });

    it('a touched file with the same content keeps the cache (mtimes are not in the checksum)', async () => {
      const b = await builderEngine();
      const first = await b.run(FILES, { version });
      const again = await b.run({ ...FILES }, { version });
      expect(again.steps.every((s) => s.cached || !/^(RUN|COPY)/.test(s.instruction))).toBe(true);
      expect(again.imageId).toBe(first.imageId);
    });

    it('--no-cache runs every step again', async () => {
      const b = await builderEngine();
      await b.run(FILES, { version });
      b.clock.now += 5000;
      const fresh = await b.run(FILES, { version, noCache: true });
      expect(fresh.steps.filter((s) => /^(RUN|COPY|WORKDIR)/.test(s.instruction)).map((s) => s.cached)).toEqual([false, false, false, false, false]);
    });
  });
}

describe('BuildKit cache after a reload', () => {
  it('takes RUN steps from the images built before; a changed COPY still rebuilds from there on', async () => {
    const b = await builderEngine();
    const first = await b.run(FILES);
    await b.reload();
    b.clock.now += 5000;
    const again = await b.run(FILES);
    const outcome = (r: typeof first) => r.steps.filter((s) => /^(RUN|COPY|WORKDIR)/.test(s.instruction)).map((s) => s.cached);
    // COPY's history text carries no checksum, so after a reload it runs again (with the same bytes, the same layer).
    expect(outcome(again)).toEqual([true, false, true, false, true]);
    expect(again.steps.map((s) => s.diffId)).toEqual(first.steps.map((s) => s.diffId));
    const changed = await b.run({ ...FILES, 'b.txt': 'TWO\n' });
    expect(outcome(changed)).toEqual([true, true, true, false, false]);
  });
});
