/** Editing a file in vi inside the page (needs the host shell's editors, a later step of the shell work). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, tail, type, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('vi in the terminal', () => {
  it('edits a file and saves it with :wq', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await run(page, 'vi Dockerfile');
    await type(page, 'iFROM alpine:3.21');
    await page.keyboard.press('Escape');
    await type(page, ':wq');
    await page.keyboard.press('Enter');
    await settle(page);
    await run(page, 'cat Dockerfile');
    expect(await tail(page, 2)).toEqual(['FROM alpine:3.21', 'learner@layerlab:~$']);
    await page.close();
  });
});
