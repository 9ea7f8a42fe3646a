/**
 * What `docker diff` and `docker export` derive from the overlay.
 *
 * diff follows moby pkg/archive changes() over the upperdir: a whiteout, or
 * an opaque directory that replaced a lower one, is a deletion (D); an entry
 * that also exists below is a modification (C), except a directory whose mode
 * and mtime are unchanged, which is skipped; anything else is an addition
 * (A). The parent directory of an A or D is reported as C just before it,
 * unless that directory was already reported. Order is the upperdir walk order, which puts
 * parents first and sorts names by byte order.
 *
 * The init layer is moby daemon/initlayer's: entries the runtime needs that
 * every container has, created only where the image lacks them, part of
 * `export` but not of `diff` or `commit`.
 */
import { dirName, type Entry } from '../layer/entry.ts';
import { orderHardlinks } from './links.ts';
import type { OverlayFs } from './overlay-fs.ts';
import { StackedView, Tree, walkOrder, type LowerView } from './tree.ts';
import type { UpperLayer } from './upper.ts';
import type { ContainerChange } from '../../engine-api/types.ts';
export type { ContainerChange };

/** The changes of a writable layer against what lies below it. */
export function containerChanges(upper: UpperLayer, lower: LowerView): ContainerChange[] {
  const paths = [...upper.tree.entries.keys(), ...upper.whiteouts.keys()].filter((p) => p !== '').sort(walkOrder);
  const out: ContainerChange[] = [];
  const changedDirs = new Set<string>();
  const hiddenBelow = (p: string): boolean => {
    for (let a = dirName(p); ; a = dirName(a)) {
      if (upper.opaque.has(a)) return true;
      if (a === '') return false;
    }
  };
  for (const p of paths) {
    const up = upper.tree.get(p);
    let kind: 0 | 1 | 2;
    // overlayDeletedFile: a whiteout, or an opaque directory that hides a lower one, is a deletion.
    if (!up || (up.type === 'dir' && upper.opaque.has(p) && !hiddenBelow(p) && lower.get(p))) kind = 2;
    else {
      const low = hiddenBelow(p) ? undefined : lower.get(p);
      if (low) {
        if (up.type === 'dir' && low.type === 'dir' && up.mode === low.mode && up.mtime === low.mtime) continue;
        kind = 0;
      } else kind = 1;
    }
    if (up?.type === 'dir') changedDirs.add(p);
    if (kind !== 0) {
      const parent = dirName(p);
      if (parent !== '' && !changedDirs.has(parent)) {
        out.push({ Path: '/' + parent, Kind: 0 });
        changedDirs.add(parent);
      }
    }
    out.push({ Path: '/' + p, Kind: kind });
  }
  return out;
}

/**
 * `docker diff` of a container created at `createdMs` whose writable layer is
 * `upper` over its image tree: moby diffs against the init layer too, so its
 * entries never show up. The layer view (worker/layers) calls this same code.
 */
export function changesOverImage(upper: UpperLayer, image: LowerView, createdMs: number): ContainerChange[] {
  return containerChanges(upper, new StackedView(initLayer(image, Math.floor(createdMs / 1000)), image));
}

/** The init layer of a container created at `mtime` over an image tree. */
export function initLayer(image: LowerView, mtime: number): Tree {
  const t = new Tree();
  const dir = (path: string) => ({ path, type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime, size: 0 });
  const add = (e: Entry) => {
    for (let p = dirName(e.path); p !== ''; p = dirName(p)) if (!image.get(p) && !t.get(p)) t.put(dir(p));
    if (!image.get(e.path)) t.put(e);
  };
  for (const p of ['dev/pts', 'dev/shm', 'proc', 'sys']) add(dir(p));
  for (const p of ['.dockerenv', 'etc/resolv.conf', 'etc/hosts', 'etc/hostname', 'dev/console']) {
    add({ path: p, type: 'file', mode: 0o755, uid: 0, gid: 0, mtime, size: 0 });
  }
  add({ path: 'etc/mtab', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime, size: 0, linkname: '/proc/mounts' });
  return t;
}

/** The merged filesystem as `docker export` streams it: every entry in walk order, hard links grouped. */
export function exportEntries(fs: OverlayFs): Entry[] {
  return orderHardlinks([...fs.walk()]);
}
