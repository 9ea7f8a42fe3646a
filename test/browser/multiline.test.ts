/**
 * Commands typed over several lines in the built page: a here-document, a
 * backslash-newline and a pasted block, each as bash runs them (PS2 `> `
 * lines, the file written, the output after the last line).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openLab, run, settle, tail, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const PS1 = 'learner@layerlab:~$';

/** Pastes `text` as the browser does (a paste event on xterm's textarea). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const area = document.querySelector('.xterm-helper-textarea')!;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await settle(page);
}

describe('multi-line commands in the page', () => {
  it('reads a typed here-document and a continued line on PS2, then runs a pasted block as typed', async () => {
    const page = await ctx.browser.newPage();
    await openLab(page, ctx.url);
    for (const line of ['cat > Dockerfile <<EOF', 'FROM alpine', 'COPY . /app', 'CMD ["sh"]', 'EOF']) await run(page, line);
    await run(page, 'cat Dockerfile');
    await run(page, 'echo one \\');
    await run(page, 'two');
    expect(await tail(page, 13)).toEqual([
      `${PS1} cat > Dockerfile <<EOF`,
      '> FROM alpine',
      '> COPY . /app',
      '> CMD ["sh"]',
      '> EOF',
      `${PS1} cat Dockerfile`,
      'FROM alpine',
      'COPY . /app',
      'CMD ["sh"]',
      `${PS1} echo one \\`,
      '> two',
      'one two',
      PS1,
    ]);
    await paste(page, 'cat > app.sh <<\'EOF\'\necho "$HOME"\nEOF\nfor f in Dockerfile app.sh\ndo wc -l $f\ndone\n');
    expect(await tail(page, 9)).toEqual([
      `${PS1} cat > app.sh <<'EOF'`,
      '> echo "$HOME"',
      '> EOF',
      `${PS1} for f in Dockerfile app.sh`,
      '> do wc -l $f',
      '> done',
      '3 Dockerfile',
      '1 app.sh',
      PS1,
    ]);
    await run(page, 'cat app.sh');
    expect(await tail(page, 3)).toEqual([`${PS1} cat app.sh`, 'echo "$HOME"', PS1]);
    // For people to look at: the PS2 lines as the terminal draws them.
    await page.screenshot({ path: resolve(import.meta.dirname, '../artifacts/screenshots/multiline.png') });
    await page.close();
  });
});
