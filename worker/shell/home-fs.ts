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
 */
import type { ByteString, FsStat, IFileSystem } from 'just-bash';
import { LEARNER } from './commands/identity.ts';
import type { JustBash } from './commands/types.ts';
import { bytesToLatin1 } from './output.ts';
import { unsafeBytesFromLatin1 } from './bytes.ts';

/** Loads just-bash on first use, so the prompt appears before its ~350 KB arrive. */
export function loadJustBash(): Promise<JustBash> {
  return import('just-bash');
}

/** What the home filesystem adds to InMemoryFs. */
export interface HomeFsExtras {
  /**
   * A file whose bytes `load` gives on first read; stat and lstat report
   * `stored.size` without reading. `stored.tag` names the content (the blob digest).
   */
  restoreFile(path: string, stored: { size: number; tag?: string }, load: () => Promise<Uint8Array>, meta: { mode: number; mtime: Date }): void;
  /** The tag of a restored file nothing has read or replaced since (its bytes are still the stored ones), else undefined. */
  storedAs(path: string): string | undefined;
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
  data?: Map<string, { type: string; lazy?: unknown; mode: number; mtime?: Date }>;
  resolveIntermediateSymlinks?(path: string): string;
  resolvePathWithSymlinks?(path: string): string;
  identityFor?(entry: object): string;
}

function homeFsClass(jb: JustBash): new () => HomeFs {
  HomeFsClass ??= class extends jb.InMemoryFs implements HomeFsExtras {
    // What the store recorded for each restored file's loader; an entry is unread while it holds one.
    #stored = new WeakMap<object, { size: number; tag?: string }>();

    constructor() {
      super({}, { maxTotalBytes: 2 ** 32 });
    }

    restoreFile(path: string, stored: { size: number; tag?: string }, load: () => Promise<Uint8Array>, meta: { mode: number; mtime: Date }): void {
      // A loader of its own, so the WeakMap knows this entry (and a moved one) by it.
      const loader = (): Promise<Uint8Array> => load();
      this.#stored.set(loader, stored);
      this.writeFileLazy(path, loader, meta);
    }

    storedAs(path: string): string | undefined {
      return this.#lazyEntry(path, false)?.stored.tag;
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

    #lazyEntry(path: string, follow: boolean): { entry: { mode: number; mtime?: Date }; stored: { size: number; tag?: string } } | undefined {
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
      const mode = await this.#modeOf(args[0]);
      await super.appendFile(...args);
      if (mode !== undefined) await this.chmod(args[0], mode);
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
