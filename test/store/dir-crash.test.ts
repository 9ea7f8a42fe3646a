import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirStore } from '../../worker/store/dir-store.ts';
import type { DirStoreHooks } from '../../worker/store/dir-store.ts';
import { StoreFullError } from '../../worker/store/store.ts';
import { blob, state } from './contract.ts';

const root = mkdtempSync(join(tmpdir(), 'layerlab-dir-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

const a = blob('layer a');
const b = blob('layer b');
const hex = (digest: string) => digest.slice('sha256:'.length);
const blobFiles = (dir: string) => readdirSync(join(dir, 'blobs', 'sha256')).sort();

/** A directory holding record images/a and blob a, with hooks to crash the next commit. */
async function seeded(): Promise<{ dir: string; store: DirStore; hooks: DirStoreHooks }> {
  const dir = join(root, `crash-${counter++}`);
  const hooks: DirStoreHooks = {};
  const store = await DirStore.open(dir, { hooks, lockWaitMs: 0 });
  await store.commit({ put: [{ collection: 'images', key: 'a', value: { layers: [a.digest] } }], putBlobs: [a] });
  return { dir, store, hooks };
}

/** Replaces image a (and its layer) with image b: the commit every test interrupts. */
const swap = {
  delete: [{ collection: 'images' as const, key: 'a' }],
  put: [{ collection: 'images' as const, key: 'b', value: { layers: [b.digest] } }],
  deleteBlobs: [a.digest],
  putBlobs: [b],
};

describe('dir store crash safety', () => {
  it('keeps the previous state after a crash before the state file is replaced', async () => {
    const { dir, store, hooks } = await seeded();
    const before = await state(store);
    hooks.beforeCommitPoint = () => {
      // Debris of an earlier crash that never reached its cleanup.
      writeFileSync(join(dir, 'blobs', 'sha256', hex(blob('orphan').digest)), 'orphan');
      writeFileSync(join(dir, 'blobs', 'sha256', `${hex(b.digest)}.tmp`), 'torn');
      writeFileSync(join(dir, 'state.json.tmp'), '{"format":1,"colle');
      throw new Error('crash');
    };
    await expect(store.commit(swap)).rejects.toThrow('crash');
    expect(await state(store)).toEqual(before);
    await store.close();
    const reopened = await DirStore.open(dir, { lockWaitMs: 0 });
    expect(await state(reopened)).toEqual(before);
    expect(blobFiles(dir)).toEqual([hex(a.digest)]);
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'lock', 'state.json']);
    await reopened.close();
  });

  it('shows the new state after a crash between the state file and the blob deletes', async () => {
    const { dir, store, hooks } = await seeded();
    hooks.afterCommitPoint = () => {
      throw new Error('crash');
    };
    await expect(store.commit(swap)).rejects.toThrow('crash');
    await store.close();
    expect(blobFiles(dir)).toEqual([hex(a.digest), hex(b.digest)].sort());
    const reopened = await DirStore.open(dir, { lockWaitMs: 0 });
    expect(await state(reopened)).toEqual({
      records: { images: { b: { layers: [b.digest] } }, tags: {}, layers: {}, containers: {}, files: {}, meta: {}, volumes: {} },
      blobs: { [b.digest]: 'layer b' },
      usage: 7 + 1 + JSON.stringify({ layers: [b.digest] }).length,
    });
    expect(blobFiles(dir)).toEqual([hex(b.digest)]);
    await reopened.close();
  });

  it('maps ENOSPC to StoreFullError with the state unchanged', async () => {
    const { dir, store, hooks } = await seeded();
    const before = await state(store);
    hooks.beforeCommitPoint = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const error = await store.commit(swap).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFullError);
    expect(await state(store)).toEqual(before);
    expect(blobFiles(dir)).toEqual([hex(a.digest)]);
    await store.close();
  });

  it('writes the documented state file', async () => {
    const { dir, store } = await seeded();
    await store.close();
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toEqual(
      `{"format":1,"collections":{"images":{"a":{"layers":["${a.digest}"]}},"tags":{},"layers":{},"containers":{},"files":{},"meta":{},"volumes":{}},"blobs":{"${a.digest}":7}}\n`,
    );
  });

  it('refuses a damaged state file and releases the lock', async () => {
    const { dir, store } = await seeded();
    await store.close();
    writeFileSync(join(dir, 'state.json'), '{"format":1,"collections":');
    await expect(DirStore.open(dir, { lockWaitMs: 0 })).rejects.toThrow(
      `state file ${join(dir, 'state.json')} is damaged: `,
    );
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'state.json']);
  });

  it('refuses a state whose blob file is missing', async () => {
    const { dir, store } = await seeded();
    await store.close();
    rmSync(join(dir, 'blobs', 'sha256', hex(a.digest)));
    await expect(DirStore.open(dir, { lockWaitMs: 0 })).rejects.toThrow(
      `state directory ${dir} is damaged: blob ${a.digest} is missing`,
    );
  });
});
