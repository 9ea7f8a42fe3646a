/**
 * Hard links in archives written from a filesystem walk: Go's archive
 * helpers (moby pkg/archive addTarFile) remember inodes, so the first path of
 * an inode met in walk order is written as the regular file and every later
 * path as a hard link to that first path. Our entries name a link's target by
 * path instead of by inode, so this rewrites a walk-ordered list the same way.
 */
import type { Entry } from '../layer/entry.ts';

/** The file a (chain of) hard link(s) finally names, looked up in `byPath`. */
export function linkRoot(e: Entry, byPath: (path: string) => Entry | undefined): Entry | undefined {
  let cur: Entry | undefined = e;
  for (let hops = 0; cur && cur.type === 'hardlink' && hops < 40; hops++) cur = byPath(cur.linkname ?? '');
  return cur && cur.type === 'file' ? cur : undefined;
}

/** Rewrites walk-ordered entries so each inode's first path is the file and later ones link to it. */
export function orderHardlinks(sorted: readonly Entry[]): Entry[] {
  const byPath = new Map(sorted.map((e) => [e.path, e]));
  const linked = new Set<string>();
  for (const e of sorted) {
    if (e.type !== 'hardlink') continue;
    const root = linkRoot(e, (p) => byPath.get(p));
    if (root) linked.add(root.path);
  }
  if (linked.size === 0) return [...sorted];
  const firstOf = new Map<string, string>();
  return sorted.map((e) => {
    const root = e.type === 'hardlink' ? linkRoot(e, (p) => byPath.get(p)) : e;
    if (!root || root.type !== 'file' || !linked.has(root.path)) return e;
    const first = firstOf.get(root.path);
    if (first === undefined) {
      firstOf.set(root.path, e.path);
      return e.type === 'hardlink' ? { ...root, path: e.path } : e;
    }
    const link: Entry = { path: e.path, type: 'hardlink', mode: root.mode, uid: root.uid, gid: root.gid, mtime: root.mtime, size: 0, linkname: first };
    if (root.uname !== undefined) link.uname = root.uname;
    if (root.gname !== undefined) link.gname = root.gname;
    return link;
  });
}
