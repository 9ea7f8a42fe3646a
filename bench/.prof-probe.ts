import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { startPreview, type as typeKeys, waitForPrompt } from '../test/browser/harness.ts';

const profile = mkdtempSync(join(tmpdir(), 'profprobe-'));
const child = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
const wsUrl = await new Promise<string>((ok) => { let e = ''; child.stderr!.on('data', (d) => { e += d; const m = /DevTools listening on (ws:\/\/\S+)/.exec(e); if (m) ok(m[1]!); }); });
const browser = await chromium.connectOverCDP(wsUrl);
const server = await startPreview();
const page = await browser.contexts()[0]!.newPage();
await page.goto(server.url);
await waitForPrompt(page);
const run = async (cmd: string) => {
  await typeKeys(page, cmd);
  await page.evaluate(() => window.__layerlab!.settled());
  const id = await page.evaluate(() => window.__layerlab!.mark());
  await page.keyboard.press('Enter');
  await page.waitForFunction((mark) => { const out = window.__layerlab!.since(mark as number); return out !== undefined && out.length >= 2 && out.at(-1) === 'learner@layerlab:~$'; }, id, { polling: 100, timeout: 0 });
};
for (const i of ['nginx']) await run(`docker pull -q ${i}`);
// raw CDP
const ws = new WebSocket(wsUrl);
await new Promise((ok) => ws.once('open', ok));
let nextId = 1;
const pending = new Map<number, (r: any) => void>();
const events: any[] = [];
ws.on('message', (d) => { const m = JSON.parse(String(d)); if (m.id && pending.has(m.id)) { pending.get(m.id)!(m); pending.delete(m.id); } else events.push(m); });
const send = (method: string, params: object = {}, sessionId?: string): Promise<any> => new Promise((ok) => { const id = nextId++; pending.set(id, ok); ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })); });
const { result } = await send('Target.getTargets');
const targets = result.targetInfos as any[];
console.log(targets.map((t) => `${t.type} ${t.url.slice(0, 80)}`).join('\n'));
const worker = targets.find((t) => t.type === 'worker');
const pageT = targets.find((t) => t.type === 'page' && t.url.startsWith(server.url));
const attach = async (t: any) => (await send('Target.attachToTarget', { targetId: t.targetId, flatten: true })).result.sessionId as string;
const ws1 = await attach(worker);
const ps = await attach(pageT);
for (const s of [ws1, ps]) { await send('Profiler.enable', {}, s); await send('Profiler.setSamplingInterval', { interval: 200 }, s); await send('Profiler.start', {}, s); }
const t0 = Date.now();
await run(process.argv[2] ?? 'docker save -o all.tar node nginx python:3.9-slim');
console.log('line ms', Date.now() - t0);
for (const [name, s] of [['worker', ws1], ['main', ps]] as const) {
  const { result: r } = await send('Profiler.stop', {}, s);
  const prof = r.profile;
  writeFileSync(`/tmp/probe/${name}.cpuprofile`, JSON.stringify(prof));
  const self = new Map<string, number>();
  const byId = new Map(prof.nodes.map((n: any) => [n.id, n]));
  const dt = prof.timeDeltas as number[];
  prof.samples.forEach((id: number, i: number) => { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`== ${name}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
ws.close(); await browser.close(); child.kill(); await server.stop(); rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
process.exit(0);
