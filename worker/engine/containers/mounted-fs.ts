/**
 * What a container's processes see: the root filesystem with volumes and
 * bind mounts on top of it (the mount table runc sets up). A path is served
 * by the filesystem of the deepest mount point that contains it, lexically
 * (`/data/x` by the volume at `/data`); a symlink in the root that points
 * into a mount is followed by the root filesystem only, a simplification.
 *
 * Read-only mounts (`:ro`, `readonly`) and a read-only root (`--read-only`)
 * refuse writes with EROFS, which programs print as `Read-only file system`,
 * as the kernel's errno does. A move between two mounts copies and removes
 * (rename(2)'s EXDEV makes `mv` do the same).
 */
import type { CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from '../fs-interface.ts';
import { FsError, normalizeRel } from './paths.ts';

type ReadFileOptions = Parameters<IFileSystem['readFile']>[1];
type DirentEntry = Awaited<ReturnType<NonNullable<IFileSystem['readdirWithFileTypes']>>>[number];

/** The extras of the overlay filesystem programs use when a filesystem has them. */
interface Extras {
  owner?(path: string): Promise<{ uid: number; gid: number }>;
  chown?(path: string, uid: number, gid: number): Promise<void>;
  readFilePrefix?(path: string, length: number): Promise<Uint8Array>;
}

/** One mount: what serves the paths under `target`, and where in it. */
export interface Mount {
  /** Absolute, clean path in the container. */
  target: string;
  fs: IFileSystem & Extras;
  /** The directory of `fs` mounted there ('/' for a volume's own filesystem). */
  base: string;
  readOnly: boolean;
  /** Owner reported for files of a filesystem that has no owners (the host's files belong to the learner). */
  owner?: { uid: number; gid: number };
}

const roError = (op: string, path: string) => new FsError('EROFS', 'read-only file system', op, path);

/** The container's view: `root` with `mounts` over it. */
export class MountedFs implements IFileSystem, Extras {
  readonly #root: IFileSystem & Extras;
  readonly #rootReadOnly: boolean;
  /** Deepest first, so the first match wins. */
  readonly #mounts: Mount[];

  constructor(root: IFileSystem & Extras, mounts: readonly Mount[], rootReadOnly: boolean) {
    this.#root = root;
    this.#rootReadOnly = rootReadOnly;
    this.#mounts = [...mounts].sort((a, b) => b.target.length - a.target.length);
  }

  /** The filesystem serving `path`, the path inside it, and whether it refuses writes. */
  #at(path: string): { fs: IFileSystem & Extras; path: string; ro: boolean; mount?: Mount } {
    const abs = '/' + normalizeRel(path);
    for (const m of this.#mounts) {
      if (abs === m.target || abs.startsWith(m.target + '/')) {
        const rest = abs.slice(m.target.length);
        const inner = m.base === '/' ? rest || '/' : m.base + rest;
        return { fs: m.fs, path: inner, ro: m.readOnly, mount: m };
      }
    }
    return { fs: this.#root, path, ro: this.#rootReadOnly };
  }

  /** Runs `fn` on the serving filesystem, with errors naming the container's path. */
  async #on<T>(path: string, fn: (fs: IFileSystem & Extras, p: string) => Promise<T>, write?: string): Promise<T> {
    const at = this.#at(path);
    if (write !== undefined && at.ro) throw roError(write, path);
    if (!at.mount) return fn(at.fs, at.path);
    try {
      return await fn(at.fs, at.path);
    } catch (err) {
      if (err instanceof Error && at.path !== path) err.message = err.message.split(`'${at.path}'`).join(`'${path}'`);
      throw err;
    }
  }

  readFile(path: string, options?: ReadFileOptions): Promise<string> {
    return this.#on(path, (fs, p) => fs.readFile(p, options));
  }
  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.#on(path, (fs, p) => fs.readFileBuffer(p));
  }
  async readFilePrefix(path: string, length: number): Promise<Uint8Array> {
    return this.#on(path, async (fs, p) => (fs.readFilePrefix ? fs.readFilePrefix(p, length) : (await fs.readFileBuffer(p)).subarray(0, length)));
  }
  writeFile(path: string, content: FileContent): Promise<void> {
    return this.#on(path, (fs, p) => fs.writeFile(p, content), 'open');
  }
  appendFile(path: string, content: FileContent): Promise<void> {
    return this.#on(path, (fs, p) => fs.appendFile(p, content), 'open');
  }
  exists(path: string): Promise<boolean> {
    return this.#on(path, (fs, p) => fs.exists(p));
  }
  stat(path: string): Promise<FsStat> {
    return this.#on(path, (fs, p) => fs.stat(p));
  }
  lstat(path: string): Promise<FsStat> {
    return this.#on(path, (fs, p) => fs.lstat(p));
  }
  async owner(path: string): Promise<{ uid: number; gid: number }> {
    const at = this.#at(path);
    if (at.fs.owner) return this.#on(path, (fs, p) => fs.owner!(p));
    await this.lstat(path);
    return at.mount?.owner ?? { uid: 0, gid: 0 };
  }
  async chown(path: string, uid: number, gid: number): Promise<void> {
    return this.#on(path, async (fs, p) => (fs.chown ? fs.chown(p, uid, gid) : void (await fs.lstat(p))), 'chown');
  }
  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const at = this.#at(path);
    // `mkdir -p /data` of a mount point that exists changes nothing, even on a read-only filesystem.
    if (at.ro && options?.recursive) {
      return this.#on(path, async (fs, p) => {
        if (!(await fs.exists(p))) throw roError('mkdir', path);
      });
    }
    return this.#on(path, (fs, p) => fs.mkdir(p, options), 'mkdir');
  }
  readdir(path: string): Promise<string[]> {
    return this.#on(path, (fs, p) => fs.readdir(p));
  }
  readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    return this.#on(path, async (fs, p) => {
      if (fs.readdirWithFileTypes) return fs.readdirWithFileTypes(p);
      const names = await fs.readdir(p);
      return Promise.all(
        names.map(async (name) => {
          const st = await fs.lstat(`${p === '/' ? '' : p}/${name}`);
          return { name, isFile: st.isFile, isDirectory: st.isDirectory, isSymbolicLink: st.isSymbolicLink };
        }),
      );
    });
  }
  rm(path: string, options?: RmOptions): Promise<void> {
    const at = this.#at(path);
    if (at.mount && at.path === (at.mount.base === '/' ? '/' : at.mount.base)) throw new FsError('EBUSY', 'resource busy or locked', 'rm', path);
    return this.#on(path, (fs, p) => fs.rm(p, options), 'rm');
  }
  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const [a, b] = [this.#at(src), this.#at(dest)];
    if (b.ro) throw roError('cp', dest);
    if (a.fs === b.fs) return a.fs.cp(a.path, b.path, options);
    const st = await this.stat(src);
    if (st.isDirectory) {
      if (!options?.recursive) throw new FsError('EISDIR', 'is a directory', 'cp', src);
      await this.mkdir(dest, { recursive: true });
      for (const k of await this.readdir(src)) await this.cp(`${src}/${k}`, `${dest}/${k}`, options);
      return;
    }
    await this.writeFile(dest, await this.readFileBuffer(src));
    await this.chmod(dest, st.mode);
  }
  async mv(src: string, dest: string): Promise<void> {
    const [a, b] = [this.#at(src), this.#at(dest)];
    if (a.ro) throw roError('rename', src);
    if (b.ro) throw roError('rename', dest);
    if (a.fs === b.fs) return a.fs.mv(a.path, b.path);
    await this.cp(src, dest, { recursive: true });
    await this.rm(src, { recursive: true, force: true });
  }
  resolvePath(base: string, path: string): string {
    return this.#root.resolvePath(base, path);
  }
  getAllPaths(): string[] {
    const paths = new Set(this.#root.getAllPaths());
    for (const m of this.#mounts) {
      for (const p of m.fs.getAllPaths()) {
        if (m.base !== '/' && p !== m.base && !p.startsWith(m.base + '/')) continue;
        const rest = m.base === '/' ? (p === '/' ? '' : p) : p.slice(m.base.length);
        paths.add(m.target + rest);
      }
    }
    return [...paths].sort();
  }
  chmod(path: string, mode: number): Promise<void> {
    return this.#on(path, (fs, p) => fs.chmod(p, mode), 'chmod');
  }
  symlink(target: string, linkPath: string): Promise<void> {
    return this.#on(linkPath, (fs, p) => fs.symlink(target, p), 'symlink');
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    const [a, b] = [this.#at(existingPath), this.#at(newPath)];
    if (b.ro) throw roError('link', newPath);
    if (a.fs !== b.fs) throw new FsError('EXDEV', 'cross-device link not permitted', 'link', newPath);
    return a.fs.link(a.path, b.path);
  }
  readlink(path: string): Promise<string> {
    return this.#on(path, (fs, p) => fs.readlink(p));
  }
  async realpath(path: string): Promise<string> {
    const at = this.#at(path);
    if (!at.mount) return this.#root.realpath(path);
    const real = await this.#on(path, (fs, p) => fs.realpath(p));
    const base = at.mount.base === '/' ? '' : at.mount.base;
    return real.startsWith(base) ? at.mount.target + real.slice(base.length) || '/' : real;
  }
  utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    return this.#on(path, (fs, p) => fs.utimes(p, atime, mtime), 'utimes');
  }
}
