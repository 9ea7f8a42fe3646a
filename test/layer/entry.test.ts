import { describe, expect, it } from 'vitest';
import { contentBytes, contentHead, entryProgram, isOpaqueMarker, isWhiteout, readText, whiteoutFor, whiteoutTarget } from '../../worker/engine/layer/entry.ts';
import { fillerBytes } from '../../worker/engine/layer/filler.ts';

describe('whiteouts', () => {
  it('recognise OCI whiteouts and opaque markers', () => {
    expect(isWhiteout('etc/.wh.hosts')).toBe(true);
    expect(isWhiteout('etc/hosts')).toBe(false);
    expect(isWhiteout('.wh.tmp')).toBe(true);
    expect(isOpaqueMarker('var/cache/.wh..wh..opq')).toBe(true);
    expect(isOpaqueMarker('var/cache/.wh.x')).toBe(false);
  });
  it('name the path they hide', () => {
    expect(whiteoutTarget('etc/.wh.hosts')).toBe('etc/hosts');
    expect(whiteoutTarget('.wh.tmp')).toBe('tmp');
    expect(whiteoutTarget('var/cache/.wh..wh..opq')).toBe('var/cache');
    expect(whiteoutTarget('etc/hosts')).toBeUndefined();
    expect(whiteoutFor('etc/hosts')).toBe('etc/.wh.hosts');
    expect(whiteoutFor('tmp')).toBe('.wh.tmp');
  });
});

describe('contents', () => {
  it('filler is deterministic, seed-dependent and prefix-stable', () => {
    expect(fillerBytes(3, 100)).toEqual(fillerBytes(3, 100));
    expect(fillerBytes(3, 100)).not.toEqual(fillerBytes(4, 100));
    expect(fillerBytes(3, 1001).subarray(0, 999)).toEqual(fillerBytes(3, 999));
  });
  it('readText decodes text and bytes', () => {
    const base = { path: 'a', type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0 };
    expect(readText({ ...base, size: 3, content: { kind: 'text', text: 'hé' } })).toBe('hé');
    expect(readText({ ...base, size: 3, content: { kind: 'bytes', bytes: Uint8Array.from([0xe2, 0x82, 0xac]) } })).toBe('€');
  });
});

describe('programs', () => {
  const base = { type: 'file' as const, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
  it('entryProgram reads the recipe or the bytes, contentHead matches the full content', () => {
    const bb = { ...base, path: 'bin/busybox', size: 4096, content: { kind: 'filler' as const, seed: 5, program: 'busybox' } };
    expect(entryProgram(bb)).toBe('busybox');
    const copied = { ...base, path: 'usr/bin/bb', size: 4096, content: { kind: 'bytes' as const, bytes: contentBytes(bb) } };
    expect(entryProgram(copied)).toBe('busybox');
    expect(contentHead(bb, 100)).toEqual(contentBytes(bb).subarray(0, 100));
    expect(entryProgram({ ...base, path: 'etc/motd', size: 3, content: { kind: 'text', text: 'hi\n' } })).toBeUndefined();
  });
});
