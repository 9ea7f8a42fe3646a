/**
 * Issue 8: a reload while the terminal is inside `docker run -it` loses
 * nothing. Keys typed into the built page: `apk add bash` in an alpine
 * container, a reload, then the page is back inside the container shell
 * (a one-line note, the shell's directory and variables kept), and after
 * `exit` `docker diff` lists bash's files and a commit has /bin/bash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, tail, useBrowser, waitForPrompt } from './harness.ts';
import { BASH_DIFF } from '../containers/bash-diff.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const HOST = 'learner@layerlab:~$';

/** The lines a command printed: from its command line to the next prompt, both excluded. */
async function outputOf(page: import('playwright-core').Page, commandLine: string): Promise<string[]> {
  const lines = await screen(page);
  const at = lines.lastIndexOf(commandLine);
  return lines.slice(at + 1, lines.length - 1);
}

describe('reload inside a container terminal', () => {
  it('keeps what the container wrote and brings the learner back into its shell', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openLab(page, ctx.url);
    await run(page, 'docker run -it --name box alpine');
    await waitForPrompt(page, '/ #');
    await run(page, 'apk add bash');
    expect(await tail(page, 2)).toEqual(['OK: 9 MiB in 20 packages', '/ #']);
    await run(page, 'cd /etc; NOTE=kept');
    expect(await tail(page, 2)).toEqual(['/ # cd /etc; NOTE=kept', '/etc #']);

    await page.reload();
    await waitForPrompt(page, '/etc #');
    await page.screenshot({ path: 'test/artifacts/container-reload.png' });
    // The screen of before the reload, then the note where the host prompt was drawn while the lab loaded.
    expect(await tail(page, 4)).toEqual([
      'OK: 9 MiB in 20 packages',
      '/ # cd /etc; NOTE=kept',
      'layerlab: reattached to container box (the page was reloaded)',
      '/etc #',
    ]);
    await run(page, 'pwd; echo $NOTE; ls /bin/bash');
    expect(await tail(page, 5)).toEqual(['/etc # pwd; echo $NOTE; ls /bin/bash', '/etc', 'kept', '/bin/bash', '/etc #']);
    await run(page, 'exit');
    await waitForPrompt(page, HOST);
    await run(page, 'docker diff box');
    expect(await outputOf(page, `${HOST} docker diff box`)).toEqual(BASH_DIFF.trimEnd().split('\n'));
    expect(await tail(page, 1)).toEqual([HOST]);
    await run(page, 'docker commit box alpine:bash > /dev/null && docker run --rm alpine:bash ls /bin/bash');
    expect(await tail(page, 2)).toEqual(['/bin/bash', HOST]);
    await context.close();
  }, 120_000);
});
