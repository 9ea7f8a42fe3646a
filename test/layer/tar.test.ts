import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { contentBytes } from '../../worker/engine/layer/entry.ts';
import { programOf } from '../../worker/engine/layer/exec-marker.ts';
import { describeLayer } from '../../worker/engine/layer/layer.ts';
import { readTar } from '../../worker/engine/layer/tar-read.ts';
import { tarBytes, tarChunks } from '../../worker/engine/layer/tar-write.ts';

const T = 1752577276; // 2025-07-15T11:01:16Z
const longDir = 'usr/lib/python3.9/site-packages/pip/_vendor/very/long/directory/name/that/goes/past/one/hundred/bytes';
const sample: Entry[] = [
  { path: 'bin', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'bin/busybox', type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 5000, content: { kind: 'filler', seed: 7, program: 'busybox' } },
  { path: 'bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, size: 0, linkname: '/bin/busybox' },
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'etc/motd', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 8, content: { kind: 'text', text: 'welcome\n' } },
  { path: 'etc/.wh.hosts', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'etc/motd2', type: 'hardlink', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0, linkname: 'etc/motd' },
  { path: 'tmp', type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'usr/bin/passwd', type: 'file', mode: 0o4755, uid: 0, gid: 0, mtime: T, size: 3, content: { kind: 'text', text: 'pw\n' } },
  { path: `${longDir}/file.txt`, type: 'file', mode: 0o644, uid: 1000, gid: 1000, mtime: T, size: 2, content: { kind: 'text', text: 'ok' }, uname: 'app', gname: 'app' },
  { path: 'home/zoë', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
];

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

  it('is listed by GNU tar as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
    const file = join(dir, 'layer.tar');
    writeFileSync(file, tarBytes(sample));
    const out = execFileSync('tar', ['--utc', '--numeric-owner', '-tvf', file], { encoding: 'utf8' });
    expect(out).toEqual([
      'drwxr-xr-x 0/0               0 2025-07-15 11:01 bin/',
      '-rwxr-xr-x 0/0            5000 2025-07-15 11:01 bin/busybox',
      'lrwxrwxrwx 0/0               0 2025-07-15 11:01 bin/sh -> /bin/busybox',
      'drwxr-xr-x 0/0               0 2025-07-15 11:01 etc/',
      '-rw-r--r-- 0/0               8 2025-07-15 11:01 etc/motd',
      '-rw-r--r-- 0/0               0 2025-07-15 11:01 etc/.wh.hosts',
      'hrw-r--r-- 0/0               0 2025-07-15 11:01 etc/motd2 link to etc/motd',
      'drwxrwxrwt 0/0               0 2025-07-15 11:01 tmp/',
      '-rwsr-xr-x 0/0               3 2025-07-15 11:01 usr/bin/passwd',
      `-rw-r--r-- 1000/1000         2 2025-07-15 11:01 ${longDir}/file.txt`,
      'drwxr-xr-x 0/0               0 2025-07-15 11:01 home/zoë/',
      '',
    ].join('\n'));
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
    expect(describeLayer(sample).size).toBe(5000 + 8 + 3 + 2);
  });

  it('marks executables with their program in the first bytes', () => {
    expect(programOf(contentBytes(sample[1]!))).toBe('busybox');
    expect(programOf(contentBytes(sample[4]!))).toBeUndefined();
  });
});
