/**
 * Ctrl-C at the page's terminal while `docker attach` waits on a container
 * whose PID 1 (`sleep`) ignores SIGINT: as with docker CLI 28.2 in a real
 * terminal (recorded in tmux against the oracle engine), the CLI forwards each
 * press, stays attached for two, and gives up at the third, leaving the
 * container running. Screenshot: test/artifacts/ctrl-c-attach.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, settle, tail, type, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });

describe('Ctrl-C during docker attach', () => {
  it('echoes ^C, stays attached, and the third press ends the CLI with status 1', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    await run(page, 'docker run -d --name sig-a alpine sleep 1000 > /dev/null');
    await type(page, 'docker attach sig-a');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => window.__layerlab?.lines().at(-1) === '^C^C', undefined, { timeout: 30_000 });
    await page.keyboard.press('Control+C');
    await waitForPrompt(page);
    await run(page, "docker ps --format '{{.Names}} {{.State}}'; echo $?");
    mkdirSync('test/artifacts', { recursive: true });
    await page.screenshot({ path: 'test/artifacts/ctrl-c-attach.png' });
    expect(await tail(page, 7)).toEqual([
      'learner@layerlab:~$ docker attach sig-a',
      '^C^C^C',
      'got 3 SIGTERM/SIGINTs, forcefully exiting',
      "learner@layerlab:~$ docker ps --format '{{.Names}} {{.State}}'; echo $?",
      'sig-a running',
      '0',
      'learner@layerlab:~$',
    ]);
    await settle(page);
    await page.close();
  }, 120_000);
});
