/**
 * COPY and ADD: which entries land where. Docker's rules (moby
 * builder/dockerfile/copy.go, BuildKit's FileOp copy): the destination is a
 * directory when it ends in `/`, when several sources or a directory are
 * copied, or when it already is one; a directory source copies its
 * contents; relative destinations resolve against WORKDIR; mode and mtime
 * are kept, owner becomes root unless `--chown`, mode is replaced by
 * `--chmod`. ADD also unpacks a local tar archive into the destination and
 * fetches URLs (which fail as without a network: the page is offline).
 */
import type { Entry } from '../layer/entry.ts';
import { contentBytes, readText } from '../layer/entry.ts';
import { gunzipSync } from 'fflate';
import { readTar } from '../layer/tar-read.ts';
import type { Tree } from '../containers/tree.ts';
import type { Source } from './context.ts';
import { joinWorkdir } from './words.ts';

/** --chown/--chmod as given. */
export interface CopyOptions {
  chown?: string;
  chmod?: string;
  /** ADD: unpack tar archives. */
  unpack: boolean;
}

/** Resolves `user[:group]` against the stage's /etc/passwd and /etc/group, as both builders do. */
export function resolveChown(spec: string, tree: Tree): { uid: number; gid: number } {
  const [user, group] = spec.split(':') as [string, string | undefined];
  const lookup = (file: string, name: string, what: string): number => {
    if (/^\d+$/.test(name)) return Number(name);
    const e = tree.get(file);
    const line = e ? readText(e).split('\n').find((l) => l.split(':')[0] === name) : undefined;
    if (!line) throw new Error(`unable to find ${what} ${name}: no matching entries in ${what === 'user' ? 'passwd' : 'group'} file`);
    return Number(line.split(':')[2]);
  };
  const uid = lookup('etc/passwd', user, 'user');
  let gid = uid;
  if (group !== undefined) gid = lookup('etc/group', group, 'group');
  else if (!/^\d+$/.test(user)) {
    const e = tree.get('etc/passwd');
    const line = e ? readText(e).split('\n').find((l) => l.split(':')[0] === user) : undefined;
    gid = Number(line?.split(':')[3] ?? uid);
  }
  return { uid, gid };
}

/** Whether file bytes are a tar archive (ustar magic at offset 257). */
function isTar(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const magic = String.fromCharCode(...bytes.slice(257, 262));
  return magic === 'ustar';
}

/**
 * The tar inside a local ADD source, if it is one: plain, or gzip-compressed
 * (moby's archive.DecompressStream detects the format by its magic; bzip2
 * and xz, which it also reads, are rare in lessons and not simulated).
 */
function tarOf(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const inner = gunzipSync(bytes);
      return isTar(inner) ? inner : undefined;
    } catch {
      return undefined;
    }
  }
  return isTar(bytes) ? bytes : undefined;
}

/**
 * The entries a COPY/ADD writes, with absolute-under-root paths (no leading
 * `/`), given the selected sources of every source argument.
 */
export function copyTargets(
  groups: ReadonlyArray<{ arg: string; sources: Source[]; dir: boolean }>,
  dest: string,
  workdir: string,
  destIsDirInImage: (path: string) => boolean,
  opts: CopyOptions,
  owner: { uid: number; gid: number } | undefined,
): Entry[] {
  const target = joinWorkdir(workdir || '/', dest);
  const many = groups.length > 1 || groups.some((g) => /[*?[]/.test(g.arg));
  const dirSource = groups.some((g) => g.dir);
  const intoDir = dest.endsWith('/') || dest === '.' || many || dirSource || destIsDirInImage(target);
  const root = target.replace(/^\/+/, '');
  const mode = opts.chmod ? parseInt(opts.chmod, 8) : undefined;
  const out: Entry[] = [];
  const place = (e: Entry, rel: string) => {
    const path = intoDir ? (root ? `${root}/${rel}` : rel) : root;
    const placed: Entry = { ...e, path, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0 };
    delete placed.uname;
    delete placed.gname;
    if (mode !== undefined && e.type !== 'symlink') placed.mode = mode;
    if (e.type === 'hardlink' && e.linkname) placed.linkname = root ? `${root}/${e.linkname}` : e.linkname;
    out.push(placed);
  };
  for (const g of groups) {
    for (const s of g.sources) {
      const tar = opts.unpack && s.entry.type === 'file' ? tarOf(contentBytes(s.entry)) : undefined;
      if (tar) {
        for (const inner of readTar(tar)) {
          const rel = inner.path.replace(/^\.?\/+/, '').replace(/\/$/, '');
          if (rel === '') continue;
          const p = root ? `${root}/${rel}` : rel;
          out.push({ ...inner, path: p, ...(inner.type === 'hardlink' && inner.linkname ? { linkname: root ? `${root}/${inner.linkname.replace(/^\.?\/+/, '')}` : inner.linkname } : {}) });
        }
        continue;
      }
      place(s.entry, s.rel);
    }
  }
  return out;
}
