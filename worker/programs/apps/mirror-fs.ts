/**
 * A synchronous copy of the container's files for node's `fs` (node-shim.ts): QuickJS
 * calls the host synchronously (readFileSync, and the callback and promise forms
 * built on it), while the container's filesystem answers asynchronously. The
 * learner's part of the tree is copied in before the script runs (python-fs.ts's
 * rule: the system directories are left out) and what the script changed is
 * written back when it ends; the script runs in one go between the two, so no other
 * process sees the difference.
 */
import type { IFileSystem } from 'just-bash';
import { skipped } from './python-fs.ts';

type Node = { type: 'file'; data: Uint8Array; mtime: number; mode: number } | { type: 'dir'; mtime: number; mode: number } | { type: 'link'; target: string; mtime: number; mode: number };

/** A Node-style error (`ENOENT: no such file or directory, open '/x'`). */
export class FsCallError extends Error {
  constructor(readonly code: string, readonly errno: number, readonly syscall: string, readonly path: string) {
    super(`${code}: ${{ ENOENT: 'no such file or directory', EEXIST: 'file already exists', EISDIR: 'illegal operation on a directory', ENOTDIR: 'not a directory', ENOTEMPTY: 'directory not empty' }[code] ?? code}, ${syscall} '${path}'`);
  }
}

const ERRNO: Record<string, number> = { ENOENT: -2, EEXIST: -17, EISDIR: -21, ENOTDIR: -20, ENOTEMPTY: -39 };
const fail = (code: string, syscall: string, path: string): never => {
  throw new FsCallError(code, ERRNO[code] ?? -1, syscall, path);
};

function normalize(path: string, cwd: string): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/** The container's files, held in memory for the length of one script. */
export class MirrorFs {
  readonly #nodes = new Map<string, Node>();
  readonly #loaded = new Map<string, Node>();

  private constructor(readonly cwd: string, private readonly now: () => number) {}

  /** Copies the container's tree (but the system directories) in. */
  static async load(fs: IFileSystem, cwd: string, now: () => number): Promise<MirrorFs> {
    const m = new MirrorFs(cwd, now);
    m.#nodes.set('/', { type: 'dir', mtime: 0, mode: 0o755 });
    const walk = async (dir: string): Promise<void> => {
      for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
        const path = (dir === '/' ? '' : dir) + '/' + name;
        if (skipped(path) || m.#nodes.size > 4000 || (m.#nodes.has(path) && m.#nodes.get(path)!.type !== 'dir')) continue;
        const st = await fs.lstat(path).catch(() => undefined);
        if (!st) continue;
        const meta = { mtime: st.mtime.getTime(), mode: st.mode };
        if (st.isSymbolicLink) {
          const target = await fs.readlink(path).catch(() => undefined);
          if (target !== undefined) m.#nodes.set(path, { type: 'link', target, ...meta });
        } else if (st.isDirectory) {
          m.#nodes.set(path, { type: 'dir', ...meta });
          await walk(path);
        } else if (st.isFile && st.size <= 4 * 1024 * 1024) {
          const data = await fs.readFileBuffer(path).catch(() => undefined);
          if (data) m.#nodes.set(path, { type: 'file', data, ...meta });
        }
      }
    };
    // The working directory first: with more than 4000 entries, the script's own come in.
    if (cwd !== '/' && !skipped(cwd)) {
      let p = '';
      for (const part of cwd.split('/').filter(Boolean)) {
        p += '/' + part;
        const st = await fs.stat(p).catch(() => undefined);
        if (!st?.isDirectory) break;
        m.#nodes.set(p, { type: 'dir', mtime: st.mtime.getTime(), mode: st.mode });
      }
      if (m.#nodes.has(normalize(cwd, '/'))) await walk(normalize(cwd, '/'));
    }
    await walk('/');
    for (const [k, v] of m.#nodes) m.#loaded.set(k, v);
    return m;
  }

  /** The absolute path of `path`, following symbolic links. */
  resolve(path: string, follow = true): string {
    let p = normalize(path, this.cwd);
    for (let i = 0; follow && i < 40; i++) {
      const n = this.#nodes.get(p);
      if (n?.type !== 'link') break;
      p = normalize(n.target, p.slice(0, p.lastIndexOf('/')) || '/');
    }
    return p;
  }

  #get(path: string, syscall: string): Node & { path: string } {
    const p = this.resolve(path);
    const n = this.#nodes.get(p);
    if (!n) fail('ENOENT', syscall, path);
    return { ...n!, path: p };
  }

  #parent(p: string, syscall: string, path: string): void {
    const parent = this.#nodes.get(p.slice(0, p.lastIndexOf('/')) || '/');
    if (!parent) fail('ENOENT', syscall, path);
    if (parent!.type !== 'dir') fail('ENOTDIR', syscall, path);
  }

  readFile(path: string): Uint8Array {
    const n = this.#get(path, 'open');
    if (n.type === 'dir') fail('EISDIR', 'read', path);
    return (n as { data: Uint8Array }).data;
  }

  writeFile(path: string, data: Uint8Array, append = false): void {
    const p = this.resolve(path);
    const old = this.#nodes.get(p);
    if (old?.type === 'dir') fail('EISDIR', 'open', path);
    this.#parent(p, 'open', path);
    const prev = append && old?.type === 'file' ? old.data : new Uint8Array();
    const next = new Uint8Array(prev.length + data.length);
    next.set(prev);
    next.set(data, prev.length);
    this.#nodes.set(p, { type: 'file', data: next, mtime: this.now(), mode: old?.mode ?? 0o100644 });
  }

  exists(path: string): boolean {
    return this.#nodes.has(this.resolve(path));
  }

  stat(path: string, follow = true): { type: Node['type']; size: number; mtime: number; mode: number } {
    const p = this.resolve(path, follow);
    const n = this.#nodes.get(p);
    if (!n) fail('ENOENT', follow ? 'stat' : 'lstat', path);
    return { type: n!.type, size: n!.type === 'file' ? n!.data.length : n!.type === 'dir' ? 4096 : n!.target.length, mtime: n!.mtime, mode: n!.mode };
  }

  readdir(path: string): Array<{ name: string; type: Node['type'] }> {
    const n = this.#get(path, 'scandir');
    if (n.type !== 'dir') fail('ENOTDIR', 'scandir', path);
    const prefix = n.path === '/' ? '/' : n.path + '/';
    const out: Array<{ name: string; type: Node['type'] }> = [];
    for (const [k, v] of this.#nodes) if (k.startsWith(prefix) && k.length > prefix.length && !k.slice(prefix.length).includes('/')) out.push({ name: k.slice(prefix.length), type: v.type });
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  mkdir(path: string, recursive: boolean): void {
    const p = this.resolve(path);
    if (this.#nodes.has(p)) {
      if (recursive && this.#nodes.get(p)!.type === 'dir') return;
      fail('EEXIST', 'mkdir', path);
    }
    if (recursive) {
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      if (!this.#nodes.has(parent)) this.mkdir(parent, true);
    }
    this.#parent(p, 'mkdir', path);
    this.#nodes.set(p, { type: 'dir', mtime: this.now(), mode: 0o40755 });
  }

  rm(path: string, opts: { recursive?: boolean; force?: boolean; dirOnly?: boolean; fileOnly?: boolean }): void {
    const p = this.resolve(path, false);
    const n = this.#nodes.get(p);
    if (!n) {
      if (opts.force) return;
      fail('ENOENT', opts.dirOnly ? 'rmdir' : 'unlink', path);
    }
    if (n!.type === 'dir') {
      if (opts.fileOnly) fail('EISDIR', 'unlink', path);
      const children = [...this.#nodes.keys()].filter((k) => k.startsWith(p + '/'));
      if (children.length && !opts.recursive) fail('ENOTEMPTY', 'rmdir', path);
      for (const c of children) this.#nodes.delete(c);
    } else if (opts.dirOnly) fail('ENOTDIR', 'rmdir', path);
    this.#nodes.delete(p);
  }

  rename(from: string, to: string): void {
    const a = this.resolve(from, false);
    const b = this.resolve(to, false);
    if (!this.#nodes.has(a)) fail('ENOENT', 'rename', from);
    this.#parent(b, 'rename', to);
    for (const [k, v] of [...this.#nodes]) {
      if (k === a || k.startsWith(a + '/')) {
        this.#nodes.delete(k);
        this.#nodes.set(b + k.slice(a.length), v);
      }
    }
  }

  /** Writes back to the container what the script created, changed or removed. */
  async writeBack(fs: IFileSystem): Promise<void> {
    for (const [k, v] of this.#nodes) {
      const old = this.#loaded.get(k);
      if (old === v) continue;
      if (v.type === 'dir') await fs.mkdir(k, { recursive: true });
      else if (v.type === 'file') await fs.writeFile(k, v.data);
      else {
        await fs.rm(k, { force: true });
        await fs.symlink(v.target, k);
      }
    }
    for (const k of [...this.#loaded.keys()].reverse()) if (!this.#nodes.has(k)) await fs.rm(k, { recursive: true, force: true });
    // A prompt writes back after every line: what is written now is the new baseline.
    this.#loaded.clear();
    for (const [k, v] of this.#nodes) this.#loaded.set(k, v);
  }
}
