/** After the first load, the page works offline: the service worker serves the shell and every lazy chunk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('offline', () => {
  it('reloads and runs commands with the network off', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.reload();
    await waitForPrompt(page);
    await run(page, 'echo offline && pwd');
    expect(await tail(page, 3)).toEqual(['offline', '/home/learner', 'learner@layerlab:~$']);
    await context.close();
  });
});
