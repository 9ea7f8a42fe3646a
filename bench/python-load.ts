/**
 * python3's first use: MicroPython's wasm loaded on demand (micropython.ts).
 *
 * - Node: the first interpreter (import of the module, compiling the wasm), the next
 *   ones, and a whole `python3 -c` process in python:3.9-slim (copying the
 *   container's files in and out included).
 * - Page (built site, `npm run build` first): Enter to the next prompt for the first
 *   `docker run python:3.9-slim python -c …` after the image is pulled (wasm fetched
 *   and compiled) and for the second.
 * - Sizes of the python chunks and the wasm in dist/.
 *
 * Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newMicroPython } from '../worker/programs/apps/micropython.ts';
import { imageFs, run } from '../test/programs/fixture.ts';
import { launchChromium, run as typeLine, startPreview, waitForPrompt } from '../test/browser/harness.ts';

const io = { stdin: () => null, stdout: () => undefined, stderr: () => undefined };
let t = performance.now();
await newMicroPython(io);
console.log(`Node: first interpreter ${(performance.now() - t).toFixed(0)} ms`);
const next: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await newMicroPython(io);
  next.push(performance.now() - t);
}
console.log(`Node: next interpreters ${next.map((x) => x.toFixed(1)).join(', ')} ms`);
const fs = await imageFs('python', '3.9-slim');
for (let i = 0; i < 3; i++) {
  t = performance.now();
  await run(fs, ['python3', '-c', 'print(1)']);
  console.log(`Node: python3 -c process ${(performance.now() - t).toFixed(0)} ms`);
}

const DIST = resolve(import.meta.dirname, '../dist/assets');
for (const f of readdirSync(DIST).filter((f) => /^(micropython|python)-.*\.(js|wasm)$/.test(f))) {
  const b = readFileSync(resolve(DIST, f));
  console.log(`dist/assets/${f}: ${(b.length / 1024).toFixed(1)} KB, ${(gzipSync(b, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`);
}

const server = await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(server.url);
  await waitForPrompt(page);
  await typeLine(page, 'docker pull -q python:3.9-slim');
  for (const label of ['first', 'second']) {
    await page.keyboard.type(`docker run --rm python:3.9-slim python -c 'print(6 * 7)'`);
    await page.evaluate(() => window.__layerlab!.settled());
    const want = (await page.evaluate(() => window.__layerlab!.lines().length)) + 2;
    const start = await page.evaluate(() => performance.now());
    await page.keyboard.press('Enter');
    const handle = await page.waitForFunction(
      ([n, s]) => {
        const lines = window.__layerlab!.lines();
        return lines.length >= (n as number) && lines.at(-1) === 'learner@layerlab:~$' ? performance.now() - (s as number) : false;
      },
      [want, start] as const,
      { polling: 'raf', timeout: 30_000 },
    );
    console.log(`Page: ${label} docker run … python -c, Enter → prompt ${((await handle.jsonValue()) as number).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}
