import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../worker/store/idb-store.ts';
import { StoreFullError } from '../../worker/store/store.ts';
import type { Store } from '../../worker/store/store.ts';
import { blob, state } from './contract.ts';
import { failPutsAfter, quotaError } from './idb-fault.ts';

/** A store holding one image record and one layer, the state each test must keep. */
async function seeded(name: string): Promise<Store> {
  const store = await IdbStore.open(name);
  await store.commit({ put: [{ collection: 'images', key: 'i1', value: { id: 'i1' } }], putBlobs: [blob('layer 1')] });
  return store;
}

const growth = {
  put: [{ collection: 'images' as const, key: 'i2', value: { id: 'i2' } }],
  delete: [{ collection: 'images' as const, key: 'i1' }],
  putBlobs: [blob('layer 2'), blob('layer 3')],
};

describe('idb store refusals', () => {
  it('maps QuotaExceededError on a put to StoreFullError and keeps the state', async () => {
    const store = await seeded('quota');
    const before = await state(store);
    const undo = failPutsAfter(2, quotaError);
    const error = await store.commit(growth).catch((e: unknown) => e);
    undo();
    expect(error).toBeInstanceOf(StoreFullError);
    expect(error).toMatchObject({ code: 'ENOSPC', message: 'no space left on device', cause: { name: 'QuotaExceededError' } });
    expect(await state(store)).toEqual(before);
    await store.close();
    const reopened = await IdbStore.open('quota');
    expect(await state(reopened)).toEqual(before);
    await reopened.close();
  });

  it('rolls back when a request fails asynchronously, passing other errors through', async () => {
    const store = await seeded('constraint');
    const before = await state(store);
    // add() of an existing key fails with ConstraintError in the request's
    // error event, after the earlier requests of the batch succeeded.
    const proto = globalThis.IDBObjectStore.prototype;
    const original = proto.put;
    proto.put = function put(this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      return this.name === 'images' ? this.add(value, 'i1') : original.call(this, value, key);
    };
    const error = await store.commit({ ...growth, delete: [] }).catch((e: unknown) => e);
    proto.put = original;
    expect(error).toMatchObject({ name: 'ConstraintError' });
    expect(error).not.toBeInstanceOf(StoreFullError);
    expect(await state(store)).toEqual(before);
    await store.close();
  });

  it('maps InvalidStateError on open (Firefox private mode) to StoreFullError', async () => {
    const open = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      await expect(IdbStore.open('private')).rejects.toBeInstanceOf(StoreFullError);
    } finally {
      indexedDB.open = open;
    }
  });

  it('maps a missing IndexedDB to StoreFullError', async () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      await expect(IdbStore.open('none')).rejects.toBeInstanceOf(StoreFullError);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
