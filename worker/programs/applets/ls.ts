/**
 * `ls` inside containers: busybox 1.37's on Alpine (uniform columns of the longest
 * name + 2, column-major, `ls: x: No such file or directory`, exit 1) and GNU
 * coreutils 9.1's on Debian (calculate_columns layout from the host's ls, `cannot
 * access`, exit 2). Long format prints owners from the container's /etc/passwd.
 */
import type { FsStat } from 'just-bash';
import { columns, lsTime, modeString } from '../../shell/ls/format.ts';
import type { ProgramRun } from '../program.ts';
import { absolutePath } from '../resolve.ts';

interface Item { name: string; st: FsStat; target?: string }

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

/** The ls program for `gnu` (coreutils) or busybox. */
export async function ls(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const a of run.args) {
    if (a === '--all') flags.add('a');
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) flags.add(c);
    else operands.push(a);
  }
  const now = spec.now();
  const width = Number(spec.env.COLUMNS) || 80;
  const long = flags.has('l') || flags.has('n');
  const shown = (name: string): boolean => flags.has('a') || (flags.has('A') ? true : !name.startsWith('.'));
  const owners = await names(run, '/etc/passwd');
  const groups = await names(run, '/etc/group');
  const format = (items: Item[]): string[] => {
    if (long) {
      const sw = Math.max(gnu ? 1 : 9, ...items.map((i) => String(sizeOf(i)).length));
      return items.map((i) => {
        const type = i.st.isSymbolicLink ? 'symlink' : i.st.isDirectory ? 'directory' : 'file';
        const user = owners.get('0') ?? 'root';
        const group = groups.get('0') ?? 'root';
        const head = gnu
          ? `${modeString(type, i.st.mode)} 1 ${user} ${group} ${String(sizeOf(i)).padStart(sw)}`
          : `${modeString(type, i.st.mode)}    1 ${user.padEnd(8)} ${group.padEnd(8)} ${String(sizeOf(i)).padStart(sw)}`;
        return `${head} ${lsTime(i.st.mtime, now)} ${i.name}${i.target !== undefined ? ` -> ${i.target}` : ''}`;
      });
    }
    const list = items.map((i) => i.name);
    if (flags.has('1') || !spec.tty || list.length === 0) return list;
    return gnu ? columns(list, width) : busyboxColumns(list, width);
  };
  const files: Item[] = [];
  const dirs: Array<{ path: string; label: string }> = [];
  let status = 0;
  for (const op of operands.length > 0 ? operands : ['.']) {
    const path = absolutePath(spec.cwd, op);
    try {
      const st = await spec.fs.lstat(path);
      const followed = st.isSymbolicLink && !long ? await spec.fs.stat(path).catch(() => st) : st;
      if (followed.isDirectory && !flags.has('d')) dirs.push({ path, label: op });
      else files.push({ name: op, st, ...(st.isSymbolicLink && long ? { target: await spec.fs.readlink(path) } : {}) });
    } catch {
      spec.stderr(gnu ? `${run.name}: cannot access '${op}': No such file or directory\n` : `${run.name}: ${op}: No such file or directory\n`);
      status = gnu ? 2 : 1;
    }
  }
  const out: string[] = [...format(files)];
  for (const [n, d] of dirs.entries()) {
    const entries = (await spec.fs.readdir(d.path)).filter(shown).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (flags.has('a')) entries.unshift('.', '..');
    const items: Item[] = [];
    for (const e of entries) {
      const p = e === '.' ? d.path : e === '..' ? absolutePath(d.path, '..') : `${d.path === '/' ? '' : d.path}/${e}`;
      const st = await spec.fs.lstat(p).catch(() => undefined);
      if (st) items.push({ name: e, st, ...(st.isSymbolicLink && long ? { target: await spec.fs.readlink(p) } : {}) });
    }
    if (dirs.length + files.length > 1) {
      if (n > 0 || files.length > 0) out.push('');
      out.push(`${d.label}:`);
    }
    if (long) out.push(`total ${items.reduce((s, i) => s + Math.ceil(sizeOf(i) / 4096) * 4, 0)}`);
    out.push(...format(items));
  }
  if (out.length > 0) spec.stdout(out.join('\n') + '\n');
  return status;
}

function sizeOf(i: Item): number {
  return i.st.isDirectory ? 4096 : i.st.isSymbolicLink ? (i.target ?? '').length || i.st.size : i.st.size;
}

async function names(run: ProgramRun, path: string): Promise<Map<string, string>> {
  const text = await run.spec.fs.readFile(path).catch(() => '');
  return new Map(text.split('\n').filter(Boolean).map((l) => l.split(':')).map((f) => [f[2] ?? '', f[0] ?? '']));
}
