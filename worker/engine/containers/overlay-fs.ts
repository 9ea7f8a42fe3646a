/**
 * A container's root filesystem: just-bash's IFileSystem over the merged image
 * layers (read-only {@link LowerView}) and the container's {@link UpperLayer}, with
 * overlayfs semantics (Linux Documentation/filesystems/overlayfs.rst):
 * reads fall through to the lower tree; any write copies the entry up first
 * (mode, owner and mtime preserved); deleting a lower entry leaves a whiteout;
 * a directory created where a lower directory was deleted is opaque. Creating
 * or removing an entry updates its parent directory's mtime, as the kernel
 * does, which is what makes `docker diff` report parents as `C`.
 *
 * Errors carry Node's `ENOENT: no such file or directory, open '/x'` words,
 * as just-bash's own filesystems do, so programs print the usual messages.
 */
import type { CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from '../fs-interface.ts';
import { baseName, contentBytes, dirName, type Entry } from '../layer/entry.ts';
import { fillerBytes } from '../layer/filler.ts';
import { decodeLatin1, decodeUtf8, encodeUtf8 } from '../layer/utf8.ts';
import { linkRoot } from './links.ts';
import { byteOrder, type LowerView } from './tree.ts';
import type { UpperLayer } from './upper.ts';
import { FsError, absPath, joinRel, normalizeRel, splitRel } from './paths.ts';

type ReadFileOptions = Parameters<IFileSystem['readFile']>[1];
type DirentEntry = Awaited<ReturnType<NonNullable<IFileSystem['readdirWithFileTypes']>>>[number];

const ROOT: Entry = { path: '', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 };

/** The overlay filesystem of one container. */
export class OverlayFs implements IFileSystem {
  readonly #lower: LowerView;
  readonly upper: UpperLayer;
  readonly #now: () => number;
  /** Files bind-mounted over the tree (the runtime's /etc/hostname, hosts, resolv.conf). */
  readonly #mounts: ReadonlyMap<string, Entry>;

  /** @param now unix seconds for mtimes (the engine clock) */
  constructor(lower: LowerView, upper: UpperLayer, now: () => number, mounts: ReadonlyMap<string, Entry> = new Map()) {
    this.#lower = lower;
    this.upper = upper;
    this.#now = now;
    this.#mounts = mounts;
  }

  /** How many writes the writable layer has seen (through any view of it). */
  get generation(): number {
    return this.upper.generation;
  }

  /**
   * The view a process gets: the same layers with the runtime's bind mounts
   * on top. Mounts exist only for processes: diff, commit and export never see them.
   */
  withMounts(mounts: ReadonlyMap<string, Entry>): OverlayFs {
    return new OverlayFs(this.#lower, this.upper, this.#now, mounts);
  }

  // ---- lookup -------------------------------------------------------------

  /** Whether the lower entry at `rel` shows through the upper layer. */
  #lowerVisible(rel: string): boolean {
    if (this.upper.whiteouts.has(rel)) return false;
    let p = rel;
    while (p !== '') {
      p = dirName(p);
      if (this.upper.whiteouts.has(p) || this.upper.opaque.has(p)) return false;
      const u = this.upper.tree.get(p);
      if (u && u.type !== 'dir') return false;
    }
    return true;
  }

  /** The merged entry at a relative path, without following anything. */
  entry(rel: string): Entry | undefined {
    const m = this.#mounts.get(rel);
    if (m) return m;
    const u = this.upper.tree.get(rel);
    if (u) return u;
    if (rel === '') return this.#lower.get('') ?? ROOT;
    const l = this.#lower.get(rel);
    return l && this.#lowerVisible(rel) ? l : undefined;
  }

  /** Resolves symlinks along a path; the result may not exist yet (creation). */
  #resolve(path: string, followLast: boolean, op: string): string {
    let parts = splitRel(path);
    let done: string[] = [];
    let hops = 0;
    while (parts.length > 0) {
      const name = parts.shift()!;
      if (name === '' || name === '.') continue;
      if (name === '..') {
        done.pop();
        continue;
      }
      const rel = [...done, name].join('/');
      const e = this.entry(rel);
      if (e?.type === 'symlink' && (parts.length > 0 || followLast)) {
        if (++hops > 40) throw new FsError('ELOOP', 'too many symbolic links encountered', op, path);
        const target = e.linkname ?? '';
        if (target.startsWith('/')) done = [];
        parts = [...target.split('/'), ...parts];
        continue;
      }
      if (parts.length > 0) {
        if (!e) throw new FsError('ENOENT', 'no such file or directory', op, path);
        if (e.type !== 'dir') throw new FsError('ENOTDIR', 'not a directory', op, path);
      }
      done.push(name);
    }
    return done.join('/');
  }

  /** The file entry a path names, following hard links to their file. */
  #fileOf(e: Entry): Entry {
    return e.type === 'hardlink' ? (linkRoot(e, (p) => this.entry(p)) ?? e) : e;
  }

  #need(path: string, follow: boolean, op: string): Entry {
    const e = this.entry(this.#resolve(path, follow, op));
    if (!e) throw new FsError('ENOENT', 'no such file or directory', op, path);
    return e;
  }

  // ---- writes -------------------------------------------------------------

  #nowSec(): number {
    return Math.floor(this.#now());
  }

  /** Copies an entry (and its missing ancestors, metadata unchanged) into the upper layer. */
  #copyUp(rel: string): Entry {
    const have = this.upper.tree.get(rel);
    if (have) return have;
    if (rel !== '') this.#copyUp(dirName(rel));
    const e = this.entry(rel) ?? { ...ROOT, path: rel };
    this.upper.tree.put(e);
    return e;
  }

  /** Writes an entry into the upper layer, replacing whatever was at its path. */
  #put(e: Entry, touchParent: boolean): void {
    const parent = dirName(e.path);
    if (e.path !== '') this.#copyUp(parent);
    this.upper.tree.put(e);
    if (e.type === 'dir' && this.upper.whiteouts.has(e.path) && this.#lower.get(e.path)?.type === 'dir') this.upper.opaque.add(e.path);
    this.upper.whiteouts.delete(e.path);
    if (touchParent && e.path !== '') this.#touch(parent);
    this.upper.generation++;
  }

  #touch(dir: string): void {
    const d = this.#copyUp(dir);
    this.upper.tree.put({ ...d, mtime: this.#nowSec() });
  }

  /** Changes an entry's metadata in place (after copy-up). */
  #update(rel: string, change: Partial<Entry>): void {
    const e = this.#copyUp(rel);
    this.upper.tree.put({ ...e, ...change });
    this.upper.generation++;
  }

  /** Removes one entry (its children must be gone): whiteout if a lower entry showed through. */
  #delete(rel: string): void {
    const lowerShows = this.#lower.get(rel) !== undefined && this.#lowerVisible(rel);
    this.#keepLinks(rel);
    this.upper.tree.remove(rel);
    // overlayfs removes the upper directory with the whiteouts inside it; one whiteout for the directory remains.
    const inside = rel === '' ? '' : rel + '/';
    for (const w of [...this.upper.whiteouts.keys()]) if (w.startsWith(inside)) this.upper.whiteouts.delete(w);
    for (const o of [...this.upper.opaque]) if (o === rel || o.startsWith(inside)) this.upper.opaque.delete(o);
    if (lowerShows) this.upper.whiteouts.set(rel, this.#nowSec());
    this.#touch(dirName(rel));
    this.upper.generation++;
  }

  /** Before a linked file goes, the next path of its inode becomes the file. */
  #keepLinks(rel: string): void {
    const e = this.entry(rel);
    if (!e || e.type !== 'file') return;
    const candidates = new Set([...this.#lower.linksTo(rel), ...this.upper.tree.linksTo(rel)]);
    const links = [...candidates].filter((p) => this.entry(p)?.type === 'hardlink' && this.entry(p)?.linkname === rel).sort(byteOrder);
    const [heir, ...rest] = links;
    if (heir === undefined) return;
    this.#copyUp(dirName(heir));
    this.upper.tree.put({ ...e, path: heir });
    for (const p of rest) this.#update(p, { linkname: heir });
  }

  *#allPaths(dir = ''): Generator<string> {
    for (const name of this.#names(dir)) {
      const p = joinRel(dir, name);
      yield p;
      if (this.entry(p)?.type === 'dir') yield* this.#allPaths(p);
    }
  }

  #names(dir: string): string[] {
    const names = new Set(this.upper.tree.names(dir));
    const u = this.upper.tree.get(dir);
    if (!this.upper.opaque.has(dir) && (!u || u.type === 'dir') && (dir === '' || this.#lowerVisible(dir) || u)) {
      for (const n of this.#lower.names(dir)) if (this.#lowerVisible(joinRel(dir, n))) names.add(n);
    }
    return [...names].sort(byteOrder);
  }

  // ---- IFileSystem ----------------------------------------------------------

  async readFile(path: string, options?: ReadFileOptions): Promise<string> {
    const bytes = await this.readFileBuffer(path);
    const enc = typeof options === 'string' ? options : options?.encoding;
    if (enc === 'latin1' || enc === 'binary') return decodeLatin1(bytes);
    return decodeUtf8(bytes);
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    const e = this.#fileOf(this.#need(path, true, 'open'));
    if (e.type === 'dir') throw new FsError('EISDIR', 'illegal operation on a directory', 'read', path);
    return contentBytes(e);
  }

  /** The first bytes of a file without generating the rest (a 120 MB filler binary's exec marker). */
  async readFilePrefix(path: string, length: number): Promise<Uint8Array> {
    const e = this.#fileOf(this.#need(path, true, 'open'));
    if (e.type === 'dir') throw new FsError('EISDIR', 'illegal operation on a directory', 'read', path);
    const n = Math.min(length, e.size);
    if (e.content?.kind === 'filler') return fillerBytes(e.content.seed, n, e.content.program);
    return contentBytes(e).subarray(0, n);
  }

  async writeFile(path: string, content: FileContent): Promise<void> {
    this.#write(path, typeof content === 'string' ? encodeUtf8(content) : content, 'open');
  }

  async appendFile(path: string, content: FileContent): Promise<void> {
    const add = typeof content === 'string' ? encodeUtf8(content) : content;
    const rel = this.#resolve(path, true, 'open');
    const e = this.entry(rel);
    const old = e ? contentBytes(this.#fileOf(e)) : new Uint8Array(0);
    const all = new Uint8Array(old.length + add.length);
    all.set(old);
    all.set(add, old.length);
    this.#write(path, all, 'open');
  }

  #write(path: string, bytes: Uint8Array, op: string): void {
    let rel = this.#resolve(path, true, op);
    let e = this.entry(rel);
    if (e?.type === 'dir') throw new FsError('EISDIR', 'illegal operation on a directory', op, path);
    if (e?.type === 'hardlink') {
      const root = this.#fileOf(e);
      rel = root.path;
      e = root;
    }
    const parent = this.entry(dirName(rel));
    if (!parent || parent.type !== 'dir') throw new FsError('ENOENT', 'no such file or directory', op, path);
    const base: Entry = e ?? { path: rel, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 };
    this.#put({ ...base, path: rel, type: 'file', size: bytes.length, content: { kind: 'bytes', bytes: bytes.slice() }, mtime: this.#nowSec() }, !e);
  }

  async exists(path: string): Promise<boolean> {
    try {
      return this.entry(this.#resolve(path, true, 'access')) !== undefined;
    } catch {
      return false;
    }
  }

  async stat(path: string): Promise<FsStat> {
    return this.#stat(this.#need(path, true, 'stat'));
  }

  async lstat(path: string): Promise<FsStat> {
    return this.#stat(this.#need(path, false, 'lstat'));
  }

  #stat(e: Entry): FsStat {
    const f = this.#fileOf(e);
    const size = f.type === 'file' ? f.size : f.type === 'symlink' ? (f.linkname ?? '').length : 4096;
    return { isFile: f.type === 'file', isDirectory: f.type === 'dir', isSymbolicLink: f.type === 'symlink', mode: f.mode & 0o7777, size, mtime: new Date(f.mtime * 1000) };
  }

  /** Owner of an entry (not in IFileSystem; used by ls -l, ps and tar). */
  async owner(path: string): Promise<{ uid: number; gid: number }> {
    const f = this.#fileOf(this.#need(path, false, 'lstat'));
    return { uid: f.uid, gid: f.gid };
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    if (options?.recursive) {
      let cur = '';
      for (const part of splitRel(normalizeRel(path.startsWith('/') ? path : '/' + path))) {
        cur += '/' + part;
        const rel = this.#resolve(cur, true, 'mkdir');
        const e = this.entry(rel);
        if (e?.type === 'dir') continue;
        if (e) throw new FsError('EEXIST', 'file already exists', 'mkdir', path);
        this.#put({ path: rel, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.#nowSec(), size: 0 }, true);
      }
      return;
    }
    const rel = this.#resolve(path, true, 'mkdir');
    if (this.entry(rel)) throw new FsError('EEXIST', 'file already exists', 'mkdir', path);
    const parent = this.entry(dirName(rel));
    if (!parent) throw new FsError('ENOENT', 'no such file or directory', 'mkdir', path);
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', 'not a directory', 'mkdir', path);
    this.#put({ path: rel, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.#nowSec(), size: 0 }, true);
  }

  async readdir(path: string): Promise<string[]> {
    const rel = this.#resolve(path, true, 'scandir');
    const e = this.entry(rel);
    if (!e) throw new FsError('ENOENT', 'no such file or directory', 'scandir', path);
    if (e.type !== 'dir') throw new FsError('ENOTDIR', 'not a directory', 'scandir', path);
    return this.#names(rel);
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const rel = this.#resolve(path, true, 'scandir');
    const names = await this.readdir(path);
    return names.map((name) => {
      const e = this.#fileOf(this.entry(joinRel(rel, name))!);
      return { name, isFile: e.type === 'file', isDirectory: e.type === 'dir', isSymbolicLink: e.type === 'symlink' };
    });
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    const rel = this.#resolve(path, false, 'rm');
    const e = this.entry(rel);
    if (!e || rel === '') {
      if (options?.force && !e) return;
      throw new FsError('ENOENT', 'no such file or directory', 'rm', path);
    }
    if (e.type === 'dir' && !options?.recursive && this.#names(rel).length > 0) throw new FsError('ENOTEMPTY', 'directory not empty', 'rm', path);
    this.#removeTree(rel);
  }

  #removeTree(rel: string): void {
    if (this.entry(rel)?.type === 'dir') for (const k of this.#names(rel)) this.#removeTree(joinRel(rel, k));
    this.#delete(rel);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const e = this.#fileOf(this.#need(src, true, 'cp'));
    if (e.type === 'dir') {
      if (!options?.recursive) throw new FsError('EISDIR', 'is a directory', 'cp', src);
      await this.mkdir(dest, { recursive: true });
      for (const k of await this.readdir(src)) await this.cp(`${src}/${k}`, `${dest}/${k}`, options);
      return;
    }
    await this.writeFile(dest, contentBytes(e));
    await this.chmod(dest, e.mode);
  }

  async mv(src: string, dest: string): Promise<void> {
    const from = this.#resolve(src, false, 'mv');
    if (!this.entry(from)) throw new FsError('ENOENT', 'no such file or directory', 'mv', src);
    let to = this.#resolve(dest, false, 'mv');
    if (this.entry(to)?.type === 'dir') to = joinRel(to, baseName(from));
    if (to === from) return;
    this.#moveTree(from, to);
    this.#removeTree(from);
  }

  /** Copies a subtree with its metadata (rename keeps mtimes and modes). */
  #moveTree(from: string, to: string): void {
    const e = this.entry(from)!;
    const copy: Entry = e.type === 'hardlink' ? { ...this.#fileOf(e), path: to, type: 'hardlink', size: 0, linkname: this.#fileOf(e).path } : { ...e, path: to };
    if (this.entry(to)) this.#removeTree(to);
    this.#put(copy, true);
    if (e.type === 'dir') for (const k of this.#names(from)) this.#moveTree(joinRel(from, k), joinRel(to, k));
  }

  resolvePath(base: string, path: string): string {
    return absPath(normalizeRel(path.startsWith('/') ? path : `${base}/${path}`));
  }

  getAllPaths(): string[] {
    return ['/', ...[...this.#allPaths()].map(absPath)];
  }

  async chmod(path: string, mode: number): Promise<void> {
    const e = this.#fileOf(this.#need(path, true, 'chmod'));
    this.#update(e.path, { mode: mode & 0o7777 });
  }

  /** chown(2): not in IFileSystem; used by chown programs, `docker cp` and `apk`. */
  async chown(path: string, uid: number, gid: number): Promise<void> {
    const e = this.#fileOf(this.#need(path, false, 'chown'));
    this.#update(e.path, { uid, gid });
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    const rel = this.#resolve(linkPath, false, 'symlink');
    if (this.entry(rel)) throw new FsError('EEXIST', 'file already exists', 'symlink', linkPath);
    if (this.entry(dirName(rel))?.type !== 'dir') throw new FsError('ENOENT', 'no such file or directory', 'symlink', linkPath);
    this.#put({ path: rel, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: this.#nowSec(), size: 0, linkname: target }, true);
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    const src = this.#fileOf(this.#need(existingPath, false, 'link'));
    if (src.type === 'dir') throw new FsError('EPERM', 'operation not permitted', 'link', existingPath);
    const rel = this.#resolve(newPath, false, 'link');
    if (this.entry(rel)) throw new FsError('EEXIST', 'file already exists', 'link', newPath);
    if (this.entry(dirName(rel))?.type !== 'dir') throw new FsError('ENOENT', 'no such file or directory', 'link', newPath);
    // overlayfs copies a lower file up before linking it, so both paths land in the upper layer.
    this.#copyUp(src.path);
    this.#put({ path: rel, type: 'hardlink', mode: src.mode, uid: src.uid, gid: src.gid, mtime: src.mtime, size: 0, linkname: src.path }, true);
  }

  async readlink(path: string): Promise<string> {
    const e = this.#need(path, false, 'readlink');
    if (e.type !== 'symlink') throw new FsError('EINVAL', 'invalid argument', 'readlink', path);
    return e.linkname ?? '';
  }

  async realpath(path: string): Promise<string> {
    const rel = this.#resolve(path, true, 'realpath');
    if (!this.entry(rel)) throw new FsError('ENOENT', 'no such file or directory', 'realpath', path);
    return absPath(rel);
  }

  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    const e = this.#fileOf(this.#need(path, true, 'utimes'));
    this.#update(e.path, { mtime: Math.floor(mtime.getTime() / 1000) });
  }

  /** Every merged entry in walk order (for export and `docker cp` archives). */
  *walk(dir = ''): Generator<Entry> {
    for (const name of this.#names(dir)) {
      const e = this.entry(joinRel(dir, name))!;
      yield e;
      if (e.type === 'dir') yield* this.walk(e.path);
    }
  }

  /** Places an entry as it is (metadata kept): `docker cp` into a container. */
  putEntry(e: Entry): void {
    const old = this.entry(e.path);
    if (old?.type === 'dir' && e.type === 'dir') {
      this.#update(e.path, { mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime });
      return;
    }
    if (old) this.#removeTree(e.path);
    this.#put(e, true);
  }
}
