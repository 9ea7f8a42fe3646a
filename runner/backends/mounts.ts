/**
 * Mounts a session left below its directory (netns bind mounts under the
 * exec root, /dev/shm of containers, runsc's mounts), found in
 * /proc/self/mountinfo and detached deepest first, so removing the
 * directory neither fails on a busy mount nor leaves one behind.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Mount points at or below `dir` (mountinfo's octal escapes undone). */
export function mountsUnder(dir: string): string[] {
  let info: string;
  try {
    info = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of info.split('\n')) {
    const mp = line.split(' ')[4];
    if (!mp) continue;
    const path = mp.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (path === dir || path.startsWith(`${dir}/`)) out.push(path);
  }
  return out;
}

/** Lazily unmounts everything at or below `dir`, deepest first. */
export function umount(dir: string): void {
  for (let round = 0; round < 5; round++) {
    const mps = mountsUnder(dir).sort((a, b) => b.length - a.length);
    if (mps.length === 0) return;
    for (const mp of mps) {
      try {
        execFileSync('umount', ['-l', mp], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
    }
  }
}
