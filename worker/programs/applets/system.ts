/**
 * Small system tools whose output depends on the container rather than on files alone:
 * hostname, id, whoami, uname, env, sleep, which, ps. Texts follow busybox 1.37 and
 * GNU coreutils 9.1 (`gnu` true for Debian's own binaries).
 */
import type { ProgramRun } from '../program.ts';
import { exitForSignal, sleepFor } from '../program.ts';
import { lookPath } from '../resolve.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';

/** Kernel identity reported by uname: the host's kernel, which every container shares. */
export const KERNEL = { release: ENGINE_VERSION.kernel, version: ENGINE_VERSION.kernelBuild, machine: 'x86_64' };

/** `hostname`: the container's hostname (its short ID unless --hostname). */
export async function hostname(run: ProgramRun): Promise<number> {
  run.spec.stdout(`${run.spec.hostname}\n`);
  return 0;
}

/** `uname [-asnrvm]`. */
export async function uname(run: ProgramRun, gnu: boolean): Promise<number> {
  const host = run.spec.env.HOSTNAME ?? run.spec.hostname;
  const flags = run.args.join('').replace(/-/g, '');
  const all = flags.includes('a');
  const parts: string[] = [];
  if (all || flags.includes('s') || flags === '') parts.push('Linux');
  if (all || flags.includes('n')) parts.push(host);
  if (all || flags.includes('r')) parts.push(KERNEL.release);
  if (all || flags.includes('v')) parts.push(KERNEL.version);
  if (all || flags.includes('m')) parts.push(KERNEL.machine);
  if (all) parts.push(gnu ? 'GNU/Linux' : 'Linux');
  run.spec.stdout(`${parts.join(' ')}\n`);
  return 0;
}

/**
 * `env [-i] [-u NAME] [NAME=VALUE]...` without a command prints the resulting
 * environment; with one it executes it in that environment, found on its PATH
 * (execvp), as `#!/usr/bin/env sh` shebangs rely on. A command not found ends
 * with 127 and the message of GNU env (`env: ‘x’: No such file or directory`)
 * or busybox's (`env: can't execute 'x': No such file or directory`).
 */
export async function env(run: ProgramRun, gnu = false): Promise<number> {
  let vars: Record<string, string> = { ...run.spec.env };
  const args = [...run.args];
  while (args.length > 0) {
    const a = args[0]!;
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u' && args.length > 1) delete vars[args.splice(1, 1)[0]!];
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else break;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length > 0 && run.name === 'env') {
    const found = await lookPath(run.spec.fs, args[0]!, vars.PATH ?? run.spec.env.PATH, run.spec.cwd);
    if ('missing' in found) {
      run.spec.stderr(gnu ? `env: ‘${args[0]}’: No such file or directory\n` : `env: can't execute '${args[0]}': No such file or directory\n`);
      return 127;
    }
    // Loaded when used: run.ts reaches this module through programs.ts.
    const { execResolved } = await import('../run.ts');
    return execResolved({ ...run.spec, env: vars, argv: args }, found);
  }
  run.spec.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

/** `sleep N[smhd]`: waits on the clock; a signal (Ctrl-C, docker stop) ends it with 128+N. */
export async function sleep(run: ProgramRun): Promise<number> {
  if (run.args.length === 0) {
    run.spec.stderr(run.name === 'sleep' ? 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n' : '');
    return 1;
  }
  let ms = 0;
  for (const a of run.args) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) {
      run.spec.stderr(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    ms += Number(m[1]) * 1000 * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!] ?? 1);
  }
  const aborted = await sleepFor(run.spec, ms);
  return aborted ? exitForSignal(run.spec.signal) : 0;
}

/** `which name…`: the first match on PATH, as debianutils and busybox print it. */
export async function which(run: ProgramRun): Promise<number> {
  let status = 0;
  for (const name of run.args.filter((a) => !a.startsWith('-'))) {
    const r = await lookPath(run.spec.fs, name, run.spec.env.PATH, run.spec.cwd);
    if ('missing' in r) status = 1;
    else run.spec.stdout(`${name.includes('/') ? name : r.path}\n`);
  }
  return status;
}

/** `ps`: busybox's PID/USER/TIME/COMMAND table; the process list comes from the engine when it gives one. */
export async function ps(run: ProgramRun): Promise<number> {
  const procs = run.spec.processes?.() ?? [{ pid: 1, user: 'root', command: run.spec.argv.join(' ') }];
  const rows = [...procs, { pid: Math.max(...procs.map((p) => p.pid)) + 6, user: run.spec.user.split(':')[0] || 'root', command: ['ps', ...run.args].join(' ') }];
  run.spec.stdout('PID   USER     TIME  COMMAND\n' + rows.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)}  0:00 ${p.command}\n`).join(''));
  return 0;
}
