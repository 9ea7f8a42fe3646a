/**
 * `docker system df -v`'s build cache table, which the golden scenario
 * (system-df-verbose) cannot show: the oracle's BuildKit cannot RUN without
 * its bridge network. The simulator's records are the layers BuildKit holds,
 * as `regular` records (BuildKit's `source.local` records of build contexts
 * are not simulated): SHARED when an image uses the layer too, USAGE the
 * number of builds that used it, oldest use first.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { createSession } from '../../worker/session.ts';

describe('docker system df -v', () => {
  it('lists BuildKit cache records with their uses, and the build cache size BuildKit reports', async () => {
    const clock = { now: Date.parse('2026-11-24T03:00:00Z') };
    const session = await createSession({ store: await MemoryStore.open(), preload: ['alpine'], clock: () => clock.now, random: () => 0.5 });
    const run = async (line: string) => session.runLine(line);
    await run("printf 'FROM alpine\\nRUN echo hi > /hi\\n' > Dockerfile");
    expect((await run('docker build -q -t bk .')).rc).toBe(0);
    clock.now += 60_000;
    expect((await run('docker build -q -t bk .')).rc).toBe(0);
    clock.now += 5_000;
    await run('docker rmi bk');
    const out = (await run('docker system df -v')).stdout;
    expect(out.slice(out.indexOf('Build cache usage'))).toEqual(
      [
        // "hi\n" is the only byte of the cache no image shares.
        'Build cache usage: 3B',
        '',
        'CACHE ID       CACHE TYPE   SIZE      CREATED              LAST USED       USAGE     SHARED',
        // alpine's layer: the alpine image still uses it. Equal last uses are ordered by ID (buildCacheSort).
        '2bfthgnu4zjd   regular      7.83MB    About a minute ago   5 seconds ago   2         true',
        'i0fyfjljexf2   regular      3B        About a minute ago   5 seconds ago   2         false',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
