/**
 * The first command after a reload in the page (headless Chromium, the built
 * site: run `npx vite build` first) with a home of about N hundred MB: copies
 * of alpine's 8 MB archive, each with its own last line so none share a blob.
 * Times Enter to the next prompt of `ls | wc -l` right after the reload's
 * prompt appears (this includes loading the shell, which starts just after
 * the prompt shows, design.md §9), then after a second reload with a
 * second's pause first (as a learner types), and a second command.
 *
 * Run: npx tsx bench/page-reload.ts [hundreds of MB]   (default 4). Prints figures, asserts nothing.
 */
import type { Page } from 'playwright-core';
import { launchChromium, run, startPreview, type, waitForPrompt } from '../test/browser/harness.ts';

const hundreds = Number(process.argv[2] ?? 4);
const PROMPT = 'learner@layerlab:~$';

/** Milliseconds from Enter to the next prompt. */
async function timed(page: Page, line: string): Promise<number> {
  await type(page, line);
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  const handle = await page.waitForFunction(
    ([p, l]) => {
      const lines = window.__layerlab?.lines() ?? [];
      return lines.at(-1) === p && lines.at(-3) === `${p} ${l}` ? performance.now() : false;
    },
    [PROMPT, line] as const,
    { timeout: 60_000, polling: 'raf' },
  );
  return ((await handle.jsonValue()) as number) - t0;
}

const server = await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await waitForPrompt(page);
  const copies = Math.round((hundreds * 100) / 8.08);
  await run(page, 'docker pull -q alpine > /dev/null');
  const fill = performance.now();
  for (let i = 0; i < copies; i++) await run(page, `docker save alpine > copy${i}.tar && echo ${i} >> copy${i}.tar`);
  const filled = ((performance.now() - fill) / 1000).toFixed(1);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await page.reload();
  await waitForPrompt(page);
  const first = await timed(page, 'ls | wc -l');
  await page.reload();
  await waitForPrompt(page);
  await page.waitForTimeout(1000);
  const paused = await timed(page, 'ls | wc -l');
  const second = await timed(page, 'ls | wc -l');
  console.log(
    `page, home of ${copies} archives (${(copies * 8.08).toFixed(0)} MB, origin usage ${(usage / 1e6).toFixed(0)} MB, filled in ${filled} s): ` +
      `first command at once after reload ${first.toFixed(0)} ms, after a 1 s pause ${paused.toFixed(0)} ms, second command ${second.toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await server.stop();
}
