import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { contentBytes } from '../../worker/engine/layer/entry.ts';
import { programOf } from '../../worker/engine/layer/exec-marker.ts';
import { describeLayer } from '../../worker/engine/layer/layer.ts';
import { readTar } from '../../worker/engine/layer/tar-read.ts';
import { tarBytes, tarChunks } from '../../worker/engine/layer/tar-write.ts';
import { LONG_DIR as longDir, SAMPLE } from './sample.ts';

const T = 1752577276; // 2025-07-15T11:01:16Z
const sample = SAMPLE;
const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

describe('tar writer', () => {
  it('writes Go archive/tar blocks: headers, padded content, 1024-byte trailer', () => {
    const tar = tarBytes(sample);
    expect(tar.length % 512).toBe(0);
    expect([...tar.subarray(tar.length - 1024)].every((b) => b === 0)).toBe(true);
    const first = tar.subarray(0, 512);
    const field = (o: number, n: number): string => String.fromCharCode(...first.subarray(o, o + n));
    expect(field(0, 5)).toBe('bin/\0');
    expect(field(100, 8)).toBe('0000755\0');
    expect(field(124, 12)).toBe('00000000000\0');
    expect(field(136, 12)).toBe('15035432374\0');
    expect(field(156, 1)).toBe('5');
    expect(field(257, 8)).toBe('ustar\x0000');
    expect(field(329, 16)).toBe('0000000\x000000000\0');
    expect(field(148, 8)).toMatch(/^0[0-7]{5}\0 $/);
  });

  it('streams the same bytes in any chunk size', () => {
    const whole = tarBytes(sample);
    const pieces = [...tarChunks(sample, 1024)];
    expect(pieces.every((p, i) => i === pieces.length - 1 || p.length === 1024)).toBe(true);
    expect(Buffer.concat(pieces).equals(Buffer.from(whole))).toBe(true);
  });

  it('is byte-identical to what Go archive/tar writes (moby/containerd settings)', () => {
    const go = readFileSync(here('./fixtures/go-sample.tar'));
    expect(Buffer.from(tarBytes(sample)).equals(go)).toBe(true);
  });

  it('is listed by GNU tar as Go\'s tar is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
    const file = join(dir, 'layer.tar');
    writeFileSync(file, tarBytes(sample));
    const out = execFileSync('tar', ['--utc', '--numeric-owner', '-tvf', file], { encoding: 'utf8' });
    expect(out).toEqual(readFileSync(here('./fixtures/go-sample.listing.txt'), 'utf8'));
    const extracted = execFileSync('tar', ['-xOf', file, 'etc/motd'], { encoding: 'utf8' });
    expect(extracted).toEqual('welcome\n');
  });
});

describe('tar reader', () => {
  it('round-trips: write → read → write gives identical bytes', () => {
    const first = tarBytes(sample);
    const entries = readTar(first);
    expect(entries.map((e) => e.path)).toEqual(sample.map((e) => e.path));
    expect(entries[9]!.uname).toBe('app');
    expect(entries.find((e) => e.path === 'var/big-uid')).toMatchObject({ uid: 3000000, gid: 3000001, uname: 'a-very-long-user-name-beyond-32-bytes' });
    expect(entries.find((e) => e.path.startsWith('opt/é'))!.linkname).toBe('ü');
    expect(Buffer.from(tarBytes(entries)).equals(Buffer.from(first))).toBe(true);
  });

  it('reads archives written by GNU tar (long names, prefixes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-gnu-'));
    const root = join(dir, 'root');
    execFileSync('mkdir', ['-p', join(root, longDir)]);
    writeFileSync(join(root, longDir, 'file.txt'), 'hello\n');
    execFileSync('ln', ['-s', 'file.txt', join(root, longDir, 'link')]);
    for (const format of ['gnu', 'posix', 'ustar']) {
      const file = join(dir, `${format}.tar`);
      execFileSync('tar', [`--format=${format}`, '--sort=name', '-C', root, '-cf', file, '.']);
      const entries = readTar(new Uint8Array(execFileSync('cat', [file])));
      const f = entries.find((e) => e.path === `${longDir}/file.txt`)!;
      expect(new TextDecoder().decode(contentBytes(f))).toBe('hello\n');
      expect(entries.find((e) => e.path === `${longDir}/link`)!.linkname).toBe('file.txt');
      expect(entries.some((e) => e.path === '')).toBe(false);
    }
  });

  it('rejects a corrupt header with Go archive/tar words', () => {
    const bad = tarBytes(sample);
    bad[0] = 'X'.charCodeAt(0);
    expect(() => readTar(bad)).toThrow('archive/tar: invalid tar header');
  });
});

describe('layer description', () => {
  it('hello-world: one 10072-byte file is a 10072-byte layer', () => {
    const hello: Entry[] = [{ path: 'hello', type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 10072, content: { kind: 'filler', seed: 1, program: 'hello' } }];
    const d = describeLayer(hello);
    expect(d.size).toBe(10072);
    expect(d.tarSize).toBe(512 + 10240 + 1024);
    expect(d.diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('counts hardlinked content once', () => {
    expect(describeLayer(sample).size).toBe(5000 + 8 + 3 + 2 + 1 + 1 + 513);
  });

  it('marks executables with their program in the first bytes', () => {
    expect(programOf(contentBytes(sample[1]!))).toBe('busybox');
    expect(programOf(contentBytes(sample[4]!))).toBeUndefined();
  });
});
