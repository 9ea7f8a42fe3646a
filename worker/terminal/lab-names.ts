/**
 * Names for Tab completion that come from the lab's state: image references
 * and container names from the engine's records, entries of a host
 * directory from the shell's filesystem. Image references are shown in the
 * familiar form the CLI prints and accepts (`alpine:3.20`, not
 * `docker.io/library/alpine:3.20`, reference.FamiliarString), digest
 * references left out as docker/cli's ImageNames completion leaves them out.
 */
import type { IFileSystem } from 'just-bash';
import type { Snapshot } from '../store/store.ts';
import { familiarString, parseStored } from '../engine/reference.ts';
import type { DirEntry } from './completion.ts';

/** Familiar references of every tagged image, sorted. */
export function imageNames(snapshot: Snapshot): string[] {
  const names = new Set<string>();
  for (const stored of snapshot.tags.keys()) {
    if (stored.includes('@')) continue;
    try {
      names.add(familiarString(parseStored(stored)));
    } catch {
      // A record this build cannot parse is not offered.
    }
  }
  return [...names].sort();
}

/** Names of every container, sorted (docker/cli's ContainerNames offers names). */
export function containerNames(snapshot: Snapshot): string[] {
  const names: string[] = [];
  for (const record of snapshot.containers.values()) {
    const name = (record as { name?: unknown } | null)?.name;
    if (typeof name === 'string') names.push(name.replace(/^\//, ''));
  }
  return names.sort();
}

/** Short IDs (12 hex digits, stringid.TruncateID) of every image or container. */
export function shortIds(snapshot: Snapshot, kind: 'image' | 'container'): string[] {
  const records = kind === 'image' ? snapshot.images : snapshot.containers;
  const ids: string[] = [];
  for (const [key, record] of records) {
    const id = kind === 'image' ? key : (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push(id.replace(/^sha256:/, '').slice(0, 12));
  }
  return ids.sort();
}

/** Entries of the directory `typed` (as typed: '', '~/', '/etc/', 'src/') relative to `cwd`. */
export async function listDir(fs: IFileSystem, cwd: string, home: string, typed: string): Promise<DirEntry[]> {
  const expanded = typed === '~' || typed.startsWith('~/') ? home + typed.slice(1) : typed;
  const dir = fs.resolvePath(cwd, expanded === '' ? '.' : expanded);
  const names = await fs.readdir(dir);
  return Promise.all(
    names.map(async (name) => {
      const st = await fs.stat(fs.resolvePath(dir, name)).catch(() => undefined);
      return { name, dir: st?.isDirectory ?? false };
    }),
  );
}
