/**
 * Headless Chromium on an on-disk profile for the benchmarks that measure
 * IndexedDB (bench/archives.ts, bench/idb-write.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium on a profile on disk, as a learner's browser is, driven over the
 * DevTools protocol on loopback. Playwright's `launch()` contexts are off the
 * record: there IndexedDB keeps every byte in the browser process's memory and
 * the quota is a fraction of RAM, so a 1.2 GB archive measured the harness,
 * not the page (the first runs showed the browser process growing by the
 * archive's size and "storage full" at 1.4 GB).
 */
export async function launchOnDiskChromium(): Promise<{ browser: Browser; wsEndpoint: string; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'layerlab-bench-profile-'));
  const child = spawn('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise<string>((ok, fail) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) ok(m[1]!);
    });
    child.once('exit', () => fail(new Error(`chromium exited before listening:\n${err.slice(-2000)}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return {
    browser,
    // The browser's DevTools endpoint, for raw protocol sessions (bench/profile-worker.ts attaches to the worker).
    wsEndpoint: ws,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((ok) => child.once('exit', ok));
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); // Chromium may still be writing its profile as it exits
    },
  };
}
