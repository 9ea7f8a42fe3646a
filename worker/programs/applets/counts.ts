/**
 * `wc` and `du`, whose column layouts differ between busybox and coreutils and
 * from just-bash's: GNU wc pads every count to the digits of the total size
 * (7 when reading stdin) unless it prints one number, busybox pads each to 9
 * ("%9u") unless it prints one; du adds the 4 KiB blocks each entry takes
 * (`16K` with GNU -h, `16.0K` with busybox's). Recorded in fixtures/tools.json.
 */
import type { ProgramRun } from '../program.ts';
import { readAllStdin } from '../program.ts';
import { absolutePath } from '../resolve.ts';
import { humanSize } from '../../shell/ls/format.ts';
import { busyboxHuman, diskKiB } from './inode.ts';
import { usageError } from './usage.ts';

/** `wc [-lwcm] [FILE]...`. */
export async function wc(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const which = new Set<string>();
  const files: string[] = [];
  for (const a of run.args) {
    if (a === '--lines') which.add('l');
    else if (a === '--words') which.add('w');
    else if (a === '--bytes') which.add('c');
    else if (a === '--chars') which.add('m');
    else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!'lwcmL'.includes(c)) return usageError(run, gnu, c);
        which.add(c);
      }
    } else files.push(a);
  }
  const order = ['l', 'w', 'm', 'c'].filter((c) => which.has(c));
  const cols = order.length > 0 ? order : ['l', 'w', 'c'];
  const count = (text: string, bytes: number): Record<string, number> => ({
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    m: [...text].length,
    c: bytes,
  });
  const rows: Array<{ counts: Record<string, number>; name?: string }> = [];
  let status = 0;
  let sizes = 0;
  for (const f of files.length > 0 ? files : ['-']) {
    if (f === '-') {
      const text = await readAllStdin(spec);
      rows.push({ counts: count(text, new TextEncoder().encode(text).length), ...(files.length > 0 ? { name: f } : {}) });
      continue;
    }
    try {
      const bytes = await spec.fs.readFileBuffer(absolutePath(spec.cwd, f));
      sizes += bytes.length;
      rows.push({ counts: count(new TextDecoder().decode(bytes), bytes.length), name: f });
    } catch {
      spec.stderr(`wc: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  if (rows.length > 1) {
    const total: Record<string, number> = { l: 0, w: 0, m: 0, c: 0 };
    for (const r of rows) for (const k of Object.keys(total)) total[k]! += r.counts[k]!;
    rows.push({ counts: total, name: 'total' });
  }
  const stdin = files.length === 0 || files.includes('-');
  const one = cols.length === 1 && rows.length === 1;
  const width = gnu ? (one ? 1 : Math.max(stdin ? 7 : 1, String(sizes).length)) : one ? 0 : 9;
  for (const r of rows) {
    const nums = cols.map((c) => String(r.counts[c]).padStart(width)).join(' ');
    spec.stdout(`${nums}${r.name !== undefined ? ` ${r.name}` : ''}\n`);
  }
  return status;
}

/** `du [-s] [-h|-k] [PATH]...`. */
export async function du(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const flags = new Set<string>();
  const paths: string[] = [];
  for (const a of run.args) {
    if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) flags.add(c);
    else paths.push(a);
  }
  const show = (kib: number): string => (flags.has('h') ? (gnu ? humanSize(kib * 1024) : busyboxHuman(kib * 1024)) : String(kib));
  let status = 0;
  const walk = async (path: string, label: string, top: boolean): Promise<number> => {
    const st = await spec.fs.lstat(path);
    let kib = diskKiB(st);
    if (st.isDirectory) {
      for (const e of (await spec.fs.readdir(path)).sort()) kib += await walk(`${path === '/' ? '' : path}/${e}`, `${label.replace(/\/$/, '')}/${e}`, false);
    }
    if (top || (!flags.has('s') && (st.isDirectory || flags.has('a')))) spec.stdout(`${show(kib)}\t${label}\n`);
    return kib;
  };
  for (const p of paths.length > 0 ? paths : ['.']) {
    try {
      await walk(absolutePath(spec.cwd, p), p, true);
    } catch {
      spec.stderr(gnu ? `du: cannot access '${p}': No such file or directory\n` : `du: ${p}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
}
