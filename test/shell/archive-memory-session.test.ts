/**
 * Issue 12 through the whole shell, as a learner types it: `docker save -o`,
 * `> FILE`, `docker load -i` and a pipe into tar, on a lab kept in a
 * DirStore, hold a few MB of the archive at a time. The home's chunked files
 * (store-fs.ts) and the streaming engine were each bounded alone, but the
 * docker command got just-bash's per-command wrapper of the filesystem,
 * which has no writeStream, so every archive was gathered whole (nginx's
 * 194 MB held twice over); this test fails on that code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { DirStore } from '../../worker/store/dir-store.ts';

const root = mkdtempSync(join(tmpdir(), 'layerlab-archive-session-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A full collection per sample, so it counts live buffers, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function buffers(): number {
  gc();
  return process.memoryUsage().arrayBuffers;
}

// nginx's archive is 194 MB; a stream holds at most two groups of four 4 MiB chunks (store-fs.ts GROUP) and the
// pieces filling, plus slack for buffers gc() freed that its background sweeper has not yet released.
const BOUND = 128 * 1024 * 1024;

it('save -o, save >, load -i and save | tar -t of nginx hold a few MB of its 194 MB at a time', async () => {
  const store = await DirStore.open(join(root, 'lab'), { lockWaitMs: 0 });
  const session = await createSession({ store, isTTY: false });
  expect((await session.runLine('docker pull -q nginx')).rc).toBe(0);
  const lines = ['docker save -o n.tar nginx', 'docker save nginx > r.tar', 'docker rmi -f nginx', 'docker load -i r.tar', 'docker save nginx | tar -t | tail -1', 'ls -l n.tar r.tar'];
  const results: Array<{ line: string; rc: number; peakMB: number }> = [];
  let last = '';
  for (const line of lines) {
    const base = buffers();
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, buffers() - base)), 20);
    const r = await session.runLine(line);
    clearInterval(timer);
    peak = Math.max(peak, buffers() - base);
    results.push({ line, rc: r.rc, peakMB: peak > BOUND ? Math.round(peak / 2 ** 20) : 0 });
    last = r.stdout;
  }
  // A line over the bound shows its peak in MB; within it, 0.
  expect(results).toEqual(lines.map((line) => ({ line, rc: 0, peakMB: 0 })));
  expect(last.replace(/ [A-Z][a-z]{2} [ \d]\d \d\d:\d\d /g, ' DATE ')).toBe('-rw-r--r-- 1 learner learner 193614336 DATE n.tar\n-rw-r--r-- 1 learner learner 193614336 DATE r.tar\n');
  await session.close();
  await store.close();
}, 300_000);
