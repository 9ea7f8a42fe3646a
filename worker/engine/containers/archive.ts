/**
 * `GET` / `PUT /containers/{id}/archive?path=` (moby daemon/archive.go):
 * the entries of one path of a container's filesystem, named from the path's
 * base name (or `.` for `dir/.`, "copy the contents"), and extraction of
 * archive entries into a directory of it. Parents of the path are resolved
 * through symlinks; the path itself is not (a symlink is copied as a link).
 */
import { EngineError } from '../errors.ts';
import { baseName, dirName, type Entry } from '../layer/entry.ts';
import { orderHardlinks } from './links.ts';
import type { OverlayFs } from './overlay-fs.ts';
import { joinRel } from './paths.ts';
import type { PathStat } from '../../engine-api/types.ts';
export type { PathStat };

function notFound(path: string, container: string): EngineError {
  return new EngineError('NotFound', `Could not find the file ${path} in container ${container}`);
}

/** The archive entries of `path` (absolute in the container), renamed under `as` (default: its base name). */
export async function archivePath(fs: OverlayFs, path: string, container: string, as?: string): Promise<{ stat: PathStat; entries: Entry[] }> {
  const contents = /\/\.$/.test(path);
  const trimmed = path.replace(/\/\.?$/, '').replace(/^\/+/, '');
  const parent = dirName(trimmed);
  let parentReal = '';
  try {
    if (parent !== '') parentReal = (await fs.realpath('/' + parent)).slice(1);
  } catch {
    throw notFound(path, container);
  }
  const rel = trimmed === '' ? '' : joinRel(parentReal, baseName(trimmed));
  const top = fs.entry(rel);
  if (!top) throw notFound(path, container);
  const name = contents ? '.' : (as ?? (baseName(trimmed) || '/'));
  const stat: PathStat = { name: as ?? (baseName(trimmed) || '/'), isDir: top.type === 'dir', size: top.size, mode: top.mode };
  const rebase = (p: string): string => (p === rel ? name : `${name}/${rel === '' ? p : p.slice(rel.length + 1)}`);
  const entries: Entry[] = [];
  if (!(contents && top.type === 'dir')) entries.push({ ...top, path: name });
  if (top.type === 'dir') for (const e of fs.walk(rel)) entries.push({ ...e, path: rebase(e.path).replace(/^\.\//, ''), ...(e.type === 'hardlink' ? { linkname: rebase(e.linkname ?? '') } : {}) });
  return { stat, entries: orderHardlinks(entries) };
}

/** Extracts entries (relative names) into directory `dest` of the container; owners become root unless `keepOwner`. */
export async function extractInto(fs: OverlayFs, dest: string, entries: readonly Entry[], keepOwner: boolean): Promise<void> {
  const base = (await fs.realpath(dest)).replace(/^\//, '');
  for (const e of entries) {
    const p = e.path.replace(/^\.\/?/, '').replace(/\/$/, '');
    if (p === '' && e.type === 'dir') continue;
    const target = joinRel(base, p);
    const placed: Entry = { ...e, path: target, ...(keepOwner ? {} : { uid: 0, gid: 0, uname: undefined, gname: undefined }) };
    if (e.type === 'hardlink') placed.linkname = joinRel(base, (e.linkname ?? '').replace(/^\.\//, ''));
    if (fs.entry(dirName(target))?.type !== 'dir') await fs.mkdir('/' + dirName(target), { recursive: true });
    fs.putEntry(placed);
  }
}
