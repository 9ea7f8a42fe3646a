/**
 * `DELETE /images/{name}`: a port of moby daemon/images/image_delete.go
 * (classic store). Untag first when a reference was named; delete the image
 * when no reference is left; release its layers from the top of the chain
 * while no other image uses them (one `Deleted: <ChainID>` each); then prune
 * untagged parents quietly unless `noprune`. Conflicts carry Docker's exact
 * words and the `hard`/`used` distinction that decides whether -f helps.
 */
import type { DeleteItem } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { familiarString, parseNormalizedNamed, parseStored, referenceString, withDefaultTag } from '../reference.ts';
import type { Draft } from '../state.ts';
import { chainIds } from './chain.ts';
import { childrenOf, getImage, referencesTo } from './lookup.ts';

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

const DEPENDENT_CHILD = 1;
const RUNNING_CONTAINER = 2;
const ACTIVE_REFERENCE = 4;
const STOPPED_CONTAINER = 8;
const HARD = DEPENDENT_CHILD | RUNNING_CONTAINER;
const SOFT = ACTIVE_REFERENCE | STOPPED_CONTAINER;

interface Conflict {
  hard: boolean;
  used: boolean;
  error: EngineError;
}

/** Removes an image or reference, returning the daemon's records. Mutates the draft. */
export function removeImage(draft: Draft, name: string, force: boolean, prune: boolean): DeleteItem[] {
  const records: DeleteItem[] = [];
  const { image } = getImage(draft, name);
  const id = image.id;
  let repoRefs = referencesTo(draft, id);
  let removedRepositoryRef = false;

  if (!isImageIdPrefix(id, name)) {
    const user = [...draft.containers.values()].find((c) => c.imageId === id);
    if (!force && isSingleReference(repoRefs) && user) {
      throw new EngineError(
        'Conflict',
        `conflict: unable to remove repository reference "${name}" (must force) - container ${short(user.id)} is using its referenced image ${short(id)}`,
      );
    }
    const parsed = withDefaultTag(parseNormalizedNamed(name));
    draft.refs.delete(referenceString(parsed));
    records.push({ Untagged: familiarString(parsed) });
    repoRefs = referencesTo(draft, id);
    // A removed tag takes the repository's digest references with it when no
    // other tag of that repository remains.
    if (parsed.digest === undefined) {
      const repo = `${parsed.domain}/${parsed.path}`;
      const sameRepo = repoRefs.map(parseStored).filter((r) => `${r.domain}/${r.path}` === repo);
      if (!sameRepo.some((r) => r.digest === undefined)) {
        for (const r of sameRepo) {
          draft.refs.delete(referenceString(r));
          records.push({ Untagged: familiarString(r) });
        }
        repoRefs = referencesTo(draft, id);
      }
    }
    if (repoRefs.length > 0) return records;
    removedRepositoryRef = true;
  } else if (isSingleReference(repoRefs)) {
    const conflict = checkConflict(draft, id, force ? HARD : HARD | (SOFT & ~ACTIVE_REFERENCE));
    if (conflict) throw conflict.error;
    for (const r of repoRefs) {
      draft.refs.delete(r);
      records.push({ Untagged: familiarString(parseStored(r)) });
    }
  }
  deleteHelper(draft, id, records, force, prune, removedRepositoryRef);
  return records;
}

function deleteHelper(draft: Draft, id: string, records: DeleteItem[], force: boolean, prune: boolean, quiet: boolean): void {
  const conflict = checkConflict(draft, id, force ? HARD : HARD | SOFT);
  if (conflict) {
    const dangling = referencesTo(draft, id).length === 0;
    if (quiet && (!dangling || conflict.used)) return;
    throw conflict.error;
  }
  const image = draft.images.get(id)!;
  for (const r of referencesTo(draft, id)) {
    draft.refs.delete(r);
    records.push({ Untagged: familiarString(parseStored(r)) });
  }
  draft.images.delete(id);
  records.push({ Deleted: id });
  for (const chainId of releaseLayers(draft, image.config.rootfs.diff_ids)) records.push({ Deleted: chainId });
  if (prune && image.parent && draft.images.has(image.parent)) deleteHelper(draft, image.parent, records, false, true, true);
}

/** ChainIDs that images and containers still use. */
function usedChains(draft: Draft): Set<string> {
  const used = new Set<string>();
  for (const img of draft.images.values()) for (const c of chainIds(img.config.rootfs.diff_ids)) used.add(c);
  for (const c of draft.containers.values()) {
    const layers = (c.imageLayers as string[] | undefined) ?? draft.images.get(c.imageId)?.config.rootfs.diff_ids ?? [];
    for (const chainId of chainIds(layers)) used.add(chainId);
  }
  return used;
}

/**
 * Frees layers nothing uses any more: not an image, not a container, not
 * the build cache (`held`). Runs after every state change, so a container
 * removed after its image was force-removed releases the image's layers,
 * as moby's layer reference counts do.
 */
export function collectOrphanLayers(draft: Draft): void {
  const used = usedChains(draft);
  for (const [chainId, layer] of draft.layers) if (!used.has(chainId) && !layer.held) draft.layers.delete(chainId);
}

/**
 * Drops the layers of a deleted image that nothing else uses, top first;
 * returns their ChainIDs. A container holds its image's layers even after
 * the image is force-removed (moby: the RW layer references its parent
 * chain), so those stay, as Docker keeps them.
 */
export function releaseLayers(draft: Draft, diffIds: readonly string[]): string[] {
  const used = usedChains(draft);
  const released: string[] = [];
  for (const chainId of chainIds(diffIds).reverse()) {
    const layer = draft.layers.get(chainId);
    if (used.has(chainId) || !layer || layer.held) break;
    draft.layers.delete(chainId);
    released.push(chainId);
  }
  return released;
}

function checkConflict(draft: Draft, id: string, mask: number): Conflict | undefined {
  const make = (hard: boolean, used: boolean, message: string): Conflict => ({
    hard,
    used,
    error: new EngineError(
      'Conflict',
      `conflict: unable to delete ${short(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`,
    ),
  });
  if (mask & DEPENDENT_CHILD && childrenOf(draft, id).length > 0) return make(true, false, 'image has dependent child images');
  const containers = [...draft.containers.values()].filter((c) => c.imageId === id);
  const running = containers.find((c) => c.running);
  if (mask & RUNNING_CONTAINER && running) return make(true, true, `image is being used by running container ${short(running.id)}`);
  if (mask & ACTIVE_REFERENCE && referencesTo(draft, id).length > 0) return make(false, false, 'image is referenced in multiple repositories');
  const stopped = containers.find((c) => !c.running);
  if (mask & STOPPED_CONTAINER && stopped) return make(false, true, `image is being used by stopped container ${short(stopped.id)}`);
  return undefined;
}

/** Whether `name` is a prefix of the image ID, with or without `sha256:`. */
function isImageIdPrefix(id: string, name: string): boolean {
  return id.startsWith(name) || id.slice(7).startsWith(name);
}

/** Whether the references are one tag plus digests of that same repository. */
function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const parsed = refs.map(parseStored);
  const canonical = new Set<string>();
  let single: (typeof parsed)[number] | undefined;
  for (const r of parsed) {
    if (r.digest !== undefined) canonical.add(`${r.domain}/${r.path}`);
    else if (!single) single = r;
    else return false;
  }
  const s = single ?? parsed[0]!;
  return canonical.size === 1 && canonical.has(`${s.domain}/${s.path}`);
}
