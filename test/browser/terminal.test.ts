/** Typing in the page's terminal: commands and their output, prompts, Tab completion, Ctrl-C. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, tail, type, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('the terminal in the page', () => {
  it('runs typed commands and shows their output and the new prompt', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await run(page, 'echo hello > notes.txt && cat notes.txt');
    await run(page, 'mkdir -p hello && cd hello && pwd');
    expect(await tail(page, 5)).toEqual([
      'learner@layerlab:~$ echo hello > notes.txt && cat notes.txt',
      'hello',
      'learner@layerlab:~$ mkdir -p hello && cd hello && pwd',
      '/home/learner/hello',
      'learner@layerlab:~/hello$',
    ]);
    await page.close();
  });

  it('completes docker commands, flags and files with Tab', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await run(page, 'echo x > Dockerfile');
    await type(page, 'docker image hi');
    await page.keyboard.press('Tab');
    await type(page, '--no-t');
    await page.keyboard.press('Tab');
    await settle(page);
    expect(await tail(page, 1)).toEqual(['learner@layerlab:~$ docker image history --no-trunc']);
    await page.keyboard.press('Control+U');
    await type(page, 'cat Dock');
    await page.keyboard.press('Tab');
    await settle(page);
    expect(await tail(page, 1)).toEqual(['learner@layerlab:~$ cat Dockerfile']);
    await page.close();
  });

  it('cancels a typed line and interrupts a running command with Ctrl-C', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await type(page, 'echo never');
    await page.keyboard.press('Control+C');
    await type(page, 'sleep 30');
    await page.keyboard.press('Enter');
    // The worker echoes the line's end when it takes the line and starts the command.
    await page.waitForFunction(() => {
      const h = window.__layerlab!;
      const lines = h.lines();
      return h.cursor().row === lines.length && lines.at(-1) === 'learner@layerlab:~$ sleep 30';
    });
    await page.keyboard.press('Control+C');
    await waitForPrompt(page);
    expect(await tail(page, 4)).toEqual(['learner@layerlab:~$ echo never^C', 'learner@layerlab:~$ sleep 30', '^C', 'learner@layerlab:~$']);
    await page.close();
  });

  it('walks the history with the arrow keys and runs a multi-line paste line by line', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await run(page, 'echo first');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.evaluate(() => {
      const area = document.querySelector('.xterm-helper-textarea')!;
      const data = new DataTransfer();
      data.setData('text/plain', 'echo one\necho two\n');
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await settle(page);
    expect(await tail(page, 9)).toEqual([
      'learner@layerlab:~$ echo first',
      'first',
      'learner@layerlab:~$ echo first',
      'first',
      'learner@layerlab:~$ echo one',
      'one',
      'learner@layerlab:~$ echo two',
      'two',
      'learner@layerlab:~$',
    ]);
    await page.close();
  });

  it('keeps a typed line that wraps, or fills its row exactly, one line of the terminal', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    const { cols } = await page.evaluate(() => window.__layerlab!.size());
    // `learner@layerlab:~$ ` is 20 columns: the first command ends exactly at the right margin.
    const exact = `echo ${'a'.repeat(cols - 25)}`;
    const long = `echo ${'b'.repeat(cols + 10)}`;
    const mark = await page.evaluate(() => window.__layerlab!.mark());
    await run(page, exact);
    await run(page, long);
    expect(await page.evaluate((i) => window.__layerlab!.since(i), mark)).toEqual([
      `learner@layerlab:~$ ${exact}`,
      exact.slice(5),
      `learner@layerlab:~$ ${long}`,
      long.slice(5),
      'learner@layerlab:~$',
    ]);
    await page.close();
  });

  it('shows which engine is active in the status bar', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await page.waitForSelector('.status .engine');
    expect(await page.locator('.status .engine').innerText()).toEqual('Simulated engine (Docker 28.5)');
    await page.close();
  });
});
