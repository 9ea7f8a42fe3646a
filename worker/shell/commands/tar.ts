/**
 * `tar` as GNU tar 1.34 on Debian 12 behaves for -c/-x/-t. just-bash has a
 * tar, but it prints `-v` names on stderr (GNU tar prints them on stdout
 * unless the archive itself goes to stdout), lists dates as `Nov 24 03:08`
 * instead of `2026-11-24 03:08`, and its -z needs node:zlib, which the
 * browser lacks. This one uses modern-tar and the platform's
 * CompressionStream.
 */
import { bytesOutput, latin1FromBytes, unsafeBytesFromLatin1 } from '../bytes.ts';
import type { Command, ExecResult, IFileSystem } from 'just-bash';
import { collect, extractEntry, gzip, pack, unpack } from '../tar/archive.ts';
import type { Problems } from '../tar/archive.ts';
import { LongLister } from '../tar/listing.ts';
import { parseTarArgs, TarUsageError, usageText } from '../tar/options.ts';
import type { TarOptions } from '../tar/options.ts';
import { bytesToLatin1, latin1ToBytes } from '../output.ts';
import { gnuVersion, text } from './types.ts';
import type { JustBash, LineHooks } from './types.ts';

const FATAL = 'tar: Error is not recoverable: exiting now\n';
const FAILED = 'tar: Exiting with failure status due to previous errors\n';

/** The `tar` command. */
export function tarCommand(jb: JustBash, hooks: LineHooks): Command[] {
  return [
    jb.defineCommand('tar', async (args, ctx) => {
      if (args.includes('--version')) return text(gnuVersion('tar (GNU tar) 1.34', 2021, 'John Gilmore and Jay Fenlason'));
      let o: TarOptions;
      try {
        o = parseTarArgs(args);
      } catch (err) {
        if (err instanceof TarUsageError) return text('', usageText(err), 2);
        throw err;
      }
      const base = ctx.fs.resolvePath(ctx.cwd, o.directory ?? '.');
      if (o.directory !== undefined && !(await ctx.fs.exists(base))) {
        return text('', `tar: ${o.directory}: Cannot open: No such file or directory\n${FATAL}`, 2);
      }
      const toStdout = o.file === undefined || o.file === '-';
      if (o.mode === 'c') return create(jb, hooks, ctx.fs, ctx.cwd, base, o);
      let archive: Uint8Array;
      if (toStdout) archive = latin1ToBytes(latin1FromBytes(ctx.stdin));
      else {
        try {
          archive = await ctx.fs.readFileBuffer(ctx.fs.resolvePath(ctx.cwd, o.file!));
        } catch {
          return text('', `tar: ${o.file}: Cannot open: No such file or directory\n${FATAL}`, 2);
        }
      }
      return read(ctx.fs, base, o, archive);
    }),
  ];
}

async function create(jb: JustBash, hooks: LineHooks, fs: IFileSystem, cwd: string, base: string, o: TarOptions): Promise<ExecResult> {
  const toStdout = o.file === undefined || o.file === '-';
  if (o.names.length === 0) {
    return text('', "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n", 2);
  }
  if (toStdout && hooks.isTTY('tar')) {
    return text('', `tar: Refusing to write archive contents to terminal (missing -f option?)\n${FATAL}`, 2);
  }
  const problems: Problems = { errors: [], warnedLeadingSlash: false };
  const entries = await collect(fs, base, o.names, problems);
  let bytes = await pack(entries);
  if (o.gzip) bytes = await gzip(bytes, 'compress');
  const lister = new LongLister();
  const names = o.verbose === 0 ? '' : entries.map((e) => (o.verbose > 1 ? lister.line(e.header) : `${e.header.name}\n`)).join('');
  const stderr = problems.errors.map((l) => `${l}\n`).join('') + (problems.errors.some((l) => l.includes('Cannot')) ? FAILED : '');
  const exitCode = stderr.includes(FAILED) ? 2 : 0;
  if (toStdout) {
    // The archive owns stdout, so GNU tar sends the verbose names to stderr.
    hooks.binary(bytes);
    return { ...bytesOutput(unsafeBytesFromLatin1(bytesToLatin1(bytes))), stderr: names + stderr, exitCode };
  }
  await fs.writeFile(fs.resolvePath(cwd, o.file!), bytes);
  return text(names, stderr, exitCode);
}

async function read(fs: IFileSystem, base: string, o: TarOptions, archive: Uint8Array): Promise<ExecResult> {
  let entries;
  try {
    entries = await unpack(archive);
  } catch {
    return text('', `tar: This does not look like a tar archive\n${FAILED}`, 2);
  }
  const lister = new LongLister();
  const wanted = o.names.map((n) => n.replace(/\/+$/, ''));
  const found = new Set<string>();
  let stdout = '';
  const errors: string[] = [];
  const dirTimes: Array<[string, Date]> = [];
  for (const e of entries) {
    const name = e.header.name;
    const bare = name.replace(/\/+$/, '');
    const match = wanted.find((w) => bare === w || bare.startsWith(`${w}/`));
    if (wanted.length > 0 && match === undefined) continue;
    if (match !== undefined) found.add(match);
    const long = o.mode === 't' ? o.verbose > 0 : o.verbose > 1;
    if (o.verbose > 0 || o.mode === 't') stdout += long ? lister.line(e.header) : `${name}\n`;
    if (o.mode !== 'x') continue;
    const target = bare.replace(/^\/+/, '').split('/').slice(o.stripComponents).join('/');
    if (target === '' || target === '.') continue;
    if (o.toStdout) {
      if ((e.header.type ?? 'file') === 'file' && e.data) stdout += new TextDecoder().decode(e.data);
      continue;
    }
    if (e.header.type === 'directory' && e.header.mtime) dirTimes.push([fs.resolvePath(base, target), e.header.mtime]);
    try {
      const problem = await extractEntry(fs, base, target, e);
      if (problem !== undefined) errors.push(problem);
    } catch (err) {
      // GNU tar reports a member it cannot write and goes on with the next.
      errors.push(`tar: ${target}: Cannot open: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Like GNU tar, directory times are set last, after their contents were written.
  for (const [path, mtime] of dirTimes) await fs.utimes(path, mtime, mtime).catch(() => undefined);
  for (const w of wanted) if (!found.has(w)) errors.push(`tar: ${w}: Not found in archive`);
  const stderr = errors.length > 0 ? errors.map((l) => `${l}\n`).join('') + FAILED : '';
  return text(stdout, stderr, errors.length > 0 ? 2 : 0);
}
