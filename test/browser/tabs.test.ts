/** Two tabs of the page share one lab: a change in one shows in the other (Web Locks + BroadcastChannel). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('two tabs', () => {
  it('see each other’s files', async () => {
    const context = await ctx.browser.newContext();
    const a = await context.newPage();
    const b = await context.newPage();
    await openLab(a, ctx.url);
    await openLab(b, ctx.url);
    await run(a, 'echo from-a > shared.txt');
    await run(b, 'cat shared.txt && echo from-b >> shared.txt');
    await run(a, 'cat shared.txt');
    expect(await tail(b, 2)).toEqual(['from-a', 'learner@layerlab:~$']);
    expect(await tail(a, 4)).toEqual(['learner@layerlab:~$ cat shared.txt', 'from-a', 'from-b', 'learner@layerlab:~$']);
    await context.close();
  });

  it('see each other’s images (needs the docker CLI and engine in the browser build)', async () => {
    const context = await ctx.browser.newContext();
    const a = await context.newPage();
    const b = await context.newPage();
    await openLab(a, ctx.url);
    await openLab(b, ctx.url);
    await run(b, "docker image ls --format '{{.Repository}}'");
    await run(a, 'docker pull -q busybox');
    await run(b, "docker image ls --format '{{.Repository}}'");
    expect(await tail(b, 2)).toEqual(['busybox', 'learner@layerlab:~$']);
    await context.close();
  });
});
