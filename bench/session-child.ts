/**
 * The Node side of bench/archives.ts: one session, in a process of its own
 * so the parent can watch this process's memory from /proc while a line
 * runs (a timer in the same process would not fire during the engine's
 * synchronous stretches: tarring and hashing a layer blocks the event loop).
 *
 * Speaks over the IPC channel of `fork`: `{ line }` runs a line and answers
 * `{ rc, stdout, stderr, ms, usage }`, where `ms` is runLine's wall time (its
 * home commit included, as the page's Enter-to-prompt includes it) and
 * `usage` the peaks of process.memoryUsage() seen by a 10 ms timer during
 * the line (rss, arrayBuffers; they miss what happens between two ticks of a
 * blocked loop); `{ reopen: true }` starts a new session on the same store,
 * as a reload does. Argument: a directory for a DirStore (`bin/layerlab
 * --state`), else an in-memory store (`bin/layerlab exec`'s default).
 */
import { createSession, type Session } from '../worker/session.ts';
import { DirStore } from '../worker/store/dir-store.ts';
import { MemoryStore } from '../worker/store/memory-store.ts';

const dir = process.argv[2];
const store = dir ? await DirStore.open(dir) : await MemoryStore.open();
let session: Session = await createSession({ store });

let peak = { rss: 0, arrayBuffers: 0 };
const tick = (): void => {
  const u = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, u.rss), arrayBuffers: Math.max(peak.arrayBuffers, u.arrayBuffers) };
};
setInterval(tick, 10).unref();

process.on('message', (msg: { line?: string; reopen?: boolean; exit?: boolean }) => {
  void (async () => {
    if (msg.exit) {
      await session.close();
      process.exit(0);
    }
    if (msg.reopen) {
      await session.retire();
      session = await createSession({ store });
      process.send!({ rc: 0, stdout: '', stderr: '', ms: 0, usage: peak });
      return;
    }
    peak = { rss: 0, arrayBuffers: 0 };
    tick();
    const t0 = performance.now();
    const r = await session.runLine(msg.line!);
    const ms = performance.now() - t0;
    tick();
    process.send!({ rc: r.rc, stdout: r.stdout, stderr: r.stderr, ms, usage: peak });
  })();
});
process.send!({ ready: true });
