/**
 * An archive of the chapters' larger images goes through the page whole
 * (issue 12): `docker save -o` of nginx and python:3.9-slim (245 MB, more
 * than IndexedDB takes in one value), `docker load -i` after `docker rmi`
 * gives the same image IDs back, `docker save | tar -t` reads the archive as
 * it streams, and a reload keeps the archive whole (it loads again). No
 * timings here: bench/archives.ts measures speed and memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const P = 'learner@layerlab:~$';
const IMAGES = 'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"';
const LISTED = ['nginx:latest 975e73a6f853', 'python:3.9-slim c12b5ee026b5'];
// After `docker rmi` of both, every layer is new to the engine: on a terminal moby prints each as it
// loads (no bar below 110 columns, docker/cli jsonmessage), and the second image's shared base is not repeated.
const LOADED = [
  'b40ca5afb2e4: Loading layer  76.18MB/76.18MB',
  '54d9b63c77c0: Loading layer  117.4MB/117.4MB',
  'e16beb858419: Loading layer  3.584kB/3.584kB',
  'ed5cf53fe00f: Loading layer   2.56kB/2.56kB',
  '5b5869251daf: Loading layer   2.56kB/2.56kB',
  'cc9fe1443881: Loading layer   2.56kB/2.56kB',
  '62430a817371: Loading layer   2.56kB/2.56kB',
  'Loaded image: nginx:latest',
  'e4d5a0eed114: Loading layer  3.626MB/3.626MB',
  '5c984aa5c3e4: Loading layer  35.29MB/35.29MB',
  '3f340a94b081: Loading layer  4.608kB/4.608kB',
  'ccef89073414: Loading layer  12.68MB/12.68MB',
  'Loaded image: python:3.9-slim',
];

describe('big archives in the page', () => {
  it('saves nginx and python:3.9-slim to a file, loads them back with the same IDs, and keeps the file over a reload', { timeout: 600_000 }, async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q nginx > /dev/null && docker pull -q python:3.9-slim > /dev/null');
    await run(page, IMAGES);
    await run(page, 'docker save -o big.tar nginx python:3.9-slim');
    await run(page, 'ls -l big.tar');
    // The whole screen, so a failure shows what the save printed; the date in the listing is the clock's.
    const LISTING = /^-rw-r--r-- 1 learner learner 245238272 \w{3} [ \d]\d \d\d:\d\d big\.tar$/;
    expect(await tail(page, 7)).toEqual([
      `${P} ${IMAGES}`,
      ...LISTED,
      `${P} docker save -o big.tar nginx python:3.9-slim`,
      `${P} ls -l big.tar`,
      expect.stringMatching(LISTING),
      P,
    ]);
    const listing = (await screen(page)).at(-2)!;

    await run(page, 'docker rmi nginx python:3.9-slim > /dev/null');
    await run(page, IMAGES);
    await run(page, 'docker load -i big.tar');
    await run(page, IMAGES);
    await run(page, 'docker save nginx | tar -t | head -3');
    expect(await tail(page, 11 + LOADED.length)).toEqual([
      `${P} docker rmi nginx python:3.9-slim > /dev/null`,
      `${P} ${IMAGES}`,
      `${P} docker load -i big.tar`,
      ...LOADED,
      `${P} ${IMAGES}`,
      ...LISTED,
      `${P} docker save nginx | tar -t | head -3`,
      'blobs/',
      'blobs/sha256/',
      'blobs/sha256/26401e24886f7472b15678c4d18ac3bdebed727456fffe893332827c16c68f5c',
      P,
    ]);

    await page.reload();
    await waitForPrompt(page);
    await run(page, 'ls -l big.tar');
    await run(page, 'docker rmi nginx python:3.9-slim > /dev/null; docker load -i big.tar');
    await run(page, IMAGES);
    expect(await tail(page, 9)).toEqual([
      `${P} ls -l big.tar`,
      listing,
      `${P} docker rmi nginx python:3.9-slim > /dev/null; docker load -i big.tar`,
      // docker also runs redirected on this line, so the shell gives it no terminal (shell/terminal.ts decides per name): the quiet stream.
      ...LOADED.filter((l) => l.startsWith('Loaded image:')),
      `${P} ${IMAGES}`,
      ...LISTED,
      P,
    ]);
    await context.close();
  });
});
