/**
 * prepareBatch's copies of blob bytes: a copy at commit() time unless the
 * caller hands a whole buffer over (store.ts Batch.putBlobs), so a streamed
 * home file's 4 MiB chunks are not copied once more on their way to the store.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../worker/store/batch.ts';

const digest = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('prepareBatch blob bytes', () => {
  it('copies bytes not handed over, keeps a whole buffer handed over, and copies a handed-over view', () => {
    const kept = new Uint8Array([1, 2, 3]);
    const copied = new Uint8Array([4, 5, 6]);
    const whole = new Uint8Array([7, 8, 9, 10]);
    const view = whole.subarray(1, 3);
    const prepared = prepareBatch({
      putBlobs: [
        { digest: digest(kept), bytes: kept, handedOver: true },
        { digest: digest(copied), bytes: copied },
        { digest: digest(view), bytes: view, handedOver: true },
      ],
    });
    const [a, b, c] = prepared.putBlobs.map((p) => p.bytes);
    expect([a === kept, b === copied, c === view]).toEqual([true, false, false]);
    expect([[...b!], [...c!], c!.buffer.byteLength]).toEqual([[4, 5, 6], [8, 9], 2]);
  });
});
