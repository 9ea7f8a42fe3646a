/**
 * `docker cp` (docker/cli cli/command/container/cp.go with moby
 * pkg/archive CopyTo semantics): between the host shell's files and a
 * container, or as a tar stream with `-`. `dir/.` copies a directory's
 * contents; an existing directory destination receives the source under its
 * own name. On a terminal the CLI reports `Successfully copied <size> to <dest>`.
 * Simplified: symlinks copied to the host are followed (the host files API has
 * no symlinks), as `-L` would.
 */
import { baseName } from '../../engine/layer/entry.ts';
import { cleanName, readTarStream, tarStream, type StreamEntry } from '../../engine/layer/tar-stream.ts';
import type { ByteStream } from '../../engine/stream.ts';
import { readStdin, writeStdout } from '../image/stdio.ts';
import { isEngineError } from '../../engine/errors.ts';
import type { PathStat } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { humanSizeWithPrecision } from '../../common/go-units.ts';

interface CpArg {
  container?: string;
  path: string;
}

/** cp.go splitCpArg: `container:path`, unless the path is absolute or starts with `.`. */
function splitArg(arg: string): CpArg {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const i = arg.indexOf(':');
  return i < 0 ? { path: arg } : { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

function containerPath(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

/** Runs `docker cp`. */
export async function cp(ctx: CommandContext): Promise<number> {
  const src = splitArg(ctx.args[0]!);
  const dst = splitArg(ctx.args[1]!);
  if (src.container !== undefined && dst.container !== undefined) throw new CliError('copying between containers is not supported');
  if (src.container === undefined && dst.container === undefined) throw new CliError('must specify at least one container source');
  const report = (bytes: number, to: string): void => {
    if (ctx.io.isTTY && !ctx.flags.get<boolean>('quiet')) ctx.err(`Successfully copied ${humanSizeWithPrecision(bytes, 3)} to ${to}\n`);
  };
  if (src.container !== undefined) return fromContainer(ctx, src.container, containerPath(src.path), dst.path, report);
  return toContainer(ctx, src.path, dst.container!, containerPath(dst.path), report);
}

async function fromContainer(ctx: CommandContext, name: string, path: string, dest: string, report: (n: number, to: string) => void): Promise<number> {
  const got = await ctx.engine.containerArchiveGet(name, path);
  const { stat } = got;
  let size = 0;
  const archive = counted(got.archive, (n) => (size += n));
  if (dest === '-') {
    await writeStdout(ctx.io, archive);
    return 0;
  }
  const host = ctx.io.fs;
  const abs = host.resolve(dest);
  let target = abs;
  try {
    const exists = await host.exists(abs);
    const isDir = exists && (await host.stat(abs)).type === 'directory';
    if (exists && isDir && !path.endsWith('/.')) target = `${abs.replace(/\/$/, '')}/${stat.name}`;
    else if (exists && !isDir && stat.isDir) throw new CliError('cannot copy directory');
    else if (!exists && dest.endsWith('/') && !stat.isDir) throw new CliError(`destination directory ${abs} does not exist`);
  } catch (err) {
    // The archive is not read: let its source go (an HTTP body, a generator).
    await got.archive[Symbol.asyncIterator]().return?.();
    throw err;
  }
  const top = path.endsWith('/.') ? '.' : stat.name;
  // Where each file of the archive landed, for its hardlinks; symlinks are followed once the archive is read (a second archive request would otherwise run inside the first).
  const files = new Map<string, string>();
  const links: Array<{ inContainer: string; linkname: string; at: string }> = [];
  // Member by member, each file's bytes streamed into the host file: a file of hundreds of MB is never whole.
  for await (const { header, body } of readTarStream(archive)) {
    const p = cleanName(header.name);
    if (header.type === undefined || p === '') continue;
    const rel = p === top ? '' : p.startsWith(`${top}/`) ? p.slice(top.length + 1) : p;
    const at = rel === '' ? target : `${target}/${rel}`;
    if (header.type === 'dir') await host.mkdir(at);
    else if (header.type === 'file') {
      await host.writeStream(at, body, header.mode);
      files.set(p, at);
    } else if (header.type === 'symlink') {
      // The host side of the simulator can't hold symlinks: the link's target is copied instead (as with -L).
      links.push({ inContainer: rel === '' ? path.replace(/\/\.?$/, '') : `${path.replace(/\/\.?$/, '')}/${rel}`, linkname: header.linkname, at });
    } else if (header.type === 'hardlink') {
      const linked = files.get(cleanName(header.linkname));
      if (linked !== undefined) await host.writeStream(at, host.readStream(linked), (await host.stat(linked)).mode);
    }
  }
  for (const { inContainer, linkname, at } of links) await copyLinkTarget(ctx, name, inContainer, linkname, at);
  // Recorded from docker 28: the host path is the working directory joined with the argument, not cleaned.
  report(size, dest.startsWith('/') ? dest : `${ctx.io.cwd.replace(/\/$/, '')}/${dest}`);
  return 0;
}

/** The tar members of a host path, each file's bytes read from the host as the archive is written. */
async function hostEntries(ctx: CommandContext, abs: string, name: string): Promise<StreamEntry[]> {
  const host = ctx.io.fs;
  const st = await host.stat(abs);
  const mtime = Math.floor(st.mtime.getTime() / 1000);
  // The host's owner; without -a the daemon makes it root's (extractInto), as moby's CopyTo with NoLchown false does.
  const base = { uid: st.uid, gid: st.gid, mtime, mode: st.mode };
  if (st.type === 'directory') {
    const out: StreamEntry[] = [{ entry: { ...base, path: name, type: 'dir', size: 0 } }];
    for (const child of await host.readdir(abs)) out.push(...(await hostEntries(ctx, `${abs}/${child}`, `${name}/${child}`)));
    return out;
  }
  if (st.type === 'symlink') return [{ entry: { ...base, path: name, type: 'symlink', size: 0, linkname: await host.readlink(abs) } }];
  return [{ entry: { ...base, path: name, type: 'file', size: st.size }, body: () => host.readStream(abs) }];
}

async function toContainer(ctx: CommandContext, source: string, name: string, path: string, report: (n: number, to: string) => void): Promise<number> {
  const dest = await statOrMissing(ctx, name, path);
  const destExists = dest !== undefined;
  const destIsDir = dest?.isDir ?? false;
  let archive: ByteStream;
  let into = path;
  if (source === '-') {
    if (!destIsDir) throw new CliError(`destination "${name}:${path}" must be a directory`);
    // docker/cli sends stdin's tar to the daemon as it is.
    archive = readStdin(ctx.io);
  } else {
    const abs = ctx.io.fs.resolve(source);
    if (!(await ctx.io.fs.exists(abs))) throw new CliError(`lstat ${abs}: no such file or directory`);
    const contents = source.endsWith('/.');
    const srcIsDir = (await ctx.io.fs.stat(abs)).type === 'directory';
    if (destExists && !destIsDir && srcIsDir) throw new CliError('cannot copy directory');
    let top = contents ? '.' : baseName(abs.replace(/\/\.?$/, ''));
    if (!destIsDir) {
      // A new name (or a file to replace): the source lands under the destination's name in its parent.
      top = baseName(path);
      into = path.slice(0, path.length - top.length - 1) || '/';
    }
    archive = tarStream(await hostEntries(ctx, abs.replace(/\/\.$/, ''), top));
  }
  let size = 0;
  await ctx.engine.containerArchivePut(name, into, counted(archive, (n) => (size += n)), { copyUIDGID: ctx.flags.get<boolean>('archive') });
  report(size, `${name}:${path}`);
  return 0;
}

/** A stream passed on unchanged, its bytes counted as they go (the size `Successfully copied` reports). */
async function* counted(stream: ByteStream, add: (n: number) => void): ByteStream {
  for await (const chunk of stream) {
    add(chunk.length);
    yield chunk;
  }
}

/**
 * `HEAD /containers/{id}/archive`: the path's stat, or undefined when the
 * daemon says not found. docker/cli cp.go ignores that error too: the `PUT`
 * that follows reports a missing container or parent directory.
 */
async function statOrMissing(ctx: CommandContext, name: string, path: string): Promise<PathStat | undefined> {
  try {
    return await ctx.engine.containerArchiveHead(name, path);
  } catch (err) {
    if (isEngineError(err) && err.code === 'NotFound') return undefined;
    throw err;
  }
}

/** Copies the file a symlink at `at` in the container points to (followed once, as `cp -L` resolves it) to `to` on the host, if it is one. */
async function copyLinkTarget(ctx: CommandContext, name: string, at: string, link: string, to: string): Promise<void> {
  const target = link.startsWith('/') ? link : `${at.slice(0, at.lastIndexOf('/'))}/${link}`;
  try {
    const { archive } = await ctx.engine.containerArchiveGet(name, target);
    for await (const { header, body } of readTarStream(archive)) {
      if (header.type !== 'file') continue;
      await ctx.io.fs.writeStream(to, body, header.mode);
      return;
    }
  } catch {
    // A dangling link copies nothing.
  }
}
