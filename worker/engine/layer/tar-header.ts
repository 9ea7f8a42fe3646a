/**
 * Tar header blocks exactly as Go's archive/tar writes them for Docker layers.
 *
 * Docker's layer tars are written by Go: moby's pkg/archive (graphdriver diffs, commit,
 * export) and containerd's archive.WriteDiff (BuildKit) both set `hdr.Format = tar.FormatPAX`.
 * Go then still writes a plain USTAR header when every field fits (PAX implies USTAR
 * allowed, archive/tar Header.allowedFormats), splitting a long ASCII path into the
 * ustar prefix/name fields; only when something does not fit (non-ASCII or unsplittable
 * name, linkname > 100 bytes, uname/gname > 32 bytes or non-ASCII, uid/gid ≥ 2^21,
 * size ≥ 8 GiB, mtime outside 11 octal digits) does it emit a typeflag 'x' extended
 * header, carrying every field that did not fit, before a header whose name is merely
 * truncated. test/layer/fixtures/go-sample.tar, recorded with Go's archive/tar, pins this.
 *
 * modern-tar (installed) was evaluated and not used for encoding: its packer is
 * Promise/ReadableStream based (no synchronous generator to feed a hash while streaming),
 * and its bytes differ from Go's: PAX headers named `PaxHeader/<name>` with mode 0644 and
 * the entry's owner and mtime (Go: `<dir>/PaxHeaders.0/<file>`, mode/uid/gid/mtime 0),
 * and devmajor/devminor left as NULs (Go writes "0000000"). Any such difference changes
 * the DiffID.
 */
import type { Entry } from './entry.ts';
import { encodeUtf8, isAscii } from './utf8.ts';

/** Tar block size. */
export const BLOCK = 512;

const TYPEFLAG = { file: 48, dir: 53, symlink: 50, hardlink: 49 } as const; // '0' '5' '2' '1'

/** Go's toASCII: drop every non-ASCII rune (and NUL). */
function toAscii(s: string): string {
  if (isAscii(s) && !s.includes('\0')) return s;
  let out = '';
  for (const ch of s) { const c = ch.codePointAt(0)!; if (c < 0x80 && c !== 0) out += ch; }
  return out;
}

/** Go formatter.formatString: copy, NUL-terminate if room, avoid a trailing '/' when truncated. */
function putString(b: Uint8Array, off: number, len: number, s: string): void {
  const n = Math.min(s.length, len);
  for (let i = 0; i < n; i++) b[off + i] = s.charCodeAt(i);
  if (s.length < len) b[off + s.length] = 0;
  if (s.length > len && b[off + len - 1] === 47) {
    let k = len;
    while (k > 0 && s.charCodeAt(k - 1) === 47) k--;
    b[off + k] = 0;
  }
}

function fitsOctal(len: number, x: number): boolean {
  return x >= 0 && (len >= 22 || x < 2 ** ((len - 1) * 3));
}

/** Go formatter.formatOctal: zero-padded, room left for a NUL; 0 when it does not fit. */
function putOctal(b: Uint8Array, off: number, len: number, x: number): void {
  const s = (fitsOctal(len, x) ? x : 0).toString(8);
  putString(b, off, len, s.length < len - 1 ? '0'.repeat(len - 1 - s.length) + s : s);
}

/** Fill magic/version ("ustar\0" "00") and the checksum ("%06o\0 "), as Go block.setFormat does. */
function finish(b: Uint8Array, off: number): void {
  putString(b, off + 257, 6, 'ustar\0');
  b[off + 263] = 48; b[off + 264] = 48;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[off + i]!;
  putOctal(b, off + 148, 7, sum);
  b[off + 155] = 32;
}

/** Go formatPAXRecord: "<len> key=value\n" where len counts itself. */
function paxRecord(k: string, v: string): string {
  const body = encodeUtf8(`${k}=${v}\n`).length + 1;
  let size = body + String(body).length;
  if (body + String(size).length !== size) size = body + String(size).length;
  return `${size} ${k}=${v}\n`;
}

/** Go path.Join(dir, "PaxHeaders.0", file) for a path.Split of the real name. */
function paxHeaderName(realName: string): string {
  const i = realName.lastIndexOf('/');
  const dir = realName.slice(0, i + 1).replace(/\/+$/, '');
  const file = realName.slice(i + 1);
  return [dir, 'PaxHeaders.0', file].filter((p) => p !== '').join('/');
}

/** Go splitUSTARPath: split a long ASCII name at a '/' into prefix (≤155) and name (≤100). */
function splitUstar(name: string): [string, string] | undefined {
  let length = name.length;
  if (length <= 100 || !isAscii(name)) return undefined;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.slice(0, length).lastIndexOf('/');
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** The tar name of an entry: directories carry a trailing '/' as Docker writes them. */
export function tarName(e: Entry): string {
  return e.type === 'dir' ? e.path + '/' : e.path;
}

/** The header blocks (extended header + its data, if needed, then the ustar block) of `e`. */
export function encodeHeader(e: Entry): Uint8Array {
  const name = tarName(e);
  const link = e.linkname ?? '';
  const uname = e.uname ?? '';
  const gname = e.gname ?? '';
  const size = e.type === 'file' ? e.size : 0;
  const pax: Record<string, string> = {};
  const tooLong = (s: string, n: number): boolean => !isAscii(s) || encodeUtf8(s).length > n;
  if (tooLong(name, 100)) pax.path = name;
  if (link && tooLong(link, 100)) pax.linkpath = link;
  if (tooLong(uname, 32)) pax.uname = uname;
  if (tooLong(gname, 32)) pax.gname = gname;
  if (!fitsOctal(8, e.uid)) pax.uid = String(e.uid);
  if (!fitsOctal(8, e.gid)) pax.gid = String(e.gid);
  if (!fitsOctal(12, size)) pax.size = String(size);
  if (!fitsOctal(12, e.mtime)) pax.mtime = String(e.mtime);
  // Go picks USTAR when the only misfit is a long path that splitUSTARPath can split.
  const split = splitUstar(name);
  const ustar = Object.keys(pax).every((k) => k === 'path') && (pax.path === undefined || split !== undefined);
  const keys = ustar ? [] : Object.keys(pax).sort();
  let paxData: Uint8Array | undefined;
  if (keys.length) paxData = encodeUtf8(keys.map((k) => paxRecord(k, pax[k]!)).join(''));
  const paxBlocks = paxData ? BLOCK + Math.ceil(paxData.length / BLOCK) * BLOCK : 0;
  const out = new Uint8Array(paxBlocks + BLOCK);
  if (paxData) {
    // Go writeRawFile: v7 fields only, mode/uid/gid/mtime 0, name truncated and '/'-trimmed.
    let pn = toAscii(paxHeaderName(name));
    if (pn.length > 100) pn = pn.slice(0, 100);
    putString(out, 0, 100, pn.replace(/\/+$/, ''));
    putOctal(out, 100, 8, 0);
    putOctal(out, 108, 8, 0);
    putOctal(out, 116, 8, 0);
    putOctal(out, 124, 12, paxData.length);
    putOctal(out, 136, 12, 0);
    out[156] = 120; // 'x'
    finish(out, 0);
    out.set(paxData, BLOCK);
  }
  // Go templateV7Plus + setFormat(FormatUSTAR | FormatPAX): same magic, same fields.
  const h = paxBlocks;
  if (ustar && split) {
    putString(out, h, 100, split[1]);
    putString(out, h + 345, 155, split[0]);
  } else {
    putString(out, h, 100, toAscii(name));
  }
  putOctal(out, h + 100, 8, e.mode & 0o7777);
  putOctal(out, h + 108, 8, e.uid);
  putOctal(out, h + 116, 8, e.gid);
  putOctal(out, h + 124, 12, size);
  putOctal(out, h + 136, 12, e.mtime);
  out[h + 156] = TYPEFLAG[e.type];
  putString(out, h + 157, 100, toAscii(link));
  putString(out, h + 265, 32, toAscii(uname));
  putString(out, h + 297, 32, toAscii(gname));
  putOctal(out, h + 329, 8, 0);
  putOctal(out, h + 337, 8, 0);
  finish(out, h);
  return out;
}
