/**
 * The layer view with 50 images and 20 containers (issue 11: a state change
 * redraws within one frame). Two parts, figures only, no assertions:
 *
 * - worker: the view model of a lab built by real commands (alpine, 49
 *   one-COPY builds, 20 containers that each delete a lower file and change
 *   another), computed cold (every container's changes read) and warm (after
 *   a one-tag change, as after most commands); and its size on the wire;
 * - page (needs `npx vite build` first): the same lab typed into the built
 *   page; then `docker tag` is run and timed from Enter to the view drawing
 *   the new tag, with the longest animation frame while it redrew and the
 *   view's DOM size.
 *
 *   npx tsx bench/layer-view.ts [images=50] [containers=20]
 */
import type { Page } from 'playwright-core';
import { builderSession } from '../test/builder/helpers.ts';
import { layerView } from '../worker/layers/service.ts';
import { launchChromium, openLab, run, startPreview } from '../test/browser/harness.ts';

const [IMAGES, CONTAINERS] = [50, 20].map((d, i) => Number(process.argv[2 + i] ?? d));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** The lines that build the lab: alpine, IMAGES - 1 builds, CONTAINERS containers. */
const LINES = [
  'docker pull -q alpine',
  'mkdir b && cd b',
  `for i in $(seq 1 ${IMAGES - 1}); do echo $i > f; printf 'FROM alpine\\nCOPY f /f\\nCMD ["cat","/f"]\\n' > Dockerfile; docker build -q -t app$i:v1 . > /dev/null; done`,
  `for i in $(seq 1 ${CONTAINERS}); do docker run --name c$i app$i:v1 sh -c "echo $i >> /etc/os-release; rm /etc/motd"; done`,
];

async function worker(): Promise<void> {
  const s = await builderSession([]);
  for (const l of LINES) {
    const r = await s.line(l);
    if (r.rc !== 0) throw new Error(`${l}: ${r.stderr}`);
  }
  const engine = (await s.session.engine!(true))!;
  const t0 = performance.now();
  const cold = await layerView(engine);
  const coldMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) {
    await s.line(`docker tag alpine moved:v${i}`);
    const t = performance.now();
    await layerView(engine);
    warm.push(performance.now() - t);
  }
  const bytes = JSON.stringify(cold).length;
  console.log(`worker: ${cold.shown.length} images, ${Object.keys(cold.layers).length} layers, ${Object.keys(cold.containers).length} containers`);
  console.log(`  model, cold (reads every container's writable layer): ${ms(coldMs)}`);
  console.log(`  model after a docker tag (median of 30): ${ms(median(warm))}, max ${ms(Math.max(...warm))}`);
  console.log(`  model size as JSON: ${(bytes / 1024).toFixed(1)} KB`);
}

/** Runs `line` and times Enter → the view drawing `expect`, with the longest frame meanwhile. */
async function timedChange(page: Page, line: string, expect: string): Promise<{ total: number; longestFrame: number }> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  // A string, not a function: tsx would wrap the named callback in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__drawnAt = 0;
    const view = document.querySelector('.layers');
    const seen = new MutationObserver(() => {
      if (!window.__drawnAt && view.textContent.includes(${JSON.stringify(expect)})) window.__drawnAt = performance.now();
    });
    seen.observe(view, { subtree: true, childList: true, characterData: true });
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  const end = (await (await page.waitForFunction(() => (window as unknown as { __drawnAt: number }).__drawnAt || false, undefined, { timeout: 60_000 })).jsonValue()) as number;
  // The frame that paints the change ends after the mutation: wait for it, then stop.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  return { total: end - start, longestFrame: Math.max(...frames.slice(1)) };
}

async function browser(): Promise<void> {
  const server = await startPreview();
  const chromium = await launchChromium();
  try {
    const page = await (await chromium.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await openLab(page, server.url);
    for (const l of LINES) await run(page, l);
    await page.waitForFunction((n) => document.querySelectorAll('.forest .image').length >= n, IMAGES, { timeout: 120_000 });
    const results: Array<{ total: number; longestFrame: number }> = [];
    for (let i = 0; i < 7; i++) results.push(await timedChange(page, `docker tag alpine moved:v${i}`, `moved:v${i}`));
    const nodes = await page.evaluate(() => document.querySelectorAll('.layers *').length);
    console.log(`page: ${await page.locator('.forest .image').count()} images, ${await page.locator('.forest .container').count()} containers drawn, ${nodes} DOM elements in the view`);
    console.log(`  docker tag, Enter to the new tag drawn (median of 7): ${ms(median(results.map((r) => r.total)))}`);
    console.log(`  longest frame while it ran and redrew (median of 7): ${ms(median(results.map((r) => r.longestFrame)))}, worst ${ms(Math.max(...results.map((r) => r.longestFrame)))}`);
  } finally {
    await chromium.close();
    await server.stop();
  }
}

await worker();
await browser();
