/**
 * The page budgets of design.md §9, measured in headless Chromium against
 * the built site (run `npm run build` first; `npm run bench:page` does):
 *
 * - time from navigation start to the first prompt in the terminal;
 * - JavaScript (gzipped) the page fetched before that prompt, and in all
 *   once the shell has run its first line;
 * - keystroke-to-echo latency (keydown to the frame that shows the echo);
 * - `docker image ls` with 50 images, Enter to the next prompt.
 *
 * Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, run, startPreview, waitForPrompt } from '../test/browser/harness.ts';

const DIST = resolve(import.meta.dirname, '../dist');
const PROMPT = 'learner@layerlab:~$';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const gzSize = (path: string): number => gzipSync(readFileSync(resolve(DIST, path)), { level: 9 }).length;

/** Milliseconds from navigation start to the frame where the prompt is in the terminal. */
async function promptTime(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (p) => (window.__layerlab?.lines().at(-1) === p ? performance.now() : false),
    PROMPT,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Median over 7 runs of typing `line` and Enter until `rows` more lines and the prompt are in the buffer, from the Enter keydown. */
async function enterToPrompt(page: Page, line: string, rows: number, prompt: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.type(line);
    await page.evaluate(() => window.__layerlab!.settled());
    const want = (await page.evaluate(() => window.__layerlab!.lines().length)) + rows + 1;
    await page.keyboard.press('Enter');
    const handle = await page.waitForFunction(
      ([n, p]) => {
        const lines = window.__layerlab!.lines();
        return lines.length >= (n as number) && lines.at(-1) === p ? performance.now() - (window as unknown as { __kd: number }).__kd : false;
      },
      [want, prompt] as const,
      { polling: 'raf' },
    );
    times.push((await handle.jsonValue()) as number);
  }
  return median(times);
}

const server = await startPreview();
const browser = await launchChromium();
try {
  // 1. Navigation to prompt, fresh profile each time (no HTTP or service worker cache).
  const times: number[] = [];
  let beforePrompt = new Set<string>();
  let all = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: Array<{ path: string; start: number }> = [];
    context.on('requestfinished', (r) => {
      // The service worker's precache downloads everything once the lab is up: not needed for the prompt.
      if (r.serviceWorker()) return;
      const path = new URL(r.url()).pathname.slice(1);
      if (path.endsWith('.js')) requests.push({ path, start: r.timing().startTime });
    });
    await page.goto(server.url);
    const at = await promptTime(page);
    times.push(at);
    // Requests started (wall clock) before the frame that showed the prompt.
    const promptWall = (await page.evaluate(() => performance.timeOrigin)) + at;
    await run(page, 'true');
    const js = new Set(requests.map((r) => r.path));
    const early = new Set(requests.filter((r) => r.start < promptWall).map((r) => r.path));
    if (i === 0) {
      beforePrompt = early;
      all = js;
    }
    await context.close();
  }
  const gz = (files: Set<string>): number => [...files].reduce((n, f) => n + gzSize(f), 0);
  console.log(`navigation → first prompt: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  console.log(`JS fetched before the prompt: ${kb(gz(beforePrompt))} gzipped in ${beforePrompt.size} files (${[...beforePrompt].sort().join(', ')})`);
  console.log(`JS after the first command: ${kb(gz(all))} gzipped in ${all.size} files`);

  // 2. Keystroke to echo, worker idle.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForPrompt(page);
  await run(page, 'true');
  await page.evaluate(() => {
    addEventListener('keydown', (e) => ((window as unknown as { __kd: number }).__kd = e.timeStamp), true);
  });
  const echo: number[] = [];
  const parsed: number[] = [];
  const text = 'echo the quick brown fox jumps over the lazy dog';
  for (const ch of text) {
    const col = (await page.evaluate(() => window.__layerlab!.cursor().col)) + 1;
    await page.keyboard.type(ch);
    const handle = await page.waitForFunction(
      (c) => (window.__layerlab!.cursor().col === c ? performance.now() - (window as unknown as { __kd: number }).__kd : false),
      col,
      { polling: 'raf' },
    );
    echo.push((await handle.jsonValue()) as number);
    parsed.push(await page.evaluate(() => window.__layerlab!.lastParsedAt() - (window as unknown as { __kd: number }).__kd));
  }
  console.log(`keystroke → echo in xterm's buffer: median ${median(parsed).toFixed(1)} ms, max ${Math.max(...parsed).toFixed(1)} ms`);
  console.log(`keystroke → echo (next frame): median ${median(echo).toFixed(1)} ms, max ${Math.max(...echo).toFixed(1)} ms over ${echo.length} keys`);
  await page.keyboard.press('Control+U');

  // 3. The terminal path alone: a 50-line listing from the shell, Enter to the next prompt.
  await run(page, 'mkdir -p fifty && cd fifty && for i in $(seq 1 50); do touch file$i; done');
  console.log(`ls -1 of 50 files, Enter → prompt: median ${(await enterToPrompt(page, 'ls -1', 50, 'learner@layerlab:~/fifty$')).toFixed(1)} ms`);
  await run(page, 'cd');

  // 4. docker image ls with 50 images, Enter to the next prompt.
  await run(page, 'docker pull -q alpine:3.21 && for i in $(seq 1 49); do docker tag alpine:3.21 app$i:v1; done; docker image ls -q | wc -l');
  const count = (await page.evaluate(() => window.__layerlab!.lines().at(-2))) ?? '';
  if (count.trim() !== '50') {
    console.log(`docker image ls with 50 images: not measured, setting up the images printed: ${JSON.stringify(count)}`);
  } else {
    console.log(`docker image ls, 50 images, Enter → prompt: median ${(await enterToPrompt(page, 'docker image ls', 51, PROMPT)).toFixed(1)} ms`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
