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
import { collect, extractEntry, gzipStream, packStream, unpackStream } from '../tar/archive.ts';
import type { Problems, ReadMember } from '../tar/archive.ts';
import { bytesStream, collectBytes } from '../../engine/layer/tar-stream.ts';
import type { ByteStream } from '../../engine/stream.ts';
import { hostFs } from '../host-fs.ts';
import { StreamOutput, streamEnds } from '../stream-pipe.ts';
import { STRING_OUTPUT_LIMIT } from './docker.ts';
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
    jb.defineCommand('tar', async (argv, ctx) => {
      const { ends, args } = await streamEnds(ctx, hooks.pipes, argv);
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
      // bash could not open the `< FILE`: the command does not run.
      if (ends.stdinError !== undefined) return text('', ends.stdinError, 1);
      // A pipe's stream is read after this command returned: from the shell's own filesystem (stream-pipe.ts).
      const fs = hooks.pipes?.fs ?? ctx.fs;
      if (o.mode === 'c') return create(hooks, ctx.fs, fs, ctx.cwd, base, o, new StreamOutput(ends, ctx.fs, hooks.pipes));
      let archive: ByteStream;
      if (toStdout) archive = ends.stdin ?? bytesStream(latin1ToBytes(latin1FromBytes(ctx.stdin)));
      else {
        const abs = ctx.fs.resolvePath(ctx.cwd, o.file!);
        if (!(await ctx.fs.exists(abs))) return text('', `tar: ${o.file}: Cannot open: No such file or directory\n${FATAL}`, 2);
        archive = hostFs(fs, ctx.cwd).readStream(abs);
      }
      return read(ctx.fs, base, o, archive);
    }),
  ];
}

async function create(hooks: LineHooks, fs: IFileSystem, lazyFs: IFileSystem, cwd: string, base: string, o: TarOptions, out: StreamOutput): Promise<ExecResult> {
  const toStdout = o.file === undefined || o.file === '-';
  if (o.names.length === 0) {
    return text('', "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n", 2);
  }
  if (toStdout && hooks.isTTY('tar')) {
    return text('', `tar: Refusing to write archive contents to terminal (missing -f option?)\n${FATAL}`, 2);
  }
  const problems: Problems = { errors: [], warnedLeadingSlash: false };
  const members = await collect(fs, base, o.names, problems);
  let archive: ByteStream = packStream(lazyFs, members);
  if (o.gzip) archive = gzipStream(archive);
  const lister = new LongLister();
  const names = o.verbose === 0 ? '' : members.map((e) => (o.verbose > 1 ? lister.line(e.header) : `${e.header.name}\n`)).join('');
  const stderr = problems.errors.map((l) => `${l}\n`).join('') + (problems.errors.some((l) => l.includes('Cannot')) ? FAILED : '');
  const exitCode = stderr.includes(FAILED) ? 2 : 0;
  if (toStdout) {
    // The archive owns stdout, so GNU tar sends the verbose names to stderr.
    if (out.connected) {
      // Into a `> FILE` now, or left for the next command of the pipe to read as it goes.
      out.add(archive);
      await out.finish();
      return { stdout: '', stderr: names + stderr, exitCode };
    }
    let bytes: Uint8Array;
    try {
      bytes = await collectBytes(archive, STRING_OUTPUT_LIMIT);
    } catch (err) {
      if (err instanceof RangeError) return text('', `tar: -: Cannot write: ${TOO_BIG}\n${FATAL}`, 2);
      throw err;
    }
    hooks.binary(bytes);
    return { ...bytesOutput(unsafeBytesFromLatin1(bytesToLatin1(bytes))), stderr: names + stderr, exitCode };
  }
  await hostFs(fs, cwd).writeStream(o.file!, archive);
  return text(names, stderr, exitCode);
}

/** Why a big archive cannot go through the shell's string (see docker.ts STRING_OUTPUT_LIMIT). */
const TOO_BIG = `the archive is larger than ${STRING_OUTPUT_LIMIT / 1024 / 1024} MiB, more than this simulated shell can pass to another program in one piece; use -f FILE, > FILE, or a pipe into tar or docker`;

async function read(fs: IFileSystem, base: string, o: TarOptions, archive: ByteStream): Promise<ExecResult> {
  const lister = new LongLister();
  const wanted = o.names.map((n) => n.replace(/\/+$/, ''));
  const found = new Set<string>();
  let stdout = '';
  const errors: string[] = [];
  const dirTimes: Array<[string, Date]> = [];
  try {
    for await (const e of unpackStream(archive)) {
      try {
        await member(e);
      } finally {
        // The decoder moves on only once a member's body is read or cancelled.
        await e.body.cancel().catch(() => undefined);
      }
    }
  } catch {
    return text('', `tar: This does not look like a tar archive\n${FAILED}`, 2);
  }

  async function member(e: ReadMember): Promise<void> {
    const name = e.header.name;
    const bare = name.replace(/\/+$/, '');
    const match = wanted.find((w) => bare === w || bare.startsWith(`${w}/`));
    if (wanted.length > 0 && match === undefined) return;
    if (match !== undefined) found.add(match);
    const long = o.mode === 't' ? o.verbose > 0 : o.verbose > 1;
    if (o.verbose > 0 || o.mode === 't') stdout += long ? lister.line(e.header) : `${name}\n`;
    if (o.mode !== 'x') return;
    const target = bare.replace(/^\/+/, '').split('/').slice(o.stripComponents).join('/');
    if (target === '' || target === '.') return;
    if (o.toStdout) {
      if ((e.header.type ?? 'file') === 'file') stdout += new TextDecoder().decode(await new Response(e.body).arrayBuffer());
      return;
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
