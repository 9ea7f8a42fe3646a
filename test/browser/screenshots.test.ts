/**
 * Screenshots of the page at desktop (1280x800), small laptop (1024x700),
 * tablet (768x1024) and phone (390x844) sizes in both themes, kept in
 * test/artifacts/screenshots/ for people to look at. The assertions check
 * what a screenshot cannot: the layout that was chosen (side by side,
 * stacked, or one region at a time), the theme in effect, and that every
 * control is reachable with the keyboard. test/browser/layout.test.ts checks
 * that nothing is cut off.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const OUT = resolve(import.meta.dirname, '../artifacts/screenshots');

const SIZES = [
  { name: 'desktop', width: 1280, height: 800, layout: 'side by side' },
  { name: 'laptop', width: 1024, height: 700, layout: 'side by side' },
  { name: 'tablet', width: 768, height: 1024, layout: 'stacked' },
  { name: 'phone', width: 390, height: 844, layout: 'tabs' },
] as const;

describe('screenshots', () => {
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${size.name} ${scheme}`, async () => {
        mkdirSync(OUT, { recursive: true });
        const context = await ctx.browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await openLab(page, ctx.url);
        await run(page, 'docker pull -q alpine:3.21');
        await run(page, 'docker image history alpine:3.21');
        await run(page, 'echo zealous_gagarin x86_64');
        await run(page, 'mkdir -p hello && cd hello');
        await run(page, "printf 'FROM alpine:3.21\\nCMD [\"echo\", \"hi\"]\\n' > Dockerfile && cat Dockerfile");
        await page.screenshot({ path: resolve(OUT, `${size.name}-${scheme}.png`) });
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        const tabs = await page.getByRole('tablist').count();
        const orientation = await page.locator('[role=separator]').first().getAttribute('aria-orientation');
        const layout = tabs > 0 ? 'tabs' : orientation === 'horizontal' ? 'stacked' : 'side by side';
        expect({ theme, layout }).toEqual({ theme: scheme, layout: size.layout });
        if (size.layout === 'tabs') {
          await page.getByRole('tab', { name: 'Lesson' }).click();
          await page.screenshot({ path: resolve(OUT, `${size.name}-${scheme}-lesson.png`) });
          await page.getByRole('button', { name: 'Menu' }).click();
          await page.screenshot({ path: resolve(OUT, `${size.name}-${scheme}-menu.png`) });
        }
        await context.close();
      });
    }
  }

  it('reaches every control with Tab, and switches the theme from the keyboard', async () => {
    const context = await ctx.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(ctx.url);
    await page.waitForFunction(() => window.__layerlab !== undefined);
    const active = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement!;
        // The lesson's own content (a code block that scrolls is focusable) belongs to the lessons.
        if (el.closest('.lesson') && !el.matches('.lesson')) return 'in the lesson';
        return el.getAttribute('aria-label') ?? el.textContent?.trim().split('\n')[0] ?? el.tagName;
      });
    // The terminal has the focus at start; Tab completes there, Shift+Tab leaves it.
    expect(await active()).toEqual('Terminal input');
    await page.keyboard.press('Tab');
    expect(await active()).toEqual('Terminal input');
    const reached: string[] = [];
    while (reached.length < 8) {
      await page.keyboard.press('Shift+Tab');
      const now = await active();
      if (now !== 'in the lesson') reached.push(now);
    }
    expect(reached).toEqual(['Resize the lesson pane', 'SystemLightDark', 'Keys', 'Simulated engineRunner', 'Import lab', 'Export lab', 'Reset lab', 'Hide lesson']);
    // Past the first control, focus wraps round to the last: the layer view's divider.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await active()).toEqual('Resize the layer view');
    // The dividers move with the arrow keys, 2% a press.
    const divider = page.getByRole('separator', { name: 'Resize the lesson pane' });
    const before = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(Number(await divider.getAttribute('aria-valuenow')) - before).toEqual(10);
    await page.getByLabel('Theme').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await context.close();
  });
});
