/**
 * The page fits the window at every size: nothing is cut off or pushed out
 * (the document no wider than the window, every header control visible and
 * inside it, xterm's columns inside their box), whatever the splitter is
 * dragged to or what a previous visit stored; the lesson pane collapses to
 * widen the terminal and stays so after a reload; a phone shows one region
 * at a time with the controls in a menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openLab, run, screen, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

const WINDOWS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Everything that does not fit, as sentences (empty when the page fits).
 * Header controls folded into the phone's menu are checked with the menu open.
 */
async function misfits(page: Page): Promise<string[]> {
  // A resize reaches xterm through a ResizeObserver callback and its next render: let both happen first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const w = innerWidth;
    const h = innerHeight;
    for (const el of [document.documentElement, document.body, document.querySelector('.app')!, document.querySelector('main')!]) {
      if (el.scrollWidth > w) out.push(`${el.tagName.toLowerCase()}.${el.className} is ${el.scrollWidth} px wide in a ${w} px window`);
    }
    const inside = (el: Element, what: string): void => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) out.push(`${what} is not shown`);
      else if (r.left < 0 || r.top < 0 || r.right > w + 0.5 || r.bottom > h + 0.5)
        out.push(`${what} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)} is outside ${w}x${h}`);
    };
    for (const el of document.querySelectorAll('header button:not(dialog *), header select, .status > span')) {
      if (el.classList.contains('menu-button') && getComputedStyle(el).display === 'none') continue;
      if (el.classList.contains('notice') && el.textContent === '') continue;
      inside(el, `"${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().split('\n')[0]}"`);
    }
    // xterm's rows and its scrollbar (14 px, addon-fit's allowance) inside the terminal's box.
    const box = document.querySelector('div.terminal[aria-label=Terminal]')!.getBoundingClientRect();
    const scr = document.querySelector('.xterm-screen')!.getBoundingClientRect();
    if (box.width > 0 && (scr.right + 14 > box.right + 0.5 || scr.bottom > box.bottom + 0.5))
      out.push(`xterm's ${Math.round(scr.width)}x${Math.round(scr.height)} px screen (+14 px scrollbar) overflows its ${Math.round(box.width)}x${Math.round(box.height)} px box`);
    return out;
  });
  if (await menu.isVisible()) await menu.click();
  return problems;
}

async function openAt(size: { width: number; height: number }): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await openLab(page, ctx.url);
  return page;
}

const cols = (page: Page): Promise<number> => page.evaluate(() => window.__layerlab!.size().cols);
const divider = (page: Page) => page.getByRole('separator', { name: 'Resize the lesson pane' });

describe('the page at every window size', () => {
  for (const size of WINDOWS) {
    it(`fits a ${size.width}x${size.height} window`, async () => {
      const page = await openAt(size);
      // A line longer than the terminal is wide: xterm wraps it, the page does not grow.
      await run(page, `printf '%0300d\\n' 0`);
      expect(await misfits(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('puts the chapters\' tables on one line each at 1280x800: 120 columns and more', async () => {
    const page = await openAt({ width: 1280, height: 800 });
    expect(await cols(page)).toBeGreaterThanOrEqual(120);
    await run(page, 'docker pull -q alpine:3.21');
    await run(page, 'docker image history alpine:3.21');
    const lines = await screen(page);
    const from = lines.lastIndexOf('learner@layerlab:~$ docker image history alpine:3.21');
    // The header and the image's two layers, each on one row (111 columns: 100 would wrap them).
    expect(lines.slice(from + 1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['IMAGE', expect.stringMatching(/^[0-9a-f]{12}$/), '<missing>', 'learner@layerlab:~$']);
    await page.context().close();
  });
});

describe('the lesson splitter', () => {
  for (const size of [WINDOWS[2], WINDOWS[3]]) {
    it(`keeps the page inside a ${size.width} px window when dragged or moved by keys beyond its limits, after a reload too`, async () => {
      const page = await openAt(size);
      const handle = divider(page);
      const box = (await handle.boundingBox())!;
      const y = box.y + box.height / 2;
      const results: Record<string, string[]> = {};
      for (const [name, dx] of [
        ['60 px left', -60],
        ['to the left edge', -2000],
        ['to the right edge', 4000],
      ] as const) {
        const at = (await handle.boundingBox())!;
        await page.mouse.move(at.x + 3, y);
        await page.mouse.down();
        await page.mouse.move(at.x + 3 + dx / 2, y, { steps: 4 });
        await page.mouse.move(at.x + 3 + dx, y, { steps: 4 });
        await page.mouse.up();
        results[name] = await misfits(page);
      }
      await handle.focus();
      for (const key of ['ArrowLeft', 'ArrowLeft', 'Home', 'ArrowLeft', 'End', 'ArrowRight', 'PageDown']) {
        await page.keyboard.press(key);
        results[key] = await misfits(page);
      }
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowLeft');
      const stored = await page.evaluate(() => localStorage.getItem('layerlab:split:lesson'));
      await page.reload();
      await page.waitForFunction(() => window.__layerlab?.lines().at(-1) === 'learner@layerlab:~$');
      results.reloaded = await misfits(page);
      expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
      // Home put the lesson at its 240 px minimum, and that is what came back.
      expect(Number(stored)).toBeCloseTo((240 / size.width) * 100, 0);
      await page.context().close();
    });
  }

  it('recovers from any size a previous visit stored', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 700 } });
    const page = await context.newPage();
    await openLab(page, ctx.url);
    const found: Record<string, { problems: string[]; valuenow: number }> = {};
    for (const stored of ['2433', '-60', '0', '100', 'NaN', 'nonsense', '1e309']) {
      await page.evaluate((s) => localStorage.setItem('layerlab:split:lesson', s), stored);
      await page.reload();
      await page.waitForFunction(() => window.__layerlab?.lines().at(-1) === 'learner@layerlab:~$');
      const valuenow = Number(await divider(page).getAttribute('aria-valuenow'));
      found[stored] = { problems: await misfits(page), valuenow: valuenow >= 10 && valuenow <= 70 ? 1 : valuenow };
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, { problems: [], valuenow: 1 }])));
    await context.close();
  });
});

describe('the lesson pane', () => {
  it('collapses to widen the terminal, and stays collapsed after a reload', async () => {
    const page = await openAt({ width: 1280, height: 800 });
    const narrow = await cols(page);
    await page.getByRole('button', { name: 'Hide lesson' }).click();
    await page.waitForFunction((n) => window.__layerlab!.size().cols > n, narrow);
    const wide = await cols(page);
    await page.reload();
    await page.waitForFunction(() => window.__layerlab?.lines().at(-1) === 'learner@layerlab:~$');
    const after = { cols: await cols(page), lesson: await page.locator('.lesson').isVisible(), toggle: await page.getByRole('button', { name: 'Show lesson' }).getAttribute('aria-pressed') };
    expect({ narrow: narrow >= 120, wide: wide >= 155, after }).toEqual({ narrow: true, wide: true, after: { cols: wide, lesson: false, toggle: 'true' } });
    expect(await misfits(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show lesson' }).click();
    await page.waitForFunction((n) => window.__layerlab!.size().cols === n, narrow);
    await page.context().close();
  });
});

describe('a phone', () => {
  it('shows lesson, terminal and layers one at a time, the controls in a menu, xterm as wide as the screen', async () => {
    const page = await openAt({ width: 390, height: 844 });
    await run(page, 'echo zealous_gagarin');
    const visible = async (): Promise<string[]> => {
      const shown: string[] = [];
      for (const [name, sel] of [
        ['lesson', '.lesson'],
        ['terminal', 'div.terminal[aria-label=Terminal]'],
        ['layers', '.layers'],
      ] as const)
        if (await page.locator(sel).isVisible()) shown.push(name);
      return shown;
    };
    const before = await page.evaluate(() => window.__layerlab!.size());
    const seen: Record<string, string[]> = { start: await visible() };
    for (const tab of ['Lesson', 'Layers', 'Terminal']) {
      await page.getByRole('tab', { name: tab }).click();
      seen[tab] = await visible();
    }
    expect(seen).toEqual({ start: ['terminal'], Lesson: ['lesson'], Layers: ['layers'], Terminal: ['terminal'] });
    // Hidden meanwhile, the terminal kept its size (no reflow of its lines to a zero-width box).
    expect(await page.evaluate(() => window.__layerlab!.size())).toEqual(before);
    expect((await screen(page)).slice(-2)).toEqual(['zealous_gagarin', 'learner@layerlab:~$']);
    // xterm takes the screen's width, less its padding and scrollbar: 390 - 8 - 14 px of 7.8 px cells.
    expect(before.cols).toEqual(47);
    // The controls are in the menu, hidden until it opens.
    expect(await page.getByRole('button', { name: 'Export lab' }).isVisible()).toEqual(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('button', { name: 'Export lab' }).isVisible()).toEqual(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Export lab' }).isVisible()).toEqual(false);
    expect(await misfits(page)).toEqual([]);
    await page.context().close();
  });
});
