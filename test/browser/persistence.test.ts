/** Reload the page and find the lab as it was; Reset lab with its confirmation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('persistence across reloads', () => {
  it('keeps files, the history and the last screen', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'mkdir -p app && echo kept > app/notes.txt');
    await run(page, 'cat app/notes.txt');
    await page.reload();
    await waitForPrompt(page);
    expect(await tail(page, 4)).toEqual([
      'learner@layerlab:~$ mkdir -p app && echo kept > app/notes.txt',
      'learner@layerlab:~$ cat app/notes.txt',
      'kept',
      'learner@layerlab:~$',
    ]);
    await page.keyboard.press('ArrowUp');
    await settle(page);
    expect(await tail(page, 1)).toEqual(['learner@layerlab:~$ cat app/notes.txt']);
    await page.keyboard.press('Control+U');
    await run(page, 'cat app/notes.txt');
    expect(await tail(page, 2)).toEqual(['kept', 'learner@layerlab:~$']);
    await context.close();
  });

  it('keeps pulled images (needs the docker CLI and engine in the browser build)', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q alpine:3.21');
    await page.reload();
    await waitForPrompt(page);
    await run(page, "docker image ls --format '{{.Repository}}:{{.Tag}}'");
    expect(await tail(page, 2)).toEqual(['alpine:3.21', 'learner@layerlab:~$']);
    await context.close();
  });

  it('resets the lab to a fresh machine after the learner confirms', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'echo gone > gone.txt');
    await page.getByRole('button', { name: 'Reset lab' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await run(page, 'cat gone.txt');
    expect(await tail(page, 2)).toEqual(['gone', 'learner@layerlab:~$']);
    await page.getByRole('button', { name: 'Reset lab' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset lab' }).click();
    await page.waitForFunction(() => window.__layerlab?.lines().length === 1);
    await run(page, 'ls -A');
    expect(await tail(page, 3)).toEqual(['learner@layerlab:~$ ls -A', '.bash_history', 'learner@layerlab:~$']);
    await page.reload();
    await waitForPrompt(page);
    expect(await tail(page, 3)).toEqual(['learner@layerlab:~$ ls -A', '.bash_history', 'learner@layerlab:~$']);
    await context.close();
  });
});
