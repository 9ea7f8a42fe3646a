/**
 * Files of any size written in the page are readable by every tool, before
 * and after a reload (issue 8: files over 64 KB read as "No such file").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('big files in the home directory', () => {
  it('reads back a 1 MB file before and after a reload', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'seq 1 99999 > f && cat f f > big');
    const read = ['wc -c big', 'tail -n 1 < big', 'sha256sum big'];
    const expected = [
      'learner@layerlab:~$ wc -c big',
      '1177776 big',
      'learner@layerlab:~$ tail -n 1 < big',
      '99999',
      'learner@layerlab:~$ sha256sum big',
      '9ae98336ce3f618e16554f94e53c86ca76aab80ab8e50063e60558b81a7ec5c4  big',
      'learner@layerlab:~$',
    ];
    for (const line of read) await run(page, line);
    expect(await tail(page, 7)).toEqual(expected);
    await page.reload();
    await waitForPrompt(page);
    for (const line of read) await run(page, line);
    expect(await tail(page, 7)).toEqual(expected);
    await context.close();
  });

  it('saves an image to a file and loads it back with docker load -i and <, after a reload too', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q alpine');
    await run(page, 'docker image save alpine > a.tar');
    await run(page, 'wc -c a.tar');
    await run(page, 'docker rmi -f alpine > /dev/null; docker load -i a.tar');
    await run(page, 'docker rmi -f alpine > /dev/null; docker image load < a.tar');
    expect(await tail(page, 7)).toEqual([
      'learner@layerlab:~$ wc -c a.tar',
      '8081408 a.tar',
      'learner@layerlab:~$ docker rmi -f alpine > /dev/null; docker load -i a.tar',
      'Loaded image: alpine:latest',
      'learner@layerlab:~$ docker rmi -f alpine > /dev/null; docker image load < a.tar',
      'Loaded image: alpine:latest',
      'learner@layerlab:~$',
    ]);
    await page.reload();
    await waitForPrompt(page);
    await run(page, 'wc -c a.tar');
    await run(page, 'docker rmi -f alpine > /dev/null; docker load -i a.tar');
    expect(await tail(page, 5)).toEqual([
      'learner@layerlab:~$ wc -c a.tar',
      '8081408 a.tar',
      'learner@layerlab:~$ docker rmi -f alpine > /dev/null; docker load -i a.tar',
      'Loaded image: alpine:latest',
      'learner@layerlab:~$',
    ]);
    await context.close();
  });
});
