/**
 * The browser suite's fixtures: the built site (dist/) served by
 * `vite preview` on 127.0.0.1, and Debian's headless Chromium driven by
 * playwright-core (no browser download). The preview server is started and
 * stopped by its own pid. A missing chromium is an error, not a skip: the
 * suite must fail where it cannot run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package. */
export const CHROMIUM = process.env.LAYERLAB_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');

/** A running `vite preview` of dist/. */
export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Serves dist/ with `vite preview`; resolves once it answers. */
export async function startPreview(): Promise<PreviewServer> {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        process.kill(child.pid!, 'SIGTERM');
      }),
  };
}

/** Launches headless Chromium; throws when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The page's test hooks (src/lib/test-hooks.ts). */
declare global {
  interface Window {
    __layerlab?: import('../../src/lib/test-hooks.ts').TestHooks;
  }
}

/** Waits until the terminal's last line is `prompt` (right-trimmed) and the worker is idle. */
export async function waitForPrompt(page: Page, prompt = 'learner@layerlab:~$'): Promise<void> {
  await page.waitForFunction((p) => window.__layerlab?.lines().at(-1) === p, prompt, { timeout: 30_000 });
}

/** Every terminal line, right-trimmed. */
export async function screen(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__layerlab!.lines());
}

/** Types `text` into the terminal as keystrokes. */
export async function type(page: Page, text: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(text);
}

/** Types a line, presses Enter and waits until the worker has run it. */
export async function run(page: Page, line: string): Promise<void> {
  await type(page, line);
  await page.keyboard.press('Enter');
  await settle(page);
}

/** Waits until the worker has handled all input and no command runs. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__layerlab!.settled());
  // Output reaches xterm in a message after the worker settles, and xterm parses it asynchronously.
  await page.waitForTimeout(50);
}

/** Opens the page and waits for the first prompt. */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForPrompt(page);
}

/** Starts the preview server and Chromium before a suite and stops both after it. */
export function useBrowser(hooks: { beforeAll: (fn: () => Promise<void>, timeout?: number) => void; afterAll: (fn: () => Promise<void>) => void }): {
  readonly url: string;
  readonly browser: Browser;
} {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  hooks.beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  }, 60_000);
  hooks.afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

/** The last `n` terminal lines. */
export async function tail(page: Page, n: number): Promise<string[]> {
  return (await screen(page)).slice(-n);
}
