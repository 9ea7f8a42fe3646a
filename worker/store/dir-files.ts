/**
 * Crash-safe file primitives for DirStore (Node only).
 *
 * The classic sequence: write a temporary file, fsync it, rename it over the
 * target, fsync the directory. rename() is atomic on POSIX, so a reader or a
 * restart after a crash sees the old file or the new one, never a torn one;
 * the fsyncs make sure the rename cannot reach the disk before the data.
 */
import { open, rename, unlink } from 'node:fs/promises';

/** Suffix of temporary files; any left at open time are debris of a crash. */
export const TMP_SUFFIX = '.tmp';

/** Atomically replaces `path` with `data`, durable once this resolves (bar the directory, see {@link syncDir}). */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}${TMP_SUFFIX}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/**
 * Flushes a directory's entries (new names from rename) to disk. Windows
 * cannot open a directory for fsync; there NTFS journals the rename itself,
 * so the failure is ignored.
 */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}

/** Whether a Node fs error means the disk or quota is full. */
export function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
