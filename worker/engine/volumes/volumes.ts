/**
 * The daemon's volumes of the `local` driver (moby volume/service,
 * volume/local): create, list, inspect, remove and prune, over a draft of the
 * engine state. A volume's files live in the store like a writable layer
 * (`VolumeRecord.data`, containers/upper-store.ts); which containers use a
 * volume is read from their mounts (containers/mounts.ts), as moby's volume
 * store counts references.
 *
 * Texts and rules recorded from Engine 26.1 (test/golden/scenarios/volumes.txt):
 * names as `[a-zA-Z0-9][a-zA-Z0-9_.-]+`; `create` of an existing name returns
 * it unchanged; a volume created without a name is 64 hex characters and
 * labelled `com.docker.volume.anonymous`; `prune` removes only anonymous
 * volumes unless `all=true` (API 1.42+).
 */
import type { Filters } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { boolFilter, matchLabels, validateFilters } from '../filters.ts';
import type { Draft, EngineState, VolumeRecord } from '../state.ts';
import { rfc3339Nano } from '../containers/record.ts';
import type { VolumesPruneReport } from '../../engine-api/types.ts';
import type { VolumeCreateOptions } from '../../engine-api/types.ts';
export type { VolumeCreateOptions };
export type { VolumesPruneReport };

/** The label moby puts on volumes created without a name. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** Where the daemon keeps a volume's files (a default Linux install). */
export function mountpointOf(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}

/** Whether the volume was made without a name (`docker volume create`, `-v /path`, an image's VOLUME). */
export function isAnonymous(v: VolumeRecord): boolean {
  return v.labels !== null && ANONYMOUS_LABEL in v.labels;
}

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** volume/local validateName. */
function validateName(name: string): void {
  if (name.length === 1) throw new EngineError('InvalidParameter', `create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  if (!VALID_NAME.test(name)) {
    throw new EngineError(
      'InvalidParameter',
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

/** A random 64-hex volume name (stringid.GenerateRandomID). */
export function anonymousName(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.min(255, Math.floor(random() * 256)).toString(16).padStart(2, '0');
  return hex;
}

/** `POST /volumes/create`: the new volume, or the existing one of that name. */
export function createVolume(draft: Draft, opts: VolumeCreateOptions, now: number, random: () => number): VolumeRecord {
  const driver = opts.driver || 'local';
  const anonymous = !opts.name;
  const name = opts.name || anonymousName(random);
  if (driver !== 'local') throw new EngineError('NotFound', `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
  if (!anonymous) validateName(name);
  const have = draft.volumes.get(name);
  if (have) return have;
  const labels = { ...(opts.labels ?? {}), ...(anonymous ? { [ANONYMOUS_LABEL]: '' } : {}) };
  const v: VolumeRecord = { name, created: now, labels: Object.keys(labels).length > 0 ? labels : null, options: null, data: '', dataBlobs: [], size: 0 };
  draft.volumes.set(name, v);
  return v;
}

/** The daemon's not-found error for a volume. */
export function noSuchVolume(name: string): EngineError {
  return new EngineError('NotFound', `get ${name}: no such volume`);
}

/** `GET /volumes/{name}`: the volume as inspect shows it (api/types/volume.Volume). */
export function inspectVolume(state: Pick<EngineState, 'volumes'>, name: string): Record<string, unknown> {
  const v = state.volumes.get(name);
  if (!v) throw noSuchVolume(name);
  return volumeJson(v);
}

/** volume.Volume's JSON, keys in the API's order. */
export function volumeJson(v: VolumeRecord): Record<string, unknown> {
  return {
    CreatedAt: rfc3339Seconds(v.created),
    Driver: 'local',
    Labels: v.labels,
    Mountpoint: mountpointOf(v.name),
    Name: v.name,
    Options: v.options,
    Scope: 'local',
  };
}

/** The local driver reports CreatedAt as the _data directory's mtime, whole seconds in UTC. */
function rfc3339Seconds(ms: number): string {
  return rfc3339Nano(Math.floor(ms / 1000) * 1000);
}

/** Names of the containers (IDs) that mount the volume. */
export function volumeUsers(state: Pick<EngineState, 'containers'>, name: string): string[] {
  const ids: string[] = [];
  for (const c of state.containers.values()) {
    const mounts = (c.mounts ?? []) as Array<{ type: string; name?: string }>;
    if (mounts.some((m) => m.type === 'volume' && m.name === name)) ids.push(c.id);
  }
  return ids;
}

/** `GET /volumes`: every volume matching the filters, by name. */
export function listVolumes(state: Pick<EngineState, 'volumes' | 'containers'>, filters: Filters = {}): VolumeRecord[] {
  validateFilters(filters, ['dangling', 'driver', 'label', 'name']);
  const dangling = filters.dangling ? boolFilter(filters, 'dangling', false) : undefined;
  return [...state.volumes.values()]
    .filter((v) => {
      if (dangling !== undefined && (volumeUsers(state, v.name).length === 0) !== dangling) return false;
      if (filters.name && !filters.name.some((n) => v.name.includes(n))) return false;
      if (filters.driver && !filters.driver.includes('local')) return false;
      return matchLabels(filters.label, v.labels);
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `DELETE /volumes/{name}`: refused while a container uses it, even with force (moby). */
export function removeVolume(draft: Draft, name: string, force = false): void {
  const v = draft.volumes.get(name);
  if (!v) {
    if (force) return;
    throw noSuchVolume(name);
  }
  const users = volumeUsers(draft, name);
  if (users.length > 0) throw new EngineError('Conflict', `remove ${name}: volume is in use - [${users.join(', ')}]`);
  draft.volumes.delete(name);
}

/**
 * `POST /volumes/prune`: unused volumes, only anonymous ones unless the
 * `all` filter is true; `label` / `label!` filters narrow it. `sizeOf`
 * gives a volume's bytes (its files' sizes, as du counts them).
 */
export function pruneVolumes(draft: Draft, filters: Filters, sizeOf: (v: VolumeRecord) => number): VolumesPruneReport {
  validateFilters(filters, ['all', 'label', 'label!']);
  const all = boolFilter(filters, 'all', false);
  const deleted: string[] = [];
  let space = 0;
  for (const v of [...draft.volumes.values()]) {
    if (!all && !isAnonymous(v)) continue;
    if (volumeUsers(draft, v.name).length > 0) continue;
    if (!matchLabels(filters.label, v.labels)) continue;
    if (filters['label!'] && filters['label!'].some((l) => matchLabels([l], v.labels))) continue;
    space += sizeOf(v);
    draft.volumes.delete(v.name);
    deleted.push(v.name);
  }
  return { VolumesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
}
