/**
 * Underscores are drawn, in every font of the terminal's list that this
 * machine has (scripts/ensure-system.sh installs DejaVu Sans Mono and
 * Liberation Mono) and in the generic `monospace`: the screenshot of a row
 * of `_` must differ from a row of spaces by a line across the row. At
 * device pixel ratio 1 and line height 1, xterm's DOM renderer clipped
 * DejaVu Sans Mono's underscore away (it reaches below the font's descent):
 * `zealous_gagarin` read `zealous gagarin`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FONT_FAMILIES, cssFamily } from '../../src/lib/term-font.ts';
import { openLab, run, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const UNDERSCORES = '_'.repeat(40);

/** The fonts of the list that the browser has (a missing family falls back, so serif and sans-serif then differ). */
async function installed(page: Page): Promise<string[]> {
  return page.evaluate((families) => {
    const c = new OffscreenCanvas(1, 1).getContext('2d')!;
    const width = (font: string): number => {
      c.font = `40px ${font}`;
      return c.measureText('mmmmmmmmmmlli_W1').width;
    };
    return families.filter(
      (f) => f === 'monospace' || (width(`"${f}", serif`) !== width('serif') && width(`"${f}", serif`) === width(`"${f}", sans-serif`)),
    );
  }, FONT_FAMILIES as string[]);
}

/** Luminance of each pixel of a PNG, decoded by the page itself. */
async function pixels(page: Page, png: Buffer): Promise<{ width: number; height: number; lum: number[] }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    c.drawImage(bitmap, 0, 0);
    const d = c.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const lum: number[] = [];
    for (let i = 0; i < d.length; i += 4) lum.push(0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, lum };
  }, png.toString('base64'));
}

/**
 * A pixel column carries the underscore when some pixel of it is this far
 * from the background towards the text color. DejaVu Sans Mono's underscore
 * is 0.8 px thick at 13 px, anti-aliased over two pixel rows: it measures
 * 0.36 to 0.6 where drawn, 0 where clipped (Liberation Mono 0.5 to 0.8).
 */
const DRAWN = 0.3;

/**
 * How a row of underscores shows against a row of spaces: the share of the
 * row's pixel columns that carry the line, and whether the two screenshots
 * are identical.
 */
async function underscoreRow(page: Page, family: string, size: number): Promise<{ drawn: number; identical: boolean }> {
  await page.evaluate(([f, s]) => window.__layerlab!.setFont(f, s), [cssFamily(family), size] as const);
  await page.keyboard.press('Control+L');
  await run(page, `echo ${UNDERSCORES}`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const rows = page.locator('.xterm-rows > div');
  const texts = await rows.allTextContents();
  const at = texts.findIndex((t) => t.trim() === UNDERSCORES);
  const blank = texts.findIndex((t, i) => i > at + 1 && t.trim() === '');
  const cell = await page.evaluate(() => document.querySelector('.xterm-screen')!.getBoundingClientRect().width / window.__layerlab!.size().cols);
  const width = Math.floor(cell * UNDERSCORES.length);
  const clip = async (i: number) => {
    const r = (await rows.nth(i).boundingBox())!;
    return pixels(page, await page.screenshot({ clip: { x: r.x, y: r.y, width, height: r.height } }));
  };
  const under = await clip(at);
  const space = await clip(blank);
  const bg = space.lum[0]!;
  const fg = await page.evaluate(() => {
    const m = /\d+, *\d+, *\d+/.exec(getComputedStyle(document.querySelector('.xterm-rows')!).color)![0].split(',').map(Number);
    return 0.2126 * m[0]! + 0.7152 * m[1]! + 0.0722 * m[2]!;
  });
  let drawn = 0;
  for (let x = 0; x < under.width; x++) {
    let most = 0;
    for (let y = 0; y < under.height; y++) most = Math.max(most, Math.abs(under.lum[y * under.width + x]! - bg) / Math.abs(fg - bg));
    if (most >= DRAWN) drawn++;
  }
  const identical = under.height === space.height && under.lum.every((v, i) => v === space.lum[i]);
  return { drawn: Math.round((drawn / under.width) * 100) / 100, identical };
}

describe('underscores in the terminal', () => {
  it('are drawn in every installed font of the list, at sizes 12 to 16 px and device pixel ratio 1', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const page = await context.newPage();
    await openLab(page, ctx.url);
    const fonts = await installed(page);
    // The first choice must be there, or this test would prove nothing about what learners on Linux see.
    expect(fonts).toContain('DejaVu Sans Mono');
    const SIZES = [12, 13, 14, 15, 16];
    const seen: Record<string, { drawn: boolean; identical: boolean }> = {};
    for (const f of fonts) {
      for (const size of SIZES) {
        const r = await underscoreRow(page, f, size);
        // Nearly every pixel column of the row carries the line (the cells' edges may blend).
        seen[`${f} ${size}px`] = { drawn: r.drawn >= 0.9, identical: r.identical };
      }
    }
    expect(seen).toEqual(Object.fromEntries(fonts.flatMap((f) => SIZES.map((s) => [`${f} ${s}px`, { drawn: true, identical: false }]))));
    await context.close();
  });
});
