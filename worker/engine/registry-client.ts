/**
 * What the engine needs from a registry to pull: resolve a repository and a
 * tag or digest to a manifest, its config and its layers. The simulated
 * Docker Hub (worker/registry) implements it; a test can pass another.
 */
import type { Json } from '../store/store.ts';
import type { ImageConfig } from './image-config.ts';
import type { Entry } from './layer/entry.ts';

/** A layer as a registry describes it, with a handle to regenerate its bytes. */
export interface RemoteLayer {
  diffId: string;
  /** Docker's DiffSize (bytes of regular files). */
  size: number;
  /** Bytes of the uncompressed tar (what the pull "downloads"). */
  tarSize: number;
  /** JSON handle the registry regenerates the layer's entries from. */
  recipe: Json;
}

/** One resolved manifest. */
export interface RemoteImage {
  /** `sha256:…` of the manifest bytes: the RepoDigest. */
  manifestDigest: string;
  config: ImageConfig;
  /** The exact config bytes; the image ID is their digest. */
  configBytes: Uint8Array;
  /** `sha256:…` of configBytes: the image ID. */
  configDigest: string;
  layers: RemoteLayer[];
}

/** One result of a registry search (moby api/types/registry.SearchResult, JSON names). */
export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  /** Deprecated; the daemon always answers false. */
  is_automated: boolean;
}

/** A registry the engine can pull from. Errors are EngineErrors with Docker's words. */
export interface RegistryClient {
  /** Resolves `docker.io/library/alpine` + `latest` (or `sha256:…`). */
  resolve(repository: string, reference: string): RemoteImage;
  /** Every tag of a repository (for `pull --all-tags`), sorted. */
  tags(repository: string): string[];
  /** The entries of a layer this registry served, regenerated from its recipe (for save and containers). */
  layerEntries(recipe: Json): Entry[];
  /**
   * The layer this registry serves with that DiffID, if any: `docker load`
   * then records it by recipe instead of storing the archive's copy.
   */
  layerByDiffId?(diffId: string): RemoteLayer | undefined;
  /**
   * Docker Hub's search (`/v1/search?q=&n=`): at most `limit` repositories
   * matching `term`, most relevant first. Absent for registries without one.
   */
  search?(term: string, limit: number): SearchResult[];
  /** How many repositories the registry holds (the CLI's hint after a missing one). */
  repositoryCount?(): number;
  /**
   * How many lookups so far named a repository the registry does not hold
   * (the CLI prints its hint once, when this grows).
   */
  missingRepositoryLookups?(): number;
}
