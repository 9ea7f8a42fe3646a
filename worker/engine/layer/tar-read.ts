/**
 * Parse a tar archive (ustar, PAX extended headers, GNU long names as GNU tar and Go's
 * archive/tar write them) into Entry[] with literal byte contents. Used by `docker load`
 * and `docker cp`. Errors use Go archive/tar's words, which Docker passes through
 * (`Error response from daemon: archive/tar: invalid tar header`).
 * Not modern-tar's decoder: it is ReadableStream/Promise based, and `docker load`/`cp`
 * here parse an in-memory archive synchronously inside one engine command.
 * Not supported (Docker layers never contain them): GNU sparse files, devices, FIFOs —
 * such entries are skipped.
 */
import type { Entry, EntryType } from './entry.ts';
import { BLOCK } from './tar-header.ts';
import { decodeUtf8 } from './utf8.ts';

/** A tar parse failure; `message` is Go archive/tar's error text. */
export class TarFormatError extends Error {}

const TYPES: Record<string, EntryType> = { '0': 'file', '\0': 'file', '7': 'file', '5': 'dir', '2': 'symlink', '1': 'hardlink' };

function str(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return decodeUtf8(b.subarray(off, end));
}

/** Go parseNumeric: octal text, or base-256 when the top bit of the first byte is set. */
function num(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    let v = b[off]! & 0x3f;
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i]!;
    return b[off]! & 0x40 ? -v : v;
  }
  const s = str(b, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function isZero(b: Uint8Array, off: number): boolean {
  for (let i = 0; i < BLOCK; i++) if (b[off + i] !== 0) return false;
  return true;
}

function checksumOk(b: Uint8Array, off: number): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const v = i >= 148 && i < 156 ? 32 : b[off + i]!;
    unsigned += v;
    signed += v > 127 ? v - 256 : v;
  }
  const stored = num(b, off + 148, 8);
  return stored === unsigned || stored === signed;
}

/** Go parsePAX: "<len> key=value\n" records. */
function parsePax(data: Uint8Array): Record<string, string> {
  const text = decodeUtf8(data);
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const eq = text.indexOf('=', sp);
    const nl = text.indexOf('\n', eq);
    if (eq < 0 || nl < 0) throw new TarFormatError('archive/tar: invalid tar header');
    out[text.slice(sp + 1, eq)] = text.slice(eq + 1, nl);
    i = nl + 1;
  }
  return out;
}

function clean(name: string): string {
  let p = name;
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  while (p.endsWith('/')) p = p.slice(0, -1);
  return p === '.' ? '' : p;
}

/** Parse all entries of `tar`. File contents are copied out (`slice`), not views of `tar`. */
export function readTar(tar: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let ended = false;
  while (off + BLOCK <= tar.length) {
    if (isZero(tar, off)) {
      ended = true; // end-of-archive marker
      break;
    }
    if (!checksumOk(tar, off)) throw new TarFormatError('archive/tar: invalid tar header');
    const h = off;
    const flag = String.fromCharCode(tar[h + 156]!);
    const meta = flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K';
    const size = !meta && pax.size !== undefined ? Number(pax.size) : num(tar, h + 124, 12);
    const dataOff = off + BLOCK;
    const next = dataOff + Math.ceil(size / BLOCK) * BLOCK;
    if (dataOff + size > tar.length) throw new TarFormatError('unexpected EOF');
    const data = tar.subarray(dataOff, dataOff + size);
    off = next;
    if (flag === 'x') { pax = { ...pax, ...parsePax(data) }; continue; }
    if (flag === 'g') continue; // global header: nothing Docker layers rely on
    if (flag === 'L') { longName = str(data, 0, data.length); continue; }
    if (flag === 'K') { longLink = str(data, 0, data.length); continue; }
    const magic = str(tar, h + 257, 6);
    let name = str(tar, h, 100);
    if (magic === 'ustar' && tar[h + 263] === 48) {
      const prefix = str(tar, h + 345, 155);
      if (prefix) name = prefix + '/' + name;
    }
    name = pax.path ?? longName ?? name;
    const type = TYPES[flag];
    const path = clean(name);
    if (type && path !== '') {
      const e: Entry = {
        path,
        type,
        mode: num(tar, h + 100, 8) & 0o7777,
        uid: pax.uid !== undefined ? Number(pax.uid) : num(tar, h + 108, 8),
        gid: pax.gid !== undefined ? Number(pax.gid) : num(tar, h + 116, 8),
        mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : num(tar, h + 136, 12),
        size: type === 'file' ? size : 0,
      };
      const link = pax.linkpath ?? longLink ?? str(tar, h + 157, 100);
      if (type === 'symlink') e.linkname = link;
      if (type === 'hardlink') e.linkname = clean(link);
      const uname = pax.uname ?? str(tar, h + 265, 32);
      const gname = pax.gname ?? str(tar, h + 297, 32);
      if (uname) e.uname = uname;
      if (gname) e.gname = gname;
      if (type === 'file') e.content = { kind: 'bytes', bytes: data.slice() };
      entries.push(e);
    }
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  // Go's tar.Reader: a header block cut short is io.ErrUnexpectedEOF (`docker load` of a file that is not an archive).
  if (!ended && off < tar.length) throw new TarFormatError('unexpected EOF');
  return entries;
}
