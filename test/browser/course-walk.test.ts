/**
 * The whole course in the page, as a learner who only clicks: every lesson,
 * every page opened with Next, every runnable block run by its Run button
 * (fields filled from the lab where the page resolves them), a goal still
 * unmet after the blocks reached with the page's own "Show solution" and its
 * Run, every question answered with the author's answer. Each page's goal
 * must end met, every page counted done, and no command may fail in a way
 * the simulator should not.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openLab, settle, useBrowser } from './harness.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const compiled = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));
const UNEXPECTED = /command not found|not simulated|not implemented|Error response from daemon|invalid reference|unknown (shorthand )?flag|syntax error/i;

async function clickRun(page: Page, button: Locator): Promise<string[]> {
  const mark = await page.evaluate(() => window.__layerlab!.mark());
  const handle = (await button.elementHandle())!;
  await handle.click();
  await expect.poll(() => handle.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  await settle(page);
  return (await page.evaluate((m) => window.__layerlab!.since(m), mark)) ?? [];
}

describe('the whole course, by clicking', () => {
  it('reaches every goal with the pages\' own Run buttons and solutions', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openLab(page, `${ctx.url}#/`);
    const unmet: string[] = [];
    const failed: Array<{ page: string; shown: string[] }> = [];
    const computed = new Set<string>();
    const started = Date.now();
    for (const lesson of compiled.course.lessons) {
      await page.evaluate((h) => (location.hash = h), `#/lessons/${lesson.id}`);
      for (const p of lesson.pages) {
        await page.getByRole('navigation', { name: 'Previous and next' }).getByRole('button', { name: /^Next:/ }).click();
        await expect.poll(() => page.locator('.lesson .body h2[tabindex]').innerText()).toBe(p.title);
        await expect.poll(() => page.locator('article.page').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
        const data = compiled.pages.find((d) => d.id === p.id)!;
        const runs = page.locator('article.page .prose').getByRole('button', { name: 'Run', exact: true });
        for (let i = 0; i < (await runs.count()); i++) {
          const box = runs.nth(i).locator('xpath=../..');
          const fields = await box.locator('input.field').all();
          for (const [n, f] of fields.entries()) {
            // A field the lab does not resolve gets the author's example (fill), as a learner would type their own.
            const name = (await f.getAttribute('placeholder'))!;
            if ((await f.inputValue()) === '' && data.fill[name]) await f.fill(data.fill[name]!);
            await expect.poll(() => f.inputValue(), { timeout: 30_000, message: `${p.id}: field ${n} ${name}` }).not.toBe('');
          }
          const shown = await clickRun(page, runs.nth(i));
          const block = data.runs[i];
          if (block?.every((l) => l.rc === 0) && shown.some((l) => UNEXPECTED.test(l))) failed.push({ page: p.id, shown });
        }
        if (p.hasGoal && (await page.locator('.goal .summary').innerText()) !== 'Goal reached.') {
          await page.getByRole('button', { name: 'Show solution' }).click();
          await clickRun(page, page.locator('.solution').getByRole('button', { name: 'Run', exact: true }));
        }
        if (p.hasGoal) {
          await expect
            .poll(() => page.locator('.goal .summary').innerText(), { timeout: 30_000 })
            .toBe('Goal reached.')
            .catch(() => unmet.push(p.id));
        }
        for (const q of p.questions) {
          const answer = data.answers[q.id]!;
          // `$…`: the value the lab computes (a digest); the engine's tests check those, this walk leaves them.
          if (typeof answer === 'string' && answer.startsWith('$')) {
            computed.add(p.id);
            continue;
          }
          const form = page.locator('form.question').filter({ hasText: q.ask.replace(/`/g, '') });
          if (q.kind === 'choice') await form.getByRole('radio', { name: q.choice![answer as number]!.replace(/`/g, ''), exact: true }).check();
          else await form.getByRole('textbox').fill(String(answer));
          await form.getByRole('button', { name: 'Check answer' }).click();
          await expect.poll(() => form.locator('.feedback').innerText()).toMatch(/^✓ Right\./);
        }
      }
    }
    console.log(`the course walked by clicking in ${Math.round((Date.now() - started) / 1000)} s`);
    expect({ unmet, failed }).toEqual({ unmet: [], failed: [] });
    // Every page is done but those with a computed answer left open, and the last page if it has nothing to check
    // (a page without goal or questions is done when the learner presses Next).
    await page.getByRole('button', { name: '☰ Contents' }).click();
    const notDone = await page.locator('#lesson-contents .pages a').evaluateAll((links) =>
      links.filter((a) => a.querySelector('.mark')!.textContent !== '✓').map((a) => a.getAttribute('href')!.replace('#/lessons/', '')),
    );
    const last = compiled.course.lessons.at(-1)!.pages.at(-1)!;
    const open = [...computed, ...(last.hasGoal || last.questions.length > 0 ? [] : [last.id])];
    expect(notDone.sort()).toEqual(open.sort());
    await context.close();
  }, 1_200_000);
});
