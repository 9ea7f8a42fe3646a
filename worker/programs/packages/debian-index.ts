/**
 * The simulated Debian/Ubuntu archive: package metadata and file lists recorded from
 * real Debian 12 (debian-bookworm.generated.json, made by generate-debian.mts), and
 * the mirrors, index files and sizes `apt-get update` fetches for each release.
 * Ubuntu noble reuses bookworm's dependency graph with noble's versions of the
 * packages the lessons name (a simplification: other versions stay bookworm's).
 */
import type { IFileSystem } from 'just-bash';
import { basePackages } from '../../registry/dpkg.ts';

/** One file recorded for a package: size (regular), l (symlink target), x (executable). */
export interface DebFile { p: string; s?: number; l?: string; x?: 1 }

/** One package of the archive. */
export interface DebPackage {
  v: string; sec: string; arch: string; isz: number; sz: number; pool: string; desc: string; prio?: string; ma?: string;
  dep: string[][]; rec: string[][]; sug: string[]; files: DebFile[];
}

/** The archive of one release. */
export interface Archive {
  id: 'debian' | 'ubuntu';
  codename: string;
  packages: Record<string, DebPackage>;
  /** `Get:` lines of a first `apt-get update`: URL tail and size in bytes. */
  indexes: Array<{ line: string; bytes: number; list: string; stored: number }>;
  /** Mirror prefix and suite/component for a package's `Get:` line. */
  getPrefix: (name: string) => string;
  /** Files and directories dpkg counts in a fresh image (`Reading database ... N files`). */
  baseFiles: number;
  /** Packages of the image itself (their .list files are abbreviated in the simulated Hub). */
  imagePackages: ReadonlySet<string>;
}

const NOBLE_VERSIONS: Record<string, string> = {
  figlet: '2.2.5-3.2', curl: '8.5.0-2ubuntu10.6', libcurl4t64: '8.5.0-2ubuntu10.6', jq: '1.7.1-3build1', libjq1: '1.7.1-3build1', tree: '2.1.1-2ubuntu3',
  nano: '7.2-2ubuntu0.1', vim: '2:9.1.0016-1ubuntu7.8', git: '1:2.43.0-1ubuntu7.3', python3: '3.12.3-0ubuntu2', nodejs: '18.19.1+dfsg-6ubuntu5', npm: '9.2.0~ds1-2', wget: '1.21.4-1ubuntu4.1',
};

let bookworm: Promise<Record<string, DebPackage>> | undefined;

function recorded(): Promise<Record<string, DebPackage>> {
  bookworm ??= import('./debian-bookworm.generated.json').then((m) => (m.default as unknown as { packages: Record<string, DebPackage> }).packages);
  return bookworm;
}

const D = 'http://deb.debian.org';
const U = 'http://archive.ubuntu.com/ubuntu';

/** The archive for the container's /etc/os-release (Debian bookworm or Ubuntu noble). */
export async function archiveFor(fs: IFileSystem): Promise<Archive> {
  const osr = await fs.readFile('/etc/os-release').catch(() => '');
  const packages = await recorded();
  if (/^ID=ubuntu/m.test(osr)) {
    const codename = /VERSION_CODENAME=(\S+)/.exec(osr)?.[1] ?? 'noble';
    const noble: Record<string, DebPackage> = {};
    for (const [n, p] of Object.entries(packages)) noble[n] = NOBLE_VERSIONS[n] ? { ...p, v: NOBLE_VERSIONS[n]! } : p;
    const list = (s: string): string => `archive.ubuntu.com_ubuntu_dists_${s}`;
    return {
      id: 'ubuntu', codename, packages: noble, baseFiles: 4381, imagePackages: new Set(basePackages({ deb: '', ubuntu: true }).map((p) => p.name)),
      getPrefix: (name) => `${U} ${codename}/${['figlet', 'jq', 'tree', 'nodejs', 'npm'].includes(name) || name.startsWith('node-') ? 'universe' : 'main'} amd64`,
      indexes: [
        { line: `${U} ${codename} InRelease`, bytes: 256_000, list: list(`${codename}_InRelease`), stored: 255_993 },
        { line: `http://security.ubuntu.com/ubuntu ${codename}-security InRelease`, bytes: 126_000, list: `security.ubuntu.com_ubuntu_dists_${codename}-security_InRelease`, stored: 126_102 },
        { line: `${U} ${codename}-updates InRelease`, bytes: 126_000, list: list(`${codename}-updates_InRelease`), stored: 126_230 },
        { line: `${U} ${codename}-backports InRelease`, bytes: 126_000, list: list(`${codename}-backports_InRelease`), stored: 126_044 },
        { line: `${U} ${codename}/universe amd64 Packages`, bytes: 19_300_000, list: list(`${codename}_universe_binary-amd64_Packages.lz4`), stored: 40_912_511 },
        { line: `${U} ${codename}/main amd64 Packages`, bytes: 1_808_000, list: list(`${codename}_main_binary-amd64_Packages.lz4`), stored: 4_006_812 },
        { line: `${U} ${codename}/restricted amd64 Packages`, bytes: 117_000, list: list(`${codename}_restricted_binary-amd64_Packages.lz4`), stored: 251_024 },
        { line: `${U} ${codename}/multiverse amd64 Packages`, bytes: 331_000, list: list(`${codename}_multiverse_binary-amd64_Packages.lz4`), stored: 715_211 },
      ],
    };
  }
  return {
    id: 'debian', codename: 'bookworm', packages, baseFiles: 6089, imagePackages: new Set(basePackages({ deb: '', ubuntu: false }).map((p) => p.name)),
    getPrefix: () => `${D}/debian bookworm/main amd64`,
    indexes: [
      { line: `${D}/debian bookworm InRelease`, bytes: 151_075, list: 'deb.debian.org_debian_dists_bookworm_InRelease', stored: 151_075 },
      { line: `${D}/debian bookworm-updates InRelease`, bytes: 55_403, list: 'deb.debian.org_debian_dists_bookworm-updates_InRelease', stored: 55_403 },
      { line: `${D}/debian-security bookworm-security InRelease`, bytes: 48_000, list: 'deb.debian.org_debian-security_dists_bookworm-security_InRelease', stored: 34_770 },
      { line: `${D}/debian bookworm/main amd64 Packages`, bytes: 8_792_000, list: 'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', stored: 18_840_233 },
      { line: `${D}/debian bookworm-updates/main amd64 Packages`, bytes: 13_500, list: 'deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4', stored: 11_648 },
      { line: `${D}/debian-security bookworm-security/main amd64 Packages`, bytes: 271_000, list: 'deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4', stored: 763_339 },
    ],
  };
}

/**
 * apt's SizeToStr (apt-pkg/contrib/strutl.cc): 1000-based, three significant figures,
 * `B`, `kB`, `MB`: 6924 B, 55.4 kB, 137 kB, 8792 kB, 19.3 MB.
 */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}B`;
    if (size < 10000) return `${size.toFixed(0)} ${ext[i]}B`;
    size /= 1000;
  }
  return `${size.toFixed(0)} PB`;
}
