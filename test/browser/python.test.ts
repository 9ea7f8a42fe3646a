/** python3 in the built page: MicroPython's wasm is an emitted, precached asset that loads on first use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('python in the page', () => {
  it('docker run python:3.9-slim python -c runs real Python (json, comprehensions) and exits with its code', async () => {
    // Wide enough that the command line does not wrap.
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q python:3.9-slim');
    const before = (await screen(page)).length;
    await run(page, `docker run --rm python:3.9-slim python -c 'import json; print(json.dumps({"a": [1, 2]}))'`);
    await run(page, `docker run --rm python:3.9-slim python -c 'exit(3)'; echo $?`);
    expect((await screen(page)).slice(before - 1)).toEqual([
      `learner@layerlab:~$ docker run --rm python:3.9-slim python -c 'import json; print(json.dumps({"a": [1, 2]}))'`,
      '{"a": [1, 2]}',
      `learner@layerlab:~$ docker run --rm python:3.9-slim python -c 'exit(3)'; echo $?`,
      '3',
      'learner@layerlab:~$',
    ]);
    const precached = await page.evaluate(async () => (await (await fetch('sw.js')).text()).match(/micropython-[\w-]+\.wasm/)?.[0] ?? null);
    expect(precached).toMatch(/^micropython-[\w-]+\.wasm$/);
    await page.close();
  });

  it('docker run -it python:3.9-slim python opens CPython\'s prompt: banner, values, blocks, exit()', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q python:3.9-slim');
    const before = (await screen(page)).length;
    await run(page, 'docker run -it --rm python:3.9-slim python');
    for (const line of ['x = 6', 'x * 7', 'for i in range(2):', '    print(i)', '', 'exit()']) await run(page, line);
    await waitForPrompt(page);
    expect((await screen(page)).slice(before - 1)).toEqual([
      'learner@layerlab:~$ docker run -it --rm python:3.9-slim python',
      'Python 3.9.23 (main, Jul 22 2025, 02:35:41)',
      '[GCC 12.2.0] on linux',
      'Type "help", "copyright", "credits" or "license" for more information.',
      '>>> x = 6',
      '>>> x * 7',
      '42',
      '>>> for i in range(2):',
      '...     print(i)',
      '...',
      '0',
      '1',
      '>>> exit()',
      'learner@layerlab:~$',
    ]);
    await page.close();
  });
});
