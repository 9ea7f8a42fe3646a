/**
 * A container's writable layer (overlay2's "upperdir"): the entries it added or
 * changed, the lower paths it deleted (overlayfs whiteouts, char devices 0/0 on
 * disk) and the directories it made opaque (`trusted.overlay.opaque=y`).
 *
 * It is stored, and committed, as the tar moby's overlay2 driver produces from
 * the upperdir (archive.TarWithOptions with the overlay whiteout converter):
 * entries in filepath.Walk order, a whiteout as an empty regular file
 * `.wh.<name>` of mode 0600, an opaque directory as the directory entry followed
 * by `<dir>/.wh..wh..opq` carrying the directory's permission bits and owner.
 */
import { OPAQUE_MARKER, baseName, isOpaqueMarker, isWhiteout, whiteoutFor, whiteoutTarget, type Entry } from '../layer/entry.ts';
import { orderHardlinks } from './links.ts';
import { Tree, walkOrder } from './tree.ts';

/** The writable layer of one container. */
export class UpperLayer {
  /** Added and changed entries (directories copied up included). */
  readonly tree = new Tree();
  /** Deleted lower paths → unix time of the deletion (the whiteout's mtime). */
  readonly whiteouts = new Map<string, number>();
  /** Directories whose lower contents are hidden. */
  readonly opaque = new Set<string>();
  #generation = 0;
  /** Told after every write (the engine schedules storing the layer of a container whose program writes in the background). */
  onWrite: (() => void) | undefined;

  /** Bumped on every write through any view, so the engine knows when to store the layer again. */
  get generation(): number {
    return this.#generation;
  }

  set generation(n: number) {
    this.#generation = n;
    this.onWrite?.();
  }

  /** Whether nothing was written. */
  get empty(): boolean {
    return this.whiteouts.size === 0 && [...this.tree.entries.keys()].every((p) => p === '');
  }

  /** The layer as tar entries, in the order the overlay2 driver writes them. */
  toLayerEntries(): Entry[] {
    const items: Entry[] = [];
    for (const e of this.tree.entries.values()) {
      // TarWithOptions skips the source directory itself (IncludeSourceDir is false for layer diffs).
      if (e.path === '') continue;
      items.push(e);
      if (e.type === 'dir' && this.opaque.has(e.path)) {
        const marker: Entry = { path: e.path ? `${e.path}/${OPAQUE_MARKER}` : OPAQUE_MARKER, type: 'file', mode: e.mode & 0o777, uid: e.uid, gid: e.gid, mtime: 0, size: 0 };
        if (e.uname !== undefined) marker.uname = e.uname;
        if (e.gname !== undefined) marker.gname = e.gname;
        items.push(marker);
      }
    }
    for (const [path, mtime] of this.whiteouts) {
      items.push({ path: whiteoutFor(path), type: 'file', mode: 0o600, uid: 0, gid: 0, mtime, size: 0 });
    }
    // The opaque marker sorts right after its directory in a walk (".wh..wh..opq" as a child name).
    return orderHardlinks(items.sort((a, b) => walkOrder(a.path, b.path)));
  }

  /** Rebuilds a writable layer from its stored tar entries. */
  static fromLayerEntries(entries: readonly Entry[]): UpperLayer {
    const up = new UpperLayer();
    for (const e of entries) {
      if (isOpaqueMarker(e)) up.opaque.add(whiteoutTarget(e)!);
      else if (isWhiteout(e)) up.whiteouts.set(whiteoutTarget(e)!, e.mtime);
      else up.tree.put(e);
    }
    return up;
  }

  /** Regular-file bytes in the layer: Docker's SizeRw (hard-linked files counted once). */
  sizeRw(): number {
    let n = 0;
    for (const e of this.tree.entries.values()) if (e.type === 'file' && !baseName(e.path).startsWith('.wh.')) n += e.size;
    return n;
  }
}
