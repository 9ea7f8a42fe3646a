/**
 * The one contract every Store backend passes (design.md §6, style.md: "the
 * store runs one contract suite against every backend"). Each backend's test
 * file calls {@link storeContract} with a factory for fresh, isolated stores.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, emptySnapshot } from '../../worker/store/store.ts';
import type { Batch, Json, Snapshot, Store } from '../../worker/store/store.ts';
import { recordBytes } from '../../worker/store/batch.ts';

/** Optional capabilities of a backend that unlock more of the suite. */
export interface ContractOptions {
  /** Opens the same backing storage again after `closed` was closed; enables the persistence tests. */
  reopen?: (closed: Store) => Promise<Store>;
  /** Makes the next commit of `store` fail after it has begun writing; returns a function that undoes it. */
  injectFault?: (store: Store) => () => void;
}

/** Blob bytes and their real digest, as the engine would produce them. */
export function blob(text: string): { digest: string; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(text);
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes };
}

/** Plain-object view of a snapshot, so whole states compare with one toEqual. */
export function plain(snapshot: Snapshot): Record<string, Record<string, Json>> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, Object.fromEntries(snapshot[c])]));
}

/** Everything a store exposes, read back in one comparable value. */
export async function state(store: Store): Promise<{ records: unknown; blobs: unknown; usage: number }> {
  const digests = (await store.listBlobs()).sort();
  const blobs: Record<string, string> = {};
  for (const d of digests) blobs[d] = Buffer.from((await store.getBlob(d)) ?? []).toString('latin1');
  return { records: plain(await store.load()), blobs, usage: await store.usage() };
}

const empty = plain(emptySnapshot());

/** A batch touching every kind of change, used where the content does not matter. */
function richBatch(tag: string): Batch {
  return {
    put: COLLECTIONS.map((collection) => ({ collection, key: `k-${tag}`, value: { tag, n: [1, 2.5, null, true] } })),
    putBlobs: [blob(`layer ${tag}`), blob(`config ${tag}`)],
  };
}

/** Registers the contract tests for one backend. */
export function storeContract(name: string, makeStore: () => Promise<Store>, options: ContractOptions = {}): void {
  describe(`${name} store contract`, () => {
    it('starts empty', async () => {
      const store = await makeStore();
      expect(await state(store)).toEqual({ records: empty, blobs: {}, usage: 0 });
      await store.close();
    });

    it('puts, replaces and deletes records in every collection', async () => {
      const store = await makeStore();
      for (const collection of COLLECTIONS) {
        await store.commit({ put: [{ collection, key: 'a', value: { v: 1 } }, { collection, key: 'b', value: 'x' }] });
        await store.commit({ put: [{ collection, key: 'a', value: [collection] }] });
        await store.commit({ delete: [{ collection, key: 'b' }, { collection, key: 'missing' }] });
      }
      const expected = Object.fromEntries(COLLECTIONS.map((c) => [c, { a: [c] }]));
      expect(plain(await store.load())).toEqual(expected);
      await store.close();
    });

    it('puts, reads, lists and deletes blobs', async () => {
      const store = await makeStore();
      const a = blob('aaa');
      const b = blob('bbbb');
      await store.commit({ putBlobs: [a, b] });
      expect(await store.hasBlob(a.digest)).toBe(true);
      expect(Buffer.from((await store.getBlob(b.digest))!).toString()).toEqual('bbbb');
      expect((await store.listBlobs()).sort()).toEqual([a.digest, b.digest].sort());
      await store.commit({ deleteBlobs: [a.digest, blob('never stored').digest] });
      expect(await store.hasBlob(a.digest)).toBe(false);
      expect(await store.getBlob(a.digest)).toBeUndefined();
      expect(await store.listBlobs()).toEqual([b.digest]);
      await store.close();
    });

    it('stores a re-put blob once', async () => {
      const store = await makeStore();
      const a = blob('shared layer');
      await store.commit({ putBlobs: [a, { digest: a.digest, bytes: a.bytes }] });
      await store.commit({ putBlobs: [a] });
      expect(await state(store)).toEqual({ records: empty, blobs: { [a.digest]: 'shared layer' }, usage: 12 });
      await store.close();
    });

    it('stores only the viewed bytes of a subarray', async () => {
      const store = await makeStore();
      const whole = new TextEncoder().encode('....the layer....');
      const view = whole.subarray(4, 13);
      const { digest } = blob('the layer');
      const other = new TextEncoder().encode('..another layer..').subarray(2, 15);
      // Handed over or not, a view is stored as its bytes alone.
      await store.commit({ putBlobs: [{ digest, bytes: view }, { digest: blob('another layer').digest, bytes: other, handedOver: true }] });
      const back = (await store.getBlob(digest))!;
      const back2 = (await store.getBlob(blob('another layer').digest))!;
      // A stored view would keep its whole buffer: design.md §9 counts real bytes.
      expect([back.byteLength, back.buffer.byteLength, back2.byteLength, back2.buffer.byteLength, await store.usage()]).toEqual([9, 9, 13, 13, 22]);
      await store.close();
    });

    it('applies deletes before puts within one batch', async () => {
      const store = await makeStore();
      const a = blob('kept');
      await store.commit({ put: [{ collection: 'tags', key: 't', value: 1 }], putBlobs: [a] });
      await store.commit({
        delete: [{ collection: 'tags', key: 't' }],
        put: [{ collection: 'tags', key: 't', value: 2 }],
        deleteBlobs: [a.digest],
        putBlobs: [a],
      });
      expect(await state(store)).toEqual({
        records: { ...empty, tags: { t: 2 } },
        blobs: { [a.digest]: 'kept' },
        usage: 4 + recordBytes('t', '2'),
      });
      await store.close();
    });

    it('counts blob bytes and record JSON in usage, back to baseline after deletes', async () => {
      const store = await makeStore();
      const baseline = await store.usage();
      const blobs = [blob('x'.repeat(1000)), blob('y'.repeat(2000))];
      await store.commit({ putBlobs: blobs });
      expect(await store.usage()).toEqual(baseline + 3000);
      await store.commit({ put: [{ collection: 'images', key: 'ü', value: { name: 'é' } }] });
      expect(await store.usage()).toEqual(baseline + 3000 + recordBytes('ü', '{"name":"é"}'));
      await store.commit({ deleteBlobs: blobs.map((b) => b.digest), delete: [{ collection: 'images', key: 'ü' }] });
      expect(await store.usage()).toEqual(baseline);
      await store.close();
    });

    it('refuses an invalid batch as a whole, leaving the state as it was', async () => {
      const store = await makeStore();
      await store.commit(richBatch('before'));
      const before = await state(store);
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const bad: unknown[] = [circular, undefined, Number.NaN, new Date(0), () => 1, 10n];
      for (const value of bad) {
        const batch = richBatch('after');
        batch.put!.push({ collection: 'files', key: 'bad', value: value as Json });
        await expect(store.commit(batch)).rejects.toThrow(TypeError);
      }
      const wrong: Batch[] = [
        { ...richBatch('after'), put: [{ collection: 'nope' as 'files', key: 'k', value: 1 }] },
        { ...richBatch('after'), putBlobs: [{ digest: 'md5:abc', bytes: new Uint8Array(1) }] },
        { ...richBatch('after'), putBlobs: [{ digest: blob('z').digest, bytes: [1] as unknown as Uint8Array }] },
      ];
      for (const batch of wrong) await expect(store.commit(batch)).rejects.toThrow(TypeError);
      expect(await state(store)).toEqual(before);
      await store.close();
    });

    if (options.injectFault) {
      const injectFault = options.injectFault;
      it('leaves the state as it was when a commit fails midway', async () => {
        const store = await makeStore();
        await store.commit(richBatch('before'));
        const before = await state(store);
        const undo = injectFault(store);
        const batch = richBatch('after');
        batch.delete = [{ collection: 'images', key: 'k-before' }];
        batch.deleteBlobs = [blob('layer before').digest];
        await expect(store.commit(batch)).rejects.toThrow();
        undo();
        expect(await state(store)).toEqual(before);
        await store.commit(batch);
        expect(plain(await store.load()).images).toEqual({ 'k-after': { tag: 'after', n: [1, 2.5, null, true] } });
        await store.close();
      });
    }

    it('serializes concurrent commits in call order', async () => {
      const store = await makeStore();
      const pending: Array<Promise<void>> = [];
      for (let i = 0; i < 20; i++) {
        pending.push(store.commit({ put: [{ collection: 'meta', key: 'last', value: i }, { collection: 'meta', key: `n${i}`, value: i }] }));
        if (i === 9) pending.push(store.clear());
      }
      await Promise.all(pending);
      const expected: Record<string, number> = { last: 19 };
      for (let i = 10; i < 20; i++) expected[`n${i}`] = i;
      expect(plain(await store.load()).meta).toEqual(expected);
      await store.close();
    });

    it('round-trips a 20 MB blob', async () => {
      const store = await makeStore();
      const bytes = new Uint8Array(20 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 0xff;
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      await store.commit({ putBlobs: [{ digest, bytes }] });
      const back = await store.getBlob(digest);
      expect(back?.byteLength).toEqual(bytes.byteLength);
      expect(createHash('sha256').update(back!).digest('hex')).toEqual(digest.slice(7));
      expect(await store.usage()).toEqual(bytes.byteLength);
      await store.close();
    });

    it('never lets callers reach stored state through their values', async () => {
      const store = await makeStore();
      const value = { list: [1, 2] };
      const a = blob('original');
      const commit = store.commit({ put: [{ collection: 'containers', key: 'c', value }], putBlobs: [a] });
      // Mutate before the commit settles: it must have copied at call time.
      value.list.push(3);
      a.bytes.fill(0x21);
      const fromNode = Buffer.from('node buffer');
      const nodeCommit = store.commit({ putBlobs: [{ digest: blob('node buffer').digest, bytes: fromNode }] });
      fromNode.fill(0x21);
      await Promise.all([commit, nodeCommit]);
      expect(Buffer.from((await store.getBlob(blob('node buffer').digest))!).toString()).toEqual('node buffer');
      const loaded = await store.load();
      (loaded.containers.get('c') as { list: number[] }).list.push(4);
      expect(plain(await store.load()).containers).toEqual({ c: { list: [1, 2] } });
      expect(Buffer.from((await store.getBlob(a.digest))!).toString()).toEqual('original');
      await store.close();
    });

    it('clears everything and stays usable', async () => {
      const store = await makeStore();
      await store.commit(richBatch('one'));
      await store.clear();
      expect(await state(store)).toEqual({ records: empty, blobs: {}, usage: 0 });
      await store.commit({ putBlobs: [blob('after clear')] });
      expect((await state(store)).blobs).toEqual({ [blob('after clear').digest]: 'after clear' });
      await store.close();
    });

    it('refuses use after close', async () => {
      const store = await makeStore();
      await store.close();
      await expect(store.load()).rejects.toThrow('store is closed');
      await expect(store.commit({})).rejects.toThrow('store is closed');
    });

    if (options.reopen) {
      const reopen = options.reopen;
      it('keeps committed state across close and reopen', async () => {
        const first = await makeStore();
        await first.commit(richBatch('one'));
        await first.commit({ ...richBatch('two'), delete: [{ collection: 'tags', key: 'k-one' }], deleteBlobs: [blob('layer one').digest] });
        const before = await state(first);
        // Called before close(), so it must land even though nothing awaited it.
        const last = first.commit({ putBlobs: [blob('last')] });
        await first.close();
        await last;
        (before.blobs as Record<string, string>)[blob('last').digest] = 'last';
        before.usage += 4;
        const second = await reopen(first);
        expect(await state(second)).toEqual(before);
        await second.clear();
        await second.close();
        const third = await reopen(second);
        expect(await state(third)).toEqual({ records: empty, blobs: {}, usage: 0 });
        await third.close();
      });
    }
  });
}
