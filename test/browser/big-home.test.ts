/**
 * Issue 12: a page whose home holds an archive of several hundred MB reloads
 * and exports it. The commit after the line stores the file as 4 MiB chunks
 * and lets its bytes go; the reload stats it without reading it; Export lab
 * streams it to a Blob of parts, downloaded whole.
 */
import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLab, run, tail, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

// seq 1 99999 is 588,888 bytes; eight of them, eight times, eight times over (just-bash's seq stops at 100,000 lines).
const SIZE = 588_888 * 512;

it('reloads and exports a lab whose home holds a 301 MB archive', async () => {
  const context = await ctx.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openLab(page, ctx.url);
  await run(page, 'seq 1 99999 > s && cat s s s s s s s s > a && cat a a a a a a a a > b && cat b b b b b b b b > big.tar && rm s a b');
  await run(page, 'ls -l big.tar | cut -d" " -f5');
  expect(await tail(page, 2)).toEqual([String(SIZE), 'learner@layerlab:~$']);
  await page.reload();
  await waitForPrompt(page);
  await run(page, 'ls -l big.tar | cut -d" " -f5');
  expect(await tail(page, 2)).toEqual([String(SIZE), 'learner@layerlab:~$']);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export lab' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'layerlab-big-export-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(statSync(file).size).toBeGreaterThan(SIZE);
  await context.close();
}, 300_000);
