/** python3 in the built page: MicroPython's wasm is an emitted, precached asset that loads on first use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, useBrowser } from './harness.ts';

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
});
