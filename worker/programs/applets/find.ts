/**
 * find as a container runs it: GNU findutils 4.9 (Debian, Ubuntu) and busybox 1.37
 * (Alpine). just-bash's find is closed (its expression types are fixed, its parser is
 * not exported) and lacks what the images' entrypoints use: `-user`/`-group` (redis's
 * and mongo's `find . \! -user redis -exec chown redis '{}' +`), `-exec` inside a
 * container (it has no process to run there) and `-type l`. So this module walks the
 * tree and evaluates the expression itself for the predicates below; an expression
 * with any other primary (`-printf`, `-regex`, `-mtime`, `-size`, `-newer`, …) is
 * handed back to just-bash's find unchanged (`Unsupported`).
 *
 * Owners come from the filesystem's uid/gid (`ownerOf`: the overlay keeps each layer
 * entry's), names from the container's /etc/passwd and /etc/group, as find's
 * getpwnam/getgrnam read them.
 */
import type { FsStat, IFileSystem } from 'just-bash';
import type { ProgramRun } from '../program.ts';
import { ExecNotFoundError, runProcess } from '../process.ts';
import { ownerOf } from './inode.ts';

/** An expression this module does not evaluate: the caller runs just-bash's find instead. */
export class Unsupported extends Error {}

/** A fatal usage error: find prints it and exits 1 before walking anything. */
class Fatal extends Error {}

interface Entry { path: string; abs: string; name: string; depth: number; st: FsStat }

type Node =
  | { op: 'and' | 'or' | 'comma'; a: Node; b: Node }
  | { op: 'not'; a: Node }
  | { op: 'test'; test: (e: Entry) => Promise<boolean> | boolean }
  | { op: 'prune' }
  | { op: 'quit' }
  | { op: 'print'; end: string }
  | { op: 'delete' }
  | { op: 'exec'; argv: string[]; batch: boolean };

/** Options that take effect wherever they stand (GNU warns of that only when stdin is a terminal). */
const GLOBAL = new Set(['-maxdepth', '-mindepth', '-depth', '-xdev', '-mount', '-noleaf', '-ignore_readdir_race', '-noignore_readdir_race', '-follow', '-d']);

/** fnmatch(3) without FNM_PATHNAME/FNM_PERIOD (find's -name, -path): `*`, `?`, `[...]`, `\x`. */
export function fnmatch(pattern: string, text: string, ignoreCase = false): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (c === '[') {
      const close = pattern.indexOf(']', i + (pattern[i + 1] === '!' || pattern[i + 1] === '^' ? 3 : 2));
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const neg = body[0] === '!' || body[0] === '^';
      if (neg) body = body.slice(1);
      re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = close;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '').test(text);
}

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

async function table(fs: IFileSystem, path: string): Promise<string[][]> {
  try {
    return (await fs.readFile(path)).split('\n').filter(Boolean).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** `+N` (more than N), `-N` (less than N), `N` (exactly N), as find's numeric arguments. */
function numeric(arg: string, flag: string): (n: number) => boolean {
  const m = /^([+-]?)(\d+)$/.exec(arg);
  if (!m) throw new Fatal(`find: invalid argument \`${arg}' to \`${flag}'\n`);
  const v = Number(m[2]);
  return m[1] === '+' ? (n) => n > v : m[1] === '-' ? (n) => n < v : (n) => n === v;
}

const TYPES: Record<string, (st: FsStat) => boolean> = {
  f: (st) => st.isFile && !st.isSymbolicLink,
  d: (st) => st.isDirectory,
  l: (st) => st.isSymbolicLink,
  // The simulated filesystems hold no devices, pipes or sockets (they are never created here).
  b: () => false, c: () => false, p: () => false, s: () => false, D: () => false,
};

/** find [-H|-L|-P] [path...] [expression], GNU's (`gnu`) or busybox's wording. */
export async function find(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const fs = spec.fs;
  const args = [...run.args];
  let follow = false;
  while (args[0] === '-H' || args[0] === '-L' || args[0] === '-P') follow = args.shift() === '-L' || follow;
  const paths: string[] = [];
  while (args.length && !(args[0]!.startsWith('-') && args[0]!.length > 1) && args[0] !== '(' && args[0] !== '!') paths.push(args.shift()!);
  if (paths.length === 0) paths.push('.');

  const passwd = await table(fs, '/etc/passwd');
  const groups = await table(fs, '/etc/group');
  let maxdepth = Infinity;
  let mindepth = 0;
  let depthFirst = false;
  let hasAction = false;

  // ---- the expression: ',' < -o < -a (implicit) < ! < primaries, as find's parser ----
  let i = 0;
  const peek = (): string | undefined => args[i];
  /** The argument at `i` (just past its flag); the caller steps over it. */
  const need = (flag: string): string => {
    const v = args[i];
    if (v === undefined) throw new Fatal(gnu ? `find: missing argument to \`${flag}'\n` : `find: ${flag} requires an argument\n`);
    return v;
  };
  const unknownPrimary = (a: string): never => {
    throw new Unsupported(a);
  };
  const busyboxRefuses = (a: string): never => {
    // busybox 1.37 has -user and -group only (no -uid, -gid, -nouser, -nogroup).
    throw new Fatal(`find: unrecognized: ${a}\n`);
  };
  const TRUE: Node = { op: 'test', test: () => true };

  const primary = (): Node => {
    const a = args[i]!;
    if (a === '(') {
      i++;
      const inner = comma();
      if (args[i] !== ')') throw new Fatal(gnu ? "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n" : "find: unpaired '('\n");
      i++;
      return inner;
    }
    if (GLOBAL.has(a)) {
      i++;
      if (a === '-maxdepth' || a === '-mindepth') {
        const v = need(a);
        i++;
        if (!/^\d+$/.test(v)) throw new Fatal(gnu ? `find: Expected a positive decimal integer argument to ${a}, but got '${v}'\n` : `find: invalid number '${v}'\n`);
        if (a === '-maxdepth') maxdepth = Number(v);
        else mindepth = Number(v);
      } else if (a === '-depth' || a === '-d') depthFirst = true;
      else if (a === '-follow') follow = true;
      return TRUE;
    }
    i++;
    switch (a) {
      case '-true': return TRUE;
      case '-false': return { op: 'test', test: () => false };
      case '-name': case '-iname': {
        const p = need(a);
        i++;
        return { op: 'test', test: (e) => fnmatch(p, e.name, a === '-iname') };
      }
      case '-path': case '-ipath': case '-wholename': case '-iwholename': {
        const p = need(a);
        i++;
        return { op: 'test', test: (e) => fnmatch(p, e.path, a.startsWith('-i')) };
      }
      case '-type': {
        const v = need(a);
        i++;
        const letters = v.split(',');
        for (const l of letters) if (!TYPES[l]) throw new Fatal(gnu ? `find: Unknown argument to -type: ${l}\n` : `find: invalid argument '${v}' to '-type'\n`);
        return { op: 'test', test: (e) => letters.some((l) => TYPES[l]!(e.st)) };
      }
      case '-empty': return { op: 'test', test: async (e) => (e.st.isDirectory ? (await fs.readdir(e.abs).catch(() => ['?'])).length === 0 : e.st.isFile && e.st.size === 0) };
      case '-user': case '-group': {
        const v = need(a);
        i++;
        if (v === '') throw new Fatal(`find: The argument to ${a} should not be empty\n`);
        const rows = a === '-user' ? passwd : groups;
        const row = rows.find((r) => r[0] === v);
        let id: number;
        if (row) id = Number(row[2]);
        else if (/^\d+$/.test(v)) id = Number(v);
        else if (gnu) throw new Fatal(a === '-user' ? `find: '${v}' is not the name of a known user\n` : `find: '${v}' is not the name of an existing group\n`);
        else throw new Fatal(`find: unknown ${a === '-user' ? 'user' : 'group'} ${v}\n`);
        return { op: 'test', test: async (e) => (await ownerOf(fs, e.abs))[a === '-user' ? 'uid' : 'gid'] === id };
      }
      case '-uid': case '-gid': {
        if (!gnu) busyboxRefuses(a);
        const cmp = numeric(need(a), a);
        i++;
        return { op: 'test', test: async (e) => cmp((await ownerOf(fs, e.abs))[a === '-uid' ? 'uid' : 'gid']) };
      }
      case '-nouser': case '-nogroup': {
        if (!gnu) busyboxRefuses(a);
        const rows = a === '-nouser' ? passwd : groups;
        return { op: 'test', test: async (e) => {
          const o = await ownerOf(fs, e.abs);
          const id = String(a === '-nouser' ? o.uid : o.gid);
          return !rows.some((r) => r[2] === id);
        } };
      }
      case '-print': hasAction = true; return { op: 'print', end: '\n' };
      case '-print0': hasAction = true; return { op: 'print', end: '\0' };
      case '-prune': return { op: 'prune' };
      case '-quit': return { op: 'quit' };
      case '-delete': hasAction = true; depthFirst = true; return { op: 'delete' };
      case '-exec': {
        hasAction = true;
        const argv: string[] = [];
        for (;;) {
          const t = args[i];
          if (t === undefined) throw new Fatal(gnu ? `find: missing argument to \`-exec'\n` : 'find: -exec requires an argument\n');
          i++;
          if (t === ';') return { op: 'exec', argv, batch: false };
          // `+` ends the command only right after a lone `{}` (findutils' parse_exec).
          if (t === '+' && argv.at(-1) === '{}') return { op: 'exec', argv: argv.slice(0, -1), batch: true };
          argv.push(t);
        }
      }
      default:
        if (a.startsWith('-')) return unknownPrimary(a);
        throw new Fatal(gnu ? `find: paths must precede expression: \`${a}'\n` : `find: unrecognized: ${a}\n`);
    }
  };
  const unary = (): Node => {
    if (peek() === '!' || peek() === '-not') {
      i++;
      if (i >= args.length) throw new Fatal(gnu ? "find: invalid expression; you have used a binary operator '!' with nothing before it.\n" : 'find: unrecognized: !\n');
      return { op: 'not', a: unary() };
    }
    return primary();
  };
  const and = (): Node => {
    let n = unary();
    while (i < args.length && peek() !== '-o' && peek() !== '-or' && peek() !== ',' && peek() !== ')') {
      if (peek() === '-a' || peek() === '-and') i++;
      n = { op: 'and', a: n, b: unary() };
    }
    return n;
  };
  const or = (): Node => {
    let n = and();
    while (peek() === '-o' || peek() === '-or') {
      i++;
      n = { op: 'or', a: n, b: and() };
    }
    return n;
  };
  const comma = (): Node => {
    let n = or();
    while (peek() === ',') {
      i++;
      n = { op: 'comma', a: n, b: or() };
    }
    return n;
  };

  let expr: Node;
  try {
    expr = args.length ? comma() : TRUE;
    if (i < args.length) throw new Fatal(gnu ? `find: invalid expression; you have too many ')'\n` : `find: unrecognized: ${args[i]}\n`);
  } catch (e) {
    if (e instanceof Fatal) {
      spec.stderr(e.message);
      return 1;
    }
    throw e;
  }
  if (!hasAction) expr = { op: 'and', a: expr, b: { op: 'print', end: '\n' } };

  // ---- the walk ----
  let status = 0;
  let quit = false;
  const batches = new Map<Node, string[]>();
  const runCommand = async (argv: string[]): Promise<number> => {
    try {
      return await runProcess({ ...spec, argv });
    } catch (e) {
      if (!(e instanceof ExecNotFoundError)) throw e;
      spec.stderr(gnu ? `find: '${argv[0]}': No such file or directory\n` : `find: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
  };
  const evaluate = async (n: Node, e: Entry, prune: { set: boolean }): Promise<boolean> => {
    switch (n.op) {
      case 'and': return (await evaluate(n.a, e, prune)) && (quit ? false : evaluate(n.b, e, prune));
      case 'or': return (await evaluate(n.a, e, prune)) || (quit ? false : evaluate(n.b, e, prune));
      case 'comma': await evaluate(n.a, e, prune); return quit ? false : evaluate(n.b, e, prune);
      case 'not': return !(await evaluate(n.a, e, prune));
      case 'test': return n.test(e);
      case 'prune': prune.set = true; return true;
      case 'quit': quit = true; return true;
      case 'print': spec.stdout(e.path + n.end); return true;
      case 'delete':
        try {
          await fs.rm(e.abs, { recursive: false });
          return true;
        } catch {
          spec.stderr(gnu ? `find: cannot delete '${e.path}': Directory not empty\n` : `find: ${e.path}: Directory not empty\n`);
          status = 1;
          return false;
        }
      case 'exec':
        if (n.batch) {
          const list = batches.get(n) ?? [];
          list.push(e.path);
          batches.set(n, list);
          return true;
        }
        return (await runCommand(n.argv.map((a) => a.replaceAll('{}', e.path)))) === 0;
    }
  };
  /** The normalized absolute path (`./x` under /data → /data/x), as the filesystem keys owners. */
  const abs = (p: string): string => {
    const out: string[] = [];
    for (const part of (p.startsWith('/') ? p : `${spec.cwd}/${p}`).split('/')) {
      if (part === '..') out.pop();
      else if (part && part !== '.') out.push(part);
    }
    return `/${out.join('/')}`;
  };

  const visit = async (path: string, name: string, depth: number): Promise<void> => {
    if (quit) return;
    const a = abs(path);
    let st: FsStat;
    try {
      st = follow ? await fs.stat(a) : await fs.lstat(a);
    } catch {
      spec.stderr(gnu ? `find: '${path}': No such file or directory\n` : `find: ${path}: No such file or directory\n`);
      status = 1;
      return;
    }
    const e: Entry = { path, abs: a, name, depth, st };
    const prune = { set: false };
    if (!depthFirst && depth >= mindepth) await evaluate(expr, e, prune);
    if (st.isDirectory && depth < maxdepth && !(prune.set && !depthFirst)) {
      let names: string[] = [];
      try {
        names = await fs.readdir(a);
      } catch {
        spec.stderr(gnu ? `find: '${path}': Permission denied\n` : `find: ${path}: Permission denied\n`);
        status = 1;
      }
      for (const child of names) {
        if (quit) break;
        await visit(path.endsWith('/') ? path + child : `${path}/${child}`, child, depth + 1);
      }
    }
    if (depthFirst && depth >= mindepth && !quit) await evaluate(expr, e, prune);
  };

  for (const p of paths) {
    if (quit) break;
    const base = p === '/' ? '/' : p.replace(/\/+$/, '').split('/').pop() || p;
    await visit(p, base, 0);
  }
  // `-exec … {} +` runs once with every path gathered (findutils' bc_push_arg), also after -quit.
  for (const [n, list] of batches) {
    if (n.op !== 'exec' || list.length === 0) continue;
    if ((await runCommand([...n.argv, ...list])) !== 0) status = 1;
  }
  return status;
}
