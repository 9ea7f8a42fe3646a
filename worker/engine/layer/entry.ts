/**
 * The filesystem entry model shared by image layers and container overlays.
 * Whiteouts follow the OCI image-spec layer format (the AUFS convention Docker uses):
 * a regular file `.wh.<name>` deletes `<name>` from lower layers, and `.wh..wh..opq`
 * inside a directory hides every lower entry of that directory.
 */
import { EXEC_PREFIX_BYTES, programOf } from './exec-marker.ts';
import { FillerStream, fillerBytes } from './filler.ts';
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

/** Kind of filesystem object; maps to tar typeflags '0', '5', '2', '1'. */
export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

/**
 * File bytes: literal bytes, UTF-8 text, or `filler` = deterministic pseudo-random bytes
 * of the entry's `size` from `seed` (see filler.ts); `program` makes the filler start with
 * the executable marker of exec-marker.ts.
 */
export type Content =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'filler'; seed: number; program?: string };

/** One filesystem entry of a layer or overlay. */
export interface Entry {
  /** Relative, no leading './' or '/', no trailing '/': 'etc/os-release'. */
  path: string;
  type: EntryType;
  /** Permission bits including setuid/setgid/sticky, e.g. 0o755. */
  mode: number;
  uid: number;
  gid: number;
  /** Modification time, unix seconds. */
  mtime: number;
  /** Symlink target, or the hardlink's target path (relative, like `path`). */
  linkname?: string;
  /** Content bytes for files; 0 for other types. */
  size: number;
  content?: Content;
  uname?: string;
  gname?: string;
}

/** Prefix of a whiteout file name. */
export const WHITEOUT_PREFIX = '.wh.';
/** Name of the opaque-directory marker. */
export const OPAQUE_MARKER = '.wh..wh..opq';

/** Last path component. */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Parent directory path ('' for top-level entries). */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** True for `.wh.<name>` whiteouts and for the opaque marker. */
export function isWhiteout(entry: Entry | string): boolean {
  const p = typeof entry === 'string' ? entry : entry.path;
  return baseName(p).startsWith(WHITEOUT_PREFIX);
}

/** True for `<dir>/.wh..wh..opq`. */
export function isOpaqueMarker(entry: Entry | string): boolean {
  const p = typeof entry === 'string' ? entry : entry.path;
  return baseName(p) === OPAQUE_MARKER;
}

/**
 * The path a whiteout hides: `a/.wh.b` → `a/b`; for an opaque marker `a/.wh..wh..opq`
 * → `a` (the directory whose lower contents are hidden). Undefined for non-whiteouts.
 */
export function whiteoutTarget(entry: Entry | string): string | undefined {
  const p = typeof entry === 'string' ? entry : entry.path;
  const base = baseName(p);
  if (!base.startsWith(WHITEOUT_PREFIX)) return undefined;
  const dir = dirName(p);
  if (base === OPAQUE_MARKER) return dir;
  const name = base.slice(WHITEOUT_PREFIX.length);
  return dir ? `${dir}/${name}` : name;
}

/** The whiteout path that deletes `path` (`a/b` → `a/.wh.b`). */
export function whiteoutFor(path: string): string {
  const dir = dirName(path);
  const name = WHITEOUT_PREFIX + baseName(path);
  return dir ? `${dir}/${name}` : name;
}

/** The bytes of a file entry (empty for non-files); filler is generated on each call. */
export function contentBytes(entry: Entry): Uint8Array {
  if (entry.type !== 'file' || !entry.content) return new Uint8Array(entry.type === 'file' ? entry.size : 0);
  const c = entry.content;
  if (c.kind === 'bytes') return c.bytes;
  if (c.kind === 'text') return encodeUtf8(c.text);
  return fillerBytes(c.seed, entry.size, c.program);
}

/**
 * The bytes of a file entry in chunks of at most `chunkSize`: a filler file
 * of hundreds of MB is generated a chunk at a time (`docker cp` to the host).
 */
export function* contentChunks(entry: Entry, chunkSize = 1 << 20): Generator<Uint8Array> {
  const c = entry.content;
  if (entry.type !== 'file' || c?.kind !== 'filler') {
    const bytes = contentBytes(entry);
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    return;
  }
  // Multiples of 4 but the last, as FillerStream.fill needs.
  const gen = new FillerStream(c.seed, c.program);
  for (let left = entry.size; left > 0; left -= chunkSize) {
    const out = new Uint8Array(Math.min(chunkSize, left));
    gen.fill(out);
    yield out;
  }
}

/** The first `n` bytes of a file's content, without generating the rest of a filler file. */
export function contentHead(entry: Entry, n: number): Uint8Array {
  const c = entry.content;
  if (entry.type === 'file' && c?.kind === 'filler') {
    const out = new Uint8Array(Math.min(n, entry.size));
    new FillerStream(c.seed, c.program).fill(out);
    return out;
  }
  return contentBytes(entry).subarray(0, n);
}

/**
 * The simulated program a file is (exec-marker.ts), or undefined: read from the filler
 * recipe when there is one, else from the first bytes (files loaded, copied or committed).
 */
export function entryProgram(entry: Entry): string | undefined {
  if (entry.type !== 'file') return undefined;
  const c = entry.content;
  if (c?.kind === 'filler') return c.program;
  return programOf(contentHead(entry, EXEC_PREFIX_BYTES));
}

/** A file entry's content decoded as UTF-8. */
export function readText(entry: Entry): string {
  if (entry.content?.kind === 'text') return entry.content.text;
  return decodeUtf8(contentBytes(entry));
}
