/**
 * `ls` as GNU coreutils 9.1 prints it on the learner's Debian host. just-bash
 * has an ls, but its long format says `user user`, sizes directories 0,
 * puts `/` after directory names and has no columns on a terminal. This one
 * covers the options the lessons and everyday use need: -a -A -l -1 -d -h
 * -r -t -S -R and --color (accepted; the host prints no colors).
 */
import type { Command, ExecResult, IFileSystem } from 'just-bash';
import { LEARNER } from './identity.ts';
import { gnuVersion, text } from './types.ts';
import type { JustBash, LineHooks } from './types.ts';
import { columns, humanSize, longLines } from '../ls/format.ts';
import type { LsEntry } from '../ls/format.ts';

interface LsOptions {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  one: boolean;
  dirs: boolean;
  human: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size';
  recursive: boolean;
}

const LONG_FLAGS: Record<string, string> = {
  all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', reverse: 'r', recursive: 'R',
};

class LsUsage extends Error {}

function parse(args: string[]): { o: LsOptions; paths: string[] } {
  const o: LsOptions = { all: false, almostAll: false, long: false, one: false, dirs: false, human: false, reverse: false, sort: 'name', recursive: false };
  const paths: string[] = [];
  const set = (c: string): void => {
    if (c === 'a') o.all = true;
    else if (c === 'A') o.almostAll = true;
    else if (c === 'l') o.long = true;
    else if (c === '1') o.one = true;
    else if (c === 'd') o.dirs = true;
    else if (c === 'h') o.human = true;
    else if (c === 'r') o.reverse = true;
    else if (c === 't') o.sort = 'time';
    else if (c === 'S') o.sort = 'size';
    else if (c === 'R') o.recursive = true;
    else if (c !== 'C') throw new LsUsage(`invalid option -- '${c}'`);
  };
  let options = true;
  for (const arg of args) {
    if (options && arg === '--') options = false;
    else if (options && arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (name === 'color' || name === 'colour') continue;
      if (LONG_FLAGS[name] === undefined) throw new LsUsage(`unrecognized option '${arg}'`);
      set(LONG_FLAGS[name]);
    } else if (options && arg.startsWith('-') && arg.length > 1) for (const c of arg.slice(1)) set(c);
    else paths.push(arg);
  }
  return { o, paths };
}

/** Who owns a path on the host: the learner's home and files in /tmp are the learner's. */
function ownerOf(abs: string): string {
  return abs === LEARNER.home || abs.startsWith(`${LEARNER.home}/`) || abs.startsWith('/tmp/') ? LEARNER.user : 'root';
}

async function entryOf(fs: IFileSystem, abs: string, name: string): Promise<LsEntry> {
  const st = await fs.lstat(abs);
  const owner = ownerOf(abs);
  const base = { name, mode: st.mode & 0o7777, mtime: st.mtime, owner, group: owner };
  if (st.isSymbolicLink) {
    const target = await fs.readlink(abs);
    return { ...base, type: 'symlink', size: target.length, nlink: 1, target };
  }
  if (st.isDirectory) {
    let subdirs = 0;
    for (const child of await fs.readdir(abs)) if ((await fs.lstat(fs.resolvePath(abs, child))).isDirectory) subdirs++;
    // ext4 directories take one 4 KiB block; links: itself, its `.`, each child's `..`.
    return { ...base, type: 'directory', size: 4096, nlink: 2 + subdirs };
  }
  return { ...base, type: 'file', size: st.size, nlink: 1 };
}

function sortEntries(entries: LsEntry[], o: LsOptions): LsEntry[] {
  // C.UTF-8 collates by code point.
  const byName = (a: LsEntry, b: LsEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const cmp =
    o.sort === 'time' ? (a: LsEntry, b: LsEntry) => b.mtime.getTime() - a.mtime.getTime() || byName(a, b)
      : o.sort === 'size' ? (a: LsEntry, b: LsEntry) => b.size - a.size || byName(a, b)
        : byName;
  const sorted = [...entries].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}

/** The `ls` command. */
export function lsCommand(jb: JustBash, hooks: LineHooks, now: () => number = Date.now): Command[] {
  return [
    jb.defineCommand('ls', async (args, ctx): Promise<ExecResult> => {
      if (args.includes('--version')) return text(gnuVersion('ls (GNU coreutils) 9.1', 2022, 'Richard M. Stallman and David MacKenzie'));
      let parsed;
      try {
        parsed = parse(args);
      } catch (err) {
        if (err instanceof LsUsage) return text('', `ls: ${err.message}\nTry 'ls --help' for more information.\n`, 2);
        throw err;
      }
      const { o } = parsed;
      const width = Number(ctx.env.get('COLUMNS')) || 80;
      const show = (entries: LsEntry[]): string[] => {
        const sorted = sortEntries(entries, o);
        if (o.long) return longLines(sorted, now(), o.human);
        const names = sorted.map((e) => e.name);
        return o.one || !hooks.isTTY('ls') ? names : columns(names, width);
      };
      const blocks = (entries: LsEntry[]): string => {
        const kib = entries.reduce((n, e) => n + (e.type === 'symlink' ? 0 : e.type === 'directory' ? 4 : Math.ceil(e.size / 4096) * 4), 0);
        return `total ${o.human ? humanSize(kib * 1024) : kib}`;
      };
      const listDir = async (abs: string): Promise<{ lines: string[]; subdirs: string[] }> => {
        const names = (await ctx.fs.readdir(abs)).filter((n) => o.all || o.almostAll || !n.startsWith('.'));
        const entries = await Promise.all(names.map((n) => entryOf(ctx.fs, ctx.fs.resolvePath(abs, n), n)));
        if (o.all) entries.push(await entryOf(ctx.fs, abs, '.'), await entryOf(ctx.fs, ctx.fs.resolvePath(abs, '..'), '..'));
        const lines = show(entries);
        const subdirs = sortEntries(entries, o).filter((e) => e.type === 'directory' && e.name !== '.' && e.name !== '..').map((e) => e.name);
        return { lines: o.long ? [blocks(entries), ...lines] : lines, subdirs };
      };
      const paths = parsed.paths.length > 0 ? parsed.paths : ['.'];
      let stderr = '';
      const files: LsEntry[] = [];
      const dirs: string[] = [];
      for (const p of paths) {
        const abs = ctx.fs.resolvePath(ctx.cwd, p);
        if (!(await ctx.fs.exists(abs)) && !(await isLink(ctx.fs, abs))) {
          stderr += `ls: cannot access '${p}': No such file or directory\n`;
          continue;
        }
        const e = await entryOf(ctx.fs, abs, p);
        const isDir = e.type === 'directory' || (e.type === 'symlink' && !o.long && (await ctx.fs.stat(abs)).isDirectory);
        if (isDir && !o.dirs) dirs.push(p);
        else files.push(e);
      }
      const out: string[] = [];
      if (files.length > 0) out.push(show(files).join('\n'));
      const headers = paths.length > 1 || o.recursive;
      const queue = sortEntries(dirs.map((d) => ({ name: d }) as LsEntry), o).map((e) => e.name);
      while (queue.length > 0) {
        const dir = queue.shift()!;
        const { lines, subdirs } = await listDir(ctx.fs.resolvePath(ctx.cwd, dir));
        out.push((headers ? [`${dir}:`, ...lines] : lines).join('\n'));
        if (o.recursive) queue.unshift(...subdirs.map((s) => (dir.endsWith('/') ? `${dir}${s}` : `${dir}/${s}`)));
      }
      const stdout = out.filter((block, i) => block !== '' || headers || i > 0).join('\n\n');
      return text(stdout === '' ? '' : `${stdout}\n`, stderr, stderr === '' ? 0 : 2);
    }),
  ];
}

async function isLink(fs: IFileSystem, abs: string): Promise<boolean> {
  try {
    return (await fs.lstat(abs)).isSymbolicLink;
  } catch {
    return false;
  }
}
