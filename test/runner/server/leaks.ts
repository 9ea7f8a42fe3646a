/**
 * What a runner may leave on the host after its sessions are gone: processes
 * naming the state directory, entries in it, mounts below it, and the
 * sessions' cgroups. The engine tests assert all four are empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mountsUnder } from '../../../runner/backends/mounts.ts';
import { containerdNamespace } from '../../../runner/backends/local.ts';

/** Everything of `stateDir` and of the sessions `ids` still on the host (cgroups are global, so only those of `ids` are looked for: other tests run beside). */
export function leftovers(stateDir: string, ids: readonly string[] = []): { processes: string[]; entries: string[]; mounts: string[]; cgroups: string[] } {
  const processes: string[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const cl = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cl.includes(`${stateDir}/`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${p}/stat`, 'utf8'))) processes.push(cl.replace(/\0/g, ' ').slice(0, 120));
    } catch {
      /* gone */
    }
  }
  const names = new Set(ids.map(containerdNamespace));
  const cgroups: string[] = [];
  for (const c of existsSync('/sys/fs/cgroup') ? readdirSync('/sys/fs/cgroup') : []) {
    try {
      for (const e of readdirSync(`/sys/fs/cgroup/${c}`)) if (names.has(e)) cgroups.push(`${c}/${e}`);
    } catch {
      /* not a directory */
    }
  }
  return { processes, entries: existsSync(stateDir) ? readdirSync(stateDir) : [], mounts: mountsUnder(stateDir), cgroups };
}

/** The empty result. */
export const NOTHING = { processes: [], entries: [], mounts: [], cgroups: [] };
