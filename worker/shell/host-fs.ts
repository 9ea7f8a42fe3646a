/**
 * The host filesystem as the docker CLI sees it: the few async calls `docker
 * build` (context), `save -o`, `load -i`, `export -o`, `cp` need, over the
 * shell's just-bash filesystem. Relative paths resolve against the shell's
 * current directory, as the real CLI resolves them against its process cwd.
 */
import type { IFileSystem } from 'just-bash';
import { bytesStream, collectBytes } from '../engine/layer/tar-stream.ts';
import type { ByteStream } from '../engine/stream.ts';
import { LEARNER } from './commands/identity.ts';

/** What `stat` reports; `mode` holds the permission bits only (0o755), like Go's `fs.FileMode.Perm()`. */
export interface HostStat {
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  size: number;
  mtime: Date;
  /** Owner: every file of the learner's machine belongs to the learner (`ls -l` says so), as `docker cp -a` keeps. */
  uid: number;
  gid: number;
}

/** The host file API the docker CLI uses. All paths may be relative to `cwd`. */
export interface HostFs {
  /** The directory relative paths resolve against. */
  readonly cwd: string;
  /** Resolves `path` against `cwd` into an absolute, normalized path. */
  resolve(path: string): string;
  /** Exact bytes of a file; rejects with an `ENOENT`/`EISDIR` error when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates or replaces a file with exactly these bytes (a string is written as UTF-8). */
  writeFile(path: string, data: Uint8Array | string, mode?: number): Promise<void>;
  /** Creates or replaces a file with a stream's bytes, never holding them whole where the fs can (streams.md); resolves to the bytes written. */
  writeStream(path: string, chunks: AsyncIterable<Uint8Array>, mode?: number): Promise<number>;
  /** A file's bytes chunk by chunk; rejects with ENOENT like readFile. */
  readStream(path: string): AsyncIterable<Uint8Array>;
  /** Whether anything exists at `path` (following symlinks). */
  exists(path: string): Promise<boolean>;
  /** Type, permission bits, size and mtime; does not follow a final symlink (`lstat`). */
  stat(path: string): Promise<HostStat>;
  /** Target of a symlink. */
  readlink(path: string): Promise<string>;
  /** Entry names of a directory, sorted by byte order as Go's `os.ReadDir` returns them. */
  readdir(path: string): Promise<string[]>;
  /** `mkdir -p`. */
  mkdir(path: string): Promise<void>;
  /** `rm -rf`: removes a file or a whole tree; a missing path is not an error. */
  rm(path: string): Promise<void>;
}

/** Adapts a just-bash filesystem to {@link HostFs}, with relative paths taken from `cwd`. */
export function hostFs(fs: IFileSystem, cwd: string): HostFs {
  const resolve = (path: string): string => fs.resolvePath(cwd, path);
  return {
    cwd,
    resolve,
    readFile: (path) => fs.readFileBuffer(resolve(path)),
    async writeFile(path, data, mode) {
      const abs = resolve(path);
      // just-bash writes a string as UTF-8 by default; bytes as they are.
      await fs.writeFile(abs, data);
      if (mode !== undefined) await fs.chmod(abs, mode);
    },
    async writeStream(path, chunks, mode) {
      // The home fs (home-fs.ts) stores big files as chunks; any other fs gets them whole.
      if (isStreaming(fs)) return fs.writeStream(resolve(path), chunks, mode);
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk.slice());
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((off, p) => (bytes.set(p, off), off + p.length), 0);
      await this.writeFile(path, bytes, mode);
      return bytes.length;
    },
    readStream(path) {
      if (isStreaming(fs)) return fs.readStream(resolve(path));
      return (async function* () {
        yield await fs.readFileBuffer(resolve(path));
      })();
    },
    exists: (path) => fs.exists(resolve(path)),
    async stat(path) {
      const st = await fs.lstat(resolve(path));
      const type = st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'directory' : 'file';
      return { type, mode: st.mode & 0o7777, size: st.size, mtime: st.mtime, uid: LEARNER.uid, gid: LEARNER.gid };
    },
    readlink: (path) => fs.readlink(resolve(path)),
    async readdir(path) {
      const names = await fs.readdir(resolve(path));
      return names.sort(byteOrder);
    },
    mkdir: (path) => fs.mkdir(resolve(path), { recursive: true }),
    rm: (path) => fs.rm(resolve(path), { recursive: true, force: true }),
  };
}

/** Whether `fs` streams files itself (the home fs does). */
function isStreaming(fs: IFileSystem): fs is IFileSystem & Pick<HostFs, 'writeStream' | 'readStream'> {
  const f = fs as Partial<Pick<HostFs, 'writeStream' | 'readStream'>>;
  return typeof f.writeStream === 'function' && typeof f.readStream === 'function';
}

/** Byte-wise comparison of strings (code unit order equals UTF-8 byte order for BMP text). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
