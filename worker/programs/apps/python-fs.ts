/**
 * The container's files as MicroPython sees them. MicroPython's `open()` and `os`
 * work on emscripten's in-memory filesystem and call it synchronously, while the
 * container's filesystem answers asynchronously; so before the program runs its
 * files are copied in (the learner's part of the tree: everything but the system
 * directories below), and when it ends what it created, changed or removed is
 * written back. The program runs to completion without yielding (micropython.ts),
 * so no other process can observe the difference.
 */
import type { IFileSystem } from 'just-bash';
import type { EmscriptenFs } from './micropython.ts';

/**
 * Not copied: the distribution's programs and libraries (tens of thousands of files
 * a beginner's program does not open) and the kernel's pseudo-filesystems.
 * Reading a file there fails with FileNotFoundError; the README says so.
 */
const SKIPPED = ['/proc', '/sys', '/dev', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/bin', '/sbin', '/boot', '/var/lib', '/var/cache'];
/** Larger files are left out (a program reading one gets FileNotFoundError). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 4000;

/** What was copied in: path → content (files), target (links), or null (directories). */
export type Snapshot = Map<string, Uint8Array | string | null>;

/** Whether `path` is left out of the copy (a system directory). */
export function skipped(path: string): boolean {
  return SKIPPED.some((p) => path === p || path.startsWith(p + '/'));
}

/** Copies the container's tree (but SKIPPED) into `mem`, then changes into `cwd`. */
export async function copyIn(fs: IFileSystem, mem: EmscriptenFs, cwd: string): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  // emscripten's own home directory is not the container's.
  try {
    mem.rmdir('/home/web_user');
  } catch {
    /* absent */
  }
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (snap.size >= MAX_ENTRIES) return;
      const path = (dir === '/' ? '' : dir) + '/' + name;
      if (skipped(path) || (snap.has(path) && snap.get(path) !== null)) continue;
      const st = await fs.lstat(path).catch(() => undefined);
      if (!st) continue;
      if (st.isSymbolicLink) {
        const target = await fs.readlink(path).catch(() => undefined);
        if (target === undefined) continue;
        try {
          mem.symlink(target, path);
          snap.set(path, '->' + target);
        } catch {
          /* emscripten's own /dev or /proc entry */
        }
      } else if (st.isDirectory) {
        try {
          mem.mkdir(path);
        } catch {
          /* /tmp, /home exist already */
        }
        snap.set(path, null);
        await walk(path);
      } else if (st.isFile && st.size <= MAX_FILE_BYTES) {
        const data = await fs.readFileBuffer(path).catch(() => undefined);
        if (!data) continue;
        mem.writeFile(path, data);
        snap.set(path, data);
      }
    }
  };
  // The working directory first: with more than MAX_ENTRIES files, the program's own come in.
  if (cwd !== '/' && !skipped(cwd)) {
    try {
      mem.mkdirTree(cwd);
    } catch {
      /* a file in the way */
    }
    let p = '';
    for (const part of cwd.split('/').filter(Boolean)) snap.set((p += '/' + part), null);
    await walk(cwd);
  }
  await walk('/');
  // emscripten makes /tmp and /home itself: a container without them has none.
  for (const dir of ['/home', '/tmp']) {
    if (snap.has(dir)) continue;
    try {
      mem.rmdir(dir);
    } catch {
      /* not empty or absent */
    }
  }
  try {
    mem.mkdirTree(cwd);
    mem.chdir(cwd);
  } catch {
    /* a cwd that is a file: stay at / */
  }
  return snap;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Writes back to the container what the program created, changed or removed under the copied tree. */
export async function copyOut(fs: IFileSystem, mem: EmscriptenFs, snap: Snapshot): Promise<void> {
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = mem.readdir(dir).filter((n) => n !== '.' && n !== '..');
    } catch {
      return;
    }
    for (const name of names) {
      const path = (dir === '/' ? '' : dir) + '/' + name;
      if (skipped(path) && !snap.has(path)) {
        // Created by the program under a system directory (rare): still written back.
        if (path === '/dev' || path === '/proc' || path === '/sys') continue;
      }
      seen.add(path);
      const st = mem.lstat(path);
      const before = snap.get(path);
      if (mem.isLink(st.mode)) {
        const target = mem.readlink(path);
        if (before !== '->' + target) {
          await fs.rm(path, { force: true });
          await fs.symlink(target, path);
        }
      } else if (mem.isDir(st.mode)) {
        if (before !== null) await fs.mkdir(path, { recursive: true });
        await walk(path);
      } else if (mem.isFile(st.mode)) {
        const data = mem.readFile(path);
        if (!(before instanceof Uint8Array) || !same(before, data)) await fs.writeFile(path, data);
      }
    }
  };
  await walk('/');
  for (const path of [...snap.keys()].reverse()) {
    if (!seen.has(path)) await fs.rm(path, { recursive: true, force: true });
  }
}
