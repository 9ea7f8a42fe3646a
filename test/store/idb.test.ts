import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbStore, OBJECT_STORES, SCHEMA_VERSION } from '../../worker/store/idb-store.ts';
import type { Store } from '../../worker/store/store.ts';
import { storeContract } from './contract.ts';
import { failPutsAfter, quotaError } from './idb-fault.ts';

// One database name per store: fake-indexeddb's global factory is shared by
// every test in this file, so names are what keeps tests apart.
let counter = 0;
const names = new WeakMap<Store, string>();

async function open(name: string): Promise<Store> {
  const store = await IdbStore.open(name);
  names.set(store, name);
  return store;
}

storeContract('idb', () => open(`contract-${counter++}`), {
  reopen: (closed) => open(names.get(closed)!),
  // Let the first put of the batch through, so the failure is truly midway.
  injectFault: () => failPutsAfter(1, quotaError),
});

/** Opens `name` with the raw API, reporting its version and object stores. */
function inspect(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
      db.close();
    };
  });
}

describe('idb schema', () => {
  it('is at version 2 (v2 added volumes) with one store per collection plus the blob stores', () => {
    expect(SCHEMA_VERSION).toEqual(2);
    expect(OBJECT_STORES).toEqual(['images', 'tags', 'layers', 'containers', 'files', 'meta', 'volumes', 'blobs', 'blobSizes']);
  });

  it('upgrades a database that does not exist yet to the current schema', async () => {
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('fresh');
    const store = await IdbStore.open('fresh');
    await store.close();
    expect(await inspect('fresh')).toEqual({ version: SCHEMA_VERSION, stores: [...OBJECT_STORES].sort() });
  });

  it('opens the default database name "layerlab"', async () => {
    const store = await IdbStore.open();
    await store.close();
    expect(await inspect('layerlab')).toEqual({ version: SCHEMA_VERSION, stores: [...OBJECT_STORES].sort() });
  });

  it('steps aside when a newer build upgrades the database in another tab', async () => {
    const store = await IdbStore.open('outdated');
    // Would stay blocked forever if the old connection did not close itself.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('outdated', SCHEMA_VERSION + 1);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(store.load()).rejects.toThrow('store is closed');
  });

  it('upgrades a version 1 lab (no volumes store) to the current schema, keeping its records', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('v1-lab', 1);
      request.onupgradeneeded = () => {
        for (const s of ['images', 'tags', 'layers', 'containers', 'files', 'meta', 'blobs', 'blobSizes']) request.result.createObjectStore(s);
        request.transaction!.objectStore('images').put({ id: 'kept' }, 'sha256:kept');
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const store = await IdbStore.open('v1-lab');
    const snap = await store.load();
    await store.close();
    expect([...snap.images]).toEqual([['sha256:kept', { id: 'kept' }]]);
    expect([...snap.volumes]).toEqual([]);
    expect(await inspect('v1-lab')).toEqual({ version: SCHEMA_VERSION, stores: [...OBJECT_STORES].sort() });
  });

  it('refuses a database written by a newer schema with VersionError', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('future', SCHEMA_VERSION + 1);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(IdbStore.open('future')).rejects.toMatchObject({ name: 'VersionError' });
  });
});
