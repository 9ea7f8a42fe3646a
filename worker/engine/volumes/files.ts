/**
 * The files of volumes while containers use them: one filesystem per
 * volume, shared by every container that mounts it (as the `_data`
 * directory is), stored in the volume's record (`data`, `dataBlobs`, `size`)
 * the way a container's writable layer is (containers/upper-store.ts): in
 * the batch of a container that wrote through it, or on its own
 * `persistDelayMs` after a write made in the background.
 *
 * A new volume mounted where the image has files is filled with them first
 * (moby copyExistingContents: only while the volume is empty, and not with
 * `nocopy`), with the image directory's mode and owner.
 */
import { digestOf } from '../digest.ts';
import type { Entry } from '../layer/entry.ts';
import type { Draft, VolumeRecord } from '../state.ts';
import { OverlayFs } from '../containers/overlay-fs.ts';
import { Tree } from '../containers/tree.ts';
import { UpperLayer } from '../containers/upper.ts';
import { decodeUpper, encodeUpper } from '../containers/upper-store.ts';

interface LiveVolume {
  fs: OverlayFs;
  /** The record this filesystem was loaded from or last stored as. */
  stored: VolumeRecord;
  persistedGen: number;
}

/** Live volume filesystems of one engine. */
export class VolumeFiles {
  readonly #live = new Map<string, LiveVolume>();
  readonly #loading = new Map<string, Promise<LiveVolume>>();

  constructor(
    readonly readBlob: (digest: string) => Promise<Uint8Array | undefined>,
    readonly now: () => number,
    /** Told when a volume's files changed (the owner schedules storing them). */
    readonly changed: (name: string) => void,
  ) {}

  /** The volume's filesystem (loaded from its record on first use). */
  async open(v: VolumeRecord): Promise<OverlayFs> {
    const have = this.#live.get(v.name);
    // A volume removed and created again under the same name is a new record: its files start empty.
    if (have && have.stored.created === v.created && (have.stored === v || have.stored.data === v.data)) return have.fs;
    let loading = this.#loading.get(v.name);
    if (!loading) {
      loading = (async () => {
        const upper = v.data
          ? await decodeUpper((await this.readBlob(v.data))!, async (d) => (await this.readBlob(d))!)
          : new UpperLayer();
        // The _data directory: root's, dated when the volume was made (its entry is not stored).
        if (!upper.tree.get('')) upper.tree.put({ path: '', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: Math.floor(v.created / 1000), size: 0 });
        const fs = new OverlayFs(new Tree(), upper, () => this.now() / 1000);
        const live: LiveVolume = { fs, stored: v, persistedGen: fs.generation };
        upper.onWrite = () => this.changed(v.name);
        this.#live.set(v.name, live);
        return live;
      })().finally(() => this.#loading.delete(v.name));
      this.#loading.set(v.name, loading);
    }
    return (await loading).fs;
  }

  /** Whether the volume has no files (a new volume, or one emptied). */
  async isEmpty(v: VolumeRecord): Promise<boolean> {
    return (await (await this.open(v)).readdir('/')).length === 0;
  }

  /** Fills an empty volume with the image's entries under `dir` (relative paths, '' excluded), keeping their metadata. */
  async populate(v: VolumeRecord, root: Entry | undefined, entries: readonly Entry[], dir: string): Promise<void> {
    const fs = await this.open(v);
    if (root) fs.upper.tree.put({ ...root, path: '' });
    for (const e of entries) fs.putEntry({ ...e, path: e.path.slice(dir.length + 1), ...(e.type === 'hardlink' && e.linkname ? { linkname: e.linkname.slice(dir.length + 1) } : {}) });
  }

  /** Whether the volume's files changed since they were stored. */
  dirty(name: string): boolean {
    const live = this.#live.get(name);
    return live !== undefined && live.fs.generation !== live.persistedGen;
  }

  /** Puts the volume's changed files into the draft's record. */
  persist(draft: Draft, name: string): void {
    const live = this.#live.get(name);
    const cur = draft.volumes.get(name);
    if (!live || !cur || cur.created !== live.stored.created || live.fs.generation === live.persistedGen) return;
    live.persistedGen = live.fs.generation;
    const up = live.fs.upper;
    let next: VolumeRecord;
    if (up.empty) next = { ...cur, data: '', dataBlobs: [], size: 0 };
    else {
      const { manifest, refs, bytes } = encodeUpper(up);
      const digest = digestOf(manifest);
      draft.newBlobs.set(digest, manifest);
      const had = new Set(cur.dataBlobs);
      for (const [d, b] of bytes) if (!had.has(d)) draft.newBlobs.set(d, b);
      next = { ...cur, data: digest, dataBlobs: refs, size: up.sizeRw() };
    }
    draft.volumes.set(name, next);
    live.stored = next;
  }

  /** Forgets a removed volume's files. */
  drop(name: string): void {
    this.#live.delete(name);
  }
}
