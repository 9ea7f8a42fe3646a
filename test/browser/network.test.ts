/** The lab network in the built page: nginx by name from another container, and through -p from the host shell's curl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('the lab network in the page', () => {
  it('a container wgets nginx by name on a user network; the host curls its published port', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openLab(page, ctx.url);
    await run(page, 'docker pull -q nginx');
    await run(page, 'docker pull -q alpine');
    await run(page, 'docker network create net1 > /dev/null');
    await run(page, 'docker run -d --name web --network net1 -p 8080:80 nginx > /dev/null');
    const before = (await screen(page)).length;
    await run(page, 'docker run --rm --network net1 alpine wget -qO- web | grep title');
    await run(page, 'curl -s localhost:8080 | grep h1');
    await run(page, 'curl https://example.com');
    expect((await screen(page)).slice(before - 1)).toEqual([
      'learner@layerlab:~$ docker run --rm --network net1 alpine wget -qO- web | grep title',
      '<title>Welcome to nginx!</title>',
      'learner@layerlab:~$ curl -s localhost:8080 | grep h1',
      '<h1>Welcome to nginx!</h1>',
      'learner@layerlab:~$ curl https://example.com',
      'curl: (6) Could not resolve host: example.com',
      'learner@layerlab:~$',
    ]);
    await page.close();
  }, 180_000);
});
