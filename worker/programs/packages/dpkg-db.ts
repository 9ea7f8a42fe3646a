/**
 * The dpkg database inside the container: /var/lib/dpkg/status stanzas (kept sorted by
 * package name, as dpkg writes them) and /var/lib/dpkg/info/<pkg>.list file lists, plus
 * installing and removing a package's files the way dpkg unpacks them.
 */
import type { IFileSystem } from 'just-bash';
import type { PkgFile } from './alpine-index.ts';
import type { DebPackage } from './debian-index.ts';
import { readText, removePackageFiles, writePackageFiles, writeText } from './files.ts';

const STATUS = '/var/lib/dpkg/status';

/** One installed package as dpkg-query sees it. */
export interface DpkgEntry { name: string; version: string; arch: string; desc: string; isz: number; text: string }

/** The status file's installed packages. */
export async function readStatus(fs: IFileSystem): Promise<DpkgEntry[]> {
  return (await readText(fs, STATUS)).split(/\n\n+/).filter((s) => s.trim()).map((text) => {
    const f = (k: string): string => new RegExp(`^${k}: (.*)$`, 'm').exec(text)?.[1] ?? '';
    return { name: f('Package'), version: f('Version'), arch: f('Architecture'), desc: f('Description'), isz: Number(f('Installed-Size')) || 0, text: text.trim() + '\n' };
  }).filter((e) => /^Status: install ok installed$/m.test(e.text));
}

async function writeStatus(fs: IFileSystem, entries: DpkgEntry[]): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  await writeText(fs, STATUS, sorted.map((e) => e.text).join('\n'));
}

// Executables that are another program than their file name says.
const PROGRAM_OF: Record<string, string> = { 'figlet-figlet': 'figlet', nodejs: 'node', 'vim.basic': 'vim', 'python3.11': 'python3', 'npm-cli.js': 'npm', 'npx-cli.js': 'npx', 'pip3': 'pip' };

/** The files dpkg unpacks for `name`: the recorded ones, topped up to Installed-Size with its docs. */
export function debFiles(name: string, p: DebPackage): PkgFile[] {
  const files: PkgFile[] = p.files.map((f) => {
    if (f.l !== undefined) return { path: f.p.slice(1), link: f.l };
    const base = f.p.slice(f.p.lastIndexOf('/') + 1);
    const exe = f.x && /\/s?bin\/|node_modules\/.*\/bin\//.test(f.p);
    return exe ? { path: f.p.slice(1), size: f.s ?? 0, program: PROGRAM_OF[base] ?? base } : { path: f.p.slice(1), size: f.s ?? 0 };
  });
  const have = files.reduce((n, f) => n + (f.size ?? 0), 0);
  const rest = p.isz * 1024 - have - 4096 * new Set(files.map((f) => f.path.slice(0, f.path.lastIndexOf('/')))).size;
  if (rest > 0) files.push({ path: `usr/share/doc/${name}/changelog.Debian.gz`, size: rest });
  return files;
}

/** Unpacks and records `name`: files, .list, status stanza. */
export async function dpkgInstall(fs: IFileSystem, name: string, p: DebPackage): Promise<void> {
  const files = debFiles(name, p);
  await writePackageFiles(fs, name, files);
  const dirs = new Set<string>(['/.']);
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add('/' + parts.slice(0, i).join('/'));
  }
  const list = [...dirs, ...files.map((f) => '/' + f.path)].sort((a, b) => (a === '/.' ? -1 : b === '/.' ? 1 : a < b ? -1 : 1));
  const arch = p.ma === 'same' ? `${name}:amd64` : name;
  await writeText(fs, `/var/lib/dpkg/info/${arch}.list`, list.join('\n') + '\n');
  const lines = [`Package: ${name}`, 'Status: install ok installed', `Priority: ${p.prio ?? 'optional'}`, `Section: ${p.sec}`, `Installed-Size: ${p.isz}`, `Architecture: ${p.arch}`];
  if (p.ma) lines.push(`Multi-Arch: ${p.ma}`);
  lines.push(`Version: ${p.v}`);
  if (p.dep.length > 0) lines.push(`Depends: ${p.dep.map((alt) => alt.join(' | ')).join(', ')}`);
  if (p.rec.length > 0) lines.push(`Recommends: ${p.rec.map((alt) => alt.join(' | ')).join(', ')}`);
  lines.push(`Description: ${p.desc}`);
  const entries = (await readStatus(fs)).filter((e) => e.name !== name);
  entries.push({ name, version: p.v, arch: p.arch, desc: p.desc, isz: p.isz, text: lines.join('\n') + '\n' });
  await writeStatus(fs, entries);
}

/** Removes `name`'s files (from its .list) and its status stanza. */
export async function dpkgRemove(fs: IFileSystem, name: string, p: DebPackage | undefined): Promise<void> {
  if (p) await removePackageFiles(fs, debFiles(name, p));
  for (const l of [`/var/lib/dpkg/info/${name}.list`, `/var/lib/dpkg/info/${name}:amd64.list`]) await fs.rm(l, { force: true });
  await writeStatus(fs, (await readStatus(fs)).filter((e) => e.name !== name));
}

/**
 * What dpkg counts in `(Reading database ... N files and directories currently
 * installed.)`: the unique paths of all .list files. The image's own lists are
 * abbreviated in the simulated Hub, so the image's real count (`base`) stands in for
 * theirs, and what later packages add is counted exactly.
 */
export async function databaseCount(fs: IFileSystem, base: number, imagePackages: ReadonlySet<string>): Promise<number> {
  const all = new Set<string>();
  const image = new Set<string>();
  const dir = '/var/lib/dpkg/info';
  for (const f of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!f.endsWith('.list')) continue;
    const paths = (await readText(fs, `${dir}/${f}`)).split('\n').filter(Boolean);
    const fromImage = imagePackages.has(f.slice(0, -'.list'.length).replace(/:amd64$/, ''));
    for (const p of paths) {
      all.add(p);
      if (fromImage) image.add(p);
    }
  }
  return base + all.size - image.size;
}
