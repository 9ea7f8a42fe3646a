/**
 * Long operations show a sign of life in the status bar (worker/progress.ts,
 * StatusBar.svelte) and print exactly what they printed before: the line's
 * terminal output is compared whole with `bin/layerlab exec --json`'s.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, type, useBrowser } from './harness.ts';
import { execFlow, type Flow } from '../chapters/flows.ts';
import { compareLine } from '../chapters/compare.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const ctx = useBrowser({ beforeAll, afterAll });

describe('progress in the status bar', () => {
  it('shows while docker save -o writes a big image, and the command prints what exec --json prints', async () => {
    const lines = ['docker pull python:3.9-slim', 'docker save -o python.tar python:3.9-slim', 'ls -l python.tar'];
    const flow: Flow = { name: 'save', lines: lines.map((line, i) => ({ line, rc: 0, at: i + 1 })) };
    const records = await execFlow(flow);
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, lines[0]!);

    const mark = await page.evaluate(() => window.__layerlab!.mark());
    await type(page, lines[1]!);
    await page.keyboard.press('Enter');
    const bar = page.locator('.status .progress');
    await bar.waitFor({ state: 'visible', timeout: 20_000 });
    const shown = (await bar.innerText()).replace(/\s+/g, ' ');
    expect(shown).toMatch(/^(?:Saving python:3\.9-slim… \d{1,3}%|Storing your files in this browser…)$/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'progress-save.png') });
    await page.locator('.status').screenshot({ path: resolve(ARTIFACTS, 'progress-save-status.png') });
    await settle(page);
    await bar.waitFor({ state: 'detached' });
    await run(page, lines[2]!);

    // The two lines, as the terminal shows them: the command, its output, the next prompt.
    const text = (await page.evaluate((i) => window.__layerlab!.since(i), mark))!;
    const ls = text.findIndex((l) => l.endsWith(`$ ${lines[2]}`));
    expect(text[0]).toEqual(`learner@layerlab:~$ ${lines[1]}`);
    expect(compareLine(records[1]!, text.slice(1, ls))).toBeUndefined();
    expect(compareLine(records[2]!, text.slice(ls + 1, -1))).toBeUndefined();
    expect(text.at(-1)).toEqual('learner@layerlab:~$');
    await context.close();
  }, 120_000);

  // Export lab's reports are checked in the worker (test/terminal/lab-api.test.ts, blob by blob and while
  // packing); the bar that draws them is the one above. A lab small enough for a test exports in under the
  // 300 ms after which a bar appears, so a browser check of it here would only measure the machine.
});
