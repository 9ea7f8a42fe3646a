/**
 * Copy and paste in the page's terminal, with the browser's clipboard
 * permissions granted: Ctrl+Shift+C / Ctrl+Shift+V, Ctrl+V, Ctrl+C copying
 * a selection and interrupting without one, a right click pasting; Cmd+C /
 * Cmd+V on macOS, where Ctrl+C always interrupts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openLab, run, settle, tail, type, useBrowser, waitForPrompt } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const PROMPT = 'learner@layerlab:~$';

async function open(platform?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.url).origin });
  if (platform) await context.addInitScript((p) => Object.defineProperty(Navigator.prototype, 'platform', { get: () => p }), platform);
  const page = await context.newPage();
  await openLab(page, ctx.url);
  return { context, page };
}

const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (page: Page, text: string): Promise<void> => page.evaluate((t) => navigator.clipboard.writeText(t), text);

/** Double-clicks the word on the terminal row that reads `text` (xterm selects the word). */
async function selectRow(page: Page, text: string): Promise<void> {
  const row = page.locator('.xterm-rows > div', { hasText: new RegExp(`^${text}\\s*$`) }).last();
  const box = (await row.boundingBox())!;
  await page.mouse.dblclick(box.x + 10, box.y + box.height / 2);
  await page.locator('.xterm-helper-textarea').focus();
}

describe('copy and paste on Linux and Windows', () => {
  it('copies a selection with Ctrl+Shift+C and with Ctrl+C, which interrupts when nothing is selected', async () => {
    const { context, page } = await open();
    await run(page, 'echo zealous_gagarin');
    await selectRow(page, 'zealous_gagarin');
    await page.keyboard.press('Control+Shift+C');
    const shifted = await clipboard(page);
    await setClipboard(page, 'nothing yet');
    await page.keyboard.press('Control+C');
    const plain = await clipboard(page);
    await settle(page);
    // The copy sent nothing to the shell: the prompt is still empty.
    const afterCopy = await tail(page, 1);
    // The copy cleared the selection, so Ctrl+C is the interrupt again.
    await type(page, 'sleep 30');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+C');
    await waitForPrompt(page);
    expect({ shifted, plain, afterCopy, interrupted: await tail(page, 3) }).toEqual({
      shifted: 'zealous_gagarin',
      plain: 'zealous_gagarin',
      afterCopy: [PROMPT],
      interrupted: [`${PROMPT} sleep 30`, '^C', PROMPT],
    });
    await context.close();
  });

  it('pastes with Ctrl+V, Ctrl+Shift+V and a right click', async () => {
    const { context, page } = await open();
    const lines: string[] = [];
    for (const [how, act] of [
      ['Ctrl+V', () => page.keyboard.press('Control+V')],
      ['Ctrl+Shift+V', () => page.keyboard.press('Control+Shift+V')],
      ['right click', () => page.locator('.xterm-screen').click({ button: 'right' })],
    ] as const) {
      await setClipboard(page, `pasted by ${how}`);
      await type(page, 'echo ');
      await act();
      await page.waitForFunction((t) => window.__layerlab!.lines().at(-1)!.endsWith(t), `pasted by ${how}`);
      await page.locator('.xterm-helper-textarea').focus();
      await page.keyboard.press('Enter');
      await settle(page);
      lines.push((await tail(page, 3))[0]!);
    }
    expect(lines).toEqual([`${PROMPT} echo pasted by Ctrl+V`, `${PROMPT} echo pasted by Ctrl+Shift+V`, `${PROMPT} echo pasted by right click`]);
    expect(await tail(page, 2)).toEqual(['pasted by right click', PROMPT]);
    await context.close();
  });

  it('says how to copy and paste in the Keys help', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: 'Keys' }).click();
    const rows = await page.getByRole('dialog', { name: 'Terminal keys' }).locator('tr').allInnerTexts();
    expect(rows.slice(0, 3).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Ctrl+Shift+C or Ctrl+C Copy the selected text (Ctrl+C only when text is selected)',
      'Ctrl+Shift+V or Ctrl+V Paste (in nano and vi, Ctrl+Shift+V only); a right click pastes too',
      'Ctrl+C With nothing selected: stop the running command, or drop the typed line',
    ]);
    await context.close();
  });
});

describe('copy and paste on macOS', () => {
  it('copies with Cmd+C, leaves Cmd+V to the browser\'s paste, and keeps Ctrl+C the interrupt', async () => {
    const { context, page } = await open('MacIntel');
    await run(page, 'echo zealous_gagarin');
    await selectRow(page, 'zealous_gagarin');
    await page.keyboard.press('Meta+C');
    const copied = await clipboard(page);
    // Cmd+V reaches neither the shell (no "v" typed) nor is it cancelled: the browser's own paste runs
    // (Chromium on Linux has no Cmd+V paste, so that last step is macOS's alone).
    await page.evaluate(() => {
      addEventListener('keydown', (e) => ((window as unknown as { cancelled: boolean }).cancelled = e.defaultPrevented));
    });
    await page.keyboard.press('Meta+V');
    await settle(page);
    const cancelled = await page.evaluate(() => (window as unknown as { cancelled: boolean }).cancelled);
    const line = await tail(page, 1);
    await selectRow(page, 'zealous_gagarin');
    await page.keyboard.press('Control+C');
    await settle(page);
    expect({ copied, cancelled, line, ctrlC: await tail(page, 2) }).toEqual({
      copied: 'zealous_gagarin',
      cancelled: false,
      line: [PROMPT],
      ctrlC: [`${PROMPT} ^C`, PROMPT],
    });
    await context.close();
  });
});
