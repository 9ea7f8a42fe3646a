/**
 * The page switched to a runner: the Engine control in the header connects
 * the terminal's docker to a real engine, the status bar says so, a
 * container runs, `docker run -it` is a live shell (xterm answers its
 * terminal queries itself), and switching back gives the simulated engine
 * and its images again. The runner is runner/main.ts in its own process, as
 * an operator starts it (test/runner/page/production-runner.ts): the real
 * policy, a dockerd per session, gVisor where it works. Screenshots of the control
 * and the status bar: test/artifacts/runner-*.png (desktop, tablet, phone;
 * light and dark).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, tail, type, useBrowser, waitForPrompt } from './harness.ts';
import { startProductionRunner, type ProductionRunner } from '../runner/page/production-runner.ts';

const ctx = useBrowser({ beforeAll, afterAll });
let runner: ProductionRunner;
beforeAll(async () => {
  runner = await startProductionRunner([new URL(ctx.url).origin]);
}, 180_000);
afterAll(async () => {
  await runner?.stop();
});

const status = (page: Page) => page.locator('footer.status .engine').innerText();

async function connect(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('runner');
  await page.getByLabel('Runner address').fill(runner.url);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.waitForFunction(() => document.querySelector('footer.status .engine')?.textContent?.startsWith('engine: runner'), undefined, { timeout: 30_000 });
}

async function shoot(page: Page, name: string, size: { width: number; height: number }, phone = false): Promise<void> {
  await page.setViewportSize(size);
  for (const theme of ['light', 'dark'] as const) {
    if (phone) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Theme').selectOption(theme);
    if (phone && (await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')) !== 'true') await page.getByRole('button', { name: 'Menu' }).click();
    await page.screenshot({ path: `test/artifacts/runner-${name}-${theme}.png` });
    if (phone) await page.keyboard.press('Escape');
  }
}

describe('the page on a runner', () => {
  it('runs docker on a real engine, -it live, and back to the simulator', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openLab(page, ctx.url);
    await run(page, 'docker pull hello-world > /dev/null');
    await run(page, "docker images --format '{{.Repository}}'");
    expect(await tail(page, 2)).toEqual(['hello-world', 'learner@layerlab:~$']);
    expect(await status(page)).toBe('Simulated engine (Docker 28.5)');

    await connect(page);
    const created = await runner.until((l) => l.event === 'session created');
    expect(await status(page)).toBe(`engine: runner ${String(created.engine)} at ${new URL(runner.url).host}`);
    await run(page, 'docker run --rm alpine echo hi');
    await run(page, "docker images --format '{{.Repository}}'");
    expect(await tail(page, 5)).toEqual(['learner@layerlab:~$ docker run --rm alpine echo hi', 'hi', "learner@layerlab:~$ docker images --format '{{.Repository}}'", 'alpine', 'learner@layerlab:~$']);

    // A live shell in a real container: ash asks xterm for the cursor position and xterm answers by itself.
    await type(page, 'docker run -it --rm alpine sh');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__layerlab?.lines().at(-1) === '/ #', undefined, { timeout: 30_000 });
    await type(page, 'echo hi');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__layerlab?.lines().slice(-2).join('\n') === 'hi\n/ #', undefined, { timeout: 30_000 });
    mkdirSync('test/artifacts', { recursive: true });
    await shoot(page, 'desktop', { width: 1280, height: 800 });
    await type(page, 'exit');
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
    expect(await tail(page, 4)).toEqual(['/ # echo hi', 'hi', '/ # exit', 'learner@layerlab:~$']);
    await shoot(page, 'tablet', { width: 768, height: 1024 });
    await shoot(page, 'phone', { width: 390, height: 844 }, true);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('combobox', { name: 'Engine' }).selectOption('simulated');
    await page.waitForFunction(() => document.querySelector('footer.status .engine')?.textContent === 'Simulated engine (Docker 28.5)', undefined, { timeout: 30_000 });
    await run(page, "docker images --format '{{.Repository}}'");
    expect(await tail(page, 3)).toEqual(["learner@layerlab:~$ docker images --format '{{.Repository}}'", 'hello-world', 'learner@layerlab:~$']);
    // Switching back said bye: the runner ended the session and removed its engine.
    await runner.until((l) => l.event === 'session ended' && l.id === created.id);
    await expect.poll(() => runner.sessionDirs(), { timeout: 30_000 }).toEqual([]);
    await settle(page);
    await page.close();
  }, 240_000);

  it("shows a lesson's Try on a real engine note, stressed once a runner answers", async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openLab(page, `${ctx.url}#/lessons/doing-more-with-images/build`);
    const note = page.locator('aside.real-engine');
    await note.scrollIntoViewIfNeeded();
    expect(await note.locator('.hint').innerText()).toBe('Needs a runner: pick Runner under Engine in the header and connect; the simulator stays the default.');
    await note.screenshot({ path: 'test/artifacts/runner-note-simulated.png' });
    await connect(page);
    await note.scrollIntoViewIfNeeded();
    expect(await note.locator('.hint').count()).toBe(0);
    expect(await note.getAttribute('class')).toMatch(/\blive\b/);
    await note.screenshot({ path: 'test/artifacts/runner-note-live.png' });
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('simulated');
    await page.waitForFunction(() => document.querySelector('footer.status .engine')?.textContent === 'Simulated engine (Docker 28.5)', undefined, { timeout: 30_000 });
    await page.close();
  }, 120_000);

  it('says plainly when the runner refuses the page or cannot be reached', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openLab(page, ctx.url);
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('runner');
    await page.getByLabel('Runner address').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 }).toBe("the runner at http://127.0.0.1:9 is unreachable (is it running, and does it allow this page's origin?)");
    expect(await status(page)).toBe('Simulated engine (Docker 28.5)');
    await page.screenshot({ path: 'test/artifacts/runner-unreachable.png' });
    await page.close();
  }, 120_000);
});
