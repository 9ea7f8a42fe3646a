/**
 * `ls` inside containers: busybox 1.37's on Alpine (uniform columns of the longest
 * name + 2, column-major, `ls: x: No such file or directory`, exit 1) and GNU
 * coreutils 9.1's on Debian (calculate_columns layout from the host's ls, `cannot
 * access`, exit 2). Long format shows each file's owner from the layers (names from
 * the container's /etc/passwd and /etc/group, numbers with -n), link counts, -h
 * sizes; -R recurses. Texts recorded in test/programs/fixtures/tools.json.
 */
import type { FsStat } from 'just-bash';
import { columns, humanSize, longLines, lsTime, modeString } from '../../shell/ls/format.ts';
import type { ProgramRun } from '../program.ts';
import { absolutePath } from '../resolve.ts';
import { idNames } from './id.ts';
import { busyboxHuman, diskKiB, nlinkOf, ownerOf } from './inode.ts';
import { usageError } from './usage.ts';

interface Item { name: string; path: string; st: FsStat; target?: string }

// The short options each ls accepts (busybox's usage line; coreutils' getopt string, less the ones taking arguments).
const BUSYBOX_FLAGS = '1AaCxdLHRFplinshrSXvctuew';
const GNU_FLAGS = 'abcdfghiklmnopqrstuvwxABCDFGHILNQRSUXZ1';

function busyboxColumns(names: string[], width: number): string[] {
  const colw = Math.max(...names.map((n) => n.length)) + 2;
  const ncols = Math.max(1, Math.floor(width / colw));
  const nrows = ncols > 1 ? Math.ceil(names.length / ncols) : names.length;
  const lines: string[] = [];
  for (let r = 0; r < nrows; r++) {
    let line = '';
    for (let c = 0; c < ncols; c++) {
      const i = c * nrows + r;
      if (i >= names.length) break;
      line = line ? line.padEnd(c * colw) + names[i] : names[i]!;
    }
    lines.push(line);
  }
  return lines;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The ls program for `gnu` (coreutils) or busybox. */
export async function ls(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const a of run.args) {
    if (a === '--all') flags.add('a');
    else if (a === '--recursive') flags.add('R');
    else if (a === '--human-readable') flags.add('h');
    else if (a === '--') continue;
    else if (a.startsWith('--')) {
      if (!/^--(color|full-time|group-directories-first)/.test(a)) return usageError(run, gnu, a.split('=')[0]);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!(gnu ? GNU_FLAGS : BUSYBOX_FLAGS).includes(c)) return usageError(run, gnu, c);
        flags.add(c);
      }
    } else operands.push(a);
  }
  const now = spec.now();
  const width = Number(spec.env.COLUMNS) || 80;
  const long = flags.has('l') || flags.has('n');
  const human = flags.has('h');
  const shown = (name: string): boolean => flags.has('a') || flags.has('A') || !name.startsWith('.');
  const ids = await idNames(run);

  const format = async (items: Item[]): Promise<string[]> => {
    if (!long) {
      const list = items.map((i) => i.name);
      if (flags.has('1') || !spec.tty || list.length === 0) return list;
      return gnu ? columns(list, width) : busyboxColumns(list, width);
    }
    const rows = await Promise.all(items.map(async (i) => {
      const { uid, gid } = await ownerOf(spec.fs, i.path);
      const numeric = flags.has('n');
      return {
        i,
        type: (i.st.isSymbolicLink ? 'symlink' : i.st.isDirectory ? 'directory' : 'file') as 'symlink' | 'directory' | 'file',
        nlink: await nlinkOf(spec.fs, i.path, i.st),
        owner: numeric ? String(uid) : ids.user(uid) ?? String(uid),
        group: numeric ? String(gid) : ids.group(gid) ?? String(gid),
      };
    }));
    if (gnu) {
      return longLines(rows.map((r) => ({ name: r.i.name, type: r.type, mode: r.i.st.mode, size: sizeOf(r.i), mtime: r.i.st.mtime, nlink: r.nlink, owner: r.owner, group: r.group, ...(r.i.target !== undefined ? { target: r.i.target } : {}) })), now, human);
    }
    // busybox ls.c: "%s %4u %-8s %-8s %9llu " (sizes "%7s " with -h), then the date and the name.
    return rows.map((r) => {
      const size = human ? busyboxHuman(sizeOf(r.i)).padStart(7) : String(sizeOf(r.i)).padStart(9);
      return `${modeString(r.type, r.i.st.mode)} ${String(r.nlink).padStart(4)} ${r.owner.padEnd(8)} ${r.group.padEnd(8)} ${size} ${lsTime(r.i.st.mtime, now)} ${r.i.name}${r.i.target !== undefined ? ` -> ${r.i.target}` : ''}`;
    });
  };
  const total = (items: Item[]): string => {
    const kib = items.reduce((s, i) => s + diskKiB(i.st), 0);
    if (!human) return `total ${kib}`;
    // busybox pads the human total to its 7-column field ("total 16K    ").
    return gnu ? `total ${humanSize(kib * 1024)}` : `total ${`${kib < 1024 ? `${kib}K` : busyboxHuman(kib * 1024)}`.padEnd(7)}`;
  };
  const withTarget = async (name: string, path: string, st: FsStat): Promise<Item> => ({ name, path, st, ...(st.isSymbolicLink && long ? { target: await spec.fs.readlink(path) } : {}) });

  const files: Item[] = [];
  const dirs: Array<{ path: string; label: string }> = [];
  let status = 0;
  for (const op of operands.length > 0 ? operands : ['.']) {
    const path = absolutePath(spec.cwd, op);
    try {
      const st = await spec.fs.lstat(path);
      const followed = st.isSymbolicLink && !long ? await spec.fs.stat(path).catch(() => st) : st;
      if (followed.isDirectory && !flags.has('d')) dirs.push({ path, label: op });
      else files.push(await withTarget(op, path, st));
    } catch {
      spec.stderr(gnu ? `${run.name}: cannot access '${op}': No such file or directory\n` : `${run.name}: ${op}: No such file or directory\n`);
      status = gnu ? 2 : 1;
    }
  }
  files.sort((a, b) => byName(a.name, b.name));
  dirs.sort((a, b) => byName(a.label, b.label));
  const out: string[] = [...(await format(files))];
  const headed = flags.has('R') || dirs.length + files.length > 1;
  // -R lists each directory, then its subdirectories depth first (ls.c's recursion).
  const queue = [...dirs];
  let first = true;
  while (queue.length > 0) {
    const d = queue.shift()!;
    const entries = (await spec.fs.readdir(d.path)).filter(shown).sort(byName);
    if (flags.has('a')) entries.unshift('.', '..');
    const items: Item[] = [];
    for (const e of entries) {
      const p = e === '.' ? d.path : e === '..' ? absolutePath(d.path, '..') : `${d.path === '/' ? '' : d.path}/${e}`;
      const st = await spec.fs.lstat(p).catch(() => undefined);
      if (st) items.push(await withTarget(e, p, st));
    }
    if (headed) {
      if (!first || files.length > 0) out.push('');
      out.push(`${d.label}:`);
    }
    first = false;
    if (long) out.push(total(items));
    out.push(...(await format(items)));
    if (flags.has('R')) {
      const subs = items.filter((i) => i.st.isDirectory && i.name !== '.' && i.name !== '..').map((i) => ({ path: i.path, label: `${d.label === '/' ? '' : d.label.replace(/\/$/, '')}/${i.name}` }));
      queue.unshift(...subs);
    }
  }
  if (out.length > 0) spec.stdout(out.join('\n') + '\n');
  return status;
}

function sizeOf(i: Item): number {
  return i.st.isDirectory ? 4096 : i.st.isSymbolicLink ? (i.target ?? '').length || i.st.size : i.st.size;
}
