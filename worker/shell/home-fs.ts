/**
 * The in-memory filesystem of the learner's machine: just-bash's InMemoryFs
 * with the few files that name the system, and two fixes:
 * - rewriting a file (`echo x > run.sh`, `>>`) keeps its mode, as
 *   open(O_TRUNC) does on Linux, where InMemoryFs resets it to 0644;
 * - reading a file as a byte string (`cat`, `wc`, `head`, `<` redirections
 *   all do) works at any size. just-bash 3.4.2 converts without Node's Buffer
 *   by `String.fromCharCode(...slice)` over 65,536-byte slices, which
 *   overflows a Chromium worker's stack (about 63,000 arguments), and its
 *   commands report that RangeError as "No such file or directory": in the
 *   page every file over about 62 KB was unreadable;
 * and one addition: files restored from the store ({@link HomeFsExtras.restoreFile})
 * stay unread until a command reads their bytes. InMemoryFs's stat and lstat
 * read a lazy file whole to learn its size, so `ls -l` (and the home's
 * commit after every line) read every archive of the home; here they
 * report the size the store recorded.
 *
 * Big files (issue 12) never sit whole in memory: {@link HomeFsExtras.writeStream}
 * hands a stream's chunks to the store as they come (through the sink the
 * home's {@link HomeFsExtras.attachSink} sets) and leaves a lazy file whose
 * bytes {@link HomeFsExtras.readStream} reads back chunk by chunk. A whole-file
 * read of such a file (`cat`, `sha256sum`) assembles the bytes for that
 * command and lets them go: the entry stays lazy, so memory does not keep
 * what the store already holds.
 */
import type { ByteString, FsStat, IFileSystem } from 'just-bash';
import { LEARNER } from './commands/identity.ts';
import type { JustBash } from './commands/types.ts';
import { bytesToLatin1 } from './output.ts';
import { unsafeBytesFromLatin1 } from './bytes.ts';
import { CHUNK_SIZE, rechunk, slices } from './file-chunks.ts';
import type { ByteStream, ChunkRef } from './file-chunks.ts';

/** Loads just-bash on first use, so the prompt appears before its ~350 KB arrive. */
export function loadJustBash(): Promise<JustBash> {
  return import('just-bash');
}

/** What a lazy file's bytes are, as far as the home's store knows them. */
export interface StoredFile {
  /** Its size in bytes. */
  size: number;
  /** The blob digest of a file stored whole. */
  tag?: string;
  /** The chunk blobs of a file stored as chunks, in order. */
  chunks?: readonly ChunkRef[];
  /**
   * Reads the bytes chunk by chunk. A file that has it is big: a whole-file
   * read assembles its bytes for the reader without keeping them.
   */
  stream?: () => ByteStream;
}

/** What a {@link ChunkSink} made of a stream: the bytes of a small file, or a chunked file already in the store. */
export type SinkResult =
  | { bytes: Uint8Array }
  | { stored: StoredFile; load: () => Promise<Uint8Array>; done: () => void };

/** Where streamed files under some paths go (store-fs.ts: the home's store). */
export interface ChunkSink {
  /** Whether a file at this absolute path goes to the sink. */
  accepts(path: string): boolean;
  /** Stores a stream; `done` is called once the file's entry exists. */
  write(chunks: ByteStream): Promise<SinkResult>;
  /**
   * Stores a file already in the store (`stored.chunks`) followed by `more`,
   * keeping its whole chunks by reference: only a short last chunk is read
   * back and rewritten (`>>` to a big file), so an append costs what it adds.
   */
  append(stored: StoredFile & { chunks: readonly ChunkRef[] }, more: ByteStream): Promise<SinkResult>;
}

/** What the home filesystem adds to InMemoryFs. */
export interface HomeFsExtras {
  /**
   * A file whose bytes `load` gives on first read; stat and lstat report
   * `stored.size` without reading. `stored.tag` or `stored.chunks` name the content.
   */
  restoreFile(path: string, stored: StoredFile, load: () => Promise<Uint8Array>, meta: { mode: number; mtime: Date }): void;
  /** What a lazy file nothing has replaced since holds (its bytes are still the stored ones), else undefined. */
  storedAs(path: string): StoredFile | undefined;
  /** Sends streamed files under the paths the sink accepts to it (the home's store). */
  attachSink(sink: ChunkSink): void;
  /** Creates or replaces a file with a stream's bytes, never holding them whole (streams.md); resolves to the bytes written. */
  writeStream(path: string, chunks: ByteStream, mode?: number): Promise<number>;
  /** A file's bytes chunk by chunk; rejects with ENOENT/EISDIR as readFileBuffer does. */
  readStream(path: string): ByteStream;
  /**
   * Turns the file at `path` into a lazy one if it still holds exactly
   * `bytes` (the commit stored them as chunks), so memory lets them go.
   */
  releaseStored(path: string, bytes: Uint8Array, stored: StoredFile, load: () => Promise<Uint8Array>): void;
}

/** The host filesystem type: an InMemoryFs whose rewrites keep the file mode. */
export type HomeFs = InstanceType<JustBash['InMemoryFs']> & HomeFsExtras;

let HomeFsClass: (new () => HomeFs) | undefined;

/**
 * The part of InMemoryFs 3.4.2's private state the lazy stat needs (the
 * package is pinned). If a release renames it, `lazyEntry` finds nothing and
 * stat falls back to reading the file: slower, never wrong
 * (the "reads no file bytes" test of test/shell/session-store.test.ts fails then).
 */
interface InMemoryInternals {
  data?: Map<string, { type: string; lazy?: unknown; content?: unknown; mode: number; mtime?: Date }>;
  resolveIntermediateSymlinks?(path: string): string;
  resolvePathWithSymlinks?(path: string): string;
  identityFor?(entry: object): string;
}

function homeFsClass(jb: JustBash): new () => HomeFs {
  HomeFsClass ??= class extends jb.InMemoryFs implements HomeFsExtras {
    // What the store recorded for each restored file's loader; an entry is unread while it holds one.
    #stored = new WeakMap<object, StoredFile>();
    #sink: ChunkSink | undefined;

    constructor() {
      super({}, { maxTotalBytes: 2 ** 32 });
    }

    restoreFile(path: string, stored: StoredFile, load: () => Promise<Uint8Array>, meta: { mode: number; mtime: Date }): void {
      // A loader of its own, so the WeakMap knows this entry (and a moved one) by it.
      const loader = (): Promise<Uint8Array> => load();
      this.#stored.set(loader, stored);
      this.writeFileLazy(path, loader, meta);
    }

    storedAs(path: string): StoredFile | undefined {
      return this.#lazyEntry(path, false)?.stored;
    }

    attachSink(sink: ChunkSink): void {
      this.#sink = sink;
    }

    async writeStream(path: string, chunks: ByteStream, mode?: number): Promise<number> {
      const abs = this.resolvePath('/', path);
      if (await this.#isDirectory(abs)) throw new Error(`EISDIR: illegal operation on a directory, open '${path}'`);
      const keep = mode ?? (await this.#modeOf(abs));
      const sink = this.#sink?.accepts(abs) ? this.#sink : undefined;
      return this.#place(abs, sink ? await sink.write(chunks) : await inMemory(chunks), keep);
    }

    /** Makes `abs` the file a sink (or memory) made of a stream, with mode `keep` (else 0644); its size. */
    async #place(abs: string, result: SinkResult, keep: number | undefined): Promise<number> {
      if ('bytes' in result) {
        await this.writeFile(abs, result.bytes);
        if (keep !== undefined) await this.chmod(abs, keep);
        return result.bytes.length;
      }
      // Written as open(O_TRUNC) leaves a file: mode kept (or 0644), mtime now.
      this.restoreFile(abs, result.stored, result.load, { mode: keep ?? 0o644, mtime: new Date() });
      result.done();
      return result.stored.size;
    }

    async *readStream(path: string): ByteStream {
      const found = this.#lazyEntry(path, true);
      if (found?.stored.stream) {
        yield* found.stored.stream();
        return;
      }
      yield* slices(await this.readFileBuffer(path), READ_PIECE);
    }

    releaseStored(path: string, bytes: Uint8Array, stored: StoredFile, load: () => Promise<Uint8Array>): void {
      const entry = (this as unknown as InMemoryInternals).data?.get(path);
      if (entry?.type !== 'file' || entry.content !== bytes) return;
      this.restoreFile(path, stored, load, { mode: entry.mode, mtime: entry.mtime ?? new Date() });
    }

    override async readFileBuffer(path: string): Promise<Uint8Array> {
      // A big lazy file: assemble its bytes for this reader only (see the module comment).
      const found = this.#lazyEntry(path, true);
      if (found?.stored.stream) return (found.entry as unknown as { lazy: () => Promise<Uint8Array> }).lazy();
      return super.readFileBuffer(path);
    }

    override async stat(path: string): Promise<FsStat> {
      return this.#lazyStat(path, true) ?? super.stat(path);
    }

    override async lstat(path: string): Promise<FsStat> {
      return this.#lazyStat(path, false) ?? super.lstat(path);
    }

    #lazyStat(path: string, follow: boolean): FsStat | undefined {
      const found = this.#lazyEntry(path, follow);
      if (found === undefined) return undefined;
      const { entry, stored } = found;
      const self = this as unknown as InMemoryInternals;
      return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: entry.mode, size: stored.size, mtime: entry.mtime ?? new Date(), ...(self.identityFor ? { identity: self.identityFor(entry) } : {}) };
    }

    #lazyEntry(path: string, follow: boolean): { entry: { mode: number; mtime?: Date }; stored: StoredFile } | undefined {
      const self = this as unknown as InMemoryInternals;
      const resolve = follow ? self.resolvePathWithSymlinks : self.resolveIntermediateSymlinks;
      if (!(self.data instanceof Map) || typeof resolve !== 'function') return undefined;
      let entry;
      try {
        entry = self.data.get(resolve.call(this, path));
      } catch {
        return undefined;
      }
      if (entry?.type !== 'file' || typeof entry.lazy !== 'function') return undefined;
      const stored = this.#stored.get(entry.lazy);
      return stored === undefined ? undefined : { entry, stored };
    }

    override async writeFile(...args: Parameters<HomeFs['writeFile']>): Promise<void> {
      const mode = await this.#modeOf(args[0]);
      await super.writeFile(...args);
      if (mode !== undefined) await this.chmod(args[0], mode);
    }

    override async readFile(...args: Parameters<HomeFs['readFile']>): Promise<string> {
      const [path, options] = args;
      const encoding = typeof options === 'string' ? options : options?.encoding;
      if (encoding === 'binary' || encoding === 'latin1') return bytesToLatin1(await this.readFileBuffer(path));
      if (encoding === 'base64') return btoa(bytesToLatin1(await this.readFileBuffer(path)));
      return super.readFile(...args);
    }

    override async readFileBytes(path: string): Promise<ByteString> {
      return unsafeBytesFromLatin1(bytesToLatin1(await this.readFileBuffer(path)));
    }

    override async appendFile(...args: Parameters<HomeFs['appendFile']>): Promise<void> {
      // `>> FILE` on a big file: InMemoryFs would read it whole and copy it into a buffer one write longer.
      const found = this.#lazyEntry(args[0], true);
      const more = found?.stored.stream ? appendedBytes(args[1], args[2]) : undefined;
      if (found !== undefined && more !== undefined) {
        const abs = (this as unknown as Required<InMemoryInternals>).resolvePathWithSymlinks(args[0]);
        const { stored, entry } = found;
        const sink = this.#sink?.accepts(abs) ? this.#sink : undefined;
        const tail = async function* (): ByteStream {
          if (more.length > 0) yield more;
        };
        const result = sink && stored.chunks ? await sink.append({ ...stored, chunks: stored.chunks }, tail()) : await inMemory(concatStreams(stored.stream!(), tail()));
        await this.#place(abs, result, entry.mode & 0o7777);
        return;
      }
      const mode = await this.#modeOf(args[0]);
      await super.appendFile(...args);
      if (mode !== undefined) await this.chmod(args[0], mode);
    }

    async #isDirectory(path: string): Promise<boolean> {
      try {
        return (await this.stat(path)).isDirectory;
      } catch {
        return false;
      }
    }

    async #modeOf(path: string): Promise<number | undefined> {
      try {
        const st = await this.stat(path);
        return st.isFile ? st.mode & 0o7777 : undefined;
      } catch {
        return undefined;
      }
    }
  };
  return HomeFsClass;
}

/** Pieces readStream cuts a file held whole into: the ~1 MB of streams.md. */
const READ_PIECE = 1024 * 1024;

/**
 * A streamed file no store takes (outside the home, or no store): small ones
 * as plain bytes; big ones as their list of chunks, read on demand, so the
 * file is never also assembled into one buffer.
 */
async function inMemory(chunks: ByteStream): Promise<SinkResult> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  for await (const piece of rechunk(chunks, CHUNK_SIZE)) {
    pieces.push(piece);
    size += piece.length;
  }
  if (pieces.length <= 1) return { bytes: pieces[0] ?? new Uint8Array(0) };
  const stream = async function* (): ByteStream {
    yield* pieces;
  };
  return { stored: { size, stream }, load: () => concat(stream(), size), done: () => undefined };
}

/** One stream after another. */
async function* concatStreams(...streams: ByteStream[]): ByteStream {
  for (const s of streams) yield* s;
}

/**
 * The bytes appendFile(content, options) adds, as InMemoryFs encodes them
 * (UTF-8, or one byte per character for binary/latin1, which is how the
 * shell writes command output); undefined for an encoding left to InMemoryFs.
 */
function appendedBytes(content: unknown, options: unknown): Uint8Array | undefined {
  if (content instanceof Uint8Array) return content;
  if (typeof content !== 'string') return undefined;
  const encoding = typeof options === 'string' ? options : (options as { encoding?: string } | undefined)?.encoding;
  if (encoding === 'binary' || encoding === 'latin1') {
    const out = new Uint8Array(content.length);
    for (let i = 0; i < content.length; i++) out[i] = content.charCodeAt(i) & 0xff;
    return out;
  }
  return encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8' ? new TextEncoder().encode(content) : undefined;
}

/** The bytes of a stream of known total size, in one buffer. */
export async function concat(chunks: ByteStream, size: number): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let off = 0;
  for await (const chunk of chunks) {
    if (off + chunk.length > size) throw new Error(`EIO: stored file longer than its recorded ${size} bytes`);
    out.set(chunk, off);
    off += chunk.length;
  }
  if (off !== size) throw new Error(`EIO: stored file has ${off} of its ${size} bytes`);
  return out;
}

/** A fresh host: the learner's home, /tmp, and the files that name the system. */
export async function newHomeFs(jb?: JustBash): Promise<HomeFs & IFileSystem> {
  const mod = jb ?? (await loadJustBash());
  const fs = new (homeFsClass(mod))();
  fs.writeFileSync('/etc/hostname', `${LEARNER.host}\n`);
  fs.writeFileSync('/etc/os-release', OS_RELEASE);
  fs.writeFileSync('/etc/debian_version', '12.8\n');
  fs.mkdirSync(LEARNER.home, { recursive: true });
  fs.mkdirSync('/tmp', { recursive: true });
  return fs;
}

// Debian 12's /etc/os-release.
const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
