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
 *   page every file over about 62 KB was unreadable.
 */
import type { ByteString, IFileSystem } from 'just-bash';
import { LEARNER } from './commands/identity.ts';
import type { JustBash } from './commands/types.ts';
import { bytesToLatin1 } from './output.ts';
import { unsafeBytesFromLatin1 } from './bytes.ts';

/** Loads just-bash on first use, so the prompt appears before its ~350 KB arrive. */
export function loadJustBash(): Promise<JustBash> {
  return import('just-bash');
}

/** The host filesystem type: an InMemoryFs whose rewrites keep the file mode. */
export type HomeFs = InstanceType<JustBash['InMemoryFs']>;

let HomeFsClass: (new () => HomeFs) | undefined;

function homeFsClass(jb: JustBash): new () => HomeFs {
  HomeFsClass ??= class extends jb.InMemoryFs {
    constructor() {
      super({}, { maxTotalBytes: 2 ** 32 });
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
