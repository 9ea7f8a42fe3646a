/**
 * Where the page's time goes during one line: a CPU profile of the lab's
 * worker (and of the page's main thread) while the built page runs it, in
 * headless Chromium on an on-disk profile, with the functions that took the
 * most time printed (self time, minified names with their chunk file) and
 * the whole profiles written for DevTools. This is how the limits of
 * `docker save` in the page were found (issue 12: filler generation, IndexedDB
 * serialization, SHA-256 of chunks, copies between buffers, and the worker's
 * idle time waiting on IndexedDB).
 *
 *   npx tsx bench/profile-worker.ts [--pull img,img] [--out DIR] 'docker save -o all.tar nginx'
 *
 * `npm run build` first. `--pull` pulls images before profiling (default
 * nginx); profiles go to DIR (default test/artifacts/profiles) as
 * worker.cpuprofile and main.cpuprofile. Prints figures; asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startPreview, type as typeKeys, waitForPrompt } from '../test/browser/harness.ts';
import { launchOnDiskChromium } from './chromium.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const pulls = (option('--pull') ?? 'nginx').split(',').filter(Boolean);
const out = resolve(option('--out') ?? 'test/artifacts/profiles');
const line = args.join(' ') || 'docker save -o all.tar nginx';
const PROMPT = 'learner@layerlab:~$';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Minimal DevTools protocol client over the browser's WebSocket, with flat sessions (workers are not pages to Playwright). */
async function cdp(url: string) {
  const ws = new WebSocket(url);
  await new Promise((ok, fail) => (ws.once('open', ok), ws.once('error', fail)));
  let next = 1;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) waiting.get(m.id)?.(m), waiting.delete(m.id);
  });
  return {
    send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
      return new Promise((ok, fail) => {
        const id = next++;
        waiting.set(id, (m) => (m.error ? fail(new Error(`${method}: ${m.error.message}`)) : ok(m.result as T)));
        ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
    close: () => ws.close(),
  };
}

/** Self time by function, largest first. */
function selfTimes(p: Profile): Array<[string, number]> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}

const server = await startPreview();
const { browser, stop, wsEndpoint } = await launchOnDiskChromium();
try {
  const page = await browser.contexts()[0]!.newPage();
  await page.goto(server.url);
  await waitForPrompt(page);
  const run = async (cmd: string): Promise<void> => {
    await typeKeys(page, cmd);
    await page.evaluate(() => window.__layerlab!.settled());
    const mark = await page.evaluate(() => window.__layerlab!.mark());
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      ([m, prompt]) => {
        const lines = window.__layerlab!.since(m as number);
        return lines !== undefined && lines.length >= 2 && lines.at(-1) === prompt;
      },
      [mark, PROMPT] as const,
      { polling: 100, timeout: 0 },
    );
  };
  for (const image of pulls) await run(`docker pull -q ${image}`);

  const client = await cdp(wsEndpoint);
  const { targetInfos } = await client.send<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>('Target.getTargets');
  const origin = server.url.replace(/\/$/, '');
  const targets = [
    ['worker', targetInfos.find((t) => t.type === 'worker' && t.url.startsWith(origin))],
    ['main', targetInfos.find((t) => t.type === 'page' && t.url.startsWith(origin))],
  ] as const;
  const sessions: Array<[string, string]> = [];
  for (const [name, t] of targets) {
    if (!t) throw new Error(`no ${name} target among ${targetInfos.map((i) => `${i.type} ${i.url}`).join(', ')}`);
    const { sessionId } = await client.send<{ sessionId: string }>('Target.attachToTarget', { targetId: t.targetId, flatten: true });
    await client.send('Profiler.enable', {}, sessionId);
    await client.send('Profiler.setSamplingInterval', { interval: 200 }, sessionId);
    await client.send('Profiler.start', {}, sessionId);
    sessions.push([name, sessionId]);
  }
  const t0 = performance.now();
  await run(line);
  console.log(`${line}: ${((performance.now() - t0) / 1000).toFixed(2)} s from Enter to the prompt, profiled`);
  mkdirSync(out, { recursive: true });
  for (const [name, sessionId] of sessions) {
    const { profile } = await client.send<{ profile: Profile }>('Profiler.stop', {}, sessionId);
    writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
    const times = selfTimes(profile);
    const total = times.reduce((n, [, t]) => n + t, 0);
    console.log(`\n${name} thread: ${(total / 1000).toFixed(0)} ms sampled; self time:`);
    for (const [fn, t] of times.slice(0, 15)) console.log(`${(t / 1000).toFixed(0).padStart(7)} ms  ${fn}`);
  }
  console.log(`\nprofiles: ${out}/{worker,main}.cpuprofile (open in DevTools' Performance panel)`);
  client.close();
} finally {
  await browser.close();
  await stop();
  await server.stop();
}
