/** Reload the page and find the lab as it was; Reset lab with its confirmation. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('exports the lab to a file and imports it into a fresh browser profile', async () => {
    const first = await ctx.browser.newContext({ acceptDownloads: true });
    const page = await first.newPage();
    await openLab(page, ctx.url);
    await run(page, 'mkdir -p app && echo exported > app/notes.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export lab' }).click()]);
    // The download goes away with its context: keep a copy for the second profile.
    const file = join(mkdtempSync(join(tmpdir(), 'layerlab-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^layerlab-lab-\d{4}-\d{2}-\d{2}\.tar$/);
    await first.close();

    const second = await ctx.browser.newContext();
    const other = await second.newPage();
    await openLab(other, ctx.url);
    const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import lab' }).click()]);
    await chooser.setFiles(file);
    await other.waitForFunction(() => document.querySelector('.status .notice')?.textContent?.startsWith('Imported '));
    await waitForPrompt(other);
    await run(other, 'cat app/notes.txt');
    expect(await tail(other, 3)).toEqual(['learner@layerlab:~$ cat app/notes.txt', 'exported', 'learner@layerlab:~$']);
    await second.close();
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
