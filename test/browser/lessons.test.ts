/**
 * The lesson pane in the built page, as a learner uses it: lesson 1 walked
 * end to end by clicking its Run buttons (each command typed into the
 * terminal, visibly, and run), its questions answered, its exercise done by
 * typing, the completion marks seen, and still there after a reload; a deep
 * link to a page of lesson 4 opens with that page's start state set up in
 * the lab. The course comes from lessons/ (compiled as the build compiles
 * it), so the test follows the content as it changes.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openLab, run, screen, settle, useBrowser } from './harness.ts';
import { loadCourseDir } from '../../worker/lessons/load-dir.ts';
import type { PageData } from '../../worker/lessons/types.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const compiled = loadCourseDir(resolve(import.meta.dirname, '../../lessons'));
const data = (id: string): PageData => compiled.pages.find((p) => p.id === id)!;

/** What no command a page asks for may print: the simulator's refusals, the shell's and the daemon's errors. */
const UNEXPECTED = /command not found|not simulated|not implemented|No such|Error response from daemon|invalid reference|unknown (shorthand )?flag|syntax error/i;

/** Clicks a Run button and returns what the terminal showed from the click to the prompt after it. */
async function clickRun(page: Page, button: Locator): Promise<string[]> {
  const mark = await page.evaluate(() => window.__layerlab!.mark());
  // A handle, not the locator: on a phone the click hides the lesson (the terminal's tab comes forward), and role
  // locators do not find hidden elements.
  const handle = (await button.elementHandle())!;
  await handle.click();
  // Not busy once the last key is typed; then the worker runs what it was given.
  await expect.poll(() => handle.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  await settle(page);
  return (await page.evaluate((m) => window.__layerlab!.since(m), mark)) ?? [];
}

/** Answers the page's questions with the answers its author gave (a literal index or value). */
async function answerQuestions(page: Page, p: PageData): Promise<void> {
  const course = compiled.course.lessons.flatMap((l) => l.pages).find((c) => c.id === p.id)!;
  for (const q of course.questions) {
    const answer = p.answers[q.id]!;
    // Backticks mark code in these strings; the page draws it as code, without them.
    const form = page.locator('form.question').filter({ hasText: q.ask.replace(/`/g, '') });
    if (q.kind === 'choice') await form.getByRole('radio', { name: q.choice![answer as number]!.replace(/`/g, ''), exact: true }).check();
    else await form.getByRole('textbox').fill(String(answer));
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => form.locator('.feedback').innerText()).toMatch(/^✓ Right\./);
  }
}

const heading = (page: Page): Promise<string> => page.locator('.lesson .body h2[tabindex]').innerText();

describe('lesson 1, walked in the page', () => {
  const lesson = compiled.course.lessons[0]!;

  it('runs every block by its Run button, passes the exercise by typing, and keeps the marks after a reload', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openLab(page, `${ctx.url}#/lessons/${lesson.id}`);
    expect(await heading(page)).toBe(lesson.title);
    const unexpected: Array<{ page: string; shown: string[] }> = [];
    for (const p of lesson.pages) {
      await page.getByRole('navigation', { name: 'Previous and next' }).getByRole('button', { name: /^Next:/ }).click();
      await expect.poll(() => heading(page)).toBe(p.title);
      expect(page.url()).toBe(`${ctx.url}#/lessons/${p.id}`);
      await expect.poll(() => page.locator('article.page').getAttribute('aria-busy')).toBe('false');
      if (p.exercise) break;
      const runs = page.locator('article.page .prose').getByRole('button', { name: 'Run', exact: true });
      for (let i = 0; i < (await runs.count()); i++) {
        // A placeholder resolved from the lab fills its field once the worker has looked.
        for (const field of await runs.nth(i).locator('xpath=../..').locator('input.field').all()) {
          await expect.poll(() => field.inputValue(), { timeout: 30_000 }).not.toBe('');
        }
        const box = runs.nth(i).locator('xpath=../..');
        const typed = (await box.locator('input.field').count()) === 0 ? (await box.locator('pre').innerText()).split('\n')[0]! : undefined;
        const shown = await clickRun(page, runs.nth(i));
        // The command was typed at the prompt, where the learner sees it.
        if (typed !== undefined) expect(shown[0]).toMatch(new RegExp(`[$#] ${typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        if (shown.some((l) => UNEXPECTED.test(l))) unexpected.push({ page: p.id, shown });
      }
      if (p.hasGoal) await expect.poll(() => page.locator('.goal .summary').innerText(), { timeout: 30_000 }).toBe('Goal reached.');
      await answerQuestions(page, data(p.id));
      if (p.hasGoal || p.questions.length > 0) await expect.poll(() => page.getByText('Page complete').count()).toBe(1);
    }
    expect(unexpected).toEqual([]);

    // The exercise, typed as a learner types it: bash from alpine:bash, a package, a commit by the container's name.
    const exercise = lesson.pages.at(-1)!;
    expect(exercise.exercise).toBe(true);
    expect(await page.locator('.goal .summary').innerText()).toMatch(/^0 of \d+ done\.$/);
    await run(page, 'docker container run -it --name mine alpine:bash /bin/bash');
    await run(page, 'apk add jq');
    await run(page, 'exit');
    await run(page, 'docker container commit mine alpine:tools');
    await expect.poll(() => page.locator('.goal .summary').innerText(), { timeout: 30_000 }).toBe('Goal reached.');
    await answerQuestions(page, data(exercise.id));
    await expect.poll(() => page.getByText('Page complete').count()).toBe(1);
    expect(await page.locator('.bar .meter-text').innerText()).toBe('✓');

    await page.reload();
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe(exercise.title);
    await expect.poll(() => page.getByText('Page complete').count()).toBe(1);
    await page.getByRole('button', { name: '☰ Contents' }).click();
    const contents = page.getByRole('region', { name: 'Contents' });
    expect(await contents.getByRole('link', { name: `${lesson.title} (complete)` }).count()).toBe(1);
    expect(await contents.locator('.lesson-item').first().locator('.stats').innerText()).toBe(
      `${lesson.pages.length} of ${lesson.pages.length} pages done · 1 of 1 exercise passed`,
    );
    // Back walks the pages the learner came through, as the browser's history has them.
    await page.keyboard.press('Escape');
    await page.goBack();
    await expect.poll(() => heading(page)).toBe(lesson.pages.at(-2)!.title);
    await page.goForward();
    await expect.poll(() => heading(page)).toBe(exercise.title);
    await context.close();
  }, 900_000);
});

describe('a deep link', () => {
  it('opens a page of lesson 4 with its start state set up in a fresh lab', async () => {
    const lesson = compiled.course.lessons.find((l) => /^names-tags/.test(l.id));
    // The lesson-4 page whose start sets up the most kinds of things (images, containers, commits...), then the most things.
    type Start = Exclude<PageData['start'], 'continue'>;
    const score = (s: Start): number => Object.values(s).filter((v) => Object.keys(v ?? {}).length > 0).length * 100 + Object.values(s).reduce((n, v) => n + Object.keys(v ?? {}).length, 0);
    const pages = compiled.pages.filter((p): p is PageData & { start: Start } => p.lessonId === lesson?.id && p.start !== 'continue');
    const target = pages.sort((a, b) => score(b.start) - score(a.start))[0];
    expect(target, 'lesson 4 has a page with a start state').toBeDefined();
    const start = target!.start;
    expect(Object.keys(start).length, `${target!.id} starts with images and containers`).toBeGreaterThanOrEqual(2);
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openLab(page, `${ctx.url}#/lessons/${target!.id}`);
    await expect.poll(() => heading(page), { timeout: 30_000 }).toBe(target!.title);
    await expect.poll(() => page.locator('article.page').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');

    await run(page, "docker image ls --format '{{.Repository}}:{{.Tag}}'");
    await run(page, "docker container ls -a --format '{{.Names}} {{.State}}'");
    const lines = await screen(page);
    const tagged = (r: string): string => (r.includes('@') ? r : r.includes(':') ? r : `${r}:latest`);
    const wanted = [...(start.images ?? []), ...(start.builds ?? []).map((b) => b.tag), ...(start.commits ?? []).map((c) => c.tag)].map(tagged).filter((r) => !r.includes('@'));
    expect(wanted.filter((r) => !lines.includes(r))).toEqual([]);
    const containers = (start.containers ?? []).map((c) => `${c.name} ${c.detach ? 'running' : c.create ? 'created' : 'exited'}`);
    expect(containers.filter((c) => !lines.includes(c))).toEqual([]);
    for (const file of Object.keys(start.files ?? {})) {
      await run(page, `test -f ~/${file} && echo present: ${file}`);
      expect((await screen(page)).at(-2)).toBe(`present: ${file}`);
    }
    await context.close();
  }, 300_000);
});

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SHOTS = resolve(import.meta.dirname, '../artifacts/lessons');

/** Whatever in the lesson pane is wider than the pane (a code line, a table, a button row), as sentences. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.lesson .body')!;
    const out: string[] = [];
    if (body.scrollWidth > body.clientWidth) out.push(`the lesson is ${body.scrollWidth} px wide in ${body.clientWidth} px`);
    for (const el of document.querySelectorAll('.lesson button, .lesson .bar, .lesson .prevnext')) {
      const r = el.getBoundingClientRect();
      const b = document.querySelector('.lesson')!.getBoundingClientRect();
      if (r.width > 0 && (r.left < b.left - 0.5 || r.right > b.right + 0.5)) out.push(`"${el.textContent?.trim()}" sticks out of the pane`);
    }
    return out;
  });
}

describe('the lesson pane at every size, in both themes', () => {
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${size.name} ${scheme}: Run shows the terminal, the goal turns met, a hint and a wrong answer's feedback`, async () => {
        mkdirSync(SHOTS, { recursive: true });
        const context = await ctx.browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
        const page = await context.newPage();
        const first = compiled.course.lessons[0]!.pages[0]!;
        await openLab(page, `${ctx.url}#/lessons/${first.id}`);
        const phone = size.name === 'phone';
        if (phone) await page.getByRole('tab', { name: 'Lesson' }).click();
        await page.getByRole('button', { name: 'Show a hint' }).click();
        const shown = await clickRun(page, page.locator('article.page .prose').getByRole('button', { name: 'Run', exact: true }).last());
        expect(shown[0]).toMatch(/\$ docker /);
        // On a phone the terminal came forward, so the learner saw the command typed.
        if (phone) {
          expect(await page.getByRole('tab', { name: 'Terminal' }).getAttribute('aria-selected')).toBe('true');
          // The Lesson tab says when the goal is reached behind it.
          await expect.poll(() => page.getByRole('tab', { name: 'Lesson' }).textContent(), { timeout: 30_000 }).toBe('Lesson✓, goal reached');
          await page.screenshot({ path: resolve(SHOTS, `${size.name}-${scheme}-run.png`) });
          await page.getByRole('tab', { name: 'Lesson' }).click();
        }
        await expect.poll(() => page.locator('.goal .summary').innerText(), { timeout: 30_000 }).toBe('Goal reached.');
        expect(await overflows(page)).toEqual([]);
        await page.screenshot({ path: resolve(SHOTS, `${size.name}-${scheme}-goal.png`) });

        const exercise = compiled.course.lessons[0]!.pages.at(-1)!;
        await page.goto(`${ctx.url}#/lessons/${exercise.id}`);
        await expect.poll(() => heading(page)).toBe(exercise.title);
        const q = exercise.questions.find((x) => x.kind === 'choice')!;
        const form = page.locator('form.question').filter({ hasText: q.ask.replace(/`/g, '') });
        await form.getByRole('radio').first().check();
        await form.getByRole('button', { name: 'Check answer' }).click();
        await expect.poll(() => form.locator('.feedback').innerText()).toMatch(/^✗ Not quite\. \S/);
        await form.scrollIntoViewIfNeeded();
        expect(await overflows(page)).toEqual([]);
        await page.screenshot({ path: resolve(SHOTS, `${size.name}-${scheme}-question.png`) });
        await page.getByRole('button', { name: '☰ Contents' }).click();
        await page.screenshot({ path: resolve(SHOTS, `${size.name}-${scheme}-contents.png`) });
        await context.close();
      }, 120_000);
    }
  }
});
