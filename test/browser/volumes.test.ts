/**
 * Volumes and bind mounts in the built page: a container writes into the
 * learner's home through `-v $PWD/data:/data` and into a named volume; after
 * a reload both are still there, and the host shell and a new container see
 * them (the engine's host filesystem is the page's home, worker/session.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const HOST = 'learner@layerlab:~$';

describe('volumes and bind mounts in the page', () => {
  it('keeps what containers wrote into a bind mount of the home and into a volume across a reload', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'mkdir data && echo from the host > data/in.txt');
    await run(page, "docker run --rm -v $PWD/data:/data -v notes:/notes alpine sh -c 'cat /data/in.txt; echo from the container > /data/out.txt; echo kept > /notes/n'");
    expect(await tail(page, 2)).toEqual(['from the host', HOST]);
    await run(page, 'cat data/out.txt');
    expect(await tail(page, 2)).toEqual(['from the container', HOST]);

    await page.reload();
    await waitForPrompt(page);
    await run(page, 'cat data/out.txt; docker volume ls -q; docker run --rm -v notes:/notes alpine cat /notes/n');
    expect(await tail(page, 4)).toEqual(['from the container', 'notes', 'kept', HOST]);
    await context.close();
  });
});
