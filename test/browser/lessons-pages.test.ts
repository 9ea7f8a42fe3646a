/**
 * Every page of the course, opened by its address in a narrow pane (a
 * phone): it draws without a script error, nothing in it is wider than the
 * pane, each runnable block has its Run and Copy, and the page's start is
 * set up (the pane leaves its busy state). And the pane by keyboard alone:
 * Next moves the focus to the new page's title, Tab reaches Run, Enter
 * types the command into the terminal, Copy copies it.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, useBrowser } from './harness.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const compiled = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));

describe('every page of the course', () => {
  it('draws in a 390 px phone without errors or overflow, with Run and Copy on each runnable block', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openLab(page, ctx.url);
    await page.getByRole('tab', { name: 'Lesson' }).click();
    const found: Record<string, string[]> = {};
    for (const p of compiled.course.lessons.flatMap((l) => l.pages)) {
      await page.evaluate((h) => (location.hash = h), `#/lessons/${p.id}`);
      await expect.poll(() => page.locator('.lesson .body h2[tabindex]').innerText()).toBe(p.title);
      await expect.poll(() => page.locator('article.page').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
      const problems = await page.evaluate(() => {
        const body = document.querySelector('.lesson .body')!;
        const out: string[] = [];
        if (body.scrollWidth > body.clientWidth) out.push(`${body.scrollWidth} px wide in ${body.clientWidth} px`);
        const err = document.querySelector('.lesson .error');
        if (err) out.push(err.textContent ?? '');
        return out;
      });
      const runnable = p.blocks.filter((b) => b.kind === 'code' && b.runnable).length;
      const prose = page.locator('article.page .prose');
      const buttons = [await prose.getByRole('button', { name: 'Run', exact: true }).count(), await prose.getByRole('button', { name: 'Copy', exact: true }).count()];
      if (buttons[0] !== runnable || buttons[1] !== runnable) problems.push(`${buttons.join('/')} Run/Copy buttons for ${runnable} runnable blocks`);
      if (problems.length > 0) found[p.id] = problems;
    }
    expect({ found, errors }).toEqual({ found: {}, errors: [] });
    await context.close();
  }, 600_000);
});

describe('the lesson pane by keyboard', () => {
  it('moves the focus to the new title on Next, reaches Run with Tab, types the command with Enter, copies it with Copy', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const lesson = compiled.course.lessons[0]!;
    await openLab(page, `${ctx.url}#/lessons/${lesson.id}`);
    await page.getByRole('navigation', { name: 'Previous and next' }).getByRole('button', { name: /^Next:/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(lesson.pages[0]!.title);
    // Tab from the title: past the page's links, to the first Run.
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent?.trim())) !== '▶ Run'; i++) await page.keyboard.press('Tab');
    const code = await page.evaluate(() => document.activeElement!.closest('.box')!.querySelector('pre')!.textContent!);
    const mark = await page.evaluate(() => window.__layerlab!.mark());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-busy'))).toBe('false');
    await settle(page);
    expect((await page.evaluate((m) => window.__layerlab!.since(m), mark))![0]).toBe(`learner@layerlab:~$ ${code}`);
    // The focus stayed on Run: Tab goes on through the page, to Copy, which copies the command.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('▶ Run');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.url).origin });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement!.closest('.code')!.querySelector('.status')!.textContent)).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await context.close();
  }, 120_000);
});

describe('solution and reset', () => {
  it('runs the revealed solution to meet the goal, and Reset this page puts the page back at its start', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const target = compiled.pages.find((p) => p.goal.length >= 2 && p.solution.length >= 2 && p.start !== 'continue' && p.questions.length === 0)!;
    await openLab(page, `${ctx.url}#/lessons/${target.id}`);
    await expect.poll(() => page.locator('article.page').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const summary = page.locator('.goal .summary');
    await expect.poll(() => summary.innerText()).toBe(`0 of ${target.goal.length} done.`);
    await page.getByRole('button', { name: 'Show solution' }).click();
    const solution = page.locator('.solution');
    expect(await solution.locator('pre').innerText()).toBe(target.solution.map((l) => l.line).join('\n'));
    await solution.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => solution.getByRole('button', { name: 'Run', exact: true }).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await settle(page);
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toBe('Goal reached.');
    await page.getByRole('button', { name: 'Reset this page' }).click();
    // It asks first; the confirming button has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset page');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'This page is back at its start.' }).count()).toBe(1);
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toBe(`0 of ${target.goal.length} done.`);
    await context.close();
  }, 120_000);
});

describe('two tabs', () => {
  it('show the same progress: a page completed in one is marked done in the other, and Reset lab clears it in both', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const first = compiled.course.lessons[0]!.pages[0]!;
    const a = await context.newPage();
    const b = await context.newPage();
    await openLab(a, `${ctx.url}#/lessons/${first.id}`);
    await openLab(b, `${ctx.url}#/`);
    const mark = (): Promise<string> => b.locator('.contents a', { hasText: first.title }).locator('.mark').innerText();
    expect(await mark()).toBe('○');
    for (const { line } of compiled.pages.find((p) => p.id === first.id)!.solution) await run(a, line);
    await expect.poll(() => a.getByText('Page complete').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(mark, { timeout: 30_000 }).toBe('✓');
    expect(await b.locator('.total').innerText()).toMatch(/^1 of \d+ pages done/);
    // Reset lab wipes the progress with the lab, in both tabs, and the open page starts over.
    await a.getByRole('button', { name: 'Reset lab' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Reset lab' }).click();
    await expect.poll(() => a.getByText('Page complete').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => a.locator('.goal .summary').innerText(), { timeout: 30_000 }).toMatch(/^0 of \d+ done\.$/);
    await expect.poll(mark, { timeout: 30_000 }).toBe('○');
    await context.close();
  }, 120_000);
});

describe('the sandbox', () => {
  it('is the free terminal with a short guide whose commands run, and no goal', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openLab(page, `${ctx.url}#/sandbox`);
    expect(await page.locator('.lesson .body h2[tabindex]').innerText()).toBe('Sandbox');
    const run = page.locator('.lesson .body .code').filter({ hasText: 'docker image ls' }).getByRole('button', { name: 'Run', exact: true });
    const mark = await page.evaluate(() => window.__layerlab!.mark());
    await run.click();
    await expect.poll(() => run.getAttribute('aria-busy')).toBe('false');
    await settle(page);
    expect(await page.evaluate((m) => window.__layerlab!.since(m), mark)).toEqual([
      'learner@layerlab:~$ docker image ls',
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE',
      'learner@layerlab:~$',
    ]);
    expect(await page.locator('.goal, .goal-chip').count()).toBe(0);
    await context.close();
  }, 60_000);
});
