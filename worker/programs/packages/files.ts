/**
 * Writing a package's files into the container: regular files of the package's real
 * sizes with deterministic filler content (executables start with their exec marker,
 * so the programs they are run), and symlinks. Removing them again for apk del /
 * apt-get remove.
 */
import type { IFileSystem } from 'just-bash';
import { fillerBytes } from '../../engine/layer/filler.ts';
import type { PkgFile } from './alpine-index.ts';

/** FNV-1a of a label: a stable seed per package file. */
function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function parent(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** Writes `files` (paths relative to /) for package `label`; returns the directories created. */
export async function writePackageFiles(fs: IFileSystem, label: string, files: readonly PkgFile[]): Promise<void> {
  for (const f of files) {
    const path = '/' + f.path.replace(/^\//, '');
    await fs.mkdir(parent(path), { recursive: true });
    if (f.link !== undefined) {
      await fs.rm(path, { force: true });
      await fs.symlink(f.link, path);
      continue;
    }
    const size = f.size ?? 0;
    // Package managers unpack each file by renaming it over the old path, so a
    // symlink there (busybox's /usr/bin/tree before `apk add tree`) is replaced,
    // never written through: writing through it would overwrite /bin/busybox.
    if (await isSymlink(fs, path)) await fs.rm(path, { force: true });
    await fs.writeFile(path, fillerBytes(seedOf(label + path), size, f.program));
    await fs.chmod(path, f.program ? 0o755 : 0o644);
  }
}

async function isSymlink(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    return (await fs.lstat(path)).isSymbolicLink;
  } catch {
    return false;
  }
}

/** Writes one text file, creating its directory. */
export async function writeText(fs: IFileSystem, path: string, text: string): Promise<void> {
  await fs.mkdir(parent(path), { recursive: true });
  await fs.writeFile(path, text);
}

/** Reads a text file, or '' when it does not exist. */
export async function readText(fs: IFileSystem, path: string): Promise<string> {
  try {
    return await fs.readFile(path);
  } catch {
    return '';
  }
}

/** Removes a package's files (not directories, which other packages may share). */
export async function removePackageFiles(fs: IFileSystem, files: readonly PkgFile[]): Promise<void> {
  for (const f of files) await fs.rm('/' + f.path.replace(/^\//, ''), { force: true });
}
