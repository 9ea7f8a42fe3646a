/**
 * Restart policies as moby's restartmanager applies them when a container's
 * process exits (restartmanager/restartmanager.go ShouldRestart): `always`
 * restarts, `unless-stopped` too unless `docker stop`/`kill` ended it,
 * `on-failure[:N]` on a non-zero exit while fewer than N restarts were made
 * (0 = no limit); `no` never. A stop or kill by the user ends every policy's
 * loop (the daemon cancels the restart manager). The wait before each restart
 * starts at 100 ms and doubles up to a minute, back to 100 ms after a run of
 * 10 s or more; the container is `restarting` (State.Running and
 * State.Restarting true) meanwhile.
 */
import type { RestartPolicy } from './record.ts';

/** Whether the daemon starts the container again after its process exited with `exitCode`. */
export function shouldRestart(policy: RestartPolicy | undefined, exitCode: number, restartCount: number, manuallyStopped: boolean): boolean {
  if (!policy || manuallyStopped) return false;
  switch (policy.Name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return exitCode !== 0 && (policy.MaximumRetryCount === 0 || restartCount < policy.MaximumRetryCount);
    default:
      return false;
  }
}

const DEFAULT_MS = 100;
const MAX_MS = 60_000;

/** The wait before the next restart, from the previous one (0 = none yet) and how long the process ran. */
export function restartDelay(previousMs: number, ranMs: number): number {
  const prev = ranMs >= 10_000 ? 0 : previousMs;
  return prev === 0 ? DEFAULT_MS : Math.min(MAX_MS, prev * 2);
}
