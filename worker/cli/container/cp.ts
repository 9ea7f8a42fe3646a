/**
 * `docker cp` (docker/cli cli/command/container/cp.go with moby
 * pkg/archive CopyTo semantics): between the host shell's files and a
 * container, or as a tar stream with `-`. `dir/.` copies a directory's
 * contents; an existing directory destination receives the source under its
 * own name. On a terminal the CLI reports `Successfully copied <size> to <dest>`.
 * Simplified: symlinks copied to the host are followed (the host files API has
 * no symlinks), as `-L` would.
 */
import { archivePath, extractInto } from '../../engine/containers/archive.ts';
import type { ContainerService } from '../../engine/containers/service.ts';
import { baseName, contentChunks, type Entry } from '../../engine/layer/entry.ts';
import { readTar } from '../../engine/layer/tar-read.ts';
import { collectBytes, fromChunks } from '../../engine/layer/tar-stream.ts';
import { tarChunks, tarLength } from '../../engine/layer/tar-write.ts';
import { readStdin, writeStdout } from '../image/stdio.ts';
import { CliError, type CommandContext } from '../context.ts';
import { humanSizeWithPrecision } from '../format/units.ts';
import { svcOf } from './launch.ts';

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
  const svc = await svcOf(ctx);
  const report = (bytes: number, to: string): void => {
    if (ctx.io.isTTY && !ctx.flags.get<boolean>('quiet')) ctx.err(`Successfully copied ${humanSizeWithPrecision(bytes, 3)} to ${to}\n`);
  };
  if (src.container !== undefined) return fromContainer(ctx, svc, src.container, containerPath(src.path), dst.path, report);
  return toContainer(ctx, svc, src.path, dst.container!, containerPath(dst.path), report);
}

async function fromContainer(ctx: CommandContext, svc: ContainerService, name: string, path: string, dest: string, report: (n: number, to: string) => void): Promise<number> {
  const c = svc.get(name);
  const view = await svc.archiveView(c, path);
  const cfs = view.fs;
  // Inside a volume the archive is still named after the container's path (`data/…`, not `/`).
  const named = view.path !== path && !path.endsWith('/.') ? baseName(path.replace(/\/+$/, '')) : undefined;
  const { stat, entries } = await archivePath(cfs, view.path, name, named);
  const size = tarLength(entries);
  if (dest === '-') {
    // The archive streams: image files of hundreds of MB are generated as it is read.
    await writeStdout(ctx.io, fromChunks(tarChunks(entries)));
    return 0;
  }
  const host = ctx.io.fs;
  const abs = host.resolve(dest);
  let target = abs;
  const exists = await host.exists(abs);
  const isDir = exists && (await host.stat(abs)).type === 'directory';
  if (exists && isDir && !path.endsWith('/.')) target = `${abs.replace(/\/$/, '')}/${stat.name}`;
  else if (exists && !isDir && stat.isDir) throw new CliError('cannot copy directory');
  else if (!exists && dest.endsWith('/') && !stat.isDir) throw new CliError(`destination directory ${abs} does not exist`);
  const top = path.endsWith('/.') ? '.' : stat.name;
  for (const e of entries) {
    const rel = e.path === top ? '' : e.path.startsWith(`${top}/`) ? e.path.slice(top.length + 1) : e.path;
    const at = rel === '' ? target : `${target}/${rel}`;
    if (e.type === 'dir') await host.mkdir(at);
    else if (e.type === 'file') await host.writeStream(at, fromChunks(contentChunks(e)), e.mode);
    else if (e.type === 'symlink') {
      // The host side of the simulator can't hold symlinks: the link's target is copied instead (as with -L).
      const inContainer = rel === '' ? view.path : `${view.path.replace(/\/\.?$/, '')}/${rel}`;
      const bytes = await cfs.readFileBuffer(inContainer).catch(() => undefined);
      if (bytes) await host.writeFile(at, bytes, (await cfs.stat(inContainer)).mode);
    } else if (e.type === 'hardlink') {
      const linked = entries.find((x) => x.path === e.linkname);
      if (linked) await host.writeStream(at, fromChunks(contentChunks(linked)), linked.mode);
    }
  }
  // Recorded from docker 28: the host path is the working directory joined with the argument, not cleaned.
  report(size, dest.startsWith('/') ? dest : `${ctx.io.cwd.replace(/\/$/, '')}/${dest}`);
  return 0;
}

async function hostEntries(ctx: CommandContext, abs: string, name: string): Promise<Entry[]> {
  const host = ctx.io.fs;
  const st = await host.stat(abs);
  const mtime = Math.floor(st.mtime.getTime() / 1000);
  // The host's owner; without -a the daemon makes it root's (extractInto), as moby's CopyTo with NoLchown false does.
  const base = { uid: st.uid, gid: st.gid, mtime, mode: st.mode };
  if (st.type === 'directory') {
    const out: Entry[] = [{ ...base, path: name, type: 'dir', size: 0 }];
    for (const child of await host.readdir(abs)) out.push(...(await hostEntries(ctx, `${abs}/${child}`, `${name}/${child}`)));
    return out;
  }
  if (st.type === 'symlink') return [{ ...base, path: name, type: 'symlink', size: 0, linkname: await host.readlink(abs) }];
  const bytes = await host.readFile(abs);
  return [{ ...base, path: name, type: 'file', size: bytes.length, content: { kind: 'bytes', bytes } }];
}

async function toContainer(ctx: CommandContext, svc: ContainerService, source: string, name: string, path: string, report: (n: number, to: string) => void): Promise<number> {
  const c = svc.get(name);
  // Into a volume when the path is under one (svc.archiveView); its parent is looked up there too.
  let view = await svc.archiveView(c, path);
  let fs = view.fs;
  const destExists = await fs.exists(view.path);
  const destIsDir = destExists && (await fs.stat(view.path)).isDirectory;
  let entries: Entry[];
  let into = path;
  if (source === '-') {
    if (!destIsDir) throw new CliError(`destination "${name}:${path}" must be a directory`);
    entries = readTar(await collectBytes(readStdin(ctx.io)));
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
      view = await svc.archiveView(c, into);
      fs = view.fs;
      if (!(await fs.exists(view.path))) throw new CliError(`Error response from daemon: Could not find the file ${into} in container ${name}`);
    }
    entries = await hostEntries(ctx, abs.replace(/\/\.$/, ''), top);
  }
  // moby daemon/archive.go ErrVolumeReadonly.
  if (view.readOnly) throw new CliError('Error response from daemon: mounted volume is marked read-only');
  await extractInto(fs, view.path, entries, ctx.flags.get<boolean>('archive'));
  await svc.save(c.id, () => ({}));
  report(tarLength(entries), `${name}:${path}`);
  return 0;
}
