/**
 * Creating and extracting archives on the host filesystem, with modern-tar
 * for the format. Archives are padded to GNU tar's 10240-byte records
 * (blocking factor 20), so `ls -l` shows the sizes GNU tar produces.
 * Members get the learner's owner (1000/1000, `learner`), as tar records the
 * creating user's files.
 */
import type { IFileSystem } from 'just-bash';
import type { TarHeader } from 'modern-tar';
import type { ByteStream } from '../../engine/stream.ts';
import { hostFs } from '../host-fs.ts';
import { nonEmpty } from '../stream-pipe.ts';

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

/** A member to archive: its header, and for a file the path its bytes are read from when the archive is written. */
export interface Member {
  header: TarHeader;
  /** Absolute path of a regular file's contents. */
  source?: string;
}

/**
 * Walks `names` (relative to `base`) into tar members, directories before
 * their contents. No file is read here: sizes come from lstat, contents
 * stream when the archive is written ({@link packStream}).
 */
export async function collect(fs: IFileSystem, base: string, names: string[], problems: Problems): Promise<Member[]> {
  const entries: Member[] = [];
  const owner = { uid: 1000, gid: 1000, uname: 'learner', gname: 'learner' };
  const walk = async (abs: string, member: string): Promise<void> => {
    const st = await fs.lstat(abs);
    // A copy of the date: just-bash revokes what its command context returned once the command ends, and a pipe's archive is written after.
    const header: TarHeader = { name: member, size: 0, mode: st.mode & 0o7777, mtime: new Date(st.mtime.getTime()), ...owner };
    if (st.isSymbolicLink) {
      entries.push({ header: { ...header, type: 'symlink', linkname: await fs.readlink(abs) } });
    } else if (st.isDirectory) {
      const dir = member.replace(/\/+$/, '');
      entries.push({ header: { ...header, name: `${dir}/`, type: 'directory' } });
      const children = (await fs.readdir(abs)).sort();
      for (const child of children) await walk(fs.resolvePath(abs, child), `${dir}/${child}`);
    } else {
      entries.push({ header: { ...header, type: 'file', size: st.size }, source: abs });
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

/**
 * The archive as a stream, padded with zeros to a whole 10240-byte record:
 * modern-tar's packer (the same headers as its packTar) fed one member at a
 * time, each file's bytes read from `fs` as the archive is read, so an
 * archive of archives never sits whole in memory. A file whose size changed
 * since it was listed fails the stream, as GNU tar reports "file changed as
 * we read it".
 */
export async function* packStream(fs: IFileSystem, members: readonly Member[]): AsyncGenerator<Uint8Array> {
  const { createTarPacker } = await import('modern-tar');
  const { readable, controller } = createTarPacker();
  let failed: unknown;
  const fill = (async () => {
    try {
      for (const m of members) {
        const writer = controller.add(m.header).getWriter();
        if (m.source !== undefined) {
          for await (const chunk of hostFs(fs, '/').readStream(m.source)) await writer.write(chunk.slice());
        }
        await writer.close();
      }
      controller.finalize();
    } catch (err) {
      failed = err;
      controller.error(err);
    }
  })();
  let total = 0;
  const reader = readable.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      total += r.value.length;
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
  await fill;
  if (failed !== undefined) throw failed;
  const pad = (RECORD - (total % RECORD)) % RECORD;
  if (pad > 0) yield new Uint8Array(pad);
}

/** Bytes of a stream as a ReadableStream (for the platform's (de)compression streams). */
function readableOf(stream: ByteStream): ReadableStream<Uint8Array> {
  const it = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await it.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value.slice());
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** A ReadableStream as a stream of chunks. */
async function* chunksOf(readable: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = readable.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** gzip of a stream, as it passes. */
export function gzipStream(stream: ByteStream): ByteStream {
  return chunksOf(readableOf(stream).pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>));
}

/** One member read from an archive: its header, and its bytes as a stream to read (or cancel) before the next. */
export interface ReadMember {
  header: TarHeader;
  body: ReadableStream<Uint8Array>;
}

/**
 * The members of an archive stream, as modern-tar's decoder parses them
 * (strict, as unpackTar was); gzip is detected by its magic bytes, as GNU
 * tar does on read, and inflated as it passes. An archive without a single
 * byte is not an archive (GNU tar: "This does not look like a tar archive").
 */
export async function* unpackStream(stream: ByteStream): AsyncGenerator<ReadMember> {
  const head = await nonEmpty(stream);
  if (head === undefined) throw new Error('empty archive');
  const { createTarDecoder } = await import('modern-tar');
  // Peek at the first bytes for gzip's magic without losing them.
  const it = head[Symbol.asyncIterator]();
  const first = await it.next();
  const bytes = first.done ? new Uint8Array(0) : first.value;
  const whole = (async function* () {
    yield bytes;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  })();
  let raw = readableOf(whole);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) raw = raw.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const entries = raw.pipeThrough(createTarDecoder({ strict: true }));
  const reader = entries.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value as ReadMember;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Writes one member under `base`; returns an error line for what a non-root user cannot create. */
export async function extractEntry(fs: IFileSystem, base: string, name: string, e: ReadMember): Promise<string | undefined> {
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
      await hostFs(fs, '/').writeStream(abs, chunksOf(e.body));
      await fs.chmod(abs, mode);
      if (h.mtime) await fs.utimes(abs, h.mtime, h.mtime);
      return undefined;
    default:
      return `tar: ${name}: Cannot mknod: Operation not permitted`;
  }
}
