/**
 * apk-tools 2.14 (Alpine 3.22): update, add, del, info, search against the simulated
 * index (alpine-index.ts). `add` writes each package's files and its stanza in
 * /lib/apk/db/installed and the name in /etc/apk/world, so `apk info` and
 * `docker container diff` tell the truth. Texts follow apk's own messages
 * (apk-tools 2.14's src/app_*.c); like the index, they are hand-written,
 * not recorded: see alpine-index.ts for why.
 */
import type { IFileSystem } from 'just-bash';
import type { Program, ProgramRun } from '../program.ts';
import { ALPINE_DISTINCT, ALPINE_INDEX_VERSIONS, ALPINE_PACKAGES } from './alpine-index.ts';
import type { ApkPackage } from './alpine-index.ts';
import { readText, removePackageFiles, writePackageFiles, writeText } from './files.ts';
import { refuseWithoutNetwork } from './no-network.ts';

const DB = '/lib/apk/db/installed';
const WORLD = '/etc/apk/world';

/** One stanza of /lib/apk/db/installed. */
interface Installed { name: string; version: string; size: number; desc: string; url: string; text: string }

async function installed(fs: IFileSystem): Promise<Installed[]> {
  return (await readText(fs, DB)).split('\n\n').filter((s) => s.trim()).map((text) => {
    const f = (k: string): string => text.split('\n').find((l) => l.startsWith(k + ':'))?.slice(k.length + 1) ?? '';
    return { name: f('P'), version: f('V'), size: Number(f('I')) || 0, desc: f('T'), url: f('U'), text: text.trim() + '\n' };
  });
}

async function repositories(fs: IFileSystem): Promise<string[]> {
  return (await readText(fs, '/etc/apk/repositories')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** The stanza apk writes for a package it installed. */
function stanza(p: ApkPackage, now: number): string {
  const lines = [`C:Q1${btoaish(p.name + p.version)}=`, `P:${p.name}`, `V:${p.version}`, 'A:x86_64', `S:${Math.round(p.size * 0.4)}`, `I:${p.size}`, `T:${p.desc}`, `U:${p.url}`, `L:${p.license}`, `o:${p.name}`, 'm:Natanael Copa <ncopa@alpinelinux.org>', `t:${Math.floor(now / 1000) - 86400 * 30}`];
  if (p.deps.length > 0) lines.push(`D:${p.deps.join(' ')}`);
  const dirs = new Map<string, string[]>();
  for (const f of p.files) {
    const i = f.path.lastIndexOf('/');
    dirs.set(f.path.slice(0, i), [...(dirs.get(f.path.slice(0, i)) ?? []), f.path.slice(i + 1)]);
  }
  for (const [d, names] of dirs) {
    lines.push(`F:${d}`);
    for (const n of names) lines.push(`R:${n}`);
  }
  return lines.join('\n') + '\n';
}

function btoaish(s: string): string {
  const B = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let h = 2166136261;
  let out = '';
  for (let i = 0; i < 27; i++) {
    h = Math.imul(h ^ s.charCodeAt(i % s.length) ^ i, 16777619) >>> 0;
    out += B[h % 64];
  }
  return out;
}

async function writeDb(fs: IFileSystem, db: Installed[]): Promise<void> {
  await writeText(fs, DB, db.map((p) => p.text).join('\n') + '\n');
}

function okLine(db: Installed[]): string {
  const bytes = db.reduce((n, p) => n + p.size, 0);
  return `OK: ${Math.floor(bytes / (1024 * 1024))} MiB in ${db.length} packages\n`;
}

async function fetchLines(run: ProgramRun): Promise<string> {
  return (await repositories(run.spec.fs)).map((r) => `fetch ${r}/x86_64/APKINDEX.tar.gz\n`).join('');
}

async function update(run: ProgramRun, quiet: boolean): Promise<number> {
  const repos = await repositories(run.spec.fs);
  let out = await fetchLines(run);
  for (const r of repos) out += `${r.endsWith('community') ? ALPINE_INDEX_VERSIONS.community : ALPINE_INDEX_VERSIONS.main} [${r}]\n`;
  out += `OK: ${ALPINE_DISTINCT} distinct packages available\n`;
  for (const r of repos) await writeText(run.spec.fs, `/var/cache/apk/APKINDEX.${btoaish(r).replace(/[^a-f0-9]/gi, '').slice(0, 8).toLowerCase()}.tar.gz`, `${r}\n`);
  if (!quiet) run.spec.stdout(out);
  return 0;
}

async function add(run: ProgramRun, names: string[], noCache: boolean): Promise<number> {
  const { fs } = run.spec;
  const db = await installed(fs);
  const have = new Set(db.map((p) => p.name));
  const missing = names.filter((n) => !have.has(n) && !ALPINE_PACKAGES[n]);
  run.spec.stdout(await fetchLines(run));
  if (missing.length > 0) {
    run.spec.stderr(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
    return missing.length;
  }
  // Dependencies before dependents, each once, skipping what is installed.
  const plan: ApkPackage[] = [];
  const visit = (n: string): void => {
    const p = ALPINE_PACKAGES[n];
    if (!p || have.has(n) || plan.includes(p)) return;
    for (const d of p.deps) visit(d);
    plan.push(p);
  };
  for (const n of names) visit(n);
  const busybox = db.find((p) => p.name === 'busybox');
  let trigger = false;
  for (const [i, p] of plan.entries()) {
    run.spec.stdout(`(${i + 1}/${plan.length}) Installing ${p.name} (${p.version})\n`);
    await writePackageFiles(fs, p.name, p.files);
    if (p.postInstall) {
      run.spec.stdout(`  Executing ${p.name}-${p.version}.post-install\n`);
      if (p.name === 'bash') await fs.appendFile('/etc/shells', '/bin/bash\n');
    }
    db.push({ name: p.name, version: p.version, size: p.size, desc: p.desc, url: p.url, text: stanza(p, run.spec.now()) });
    if (p.files.some((f) => /^(usr\/)?s?bin\//.test(f.path))) trigger = true;
  }
  if (plan.length > 0) await writeDb(fs, db);
  const world = new Set((await readText(fs, WORLD)).split('\n').filter(Boolean));
  for (const n of names) world.add(n);
  await writeText(fs, WORLD, [...world].sort().join('\n') + '\n');
  if (!noCache && !(await fs.exists('/var/cache/apk/APKINDEX.tar.gz.lock'))) {
    for (const r of await repositories(fs)) await writeText(fs, `/var/cache/apk/APKINDEX.${btoaish(r).replace(/[^a-f0-9]/gi, '').slice(0, 8).toLowerCase()}.tar.gz`, `${r}\n`);
  }
  if (trigger && busybox) run.spec.stdout(`Executing busybox-${busybox.version}.trigger\n`);
  run.spec.stdout(okLine(db));
  return 0;
}

async function del(run: ProgramRun, names: string[]): Promise<number> {
  const { fs } = run.spec;
  const db = await installed(fs);
  const world = new Set((await readText(fs, WORLD)).split('\n').filter(Boolean));
  const unknown = names.filter((n) => !world.has(n));
  for (const n of unknown) run.spec.stderr(`WARNING: No such package: ${n}\n`);
  for (const n of names) world.delete(n);
  // Packages we installed that nothing left in the world needs any more.
  const needed = new Set<string>();
  const need = (n: string): void => {
    if (needed.has(n)) return;
    needed.add(n);
    for (const d of ALPINE_PACKAGES[n]?.deps ?? []) need(d);
  };
  for (const n of world) need(n);
  const purge = db.filter((p) => ALPINE_PACKAGES[p.name] && !needed.has(p.name)).reverse();
  const busybox = db.find((p) => p.name === 'busybox');
  for (const [i, p] of purge.entries()) {
    run.spec.stdout(`(${i + 1}/${purge.length}) Purging ${p.name} (${p.version})\n`);
    await removePackageFiles(fs, ALPINE_PACKAGES[p.name]!.files);
  }
  const left = db.filter((p) => !purge.includes(p));
  if (purge.length > 0) await writeDb(fs, left);
  await writeText(fs, WORLD, [...world].sort().join('\n') + '\n');
  if (purge.length > 0 && busybox) run.spec.stdout(`Executing busybox-${busybox.version}.trigger\n`);
  run.spec.stdout(okLine(left));
  return 0;
}

async function info(run: ProgramRun, names: string[]): Promise<number> {
  const db = await installed(run.spec.fs);
  if (names.length === 0) {
    run.spec.stdout(db.map((p) => `${p.name}\n`).join(''));
    return 0;
  }
  for (const n of names) {
    const p = db.find((x) => x.name === n) ?? (ALPINE_PACKAGES[n] ? { ...ALPINE_PACKAGES[n]!, text: '' } : undefined);
    if (!p) continue;
    const id = `${p.name}-${p.version}`;
    run.spec.stdout(`${id} description:\n${p.desc}\n\n${id} webpage:\n${p.url}\n\n${id} installed size:\n${Math.round(p.size / 1024)} KiB\n\n`);
  }
  return 0;
}

async function search(run: ProgramRun, terms: string[]): Promise<number> {
  const db = await installed(run.spec.fs);
  const all = new Map<string, string>(db.map((p) => [p.name, p.version]));
  for (const p of Object.values(ALPINE_PACKAGES)) all.set(p.name, p.version);
  const hits = [...all].filter(([n]) => terms.length === 0 || terms.some((t) => n.includes(t))).sort(([a], [b]) => (a < b ? -1 : 1));
  run.spec.stdout(hits.map(([n, v]) => `${n}-${v}\n`).join(''));
  return 0;
}

/** The apk program. */
export const apk: Program = async (run) => {
  const opts = run.args.filter((a) => a.startsWith('-'));
  const [cmd, ...names] = run.args.filter((a) => !a.startsWith('-'));
  const noCache = opts.includes('--no-cache');
  const quiet = opts.includes('-q') || opts.includes('--quiet');
  if (opts.includes('-U') || opts.includes('--update-cache')) await update(run, true);
  if (run.spec.user !== 'root' && run.spec.user !== '0' && cmd !== 'info' && cmd !== 'search') {
    run.spec.stderr('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  if (cmd === 'update' || (cmd === 'add' && names.length > 0) || opts.includes('-U') || opts.includes('--update-cache')) {
    const refused = refuseWithoutNetwork(run, 'apk');
    if (refused !== undefined) return refused;
  }
  switch (cmd) {
    case 'update': return update(run, quiet);
    case 'add':
      if (names.length === 0) {
        run.spec.stdout(await fetchLines(run) + okLine(await installed(run.spec.fs)));
        return 0;
      }
      return add(run, names, noCache);
    case 'del': return del(run, names);
    case 'info': return info(run, names);
    case 'search': return search(run, names);
    case undefined:
      run.spec.stdout('apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n\nPackage installation and removal:\n  add        Add packages to WORLD and commit changes\n  del        Remove packages from WORLD and commit changes\n\nRepository information:\n  update     Update repository indexes\n  info       Give detailed information about packages or repositories\n  search     Search for packages by name or description\n');
      return 1;
    default:
      run.spec.stderr(`apk: ${cmd}: this apk command is not simulated in Layerlab\n`);
      return 1;
  }
};
