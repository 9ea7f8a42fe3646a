/**
 * The lock file of a state directory (Node only).
 *
 * DirStore keeps the directory's state in memory and writes whole snapshots,
 * so two processes writing one directory would silently undo each other's
 * commits. Like dockerd refusing a second daemon on one data-root (its pid
 * file), the second opener waits a little, then fails with a clear error
 * naming the holder. A lock left by a crashed process on this host (its pid
 * no longer runs) is taken over.
 */
import { hostname } from 'node:os';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';

/** Raised when another live process holds the state directory. */
export class StateLockedError extends Error {
  /** Stable code, as engine errors carry one. */
  readonly code = 'ELOCKED';
  /** The holder's pid, when the lock file names one. */
  readonly pid: number | undefined;
  constructor(dir: string, pid: number | undefined) {
    super(`state directory ${dir} is in use by ${pid === undefined ? 'another process' : `process ${pid}`}`);
    this.name = 'StateLockedError';
    this.pid = pid;
  }
}

interface Holder {
  pid: number;
  host: string;
}

/**
 * Takes the lock file at `path` (guarding directory `dir`), retrying for up to
 * `waitMs` while a live process holds it. Resolves to the release function.
 */
export async function acquireLock(path: string, dir: string, waitMs: number): Promise<() => Promise<void>> {
  const me: Holder = { pid: process.pid, host: hostname() };
  const text = JSON.stringify(me);
  // Written aside and hard-linked into place: link() fails if the lock exists
  // and never exposes a half-written lock file, unlike open(O_EXCL) + write.
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, text);
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      try {
        await link(tmp, path);
        return async () => {
          // Only remove the lock if it is still ours (never someone's takeover).
          if ((await readFile(path, 'utf8').catch(() => '')) === text) await unlink(path).catch(() => undefined);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (holder && holder.host === me.host && holder.pid !== me.pid && !isAlive(holder.pid)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() >= deadline) throw new StateLockedError(dir, holder?.pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    const { pid, host } = parsed as Partial<Holder>;
    return typeof pid === 'number' && typeof host === 'string' ? { pid, host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    // Signal 0 checks existence without sending anything.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
