/**
 * What stat(2) tells beyond just-bash's FsStat: the owner (the container
 * overlay keeps each layer entry's uid/gid and exposes them as `owner(path)`;
 * a filesystem without it holds only root's files), the link count (a
 * directory has 2 plus one per subdirectory, as on ext4/overlayfs; hard links of
 * files are not counted here), and the 1 KiB blocks a file takes on a 4 KiB-block
 * filesystem (what `ls -s`, `ls -l`'s total and `du` add up).
 */
import type { FsStat, IFileSystem } from 'just-bash';

interface Owned { owner?(path: string): Promise<{ uid: number; gid: number }> }

/** uid and gid of `path` (not following a final symlink). */
export async function ownerOf(fs: IFileSystem, path: string): Promise<{ uid: number; gid: number }> {
  const o = (fs as IFileSystem & Owned).owner;
  if (!o) return { uid: 0, gid: 0 };
  return o.call(fs, path).catch(() => ({ uid: 0, gid: 0 }));
}

/** The link count stat reports for `path`. */
export async function nlinkOf(fs: IFileSystem, path: string, st: FsStat): Promise<number> {
  if (!st.isDirectory) return 1;
  let n = 2;
  for (const e of await fs.readdir(path).catch(() => [] as string[])) {
    const s = await fs.lstat(`${path === '/' ? '' : path}/${e}`).catch(() => undefined);
    if (s?.isDirectory) n++;
  }
  return n;
}

/** Size on disk in KiB: directories one 4 KiB block, files rounded up to 4 KiB, symlinks inline (0). */
export function diskKiB(st: FsStat): number {
  if (st.isDirectory) return 4;
  if (st.isSymbolicLink) return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/** busybox's make_human_readable_str: `12`, `4.0K`, `16.0K`, `120K` (one decimal below 100). */
export function busyboxHuman(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 100 ? `${(Math.round(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.round(v)}${units[u]}`;
}
