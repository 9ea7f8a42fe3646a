/**
 * The Engine API's container operations that read a container or change it
 * without running anything: list, inspect, changes, commit, export, logs,
 * top, rename, prune. The lifecycle (start, stop, exec…) is service.ts.
 */
import type { Filters } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { matchLabels, parseTimestamp, validateFilters } from '../filters.ts';
import type { Entry } from '../layer/entry.ts';
import { fromChunks } from '../layer/tar-stream.ts';
import { tarChunks } from '../layer/tar-write.ts';
import type { ByteStream } from '../stream.ts';
import { changesOverImage, exportEntries, type ContainerChange } from './changes.ts';
import { commitContainer, type CommitOptions } from './commit.ts';
import { inspectContainer } from './inspect.ts';
import { listContainers, type ContainerListOptions, type ContainerSummary } from './list.ts';
import { containerNamed, notRunning } from './lookup.ts';
import { validateName, nameConflict } from './names.ts';
import { asContainer, type LogLine } from './record.ts';
import type { ContainerService } from './service.ts';
import type { LogsOptions, ContainersPruneReport } from '../../engine-api/types.ts';
export type { LogsOptions, ContainersPruneReport };

/** `GET /containers/json`. */
export function containerList(svc: ContainerService, opts: ContainerListOptions = {}): ContainerSummary[] {
  return listContainers(svc.engine.state, opts, svc.engine.now());
}

/** `GET /containers/{id}/json`. */
export function containerInspect(svc: ContainerService, ref: string, size = false): Record<string, unknown> {
  return inspectContainer(svc.engine.state, svc.get(ref), size);
}

/** `GET /containers/{id}/changes`. */
export async function containerDiff(svc: ContainerService, ref: string): Promise<ContainerChange[]> {
  const c = svc.get(ref);
  const fs = await svc.fs(c);
  return changesOverImage(fs.upper, await svc.loader.containerTree(svc.engine.state, c), c.created);
}

/** `POST /commit`: returns the new image ID. */
export async function containerCommit(svc: ContainerService, ref: string, opts: CommitOptions): Promise<string> {
  const c = svc.get(ref);
  const fs = await svc.fs(c);
  const entries = fs.upper.toLayerEntries();
  return svc.engine.transact((d) => commitContainer(d, c, entries, opts, svc.engine.now()));
}

/** The merged filesystem's entries of a container, in the order `docker export` writes them. */
export async function containerExportEntries(svc: ContainerService, ref: string): Promise<Entry[]> {
  return exportEntries(await svc.fs(svc.get(ref)));
}

/**
 * `GET /containers/{id}/export`: the merged filesystem as a tar stream. The
 * entries (metadata, and the literal bytes of small files the container
 * wrote) are gathered first, so a missing container fails before any byte;
 * image files' contents are generated chunk by chunk as the tar is read.
 */
export async function containerExport(svc: ContainerService, ref: string): Promise<ByteStream> {
  return fromChunks(tarChunks(await containerExportEntries(svc, ref)));
}

/** `GET /containers/{id}/logs`. */
export async function containerLogs(svc: ContainerService, ref: string, opts: LogsOptions): Promise<void> {
  const c = svc.get(ref);
  const live = svc.live(c.id);
  let lines = [...c.logs, ...(live?.pending ?? [])];
  if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  for (const l of lines) opts.onLine(l);
  if (!opts.follow || !c.running || !live?.exited) return;
  const listener = (s: 1 | 2, t: string) => opts.onLine([svc.engine.now(), s, t]);
  live.listeners.add(listener);
  try {
    await live.exited;
  } finally {
    live.listeners.delete(listener);
  }
}

/** `GET /containers/{id}/top`: ps -ef columns of the container's processes. */
export function containerTop(svc: ContainerService, ref: string): { Titles: string[]; Processes: string[][] } {
  const c = svc.get(ref);
  if (!c.running) throw notRunning(c.id);
  const started = new Date(c.startedAt);
  const stime = `${String(started.getUTCHours()).padStart(2, '0')}:${String(started.getUTCMinutes()).padStart(2, '0')}`;
  return {
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: svc.processes(c.id).map((p) => [p.user, String(p.pid), String(p.ppid), '0', stime, p.tty ? 'pts/0' : '?', '00:00:00', p.command]),
  };
}

/** `POST /containers/{id}/rename?name=`. */
export async function containerRename(svc: ContainerService, ref: string, newName: string): Promise<void> {
  const c = svc.get(ref);
  // moby daemon/rename.go: the new name gets its `/` before it is reserved, so errors show it.
  let name: string;
  try {
    name = validateName(newName.startsWith('/') ? newName : `/${newName}`);
  } catch (err) {
    throw new EngineError('InvalidParameter', `Error when allocating new name: ${(err as Error).message}`);
  }
  if (name === c.name) throw new EngineError('InvalidParameter', 'Renaming a container with the same name as its current name');
  await svc.engine.transact((d) => {
    const holder = containerNamed(d, name);
    if (holder) throw new EngineError('Conflict', `Error when allocating new name: ${nameConflict(name, holder.id).message}`);
    const cur = d.containers.get(c.id);
    if (cur) d.containers.set(c.id, { ...cur, name });
  });
}

/** `POST /containers/prune`: every stopped container (filters until, label). */
export async function containersPrune(svc: ContainerService, filters: Filters = {}): Promise<ContainersPruneReport> {
  validateFilters(filters, ['until', 'label', 'label!']);
  const now = svc.engine.now();
  const until = filters.until?.[0] !== undefined ? parseTimestamp(filters.until[0], now) : undefined;
  const victims = [...svc.engine.state.containers.values()].map(asContainer).filter((c) => {
    if (c.running) return false;
    if (until !== undefined && c.created >= until) return false;
    if (!matchLabels(filters.label, c.config.Labels)) return false;
    if ((filters['label!'] ?? []).length > 0 && matchLabels(filters['label!'], c.config.Labels)) return false;
    return true;
  });
  let space = 0;
  for (const c of victims) space += c.sizeRw;
  await svc.engine.transact((d) => {
    for (const c of victims) d.containers.delete(c.id);
  });
  return { ContainersDeleted: victims.length > 0 ? victims.map((c) => c.id) : null, SpaceReclaimed: space };
}
