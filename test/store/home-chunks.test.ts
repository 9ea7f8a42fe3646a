/**
 * Big home files kept as chunks (issue 12), on every store backend: what the
 * store holds after a streamed write, that a reload before the line's commit
 * shows the home before the line, that freed files free their chunks, and
 * that old one-blob records stay readable.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HomeSync, PENDING_CHUNK, fileBlobDigest } from '../../worker/shell/store-fs.ts';
import type { FileRecord } from '../../worker/shell/store-fs.ts';
import { CHUNK_SIZE, chunkDigest } from '../../worker/shell/file-chunks.ts';
import { hostFs } from '../../worker/shell/host-fs.ts';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { DirStore } from '../../worker/store/dir-store.ts';
import { IdbStore } from '../../worker/store/idb-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { fakeDocker } from '../shell/fake-docker.ts';
import { CountingStore, pattern, patternBytes, patternSha, sha } from './home-streams.ts';

const root = mkdtempSync(join(tmpdir(), 'layerlab-home-chunks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A backend: a fresh store, and the same storage opened again after close (a reload). */
interface Backend {
  name: string;
  fresh(): Promise<{ store: Store; reopen: () => Promise<Store> }>;
}

let counter = 0;
const memory = new Map<string, MemoryStore>();
const BACKENDS: Backend[] = [
  {
    name: 'memory',
    // A MemoryStore lives as long as the process: "reopening" is using it again, unclosed.
    async fresh() {
      const store = await MemoryStore.open();
      const id = `m${counter++}`;
      memory.set(id, store);
      return { store, reopen: async () => memory.get(id)! };
    },
  },
  {
    name: 'dir',
    async fresh() {
      const dir = join(root, `d${counter++}`);
      return { store: await DirStore.open(dir, { lockWaitMs: 0 }), reopen: () => DirStore.open(dir, { lockWaitMs: 0 }) };
    },
  },
  {
    name: 'idb',
    async fresh() {
      const name = `home-chunks-${counter++}`;
      return { store: await IdbStore.open(name), reopen: () => IdbStore.open(name) };
    },
  },
];

const HOME = '/home/learner';
const SIZE = 2 * CHUNK_SIZE + 12_345;

/** Closes a store unless it is a MemoryStore (which a close would empty). */
async function done(store: Store): Promise<void> {
  if (!(store instanceof MemoryStore)) await store.close();
}

/** The store's `files` records, as a plain object. */
async function files(store: Store): Promise<Record<string, unknown>> {
  return Object.fromEntries((await store.load()).files);
}

/** The chunk list of `pattern(size)` as the store keys it. */
async function expectedChunks(size: number): Promise<Array<{ blob: string; size: number }>> {
  const all = await patternBytes(size);
  const out = [];
  for (let o = 0; o < size; o += CHUNK_SIZE) {
    const piece = all.subarray(o, Math.min(o + CHUNK_SIZE, size));
    out.push({ blob: await chunkDigest(piece), size: piece.length });
  }
  return out;
}

for (const backend of BACKENDS) {
  describe(`chunked home files on the ${backend.name} store`, () => {
    it('stores a streamed file as chunks, lists it after the commit, and reads it back after a reload without reading it to load', async () => {
      const { store, reopen } = await backend.fresh();
      const home = await HomeSync.open(store);
      const fs = hostFs(home.fs, HOME);
      const chunks = await expectedChunks(SIZE);
      expect(await fs.writeStream('big.tar', pattern(SIZE))).toBe(SIZE);
      // During the line: the chunks are stored, marked pending, and no record lists them yet.
      expect(await files(store)).toEqual(Object.fromEntries(chunks.map((c) => [PENDING_CHUNK + c.blob, true])));
      await home.commit();
      const record = (await files(store))[`${HOME}/big.tar`] as FileRecord;
      expect({ ...record, mtime: 0 }).toEqual({ type: 'file', mode: 0o644, mtime: 0, size: SIZE, chunks });
      expect(Object.keys(await files(store))).toEqual([`${HOME}/big.tar`]);
      expect((await store.listBlobs()).sort()).toEqual(chunks.map((c) => c.blob).sort());
      await done(store);

      const counted = new CountingStore(await reopen());
      const again = await HomeSync.open(counted);
      const st = await again.fs.stat(`${HOME}/big.tar`);
      await again.commit();
      // Loading, stat and the commit after a line read no byte of it.
      expect([st.size, counted.bytesRead]).toEqual([SIZE, 0]);
      expect(await sha(hostFs(again.fs, HOME).readStream('big.tar'))).toBe(await patternSha(SIZE));
      expect(counted.bytesRead).toBe(SIZE);
      // A whole read (cat, sha256sum) assembles the bytes for the reader and leaves the file lazy.
      expect(createHash('sha256').update(await again.fs.readFileBuffer(`${HOME}/big.tar`)).digest('hex')).toBe(await patternSha(SIZE));
      // Through a command too; not on fake-indexeddb, which schedules with setImmediate, a global
      // just-bash blocks while a command runs in Node (the browser's IndexedDB needs no such thing).
      if (backend.name !== 'idb') {
        const shell = new HostShell({ docker: fakeDocker().docker, fs: again.fs });
        expect((await shell.run('sha256sum big.tar')).stdout).toBe(`${await patternSha(SIZE)}  big.tar\n`);
      }
      expect(again.fs.storedAs(`${HOME}/big.tar`)?.chunks).toEqual(chunks);
      await again.commit();
      expect(Object.keys(await files(counted))).toEqual([`${HOME}/big.tar`]);
      await done(counted.inner);
    });

    it('shows the home before the line when reloaded before its commit, and frees the orphaned chunks with the next commit', async () => {
      const { store, reopen } = await backend.fresh();
      const home = await HomeSync.open(store);
      await hostFs(home.fs, HOME).writeStream('big.tar', pattern(SIZE));
      // The tab dies here: no commit.
      await done(store);

      const reopened = await reopen();
      const again = await HomeSync.open(reopened);
      expect(await again.fs.readdir(HOME)).toEqual([]);
      await hostFs(again.fs, HOME).writeFile('note', 'hi\n');
      await again.commit();
      expect([Object.keys(await files(reopened)), await reopened.listBlobs()]).toEqual([[`${HOME}/note`], [fileBlobDigest(new TextEncoder().encode('hi\n'))]]);
      await done(reopened);
    });

    it('frees a chunked file with rm, keeps chunks two copies share until both go, and stores a small rewrite as one blob', async () => {
      const { store } = await backend.fresh();
      const home = await HomeSync.open(store);
      const shell = new HostShell({ docker: fakeDocker().docker, fs: home.fs });
      const run = async (line: string) => {
        const r = await shell.run(line);
        await home.commit();
        return r;
      };
      await hostFs(home.fs, HOME).writeStream('a.tar', pattern(SIZE));
      await home.commit();
      const chunks = (await expectedChunks(SIZE)).map((c) => c.blob).sort();
      await run('cp a.tar b.tar && rm a.tar');
      expect((await store.listBlobs()).sort()).toEqual(chunks);
      expect(((await files(store))[`${HOME}/b.tar`] as FileRecord).chunks?.map((c) => c.blob).sort()).toEqual(chunks);
      await run('echo small > b.tar');
      expect([Object.keys(await files(store)), await store.listBlobs()]).toEqual([[`${HOME}/b.tar`], [fileBlobDigest(new TextEncoder().encode('small\n'))]]);
      // A stream removed within its own line never reaches a record, and its chunks go with the commit.
      await hostFs(home.fs, HOME).writeStream('c.tar', pattern(SIZE));
      await run('rm c.tar');
      expect([Object.keys(await files(store)), await store.listBlobs()]).toEqual([[`${HOME}/b.tar`], [fileBlobDigest(new TextEncoder().encode('small\n'))]]);
      await done(store);
    });

    it('stores a big file a command wrote as chunks and lets its bytes go from memory', async () => {
      const { store } = await backend.fresh();
      const home = await HomeSync.open(store);
      const bytes = await patternBytes(CHUNK_SIZE + 1);
      await home.fs.writeFile(`${HOME}/z.bin`, bytes);
      await home.commit();
      const chunks = await expectedChunks(bytes.length);
      expect(((await files(store))[`${HOME}/z.bin`] as FileRecord).chunks).toEqual(chunks);
      expect(home.fs.storedAs(`${HOME}/z.bin`)?.chunks).toEqual(chunks);
      expect(await sha(hostFs(home.fs, HOME).readStream('z.bin'))).toBe(await patternSha(bytes.length));
      await done(store);
    });

    it('appends to a chunked file (>>) by reading back only its short last chunk, after a reload and within a line', async () => {
      const { store, reopen } = await backend.fresh();
      const home = await HomeSync.open(store);
      await hostFs(home.fs, HOME).writeStream('big.tar', pattern(SIZE));
      // Within the streaming line: the file is still pending.
      await home.fs.appendFile(`${HOME}/big.tar`, 'one\n');
      await home.fs.chmod(`${HOME}/big.tar`, 0o600);
      await home.commit();
      await done(store);
      const counted = new CountingStore(await reopen());
      const again = await HomeSync.open(counted);
      // As just-bash's `>>` calls it: the command's output as a latin1 string.
      await again.fs.appendFile(`${HOME}/big.tar`, 'tw\xf6\n', 'binary');
      expect(counted.bytesRead).toBe(SIZE - 2 * CHUNK_SIZE + 4);
      await again.commit();
      const whole = new Uint8Array(SIZE + 8);
      whole.set(await patternBytes(SIZE));
      whole.set([...'one\ntw'].map((c) => c.charCodeAt(0)).concat([0xf6, 10]), SIZE);
      const chunks = [];
      for (let o = 0; o < whole.length; o += CHUNK_SIZE) {
        const piece = whole.subarray(o, Math.min(o + CHUNK_SIZE, whole.length));
        chunks.push({ blob: await chunkDigest(piece), size: piece.length });
      }
      const record = (await files(counted))[`${HOME}/big.tar`] as FileRecord;
      expect({ ...record, mtime: 0 }).toEqual({ type: 'file', mode: 0o600, mtime: 0, size: SIZE + 8, chunks });
      // The replaced short chunks are freed.
      expect([Object.keys(await files(counted)), (await counted.listBlobs()).sort()]).toEqual([[`${HOME}/big.tar`], chunks.map((c) => c.blob).sort()]);
      expect(await sha(hostFs(again.fs, HOME).readStream('big.tar'))).toBe(createHash('sha256').update(whole).digest('hex'));
      await done(counted.inner);
    });

    it('appends to a chunked file whose last chunk is full without reading it', async () => {
      const { store } = await backend.fresh();
      const counted = new CountingStore(store);
      const home = await HomeSync.open(counted);
      await hostFs(home.fs, HOME).writeStream('full.tar', pattern(2 * CHUNK_SIZE));
      await home.commit();
      await home.fs.appendFile(`${HOME}/full.tar`, new Uint8Array([1, 2, 3]));
      await home.commit();
      expect(counted.bytesRead).toBe(0);
      const record = (await files(counted))[`${HOME}/full.tar`] as FileRecord;
      expect(record.chunks).toEqual([...(await expectedChunks(2 * CHUNK_SIZE)), { blob: await chunkDigest(new Uint8Array([1, 2, 3])), size: 3 }]);
      expect((await home.fs.stat(`${HOME}/full.tar`)).size).toBe(2 * CHUNK_SIZE + 3);
      await done(store);
    });

    it('reads an old one-blob record of a big file and keeps it as it is', async () => {
      const { store, reopen } = await backend.fresh();
      const bytes = await patternBytes(CHUNK_SIZE + 100);
      const digest = fileBlobDigest(bytes);
      const old: FileRecord = { type: 'file', mode: 0o600, mtime: 1_700_000_000_000, size: bytes.length, blob: digest };
      await store.commit({ put: [{ collection: 'files', key: `${HOME}/old.tar`, value: old as never }], putBlobs: [{ digest, bytes }] });
      await done(store);
      const counted = new CountingStore(await reopen());
      const home = await HomeSync.open(counted);
      await home.commit();
      expect(counted.bytesRead).toBe(0);
      expect(await sha(hostFs(home.fs, HOME).readStream('old.tar'))).toBe(await patternSha(bytes.length));
      await home.commit();
      expect([(await files(counted))[`${HOME}/old.tar`], await counted.listBlobs()]).toEqual([old, [digest]]);
      await done(counted.inner);
    });
  });
}

describe('pending chunks and a second tab', () => {
  it('leaves the chunks of a line another tab was streaming when this home opened, once that line committed them', async () => {
    const store = await MemoryStore.open();
    const first = await HomeSync.open(store);
    await hostFs(first.fs, HOME).writeStream('big.tar', pattern(SIZE));
    // The second tab opens mid-line, then the first tab's line ends.
    const second = await HomeSync.open(store);
    await first.commit();
    // The second tab's home is rebuilt after a change in the page; a stale one committing must still free nothing it does not own.
    await hostFs(second.fs, HOME).writeFile('note', 'hi\n');
    await second.commit();
    const chunks = (await expectedChunks(SIZE)).map((c) => c.blob);
    expect((await store.listBlobs()).filter((d) => chunks.includes(d)).sort()).toEqual([...chunks].sort());
    const third = await HomeSync.open(store);
    expect(await sha(hostFs(third.fs, HOME).readStream('big.tar'))).toBe(await patternSha(SIZE));
  });
});

describe('HostFs streams', () => {
  it('keeps the mode of a replaced file, refuses a directory, and rejects reading a missing file as readFile does', async () => {
    const store = await MemoryStore.open();
    const home = await HomeSync.open(store);
    const fs = hostFs(home.fs, HOME);
    await fs.writeFile('run.tar', 'x', 0o600);
    await fs.writeStream('run.tar', pattern(SIZE));
    await fs.mkdir('dir');
    const readMissing = async () => {
      for await (const _ of fs.readStream('nope')) void _;
    };
    expect([
      (await fs.stat('run.tar')).mode,
      await fs.writeStream('dir', pattern(10)).catch((e: Error) => e.message),
      await readMissing().catch((e: Error) => e.message),
      await fs.readFile('nope').catch((e: Error) => e.message),
    ]).toEqual([0o600, "EISDIR: illegal operation on a directory, open '/home/learner/dir'", "ENOENT: no such file or directory, open '/home/learner/nope'", "ENOENT: no such file or directory, open '/home/learner/nope'"]);
  });

  it('keeps a big stream outside the home as chunks in memory, and a small one as plain bytes', async () => {
    const store = await MemoryStore.open();
    const home = await HomeSync.open(store);
    const fs = hostFs(home.fs, '/tmp');
    await fs.writeStream('big', pattern(SIZE));
    await fs.writeStream('small', pattern(100));
    expect([await sha(fs.readStream('big')), home.fs.storedAs('/tmp/big')?.size, home.fs.storedAs('/tmp/small'), (await fs.readFile('small')).length, await store.listBlobs()]).toEqual([await patternSha(SIZE), SIZE, undefined, 100, []]);
    // Moved into the home, the commit stores it as chunks.
    await home.fs.mv('/tmp/big', `${HOME}/big`);
    await home.commit();
    expect(((await store.load()).files.get(`${HOME}/big`) as unknown as FileRecord).chunks).toEqual(await expectedChunks(SIZE));
  });
});
