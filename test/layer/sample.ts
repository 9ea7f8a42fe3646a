/**
 * Entries that exercise every header rule of Go's archive/tar in PAX mode (as Docker
 * writes layers): long names and link targets, non-ASCII names, big uids, long user
 * names, special mode bits, hard links, whiteouts. fixtures/go-sample.tar is what Go
 * writes for them (fixtures/go-tar/main.go; regenerate with fixtures/go-tar/regen.sh).
 */
import type { Entry } from '../../worker/engine/layer/entry.ts';

const T = 1752577276; // 2025-07-15T11:01:16Z
/** A directory path longer than 100 bytes. */
export const LONG_DIR = 'usr/lib/python3.9/site-packages/pip/_vendor/very/long/directory/name/that/goes/past/one/hundred/bytes';

/** The sample layer. */
export const SAMPLE: Entry[] = [
  { path: 'bin', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'bin/busybox', type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 5000, content: { kind: 'filler', seed: 7, program: 'busybox' } },
  { path: 'bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, size: 0, linkname: '/bin/busybox' },
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'etc/motd', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 8, content: { kind: 'text', text: 'welcome\n' } },
  { path: 'etc/.wh.hosts', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'etc/motd2', type: 'hardlink', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0, linkname: 'etc/motd' },
  { path: 'tmp', type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'usr/bin/passwd', type: 'file', mode: 0o4755, uid: 0, gid: 0, mtime: T, size: 3, content: { kind: 'text', text: 'pw\n' } },
  { path: `${LONG_DIR}/file.txt`, type: 'file', mode: 0o644, uid: 1000, gid: 1000, mtime: T, size: 2, content: { kind: 'text', text: 'ok' }, uname: 'app', gname: 'app' },
  { path: 'home/zoë', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'var/cache/.wh..wh..opq', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0 },
  { path: 'var/link-to-long', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, size: 0, linkname: `/${LONG_DIR}/file.txt` },
  { path: 'var/big-uid', type: 'file', mode: 0o600, uid: 3000000, gid: 3000001, mtime: T, size: 1, content: { kind: 'text', text: 'x' }, uname: 'a-very-long-user-name-beyond-32-bytes', gname: 'grp' },
  { path: `${LONG_DIR}/${'d'.repeat(60)}`, type: 'dir', mode: 0o2775, uid: 0, gid: 50, mtime: T, size: 0 },
  { path: `${LONG_DIR}/owned-by-long-name`, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 0, uname: 'x'.repeat(40) },
  { path: `opt/${'n'.repeat(120)}`, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 1, content: { kind: 'text', text: 'y' } },
  { path: `opt/${'é'.repeat(60)}/x`, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, size: 0, linkname: 'ü' },
  { path: 'var/old', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 513, content: { kind: 'filler', seed: 9 } },
];
