/**
 * The first command after a reload with a big home directory (issue 8:
 * chapter 004 leaves about 375 MB of archives in the home, and the first
 * command after a reload took 4.2 to 4.6 s in the page). Loading must read
 * no file bytes, so the figure should not grow with the home's size.
 *
 * Builds a home of N hundred MB (10 MB archives of distinct bytes) in a
 * store as HomeSync writes it, then times what a reload does: open a session
 * on the store (HomeSync.open, the shell state) and run the first command
 * (`ls -l | wc -l`, which stats every file, then the line's commit).
 *
 * Run: npx tsx bench/reload-home.ts [hundreds of MB ...] [--idb]
 *   (default 1 4: 100 MB and 400 MB; --idb uses fake-indexeddb instead of the
 *   directory store). Prints figures, asserts nothing.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../worker/session.ts';
import { fileBlobDigest } from '../worker/shell/store-fs.ts';
import type { FileRecord } from '../worker/shell/store-fs.ts';
import { DirStore } from '../worker/store/dir-store.ts';
import { IdbStore } from '../worker/store/idb-store.ts';
import type { Json, Store } from '../worker/store/store.ts';
import { CountingStore } from '../worker/terminal/tab-sync.ts';

const args = process.argv.slice(2);
const idb = args.includes('--idb');
const sizes = args.filter((a) => a !== '--idb').map(Number);
const FILE = 10 * 2 ** 20;

/** Writes `hundreds` × 100 MB of distinct 10 MB files into the home, as HomeSync stores them. */
async function fill(store: Store, hundreds: number): Promise<void> {
  const files = Math.round((hundreds * 100 * 2 ** 20) / FILE);
  const mtime = Date.now() - 60_000;
  await store.commit({ put: [{ collection: 'files', key: '/home/learner/archives', value: { type: 'directory', mode: 0o755, mtime } }] });
  for (let i = 0; i < files; i++) {
    const bytes = new Uint8Array(FILE);
    new DataView(bytes.buffer).setUint32(0, i);
    bytes.fill(i & 0xff, 4);
    const digest = fileBlobDigest(bytes);
    const rec: FileRecord = { type: 'file', mode: 0o644, mtime, size: FILE, blob: digest };
    await store.commit({ put: [{ collection: 'files', key: `/home/learner/archives/copy${i}.tar`, value: rec as unknown as Json }], putBlobs: [{ digest, bytes }] });
  }
}

let n = 0;
// The first round (an empty home) loads and compiles the modules, which a reload of the page does too
// but which is no part of the home's cost: it is printed apart.
for (const hundreds of [0, ...(sizes.length > 0 ? sizes : [1, 4])]) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const open = (): Promise<Store> => (idb ? IdbStore.open(`bench-${n}`) : DirStore.open(dir));
  const filling = await open();
  await fill(filling, hundreds);
  await filling.close();

  // The reload: a fresh store handle, a new session, the first command.
  const t0 = performance.now();
  const store = new CountingStore(await open());
  const session = await createSession({ store, isTTY: true });
  const t1 = performance.now();
  const r = await session.runLine('ls -l archives | wc -l');
  const t2 = performance.now();
  const again = await session.runLine('ls -l archives | wc -l');
  const t3 = performance.now();
  await store.closeInner();
  console.log(
    `${idb ? 'fake-indexeddb' : 'dir store'}, ${hundreds === 0 ? 'warm-up, empty home' : `home of ${hundreds * 100} MB`} (${r.stdout.trim()} lines of ls -l): ` +
      `load ${(t1 - t0).toFixed(0)} ms, first command ${(t2 - t1).toFixed(0)} ms, second ${(t3 - t2).toFixed(0)} ms${again.rc === 0 ? '' : ' (failed)'}`,
  );
  rmSync(dir, { recursive: true, force: true });
  n++;
}
