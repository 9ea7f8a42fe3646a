/**
 * The simulated Docker Hub as the engine's RegistryClient: registry errors
 * become the daemon's NotFound errors with the registry's exact words, and
 * the image ID (the config digest) is computed from the config bytes.
 */
import { digestOf } from '../engine/digest.ts';
import { EngineError } from '../engine/errors.ts';
import type { RegistryClient, RemoteImage, RemoteLayer } from '../engine/registry-client.ts';
import type { Json } from '../store/store.ts';
import type { Entry } from '../engine/layer/entry.ts';
import { RegistryError, hubRepository, layerByRecipe, listCatalog, resolve, type LayerRecipeRef } from './registry.ts';
import { heldRepositories, hubSearch } from './hub-index.ts';
import DIGESTS from './digests.generated.json' with { type: 'json' };

/** DiffID → the layer key and facts digests.generated.json records (built on first use). */
let byDiffId: Map<string, RemoteLayer> | undefined;

/** The Hub client. Resolutions are memoized: catalog images never change. */
export function hubRegistry(): RegistryClient {
  const cache = new Map<string, RemoteImage>();
  let missing = 0;
  return {
    resolve(repository: string, reference: string): RemoteImage {
      const key = `${repository}@${reference}`;
      const hit = cache.get(key);
      if (hit) return hit;
      try {
        const img = resolve(repository, reference);
        const remote: RemoteImage = {
          manifestDigest: img.manifestDigest,
          config: img.config,
          configBytes: img.configBytes,
          configDigest: digestOf(img.configBytes),
          layers: img.layers.map((l) => ({ diffId: l.diffId, size: l.size, tarSize: l.tarSize, recipe: { ...l.recipe } })),
        };
        cache.set(key, remote);
        return remote;
      } catch (err) {
        if (err instanceof RegistryError) {
          // Only Hub names count: the hint is about what the practice Hub holds.
          if (err.code === 'REPO_NOT_FOUND' && hubRepository(repository.replace(/^docker\.io\//, '')) !== undefined) missing++;
          throw new EngineError('NotFound', err.message);
        }
        throw err;
      }
    },
    tags(repository: string): string[] {
      const path = repository.replace(/^docker\.io\//, '');
      return [...(listCatalog().find((r) => r.repository === path)?.tags ?? [])].sort();
    },
    layerEntries(recipe: Json): Entry[] {
      return layerByRecipe(recipe as unknown as LayerRecipeRef).entries();
    },
    layerByDiffId(diffId: string): RemoteLayer | undefined {
      byDiffId ??= new Map(
        Object.entries(DIGESTS.layers as Record<string, { diffId: string; size: number; tarSize: number }>).map(([layer, f]) => [f.diffId, { diffId: f.diffId, size: f.size, tarSize: f.tarSize, recipe: { layer } }]),
      );
      const hit = byDiffId.get(diffId);
      return hit && { ...hit, recipe: { layer: (hit.recipe as { layer: string }).layer } };
    },
    search: hubSearch,
    repositoryCount: () => heldRepositories().length,
    missingRepositoryLookups: () => missing,
  };
}
