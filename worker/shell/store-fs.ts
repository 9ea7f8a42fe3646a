/**
 * The learner's home directory kept in the {@link Store} (design.md §5-6):
 * one record per path in the `files` collection, file contents as blobs.
 * The shell works on an in-memory filesystem; after each command line
 * {@link HomeSync.commit} writes what changed as one batch, so a reload shows
 * the home as it was before or after a line, never between.
 *
 * File blobs are keyed by the SHA-256 of a fixed prefix plus the content, not
 * of the content alone. An extracted `docker save` archive holds files whose
 * plain digest is a layer's, and the engine frees a layer's blob when the
 * last image using it goes; keyed apart, neither side can free the other's
 * bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { IFileSystem } from 'just-bash';
import type { Json, Store } from '../store/store.ts';
import { toHex } from '../engine/digest.ts';
import { LEARNER } from './commands/identity.ts';
import { loadJustBash, newHomeFs } from './home-fs.ts';

/** One persisted path. `mtime` in ms since the epoch. */
export interface FileRecord {
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  mtime: number;
  size?: number;
  blob?: string;
  target?: string;
}

const SALT = new TextEncoder().encode('layerlab home file\n');

/** The blob digest of a home file's content (see the module comment). */
export function fileBlobDigest(bytes: Uint8Array): string {
  const h = sha256.create();
  h.update(SALT);
  h.update(bytes);
  return `sha256:${toHex(h.digest())}`;
}

/** Keeps a filesystem's home directory in sync with a store. */
export class HomeSync {
  /** The host filesystem the shell works on; its home directory is what gets persisted. */
  readonly fs: IFileSystem;
  #store: Store;
  #root: string;
  #index: Map<string, FileRecord>;
  // Files restored from the store are older than this, so they are not re-read.
  #lastCommit = Date.now();

  private constructor(fs: IFileSystem, store: Store, root: string, index: Map<string, FileRecord>) {
    this.fs = fs;
    this.#store = store;
    this.#root = root;
    this.#index = index;
  }

  /** Builds the host filesystem with the home directory the store holds. */
  static async open(store: Store, root: string = LEARNER.home): Promise<HomeSync> {
    const jb = await loadJustBash();
    const fs = await newHomeFs(jb);
    const snapshot = await store.load();
    const index = new Map<string, FileRecord>();
    const paths = [...snapshot.files.keys()].filter((p) => p.startsWith(`${root}/`)).sort();
    for (const path of paths) {
      const rec = snapshot.files.get(path) as unknown as FileRecord;
      index.set(path, rec);
      const meta = { mode: rec.mode, mtime: new Date(rec.mtime) };
      if (rec.type === 'directory') {
        fs.mkdirSync(path, { recursive: true });
        await fs.chmod(path, rec.mode);
      } else if (rec.type === 'symlink') {
        await fs.symlink(rec.target ?? '', path);
      } else {
        const digest = rec.blob;
        fs.writeFileLazy(path, async () => (digest ? ((await store.getBlob(digest)) ?? new Uint8Array(0)) : new Uint8Array(0)), meta);
      }
    }
    for (const path of paths) {
      const rec = index.get(path)!;
      if (rec.type === 'directory') await fs.utimes(path, new Date(rec.mtime), new Date(rec.mtime));
    }
    return new HomeSync(fs, store, root, index);
  }

  /** Writes the changes since the last commit as one batch; a no-op when nothing changed. */
  async commit(): Promise<void> {
    const started = Date.now();
    const next = new Map<string, FileRecord>();
    const put: Array<{ collection: 'files'; key: string; value: Json }> = [];
    const putBlobs: Array<{ digest: string; bytes: Uint8Array }> = [];
    await this.#walk(this.#root, async (path, rec) => {
      const old = this.#index.get(path);
      if (rec.type === 'file') {
        // Unchanged metadata and no write since the last commit began: same content.
        const untouched = old?.type === 'file' && old.size === rec.size && old.mtime === rec.mtime && rec.mtime < this.#lastCommit;
        if (untouched) rec.blob = old.blob;
        else {
          const bytes = await this.fs.readFileBuffer(path);
          rec.blob = fileBlobDigest(bytes);
          if (rec.blob !== old?.blob) putBlobs.push({ digest: rec.blob, bytes });
        }
      }
      next.set(path, rec);
      if (old === undefined || !sameRecord(old, rec)) put.push({ collection: 'files', key: path, value: rec as unknown as Json });
    });
    const del = [...this.#index.keys()].filter((p) => !next.has(p)).map((key) => ({ collection: 'files' as const, key }));
    const live = new Set([...next.values()].map((r) => r.blob));
    const deleteBlobs = [...new Set([...this.#index.values()].map((r) => r.blob))].filter(
      (b): b is string => b !== undefined && !live.has(b),
    );
    this.#lastCommit = started;
    if (put.length === 0 && del.length === 0) return;
    await this.#store.commit({ put, delete: del, putBlobs, deleteBlobs });
    this.#index = next;
  }

  async #walk(dir: string, visit: (path: string, rec: FileRecord) => Promise<void>): Promise<void> {
    for (const name of (await this.fs.readdir(dir)).sort()) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const st = await this.fs.lstat(path);
      const base = { mode: st.mode & 0o7777, mtime: st.mtime.getTime() };
      if (st.isSymbolicLink) await visit(path, { type: 'symlink', ...base, target: await this.fs.readlink(path) });
      else if (st.isDirectory) {
        await visit(path, { type: 'directory', ...base });
        await this.#walk(path, visit);
      } else await visit(path, { type: 'file', ...base, size: st.size });
    }
  }
}

function sameRecord(a: FileRecord, b: FileRecord): boolean {
  return a.type === b.type && a.mode === b.mode && a.mtime === b.mtime && a.size === b.size && a.blob === b.blob && a.target === b.target;
}
