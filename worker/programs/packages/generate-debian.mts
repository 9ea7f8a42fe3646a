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
const MAX_FILES = 10;

function sh(cmd: string, args: string[], cwd?: string): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return (e as { stdout?: string }).stdout ?? '';
  }
}

/** Candidate stanzas of many packages in one apt-cache call: Debian's own (not a third-party repository's). */
function stanzas(names: string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const text = sh('apt-cache', ['show', ...names]);
  for (const block of text.split('\n\n')) {
    const rec: Record<string, string> = {};
    let key = '';
    for (const line of block.split('\n')) {
      if (line === '') continue;
      if (line.startsWith(' ')) rec[key] += '\n' + line;
      else {
        const i = line.indexOf(':');
        key = line.slice(0, i);
        rec[key] = line.slice(i + 1).trim();
      }
    }
    const name = rec['Package'];
    if (!name || !rec['Filename'] || /nodesource/.test(rec['Version'] ?? '') || out.has(name)) continue;
    out.set(name, rec);
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
  const cached = (): string | undefined => readdirSync(tmp).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  // Only the packages the lessons name are downloaded; their dependencies' lists come from .debs already cached.
  if (!cached() && ROOTS.includes(name)) sh('apt-get', ['download', `${name}=${version}`], tmp);
  const deb = cached();
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
  const keep = files.filter((f) => bin(f) || f.l !== undefined || /\/copyright$/.test(f.p) || f.p.startsWith('/usr/share/figlet/'));
  const rest = files.filter((f) => !keep.includes(f)).sort((a, b) => (b.s ?? 0) - (a.s ?? 0));
  return [...keep, ...rest.slice(0, Math.max(0, MAX_FILES - keep.length))].sort((a, b) => (a.p < b.p ? -1 : 1));
}

const seen = new Map<string, unknown>();
let level = [...ROOTS];
const tmp = process.env.DEB_CACHE ?? mkdtempSync(join(tmpdir(), 'debs-'));
while (level.length > 0) {
  const names = [...new Set(level)].filter((n) => !seen.has(n));
  level = [];
  const found = names.length > 0 ? stanzas(names) : new Map();
  for (const name of names) {
    const s = found.get(name);
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
    for (const alt of [...pre, ...d, ...rec]) level.push(alt[0]!);
  }
}
const packages = Object.fromEntries([...seen].filter(([, v]) => v).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(new URL('./debian-bookworm.generated.json', import.meta.url), JSON.stringify({ roots: ROOTS, packages }) + '\n');
console.log(`${Object.keys(packages).length} packages`);
