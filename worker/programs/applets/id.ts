/**
 * `id [-u|-g|-G] [-n] [USER]` and `whoami`, from the container's /etc/passwd and
 * /etc/group, as busybox 1.37 and GNU coreutils 9.1 print them (recorded in
 * test/programs/fixtures/tools.json). The process's supplementary groups are
 * what runc gives the user: its primary group and every group of /etc/group
 * that lists it (so root in alpine is in bin, daemon, sys, adm, disk, wheel, …).
 */
import type { ProgramRun } from '../program.ts';
import { usageError } from './usage.ts';

async function table(run: ProgramRun, path: string): Promise<string[][]> {
  try {
    return (await run.spec.fs.readFile(path)).split('\n').filter(Boolean).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** The owner names of the container's /etc/passwd and /etc/group, by number (for ls, stat). */
export async function idNames(run: ProgramRun): Promise<{ user: (uid: number) => string | undefined; group: (gid: number) => string | undefined }> {
  const passwd = await table(run, '/etc/passwd');
  const groups = await table(run, '/etc/group');
  return {
    user: (uid) => passwd.find((p) => p[2] === String(uid))?.[0],
    group: (gid) => groups.find((g) => g[2] === String(gid))?.[0],
  };
}

/** `id` and `whoami`. */
export async function id(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const passwd = await table(run, '/etc/passwd');
  const groups = await table(run, '/etc/group');
  const gname = (g: string): string | undefined => groups.find((x) => x[2] === g)?.[0];
  const self = spec.user.split(':')[0] || 'root';
  if (run.name === 'whoami') {
    const pw = passwd.find((p) => p[0] === self || p[2] === self);
    if (!pw) {
      spec.stderr(`whoami: ${gnu ? 'cannot find name for user ID' : 'unknown uid'} ${self}\n`);
      return 1;
    }
    spec.stdout(`${pw[0]}\n`);
    return 0;
  }
  let mode: 'u' | 'g' | 'G' | undefined;
  let names = false;
  const operands: string[] = [];
  for (const a of run.args) {
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'u' || c === 'g' || c === 'G') mode = c;
        else if (c === 'n') names = true;
        else if (c === 'r') continue;
        else return usageError(run, gnu, c);
      }
    } else operands.push(a);
  }
  if (names && !mode) {
    // coreutils: "cannot print only names or real IDs in default format"; busybox prints its usage.
    if (gnu) {
      spec.stderr('id: cannot print only names or real IDs in default format\n');
      return 1;
    }
    return usageError(run, gnu);
  }
  const who = operands[0] ?? self;
  const pw = passwd.find((p) => p[0] === who) ?? (operands.length === 0 || /^\d+$/.test(who) ? passwd.find((p) => p[2] === who) : undefined);
  if (!pw && (operands.length > 0 || !/^\d+$/.test(who))) {
    spec.stderr(gnu ? `id: '${who}': no such user\n` : `id: unknown user ${who}\n`);
    return 1;
  }
  const name = pw?.[0];
  const uid = pw?.[2] ?? who;
  // runc: a uid missing from /etc/passwd runs with gid 0; `--user u:g` sets the group.
  const gid = operands.length === 0 && spec.user.includes(':') ? spec.user.split(':')[1]! : pw?.[3] ?? '0';
  const member = name ? groups.filter((g) => g[2] !== gid && (g[3] ?? '').split(',').includes(name)).map((g) => g[2]!) : [];
  const all = [gid, ...member];
  const label = (n: string, text: string | undefined): string => (names ? text ?? n : n);
  if (mode === 'u') spec.stdout(`${label(uid, name)}\n`);
  else if (mode === 'g') spec.stdout(`${label(gid, gname(gid))}\n`);
  else if (mode === 'G') spec.stdout(`${all.map((g) => label(g, gname(g))).join(' ')}\n`);
  else {
    const fmt = (n: string, text: string | undefined): string => (text !== undefined ? `${n}(${text})` : n);
    spec.stdout(`uid=${fmt(uid, name)} gid=${fmt(gid, gname(gid))} groups=${all.map((g) => fmt(g, gname(g))).join(',')}\n`);
  }
  return 0;
}
