import { afterEach, describe, expect, it, vi } from 'vitest';

const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
const expected = Array.from(bytes, (b) => String.fromCharCode(b)).join('');

// The byte<->string codec behind binary stdout, with and without Node's Buffer
// (the browser worker has none).
describe('latin1 conversions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('round-trips every byte with Buffer', async () => {
    const { bytesToLatin1, latin1ToBytes } = await import('../../worker/shell/output.ts');
    expect(bytesToLatin1(bytes.subarray(5))).toBe(expected.slice(5));
    expect(latin1ToBytes(expected)).toEqual(bytes);
  });

  it('round-trips every byte without Buffer', async () => {
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    const { bytesToLatin1, latin1ToBytes } = await import('../../worker/shell/output.ts');
    expect(bytesToLatin1(bytes.subarray(5))).toBe(expected.slice(5));
    expect(latin1ToBytes(expected)).toEqual(bytes);
  });
});
