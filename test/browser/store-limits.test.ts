/**
 * The lab as a terminal that reattaches to its session (a reload keeps the
 * directory and variables), and a full origin (DevTools'
 * Storage.overrideQuotaForOrigin) that keeps reads, listings and rm working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('the shell across a reload', () => {
  it('keeps the current directory and shell variables', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'mkdir -p hello && cd hello');
    await run(page, 'CONTAINER_ID=f3c2a1 && export STAGE=build');
    await page.reload();
    await waitForPrompt(page, 'learner@layerlab:~/hello$');
    await run(page, 'pwd; echo $CONTAINER_ID $STAGE');
    expect(await tail(page, 4)).toEqual([
      'learner@layerlab:~/hello$ pwd; echo $CONTAINER_ID $STAGE',
      '/home/learner/hello',
      'f3c2a1 build',
      'learner@layerlab:~/hello$',
    ]);
    await context.close();
  });
});

describe('a full origin', () => {
  it('refuses the write that does not fit, and recovers with rm without a reload', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await openLab(page, ctx.url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(ctx.url).origin, quotaSize: 40 * 2 ** 20 });
    await run(page, 'docker pull -q alpine > /dev/null');
    // alpine's archive is 8 MB; the quota holds the image and a few copies, not ten. Each copy
    // differs by its first line: files above 4 MiB are stored as 4 MiB chunks and identical chunks
    // are one blob, so copies that shared their start would share it and rm would free only tails.
    for (let i = 0; i < 10; i++) await run(page, `echo ${i} > copy${i}.tar && docker save alpine >> copy${i}.tar`);
    // The message wraps at 100 columns (a space at the wrap is trimmed); Chromium's estimate() does not show DevTools' override, so the quota may be left out.
    const screen = (await tail(page, 40)).join('');
    const refused = screen.match(/layerlab: no space left on device \(([\d.]+MB)(?: of ([\d.]+MB))? used\), so this line's changes to your files were undone\. ?Free space with rm, docker image prune or docker system prune; docker system df shows what images use\./);
    expect(refused).not.toBeNull();
    // Chromium's usage figure counts its own overhead, so it may pass the override; it is no exact measure.
    expect(Number.parseFloat(refused![1]!)).toBeGreaterThan(30);
    if (refused![2] !== undefined) expect(refused![2]).toBe('41.94MB');
    await run(page, 'ls; echo still here');
    const listed = await tail(page, 3);
    expect(listed[1]).toBe('still here');
    const copies = listed[0]!.trim().split(/\s+/);
    expect(copies.length).toBeLessThan(10);
    const usage = (): Promise<number> => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const before = await usage();
    // Chromium's usage counts its own overhead past the quota, and its quota manager lags behind
    // deletes: free three copies to make room for one.
    await run(page, 'rm copy0.tar copy1.tar copy2.tar && ls | wc -l');
    // Chromium deletes a big value's file after the transaction, not within it: wait until the 16 MB are free.
    await expect.poll(usage, { timeout: 20_000, interval: 250 }).toBeLessThan(before - 12e6);
    expect(await tail(page, 2)).toEqual([String(copies.length - 3), 'learner@layerlab:~$']);
    // Its quota manager may still count them for a moment after that: a refused try leaves nothing behind, so try again.
    let saved: string[] = [];
    for (let attempt = 0; attempt < 30 && saved[0] !== '8081414 again.tar'; attempt++) {
      if (attempt > 0) await page.waitForTimeout(1000);
      await run(page, 'echo again > again.tar && docker save alpine >> again.tar && wc -c again.tar');
      saved = await tail(page, 2);
    }
    expect(saved).toEqual(['8081414 again.tar', 'learner@layerlab:~$']);
    await page.reload();
    await waitForPrompt(page);
    await run(page, 'ls | wc -l; wc -c < again.tar');
    expect(await tail(page, 3)).toEqual([String(copies.length - 2), '8081414', 'learner@layerlab:~$']);
    await context.close();
  });
});
