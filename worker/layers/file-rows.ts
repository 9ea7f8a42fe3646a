/**
 * Rows of the explorer's file trees: `ls -l`'s mode string, nesting depth,
 * and whether a file can be shown as text.
 */
import type { Entry } from '../engine/layer/entry.ts';
import type { FileRow } from './types.ts';

const TYPE_CHAR: Record<string, string> = { file: '-', dir: 'd', symlink: 'l', hardlink: '-' };

/** The mode as `ls -l` prints it: `drwxr-xr-x`, with s/S, t/T for setuid, setgid and sticky (coreutils filemode.c). */
export function modeString(type: Entry['type'], mode: number): string {
  const bit = (m: number, c: string) => (mode & m ? c : '-');
  const special = (x: number, s: number, lower: string, upper: string) => (mode & s ? (mode & x ? lower : upper) : mode & x ? 'x' : '-');
  return (
    (TYPE_CHAR[type] ?? '-') +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T')
  );
}

/** Nesting level of a relative path (0 for top-level entries). */
export function depthOf(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) n++;
  return n;
}

/** A listing row for an entry; marks and provenance are added by the caller. */
export function rowOf(e: Entry): FileRow {
  const row: FileRow = { path: e.path, depth: depthOf(e.path), type: e.type, mode: modeString(e.type, e.mode), size: e.type === 'file' ? e.size : 0, text: e.type === 'file' };
  if (e.linkname !== undefined) row.linkname = e.linkname;
  return row;
}

/** How many bytes of a file the explorer shows. */
export const TEXT_LIMIT = 64 * 1024;

/** Whether bytes read as text: no NUL, valid UTF-8 (the test `file` and `less` use, simplified). */
export function looksText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // A cut in the middle of a multi-byte character at the limit is still text.
    if (bytes.length < TEXT_LIMIT) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - 3));
      return true;
    } catch {
      return false;
    }
  }
}
