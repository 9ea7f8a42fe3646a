/**
 * The merged, read-only view of an image's layers (the overlay's "lowerdir"
 * stack): layers applied bottom to top as Docker's layer store applies them
 * (moby pkg/archive ApplyLayer with the AUFS whiteout convention): `.wh.<name>`
 * deletes `<name>` and everything beneath it, `.wh..wh..opq` hides every lower
 * entry of its directory, other entries replace what was there.
 *
 * Entries keep their `Content` as the layer gave it, so big registry files stay
 * filler recipes (seed + size) and are only materialized when a program reads them.
 */
import { OPAQUE_MARKER, baseName, dirName, isWhiteout, whiteoutTarget, type Entry } from '../layer/entry.ts';

/** What the overlay reads below the writable layer. */
export interface LowerView {
  get(path: string): Entry | undefined;
  names(dir: string): Iterable<string>;
  /** Paths of the hard links naming `target`. */
  linksTo(target: string): string[];
}

/** Two read-only trees, `top` winning (moby's init layer over the image layers). */
export class StackedView implements LowerView {
  constructor(readonly top: LowerView, readonly bottom: LowerView) {}
  get(path: string): Entry | undefined {
    return this.top.get(path) ?? this.bottom.get(path);
  }
  names(dir: string): Iterable<string> {
    return new Set([...this.bottom.names(dir), ...this.top.names(dir)]);
  }
  linksTo(target: string): string[] {
    return [...this.bottom.linksTo(target), ...this.top.linksTo(target)];
  }
}

/** A merged tree: relative path ('' = root) → entry, plus a child-name index per directory. */
export class Tree implements LowerView {
  readonly entries = new Map<string, Entry>();
  readonly children = new Map<string, Set<string>>();
  /** Hard-link index (target → link paths), built on first use; writes drop it. */
  #links: Map<string, string[]> | undefined;

  linksTo(target: string): string[] {
    if (!this.#links) {
      this.#links = new Map();
      for (const e of this.entries.values()) {
        if (e.type !== 'hardlink') continue;
        const list = this.#links.get(e.linkname ?? '') ?? [];
        list.push(e.path);
        this.#links.set(e.linkname ?? '', list);
      }
    }
    return this.#links.get(target) ?? [];
  }

  /** The entry at a relative path (no leading '/'). */
  get(path: string): Entry | undefined {
    return this.entries.get(path);
  }

  /** Child names of a directory, unsorted. */
  names(dir: string): Iterable<string> {
    return this.children.get(dir) ?? [];
  }

  /** Adds or replaces an entry (a file replacing a directory drops the directory's subtree). */
  put(entry: Entry): void {
    this.#links = undefined;
    const old = this.entries.get(entry.path);
    if (old && old.type === 'dir' && entry.type !== 'dir') this.removeChildren(entry.path);
    this.entries.set(entry.path, entry);
    if (entry.path === '') return; // the root is nobody's child
    const parent = dirName(entry.path);
    let set = this.children.get(parent);
    if (!set) this.children.set(parent, (set = new Set()));
    set.add(baseName(entry.path));
  }

  /** Removes an entry and its subtree. */
  remove(path: string): void {
    this.#links = undefined;
    this.removeChildren(path);
    if (this.entries.delete(path)) this.children.get(dirName(path))?.delete(baseName(path));
  }

  /** Removes everything beneath a directory, keeping the directory. */
  removeChildren(dir: string): void {
    const kids = this.children.get(dir);
    if (!kids) return;
    for (const name of kids) {
      const p = dir ? `${dir}/${name}` : name;
      this.removeChildren(p);
      this.entries.delete(p);
    }
    this.children.delete(dir);
  }

  /** Every path in walk order: each directory's children sorted by byte order, parents first. */
  *walk(dir = ''): Generator<Entry> {
    const kids = [...this.names(dir)].sort(byteOrder);
    for (const name of kids) {
      const p = dir ? `${dir}/${name}` : name;
      const e = this.entries.get(p);
      if (!e) continue;
      yield e;
      if (e.type === 'dir') yield* this.walk(p);
    }
  }
}

/** Byte-order comparison (Go's sort.Strings on names). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares paths as filepath.Walk visits them: component by component, so parents come first. */
export function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = byteOrder(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** Applies one layer's entries on top of a tree (ApplyLayer semantics). */
export function applyLayer(tree: Tree, layer: readonly Entry[]): void {
  // Whiteouts hide what lower layers had; entries of this same layer are added after.
  for (const e of layer) {
    if (!isWhiteout(e)) continue;
    const target = whiteoutTarget(e)!;
    if (baseName(e.path) === OPAQUE_MARKER) tree.removeChildren(target);
    else tree.remove(target);
  }
  for (const e of layer) if (!isWhiteout(e)) tree.put(e);
}

/** Merges layers bottom to top into one tree. */
export function mergeLayers(layers: Iterable<readonly Entry[]>): Tree {
  const tree = new Tree();
  for (const layer of layers) applyLayer(tree, layer);
  return tree;
}
