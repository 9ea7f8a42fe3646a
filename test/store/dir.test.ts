import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DirStore } from '../../worker/store/dir-store.ts';
import type { DirStoreHooks } from '../../worker/store/dir-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { storeContract } from './contract.ts';

const root = mkdtempSync(join(tmpdir(), 'layerlab-dir-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
const dirs = new WeakMap<Store, string>();
const hooks = new WeakMap<Store, DirStoreHooks>();

async function open(dir: string): Promise<Store> {
  const storeHooks: DirStoreHooks = {};
  const store = await DirStore.open(dir, { hooks: storeHooks, lockWaitMs: 0 });
  dirs.set(store, dir);
  hooks.set(store, storeHooks);
  return store;
}

storeContract('dir', () => open(join(root, `contract-${counter++}`)), {
  reopen: (closed) => open(dirs.get(closed)!),
  // The blob files are written by then; only the state file rename is missing.
  injectFault: (store) => {
    const storeHooks = hooks.get(store)!;
    storeHooks.beforeCommitPoint = () => {
      throw new Error('injected crash before the commit point');
    };
    return () => delete storeHooks.beforeCommitPoint;
  },
});
