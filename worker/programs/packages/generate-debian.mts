/**
 * Records the simulated Debian bookworm package index from a real Debian 12 machine:
 * metadata from `apt-cache show` (versions, sizes, Depends/Pre-Depends/Recommends/
 * Suggests) for the dependency closure of the packages the lessons install, and each
 * package's real file list (from `dpkg -L` when installed here, else `dpkg -c` of the
 * downloaded .deb), trimmed to its programs and largest files.
 *
 *     npx tsx worker/programs/packages/generate-debian.mts
 *
 * Node-only (child_process); never imported by the app. Writes debian-bookworm.generated.json.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOTS = 'figlet curl jq tree nano vim git python3 python3-pip nodejs npm bash wget procps iputils-ping less sudo unzip ca-certificates'.split(' ');
const MAX_FILES = 24;

function sh(cmd: string, args: string[], cwd?: string): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return (e as { stdout?: string }).stdout ?? '';
  }
}

function stanza(name: string): Record<string, string> | undefined {
  const text = sh('apt-cache', ['show', '--no-all-versions', name]);
  if (!text.trim()) return undefined;
  const out: Record<string, string> = {};
  let key = '';
  for (const line of text.split('\n')) {
    if (line === '') break;
    if (line.startsWith(' ')) out[key] += '\n' + line;
    else {
      const i = line.indexOf(':');
      key = line.slice(0, i);
      out[key] = line.slice(i + 1).trim();
    }
  }
  return out;
}

/** 'a (>= 1) | b, c' → [['a','b'],['c']] (names only; versions ignored, arch qualifiers dropped). */
function deps(field: string | undefined): string[][] {
  if (!field) return [];
  return field.split(',').map((alt) => alt.split('|').map((d) => d.trim().split(/[\s(]/)[0]!.replace(/:any$/, '')).filter(Boolean));
}

interface FileRec { p: string; s?: number; l?: string; x?: 1 }

function filesOf(name: string, version: string, tmp: string): FileRec[] {
  const status = sh('dpkg-query', ['-W', '-f=${Status} ${Version}', name]);
  const list: FileRec[] = [];
  if (status === `install ok installed ${version}`) {
    for (const p of sh('dpkg', ['-L', name]).split('\n')) {
      if (!p.startsWith('/') || p === '/.') continue;
      try {
        const st = lstatSync(p);
        if (st.isDirectory()) continue;
        if (st.isSymbolicLink()) list.push({ p, l: readlinkSync(p) });
        else list.push({ p, s: st.size, ...(st.mode & 0o111 ? { x: 1 as const } : {}) });
      } catch { /* diverted or removed */ }
    }
    return list;
  }
  sh('apt-get', ['download', `${name}=${version}`], tmp);
  const deb = readdirSync(tmp).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!deb) return list;
  for (const line of sh('dpkg', ['-c', join(tmp, deb)]).split('\n')) {
    const m = /^(\S)(\S+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\.(\/\S*)(?: -> (\S+))?/.exec(line);
    if (!m || m[1] === 'd') continue;
    if (m[1] === 'l') list.push({ p: m[4]!, l: m[5]! });
    else list.push({ p: m[4]!, s: Number(m[3]), ...(m[2]!.includes('x') ? { x: 1 as const } : {}) });
  }
  return list;
}

function trim(files: FileRec[]): FileRec[] {
  const bin = (f: FileRec): boolean => /^\/(usr\/)?s?bin\//.test(f.p) || /^\/etc\/alternatives\//.test(f.p);
  const keep = files.filter((f) => bin(f) || f.l !== undefined || /\/copyright$/.test(f.p));
  const rest = files.filter((f) => !keep.includes(f)).sort((a, b) => (b.s ?? 0) - (a.s ?? 0));
  return [...keep, ...rest.slice(0, Math.max(0, MAX_FILES - keep.length))].sort((a, b) => (a.p < b.p ? -1 : 1));
}

const seen = new Map<string, unknown>();
const queue = [...ROOTS];
const tmp = mkdtempSync(join(tmpdir(), 'debs-'));
while (queue.length > 0) {
  const name = queue.shift()!;
  if (seen.has(name)) continue;
  const s = stanza(name);
  if (!s) { seen.set(name, null); continue; }
  const d = deps(s['Depends']);
  const pre = deps(s['Pre-Depends']);
  const rec = deps(s['Recommends']);
  seen.set(name, {
    v: s['Version'], sec: s['Section'], arch: s['Architecture'], isz: Number(s['Installed-Size']), sz: Number(s['Size']),
    pool: s['Filename'], desc: s['Description']?.split('\n')[0], prio: s['Priority'], ma: s['Multi-Arch'],
    dep: [...pre, ...d], rec, sug: deps(s['Suggests']).map((a) => a[0]),
    files: trim(filesOf(name, s['Version']!, tmp)),
  });
  for (const alt of [...pre, ...d, ...rec]) queue.push(alt[0]!);
}
const packages = Object.fromEntries([...seen].filter(([, v]) => v).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(new URL('./debian-bookworm.generated.json', import.meta.url), JSON.stringify({ roots: ROOTS, packages }) + '\n');
console.log(`${Object.keys(packages).length} packages`);
