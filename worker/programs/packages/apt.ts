/**
 * apt-get and apt (apt 2.6, Debian 12; the same text on Ubuntu 24.04's 2.7): update,
 * install, remove/purge against the simulated archive (debian-index.ts), with apt's own
 * output. A fresh Debian image has no package lists, so `apt-get install` before
 * `apt-get update` finds nothing (`E: Unable to locate package figlet`), as on Docker
 * Hub's images. Lines end in `... Done` only on a terminal, as apt prints them.
 */
import type { Program, ProgramRun } from '../program.ts';
import { archiveFor, sizeToStr } from './debian-index.ts';
import type { Archive, DebPackage } from './debian-index.ts';
import { databaseCount, dpkgInstall, dpkgRemove, readStatus } from './dpkg-db.ts';
import { readText, writePackageFiles, writeText } from './files.ts';
import { refuseWithoutNetwork } from './no-network.ts';

const LISTS = '/var/lib/apt/lists';
const ALTERNATIVES: Record<string, Array<[string, string, string]>> = {
  figlet: [['figlet', '/usr/bin/figlet', '/usr/bin/figlet-figlet']],
  vim: [['vim', '/usr/bin/vim', '/usr/bin/vim.basic'], ['vimdiff', '/usr/bin/vimdiff', '/usr/bin/vim.basic'], ['rvim', '/usr/bin/rvim', '/usr/bin/vim.basic'], ['rview', '/usr/bin/rview', '/usr/bin/vim.basic'], ['vi', '/usr/bin/vi', '/usr/bin/vim.basic'], ['view', '/usr/bin/view', '/usr/bin/vim.basic'], ['ex', '/usr/bin/ex', '/usr/bin/vim.basic'], ['editor', '/usr/bin/editor', '/usr/bin/vim.basic']],
  nano: [['editor', '/usr/bin/editor', '/bin/nano'], ['pico', '/usr/bin/pico', '/bin/nano']],
};

function done(run: ProgramRun, text: string): string {
  return run.spec.tty ? `${text} Done\n` : `${text}\n`;
}

/**
 * apt reads /var/lib/apt/extended_states (which packages were installed as
 * dependencies) only when it exists, and says so only then: a fresh Debian or
 * Ubuntu image has none, so its first install prints no `Reading state
 * information...` (observed with apt 2.6.1 in a bookworm root, test/programs/record-apt.sh).
 * apt writes the file on every install, empty when nothing was pulled in automatically.
 */
async function stateLine(run: ProgramRun): Promise<string> {
  return (await run.spec.fs.exists('/var/lib/apt/extended_states')) ? done(run, 'Reading state information...') : '';
}

async function reading(run: ProgramRun): Promise<string> {
  return done(run, 'Reading package lists...') + done(run, 'Building dependency tree...') + (await stateLine(run));
}

/** apt's ShowList: names after two spaces, wrapped before column 80. */
function showList(title: string, names: string[]): string {
  if (names.length === 0) return '';
  const lines: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length >= 80 && line.trim()) {
      lines.push(line);
      line = ' ';
    }
    line += ' ' + n;
  }
  lines.push(line);
  return `${title}\n${lines.join('\n')}\n`;
}

function fetched(bytes: number): string {
  const secs = bytes / 6_500_000 + 0.08;
  return `Fetched ${sizeToStr(bytes)} in ${Math.floor(secs)}s (${sizeToStr(bytes / secs)}/s)\n`;
}

async function haveLists(run: ProgramRun, archive: Archive): Promise<boolean> {
  return run.spec.fs.exists(`${LISTS}/${archive.indexes[0]!.list}`);
}

async function update(run: ProgramRun, archive: Archive, apt: boolean): Promise<number> {
  const fresh = !(await haveLists(run, archive));
  let out = '';
  let bytes = 0;
  archive.indexes.forEach((ix, i) => {
    if (!fresh) {
      if (ix.line.endsWith('InRelease')) out += `Hit:${i + 1} ${ix.line}\n`;
      return;
    }
    out += `Get:${i + 1} ${ix.line} [${sizeToStr(ix.bytes)}]\n`;
    bytes += ix.bytes;
  });
  if (fresh) {
    out += fetched(bytes);
    await writePackageFiles(run.spec.fs, 'apt-lists', archive.indexes.map((ix) => ({ path: `var/lib/apt/lists/${ix.list}`, size: ix.stored })));
  }
  out += done(run, 'Reading package lists...');
  if (apt) out += done(run, 'Building dependency tree...') + (await stateLine(run)) + 'All packages are up to date.\n';
  run.spec.stdout(out);
  return 0;
}

/** Dependencies first, each once; recommends too unless disabled (apt's default installs them). */
function plan(archive: Archive, names: string[], installed: Set<string>, recommends: boolean): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const satisfied = (alt: string[]): boolean => alt.some((n) => installed.has(n) || seen.has(n));
  const visit = (name: string): void => {
    if (installed.has(name) || seen.has(name) || !archive.packages[name]) return;
    seen.add(name);
    const p = archive.packages[name]!;
    for (const alt of p.dep) if (!satisfied(alt)) visit(alt.find((n) => archive.packages[n]) ?? alt[0]!);
    order.push(name);
    if (recommends) for (const alt of p.rec) if (!satisfied(alt)) visit(alt.find((n) => archive.packages[n]) ?? alt[0]!);
  };
  for (const n of names) visit(n);
  return order;
}

function shown(name: string, p: DebPackage): string {
  return p.ma === 'same' ? `${name}:amd64` : name;
}

async function install(run: ProgramRun, archive: Archive, names: string[], opts: { yes: boolean; recommends: boolean }): Promise<number> {
  const { spec } = run;
  const lists = await haveLists(run, archive);
  const status = await readStatus(spec.fs);
  const installed = new Set(status.map((e) => e.name));
  let out = await reading(run);
  const missing = names.filter((n) => !lists || !archive.packages[n]);
  if (missing.length > 0) {
    spec.stdout(out);
    spec.stderr(missing.map((n) => `E: Unable to locate package ${n}\n`).join(''));
    return 100;
  }
  for (const n of names.filter((x) => installed.has(x))) out += `${n} is already the newest version (${status.find((e) => e.name === n)!.version}).\n`;
  const order = plan(archive, names, installed, opts.recommends);
  const pk = (n: string): DebPackage => archive.packages[n]!;
  const sorted = [...order].sort();
  const extra = sorted.filter((n) => !names.includes(n));
  const suggested = [...new Set(order.flatMap((n) => pk(n).sug))].filter((n) => !installed.has(n) && !order.includes(n)).sort();
  const recommended = opts.recommends ? [] : [...new Set(order.flatMap((n) => pk(n).rec.map((a) => a[0]!)))].filter((n) => !installed.has(n) && !order.includes(n)).sort();
  out += showList('The following additional packages will be installed:', extra);
  out += showList('Suggested packages:', suggested);
  out += showList('Recommended packages:', recommended);
  out += showList('The following NEW packages will be installed:', sorted);
  out += `0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`;
  if (order.length === 0) {
    spec.stdout(out);
    return 0;
  }
  const download = order.reduce((s, n) => s + pk(n).sz, 0);
  out += `Need to get ${sizeToStr(download)} of archives.\n`;
  out += `After this operation, ${sizeToStr(order.reduce((s, n) => s + pk(n).isz * 1024, 0))} of additional disk space will be used.\n`;
  if (extra.length > 0 && !opts.yes) {
    spec.stdout(out + 'Do you want to continue? [Y/n] ');
    const answer = await spec.stdin.read();
    if (answer === null || !/^\s*(y|yes)?\s*$/i.test(answer)) {
      spec.stdout('Abort.\n');
      return 1;
    }
    out = '';
  }
  order.forEach((n, i) => { out += `Get:${i + 1} ${archive.getPrefix(n)} ${n} ${pk(n).arch} ${pk(n).v} [${sizeToStr(pk(n).sz)}]\n`; });
  spec.stdout(out);
  spec.stderr('debconf: delaying package configuration, since apt-utils is not installed\n');
  out = fetched(download);
  // dpkg's part runs on the pseudo-terminal apt gives it (a container always
  // has /dev/pts): its lines end in CR LF, as the pty writes them, and its
  // database progress counts up in 5% steps over one line (dpkg's
  // progress_step on a tty). Observed with apt 2.6.1 (test/programs/record-apt.sh).
  const dpkgStart = out.length;
  const width = String(order.length - 1).length;
  const count = await databaseCount(spec.fs, archive.baseFiles, archive.imagePackages);
  for (const [i, n] of order.entries()) {
    const p = pk(n);
    out += `Selecting previously unselected package ${shown(n, p)}.\n`;
    if (i === 0) out += `${readingDatabase()}(Reading database ... ${count} files and directories currently installed.)\n`;
    const prefix = order.length > 1 ? `${String(i).padStart(width, '0')}-` : '';
    out += `Preparing to unpack .../${prefix}${n}_${p.v.replace(':', '%3a')}_${p.arch}.deb ...\nUnpacking ${shown(n, p)} (${p.v}) ...\n`;
    await dpkgInstall(spec.fs, n, p);
  }
  let libs = false;
  for (const n of order) {
    const p = pk(n);
    out += `Setting up ${shown(n, p)} (${p.v}) ...\n`;
    for (const [group, link, target] of ALTERNATIVES[n] ?? []) {
      await writePackageFiles(spec.fs, 'alternatives', [{ path: `etc/alternatives/${group}`, link: target }, { path: link.slice(1), link: `/etc/alternatives/${group}` }]);
      out += `update-alternatives: using ${target} to provide ${link} (${group}) in auto mode\n`;
    }
    if (p.files.some((f) => /\/lib\/x86_64-linux-gnu\/[^/]+\.so/.test(f.p))) libs = true;
  }
  const libcBin = (await readStatus(spec.fs)).find((e) => e.name === 'libc-bin');
  if (libs && libcBin) out += `Processing triggers for libc-bin (${libcBin.version}) ...\n`;
  // On a terminal the container's tty adds the CRs itself.
  if (!spec.tty) out = out.slice(0, dpkgStart) + out.slice(dpkgStart).replaceAll('\n', '\r\n');
  spec.stdout(out);
  await record(run, order, extra);
  return 0;
}

/** dpkg's `(Reading database ... ` progress before its count: 0%, then every fifth percent, each over the last. */
function readingDatabase(): string {
  let out = '(Reading database ... ';
  for (let p = 5; p <= 100; p += 5) out += `\r(Reading database ... ${p}%`;
  return `${out}\r`;
}

/** apt's own bookkeeping files, which `docker diff` shows after an install. */
async function record(run: ProgramRun, order: string[], auto: string[]): Promise<void> {
  const { fs } = run.spec;
  const states = await readText(fs, '/var/lib/apt/extended_states');
  const add = auto.filter((n) => order.includes(n)).map((n) => `Package: ${n}\nArchitecture: amd64\nAuto-Installed: 1\n`).join('\n');
  await writeText(fs, '/var/lib/apt/extended_states', states && add ? `${states.trimEnd()}\n\n${add}` : states || add);
  const date = new Date(run.spec.now()).toISOString().replace('T', '  ').slice(0, 20);
  await writeText(fs, '/var/log/apt/history.log', `${await readText(fs, '/var/log/apt/history.log')}\nStart-Date: ${date}\nCommandline: ${[run.name, ...run.args].join(' ')}\nInstall: ${order.join(', ')}\nEnd-Date: ${date}\n`);
  await writeText(fs, '/var/log/dpkg.log', (await readText(fs, '/var/log/dpkg.log')) + order.map((n) => `${date.replace('  ', ' ').trim()} status installed ${n}:amd64\n`).join(''));
}

async function remove(run: ProgramRun, archive: Archive, names: string[], purge: boolean): Promise<number> {
  const { spec } = run;
  const status = await readStatus(spec.fs);
  let out = await reading(run);
  const gone = names.filter((n) => status.some((e) => e.name === n));
  for (const n of names.filter((x) => !gone.includes(x))) {
    if (!archive.packages[n] || !(await haveLists(run, archive))) {
      spec.stdout(out);
      spec.stderr(`E: Unable to locate package ${n}\n`);
      return 100;
    }
    out += `Package '${n}' is not installed, so not removed\n`;
  }
  out += showList(`The following packages will be REMOVED:`, gone.map((n) => (purge ? `${n}*` : n)).sort());
  out += `0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`;
  if (gone.length === 0) {
    spec.stdout(out);
    return 0;
  }
  out += `After this operation, ${sizeToStr(gone.reduce((s, n) => s + (status.find((e) => e.name === n)?.isz ?? 0) * 1024, 0))} disk space will be freed.\n`;
  out += `(Reading database ... ${await databaseCount(spec.fs, archive.baseFiles, archive.imagePackages)} files and directories currently installed.)\n`;
  for (const n of gone) {
    const e = status.find((x) => x.name === n)!;
    out += `Removing ${n} (${e.version}) ...\n`;
    for (const [group, link] of ALTERNATIVES[n] ?? []) {
      await spec.fs.rm(link, { force: true });
      await spec.fs.rm(`/etc/alternatives/${group}`, { force: true });
    }
    await dpkgRemove(spec.fs, n, archive.packages[n]);
  }
  if (purge) for (const n of gone) out += `(Reading database ... )\nPurging configuration files for ${n} (${status.find((x) => x.name === n)!.version}) ...\n`.replace('(Reading database ... )\n', '');
  spec.stdout(out);
  return 0;
}

async function main(run: ProgramRun, apt: boolean): Promise<number> {
  const { spec } = run;
  const flags = run.args.filter((a) => a.startsWith('-'));
  const [cmd, ...names] = run.args.filter((a) => !a.startsWith('-'));
  if (apt && !spec.tty) spec.stderr('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  if (spec.user !== 'root' && spec.user !== '0' && cmd !== undefined) {
    spec.stderr(cmd === 'update'
      ? 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n'
      : 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    return 100;
  }
  const archive = await archiveFor(spec.fs);
  const yes = flags.some((f) => ['-y', '--yes', '--assume-yes', '-qy', '-yq'].includes(f)) || spec.env.DEBIAN_FRONTEND === 'noninteractive' && flags.includes('-y');
  if (cmd === 'update' || cmd === 'install') {
    const refused = refuseWithoutNetwork(run, apt ? 'apt' : 'apt-get');
    if (refused !== undefined) return refused;
  }
  switch (cmd) {
    case 'update': return update(run, archive, apt);
    case 'install': return install(run, archive, names, { yes, recommends: !flags.includes('--no-install-recommends') });
    case 'remove': return remove(run, archive, names, false);
    case 'purge': return remove(run, archive, names, true);
    case undefined:
      spec.stdout(apt ? 'apt 2.6.1 (amd64)\nUsage: apt [options] command\n' : 'apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n');
      return 1;
    default:
      spec.stderr(`E: Invalid operation ${cmd}\n`);
      return 100;
  }
}

/** The apt-get program. */
export const aptGet: Program = (run) => main(run, false);
/** The apt program (same engine, apt's warning and update summary). */
export const apt: Program = (run) => main(run, true);
