/**
 * The build context as the daemon receives it: the tar the client sent
 * (already filtered by .dockerignore on the client side, as docker/cli's
 * build command filters it), read into a tree, and the COPY/ADD source
 * selection over it: Go filepath.Match globs, a directory copies its
 * contents, and the content checksum both builders key their cache on.
 */
import { sha256Hex } from '../digest.ts';
import { baseName, contentBytes, type Entry } from '../layer/entry.ts';
import { readTar } from '../layer/tar-read.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import { Tree, walkOrder } from '../containers/tree.ts';

/** One selected source: the context entry and its path relative to what is copied. */
export interface Source {
  entry: Entry;
  /** Path below the destination (`hello.txt`, `sub/a.txt`). */
  rel: string;
}

/** The unpacked build context. */
export class BuildContext {
  readonly tree = new Tree();
  /** Bytes of the tar as sent (the legacy `Sending build context` figure). */
  readonly size: number;

  constructor(tar: Uint8Array) {
    this.size = tar.length;
    for (const e of readTar(tar)) {
      const path = e.path.replace(/^\.\//, '').replace(/\/$/, '');
      if (path !== '') this.tree.put({ ...e, path });
    }
  }

  /** A file's text (the Dockerfile), or undefined. */
  text(path: string): string | undefined {
    const e = this.tree.get(clean(path));
    if (!e || e.type !== 'file') return undefined;
    return new TextDecoder().decode(contentBytes(e));
  }

  /** The entries a COPY source names (see {@link selectSources}). */
  select(source: string): Source[] | undefined {
    return selectSources(this.tree, source);
  }
}

/**
 * The entries a COPY source names in a tree: a glob is matched per path
 * component (Go filepath.Match); a directory stands for its contents.
 * Undefined when nothing matches (the "not found" errors).
 */
export function selectSources(tree: Tree, source: string): Source[] | undefined {
  const matches = matchPaths(tree, source);
  if (matches.length === 0) return undefined;
  const out: Source[] = [];
  for (const path of matches) {
    const e = path === '' ? undefined : tree.get(path);
    if (path === '' || e?.type === 'dir') {
      for (const c of below(tree, path)) out.push({ entry: c, rel: path === '' ? c.path : c.path.slice(path.length + 1) });
    } else if (e) out.push({ entry: e, rel: baseName(path) });
  }
  return out;
}

/** The paths a COPY source names in a tree ('' for the root), a glob's in walk order. */
export function matchPaths(tree: Tree, source: string): string[] {
  const pattern = clean(source);
  if (pattern === '') return [''];
  if (!/[*?[]/.test(pattern)) return tree.get(pattern) ? [pattern] : [];
  const re = new RegExp('^' + pattern.split('/').map(globPart).join('/') + '$');
  return [...tree.entries.keys()].filter((p) => re.test(p)).sort(walkOrder);
}

/** The entries below a directory ('' = the whole tree), in walk order. */
export function below(tree: Tree, dir: string): Entry[] {
  const out: Entry[] = [];
  for (const e of tree.entries.values()) if (e.path !== '' && (dir === '' || e.path.startsWith(dir + '/'))) out.push(e);
  return out.sort((a, b) => walkOrder(a.path, b.path));
}

/** filepath.Match for one path component. */
function globPart(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = part.indexOf(']', i + 1);
      out += end < 0 ? '\\[' : '[' + part.slice(i + 1, end).replace(/^\^/, '^') + ']';
      if (end >= 0) i = end;
    } else if (c === '\\' && i + 1 < part.length) out += '\\' + part[++i];
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

/** A context path without `./`, leading `/` or trailing `/` (filepath.Clean, relative). */
export function clean(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/**
 * The checksum of copied sources: each entry's path, type, mode, owner and
 * content, in order. Like BuildKit's contenthash (and moby's tarsum for the
 * legacy builder), mtimes are left out, so touching a file keeps the cache
 * while changing a byte, a name or a permission invalidates it.
 */
export function sourcesChecksum(sources: readonly Source[]): string {
  const h: string[] = [];
  for (const s of sources) {
    const e = s.entry;
    const body = e.type === 'file' ? sha256Hex(contentBytes(e)) : e.type === 'symlink' || e.type === 'hardlink' ? e.linkname ?? '' : '';
    h.push(`${s.rel}\0${e.type}\0${(e.mode & 0o7777).toString(8)}\0${body}`);
  }
  return sha256Hex(encodeUtf8(h.join('\n')));
}
