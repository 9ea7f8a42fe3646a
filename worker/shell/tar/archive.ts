/**
 * Creating and extracting archives on the host filesystem, with modern-tar
 * for the format. Archives are padded to GNU tar's 10240-byte records
 * (blocking factor 20), so `ls -l` shows the sizes GNU tar produces.
 * Members get the learner's owner (1000/1000, `learner`), as tar records the
 * creating user's files.
 */
import type { IFileSystem } from 'just-bash';
import type { ParsedTarEntryWithData, TarEntry, TarHeader } from 'modern-tar';

const RECORD = 10240;

/** Problems reported on stderr while tar keeps going (exit 2 at the end). */
export interface Problems {
  errors: string[];
  warnedLeadingSlash: boolean;
}

/** Strips leading `/`, noting tar's one-time warning. */
export function memberName(name: string, problems: Problems): string {
  if (!name.startsWith('/')) return name;
  if (!problems.warnedLeadingSlash) {
    problems.warnedLeadingSlash = true;
    problems.errors.push("tar: Removing leading `/' from member names");
  }
  return name.replace(/^\/+/, '');
}

/** Walks `names` (relative to `base`) into tar entries, directories before their contents. */
export async function collect(fs: IFileSystem, base: string, names: string[], problems: Problems): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const owner = { uid: 1000, gid: 1000, uname: 'learner', gname: 'learner' };
  const walk = async (abs: string, member: string): Promise<void> => {
    const st = await fs.lstat(abs);
    const header: TarHeader = { name: member, size: 0, mode: st.mode & 0o7777, mtime: st.mtime, ...owner };
    if (st.isSymbolicLink) {
      entries.push({ header: { ...header, type: 'symlink', linkname: await fs.readlink(abs) } });
    } else if (st.isDirectory) {
      const dir = member.replace(/\/+$/, '');
      entries.push({ header: { ...header, name: `${dir}/`, type: 'directory' } });
      const children = (await fs.readdir(abs)).sort();
      for (const child of children) await walk(fs.resolvePath(abs, child), `${dir}/${child}`);
    } else {
      const data = await fs.readFileBuffer(abs);
      entries.push({ header: { ...header, type: 'file', size: data.length }, body: data });
    }
  };
  for (const name of names) {
    const abs = fs.resolvePath(base, name);
    if (!(await fs.exists(abs)) && !(await isSymlink(fs, abs))) {
      problems.errors.push(`tar: ${name}: Cannot stat: No such file or directory`);
      continue;
    }
    await walk(abs, memberName(name, problems));
  }
  return entries;
}

/** Whether `abs` is a symlink (false when nothing is there). */
export async function isSymlink(fs: IFileSystem, abs: string): Promise<boolean> {
  try {
    return (await fs.lstat(abs)).isSymbolicLink;
  } catch {
    return false;
  }
}

/** The archive bytes, padded with zeros to a whole 10240-byte record. */
export async function pack(entries: TarEntry[]): Promise<Uint8Array> {
  const { packTar } = await import('modern-tar');
  const tar = await packTar(entries);
  const padded = new Uint8Array(Math.ceil(tar.length / RECORD) * RECORD);
  padded.set(tar);
  return padded;
}

/** Parses an archive; gzip is detected by its magic bytes, as GNU tar does on read. */
export async function unpack(bytes: Uint8Array): Promise<ParsedTarEntryWithData[]> {
  const { unpackTar } = await import('modern-tar');
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gzip(bytes, 'decompress') : bytes;
  return unpackTar(raw, { strict: true });
}

/** gzip or gunzip with the platform's CompressionStream (browsers, Node 18+). */
export async function gzip(bytes: Uint8Array, way: 'compress' | 'decompress'): Promise<Uint8Array> {
  const stream = way === 'compress' ? new CompressionStream('gzip') : new DecompressionStream('gzip');
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Writes one member under `base`; returns an error line for what a non-root user cannot create. */
export async function extractEntry(fs: IFileSystem, base: string, name: string, e: ParsedTarEntryWithData): Promise<string | undefined> {
  const h = e.header;
  const abs = fs.resolvePath(base, name);
  const parent = abs.replace(/\/[^/]*$/, '') || '/';
  await fs.mkdir(parent, { recursive: true });
  // tar run by a normal user applies the umask (022) unless -p.
  const mode = (h.mode ?? 0o644) & ~0o022;
  switch (h.type ?? 'file') {
    case 'directory':
      await fs.mkdir(abs, { recursive: true });
      await fs.chmod(abs, mode);
      return undefined;
    case 'symlink':
      await fs.rm(abs, { force: true });
      await fs.symlink(h.linkname ?? '', abs);
      return undefined;
    case 'link': {
      await fs.rm(abs, { force: true });
      const target = fs.resolvePath(base, (h.linkname ?? '').replace(/^\/+/, ''));
      if (!(await fs.exists(target)) && !(await isSymlink(fs, target))) {
        return `tar: ${name}: Cannot hard link to '${h.linkname}': No such file or directory`;
      }
      // A hard link to a symlink links the symlink itself (link(2) does not
      // follow it); InMemoryFs refuses that, so the link is made anew.
      if (await isSymlink(fs, target)) await fs.symlink(await fs.readlink(target), abs);
      else await fs.link(target, abs);
      return undefined;
    }
    case 'file':
      await fs.writeFile(abs, e.data ?? new Uint8Array(0));
      await fs.chmod(abs, mode);
      if (h.mtime) await fs.utimes(abs, h.mtime, h.mtime);
      return undefined;
    default:
      return `tar: ${name}: Cannot mknod: Operation not permitted`;
  }
}
