/**
 * Archive throughput and memory (issue 12): `docker save`, `docker load` and
 * `docker export` of the chapters' largest images, in Node and in the built
 * page (headless Chromium; `npx vite build` first, `npm run bench:archives`
 * does). For each step: the archive's bytes, the wall time, MB/s (archive
 * bytes / wall time, 10^6 bytes a MB as Docker prints sizes) and the memory
 * it took (bench/memory.ts: the peak of the summed PSS of Chromium's
 * processes, listed through the DevTools protocol, or of the Node process
 * that runs the session, sampled every 200 ms (bench/memory.ts SAMPLE_MS says why); with the sum of the kernel's
 * per-process peaks as a cross-check).
 *
 * Wall time is Enter to the next prompt in the page and `runLine` in Node:
 * both include the line's commit of the home directory to the store, where
 * a saved archive is persisted. Each load runs after a reload (a new
 * session on the same store), so the archive is read from the store as a
 * learner's next visit reads it, not from memory the save left behind.
 *
 *   npx tsx bench/archives.ts [node] [page] [--memory-store] [--images a,b,c]
 *
 * `node` and `page` choose the sides (default both). Node runs on a DirStore
 * in a temporary directory (`bin/layerlab --state DIR`), so that, as in the
 * page, what the store holds is on disk and the memory figure is the
 * stream's own; `--memory-store` uses `bin/layerlab exec`'s in-memory store
 * instead (its memory then grows by every byte stored). `--images` replaces
 * the images saved together (default node,python:3.9-slim,nginx). The
 * machine's load average is printed: other work on the cores skews times.
 * Prints figures; asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startPreview, type as typeKeys, waitForPrompt, type PreviewServer } from '../test/browser/harness.ts';
import { launchOnDiskChromium } from './chromium.ts';
import { mb, measure, SAMPLE_MS, type MemoryPeak, type ProcessList } from './memory.ts';

const args = process.argv.slice(2);
const sides = args.filter((a) => a === 'node' || a === 'page');
const imagesArg = args.indexOf('--images');
const IMAGES = imagesArg >= 0 ? args[imagesArg + 1]!.split(',') : ['node', 'python:3.9-slim', 'nginx'];
const useDir = !args.includes('--memory-store');
const PROMPT = 'learner@layerlab:~$';

/** What one side runs lines in. */
interface Side {
  name: string;
  /** Runs a line; its wall time and output text. */
  line(cmd: string): Promise<{ ms: number; out: string; extra?: string }>;
  /** A reload: a new session on the same store. */
  reopen(): Promise<void>;
  processes: ProcessList;
  close(): Promise<void>;
}

/** One measured step and what it printed. */
interface Row {
  side: string;
  step: string;
  bytes: number;
  ms: number;
  memory: MemoryPeak;
  extra?: string;
}

async function nodeSide(): Promise<Side> {
  const dir = useDir ? mkdtempSync(join(tmpdir(), 'layerlab-bench-')) : undefined;
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'session-child.ts'), dir ? [dir] : [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Reply = { rc: number; stdout: string; stderr: string; ms: number; usage: { rss: number; arrayBuffers: number } };
  let waiting: ((r: Reply) => void) | undefined;
  const ready = new Promise<void>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`session child exited with ${code}`)));
    child.on('message', (m: Reply & { ready?: boolean }) => (m.ready ? ok() : waiting?.(m)));
  });
  await ready;
  const send = (msg: object): Promise<Reply> =>
    new Promise((ok) => {
      waiting = ok;
      child.send(msg);
    });
  return {
    name: useDir ? 'node' : 'node (memory store)',
    async line(cmd) {
      const r = await send({ line: cmd });
      // Output as the terminal shows it: stdout, then stderr (the page's terminal interleaves them as written).
      return { ms: r.ms, out: (r.stdout + r.stderr).replace(/\n$/, ''), extra: `memoryUsage() peaks on a 10 ms timer: rss ${mb(r.usage.rss)}, arrayBuffers ${mb(r.usage.arrayBuffers)}` };
    },
    async reopen() {
      await send({ reopen: true });
    },
    processes: async () => [{ pid: child.pid!, type: 'node' }],
    async close() {
      child.send({ exit: true });
      await new Promise((ok) => child.once('exit', ok));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The page: types the line, presses Enter, and waits for the next prompt; the output is read from the terminal. */
async function pageSide(server: PreviewServer, browser: Browser): Promise<Side> {
  // The default context of an on-disk profile (launchOnDiskChromium): a new context would be off the record, where IndexedDB lives in the browser process's memory.
  const page: Page = await browser.contexts()[0]!.newPage();
  await page.goto(server.url);
  await waitForPrompt(page);
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  return {
    name: 'page',
    async line(cmd) {
      await typeKeys(page, cmd);
      await page.evaluate(() => window.__layerlab!.settled());
      const id = await page.evaluate(() => window.__layerlab!.mark());
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.press('Enter');
      const handle = await page.waitForFunction(
        ([mark, prompt]) => {
          const out = window.__layerlab!.since(mark as number);
          return out !== undefined && out.length >= 2 && out.at(-1) === prompt ? { at: performance.now(), out } : false;
        },
        [id, PROMPT] as const,
        { polling: 'raf', timeout: 0 },
      );
      const { at, out } = (await handle.jsonValue()) as { at: number; out: string[] };
      return { ms: at - t0, out: out.slice(1, -1).join('\n') };
    },
    async reopen() {
      await page.reload();
      await waitForPrompt(page);
      await page.evaluate(() => window.__layerlab!.settled());
    },
    processes: async () => {
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
      return processInfo.map((p) => ({ pid: p.id, type: p.type.replace(/^(\w+)\.mojom\.(\w+)$/, '$2') }));
    },
    async close() {
      await page.close();
    },
  };
}

/** The size `ls -l` gives for `file` (ls reads no bytes: the store records sizes), or what it printed instead. */
async function sizeOf(side: Side, file: string): Promise<number | string> {
  const { out } = await side.line(`ls -l ${file}`);
  const size = Number(out.trim().split(/\s+/)[4]);
  return /^-\S+ /.test(out) && Number.isFinite(size) ? size : `ls -l ${file}: ${out}`;
}

async function bench(side: Side): Promise<Row[]> {
  const rows: Row[] = [];
  /** Runs a measured line; `ok` is what its output must be, else the row says what it printed instead. */
  const step = async (label: string, cmd: string, file: string, ok = /^$/): Promise<void> => {
    const { result, memory } = await measure(side.processes, () => side.line(cmd));
    const size = await sizeOf(side, file);
    const failed = !ok.test(result.out) ? result.out : typeof size === 'string' ? size : undefined;
    const row: Row = { side: side.name, step: label, bytes: typeof size === 'number' ? size : 0, ms: result.ms, memory, ...(result.extra ? { extra: result.extra } : {}) };
    if (failed !== undefined) row.extra = `FAILED: ${failed.slice(0, 300)}${row.extra ? `\n${''.padEnd(7)}${row.extra}` : ''}`;
    rows.push(row);
    print(row);
    // A file the store refused stays in the shell's memory and every later line's commit fails on it:
    // removed, the next steps measure themselves.
    if (failed !== undefined) await side.line(`rm -f ${file}`);
  };
  // With a TTY (the page) docker load draws a progress bar per layer; each image's "Loaded image" line follows its
  // layers, before the next image's (moby image/tarexport/load.go prints it in its loop over the manifest).
  const loaded = /^(([0-9a-f]{12}: Loading layer .*\n)*Loaded image: .*(\n|$))+$/;
  const has = (...images: string[]): boolean => images.every((i) => IMAGES.includes(i));
  const all = IMAGES.join(' ');
  const pulls = performance.now();
  for (const image of IMAGES) await side.line(`docker pull -q ${image}`);
  console.log(`${side.name}: pulled ${all} in ${((performance.now() - pulls) / 1000).toFixed(1)} s`);
  await step(`save -o all.tar (${IMAGES.length} images)`, `docker save -o all.tar ${all}`, 'all.tar');
  // The issue's own figure: 245 MB, 12.7 s and 2.5 GB in the page before streaming.
  if (has('nginx', 'python:3.9-slim')) await step('save nginx python:3.9-slim > big.tar', 'docker save nginx python:3.9-slim > big.tar', 'big.tar');
  if (has('nginx')) await step('save nginx > n.tar', 'docker save nginx > n.tar', 'n.tar');
  if (has('python:3.9-slim')) {
    // "py", not "p": a container name is at least two characters ([a-zA-Z0-9][a-zA-Z0-9_.-]+, moby daemon/names).
    await side.line('docker run -d --name py python:3.9-slim sleep 1000');
    await step('export py -o p.tar (python:3.9-slim)', 'docker export py -o p.tar', 'p.tar');
    await side.line('docker rm -f py');
  }
  await side.line(`docker rmi ${all}`);
  await side.reopen();
  await step('load -i all.tar (after reload)', 'docker load -i all.tar', 'all.tar', loaded);
  if (has('nginx', 'python:3.9-slim')) {
    await side.line('docker rmi nginx python:3.9-slim');
    await side.reopen();
    await step('load -i big.tar (after reload)', 'docker load -i big.tar', 'big.tar', loaded);
  }
  return rows;
}

function print(r: Row): void {
  const rate = r.bytes / 1e6 / (r.ms / 1000);
  const types = Object.entries(r.memory.byType)
    .filter(([, n]) => n >= 5e6)
    .sort(([, a], [, b]) => b - a)
    .map(([t, n]) => `${t} ${mb(n)}`)
    .join(', ');
  console.log(
    `${r.side.padEnd(6)} ${r.step.padEnd(40)} ${mb(r.bytes).padStart(8)} ${(r.ms / 1000).toFixed(2).padStart(7)} s ${rate.toFixed(0).padStart(5)} MB/s` +
      `   peak ${mb(r.memory.peak).padStart(8)} (+${mb(r.memory.peak - r.memory.before)} over the ${mb(r.memory.before)} before; ${types}; Σ VmHWM ${mb(r.memory.hwmSum)}; ${r.memory.samples} samples)` +
      (r.extra ? `\n${''.padEnd(7)}${r.extra}` : ''),
  );
}

console.log(`images saved together: ${IMAGES.join(', ')}; MB = 10^6 bytes; memory = summed PSS of the processes, peak of ${SAMPLE_MS} ms samples`);
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
if (sides.length === 0 || sides.includes('node')) {
  const side = await nodeSide();
  try {
    await bench(side);
  } finally {
    await side.close();
  }
}
if (sides.length === 0 || sides.includes('page')) {
  const server = await startPreview();
  const { browser, stop } = await launchOnDiskChromium();
  try {
    const side = await pageSide(server, browser);
    await bench(side);
    await side.close();
  } finally {
    await browser.close();
    await stop();
    await server.stop();
  }
}
