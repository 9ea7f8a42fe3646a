/**
 * The simulated Docker engine. Its operations and JSON shapes are the Docker
 * Engine API's (design.md §2), so the CLI layer can drive this engine or a
 * real daemon alike. Every mutating operation runs on a draft of the state,
 * is committed to the store as one batch, and only then becomes visible;
 * operations are serialized, as the daemon's image store locks serialize them.
 */
import { prepareFastSha256 } from './digest.ts';
import type { IFileSystem } from './fs-interface.ts';
import type { Store } from '../store/store.ts';
import type {
  DeleteItem,
  Filters,
  HistoryItem,
  ImageListOptions,
  ImageSummary,
  ImagesPruneReport,
  JsonMessage,
  VersionResponse,
} from './api-types.ts';
import { EngineError } from './errors.ts';
import { imageHistory } from './images/history.ts';
import { inspectImage } from './images/inspect.ts';
import { listImages } from './images/list.ts';
import { getImage } from './images/lookup.ts';
import { pruneImages } from './images/prune.ts';
import { pullInto, resolveRemote, statusMessage } from './images/pull.ts';
import { collectOrphanLayers, removeImage } from './images/remove.ts';
import { chooseImages, saveImages } from './images/save.ts';
import { loadImages } from './images/load.ts';
import { searchImages, type ImageSearchOptions } from './images/search.ts';
import { importImage, type ImportOptions } from './images/import.ts';
import { parseNormalizedNamed, referenceString, type Reference } from './reference.ts';
import type { RegistryClient, SearchResult } from './registry-client.ts';
import { diffToBatch, draftOf, stateFromSnapshot, stateOf, type Draft, type EngineState } from './state.ts';
import type { ByteStream } from './stream.ts';
import { ENGINE_VERSION, versionResponse } from './version.ts';
import { HOST_PLATFORM, noMatchingManifest, parsePlatform, platformMatches } from './platform.ts';

/** What an engine is built from. The clock and random source are injected so tests repeat. */
export interface EngineOptions {
  store: Store;
  registry: RegistryClient;
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
  /** Uniform in [0, 1); defaults to Math.random. Used where Docker is random (container IDs, names). */
  random?: () => number;
  /**
   * The filesystem of the machine the daemon runs on (the learner's host
   * shell): bind mounts (`-v $PWD/data:/data`) serve its directories. Absent,
   * a bind mount fails as a missing source would.
   */
  host?: IFileSystem;
}

/** The simulated engine. */
export class Engine {
  #state: EngineState;
  #queue: Promise<unknown> = Promise.resolve();
  #retired = false;
  readonly #store: Store;
  readonly #registry: RegistryClient;
  readonly #clock: () => number;
  /** The injected random source, for the container and builder operations. */
  readonly random: () => number;
  /** The host's filesystem, for bind mounts (EngineOptions.host). */
  readonly host: IFileSystem | undefined;

  private constructor(opts: EngineOptions, state: EngineState) {
    this.#store = opts.store;
    this.#registry = opts.registry;
    this.#clock = opts.clock ?? (() => Date.now());
    this.random = opts.random ?? Math.random;
    this.host = opts.host;
    this.#state = state;
  }

  /** Opens an engine on a store, loading the state it holds. */
  static async open(opts: EngineOptions): Promise<Engine> {
    // hash-wasm's hashers compile while the store loads (digest.ts: load hashes at WASM speed).
    const [snapshot] = await Promise.all([opts.store.load(), prepareFastSha256()]);
    return new Engine(opts, stateFromSnapshot(snapshot));
  }

  /** The engine's current time in ms. */
  now(): number {
    return this.#clock();
  }

  /** A read-only view of the state (for the layer view and tests). */
  get state(): EngineState {
    return this.#state;
  }

  /** Re-reads the store, e.g. after another tab changed it. */
  async reload(): Promise<void> {
    await this.#serialize(async () => {
      this.#state = stateFromSnapshot(await this.#store.load());
    });
  }

  /**
   * A newer engine now owns the store (the page started another session on
   * it): from here on this engine's changes (a program of its containers
   * ending or writing) are dropped instead of committed, so they can never
   * overwrite what the newer engine stored. Resolves once a change already
   * being committed is done.
   */
  async retire(): Promise<void> {
    this.#retired = true;
    await this.#serialize(async () => undefined);
  }

  /** `GET /images/json`. */
  async imageList(opts: ImageListOptions = {}): Promise<ImageSummary[]> {
    return listImages(this.#state, opts, this.now());
  }

  /** `GET /images/{name}/json`. */
  async imageInspect(name: string): Promise<Record<string, unknown>> {
    return inspectImage(this.#state, getImage(this.#state, name).image);
  }

  /** `GET /images/{name}/history`. */
  async imageHistory(name: string): Promise<HistoryItem[]> {
    return imageHistory(this.#state, getImage(this.#state, name).image);
  }

  /** `POST /images/{name}/tag?repo=&tag=`: points `repo:tag` at the image. */
  async imageTag(source: string, repo: string, tag: string): Promise<void> {
    const ref: Reference = parseNormalizedNamed(tag ? `${repo}:${tag}` : repo);
    if (ref.digest !== undefined) throw new EngineError('InvalidParameter', 'refusing to create a tag with a digest reference');
    await this.#mutate((draft) => {
      const { image } = getImage(draft, source);
      draft.refs.set(referenceString({ ...ref, tag: ref.tag ?? 'latest' }), image.id);
      draft.images.set(image.id, { ...image, lastTagTime: new Date(this.now()).toISOString() });
    });
  }

  /** `DELETE /images/{name}?force=&noprune=`. */
  async imageRemove(name: string, opts: { force?: boolean; noPrune?: boolean } = {}): Promise<DeleteItem[]> {
    return this.#mutate((draft) => removeImage(draft, name, opts.force ?? false, !(opts.noPrune ?? false)));
  }

  /** `POST /images/prune`. */
  async imagesPrune(filters: Filters = {}): Promise<ImagesPruneReport> {
    return this.#mutate((draft) => pruneImages(draft, filters, this.now()));
  }

  /**
   * `POST /images/create?fromImage=&tag=`: pulls one tag, a digest, or with
   * an empty tag every tag of the repository, streaming the daemon's messages.
   */
  async imagePull(fromImage: string, tag: string, onMessage: (m: JsonMessage) => void, platform?: string): Promise<void> {
    // `platform=`: the simulated Hub lists linux/amd64 only (platform.ts); anything else fails once the pull has begun.
    const want = platform ? parsePlatform(platform) : undefined;
    const ref: Reference = parseNormalizedNamed(fromImage);
    const repo: Reference = { domain: ref.domain, path: ref.path };
    const wanted = tag || ref.tag || ref.digest;
    await this.#mutate((draft: Draft) => {
      const tags = wanted ? [wanted] : this.#registry.tags(`${repo.domain}/${repo.path}`);
      // Resolve everything first so a missing tag fails before anything is written.
      const remotes = tags.map((t) => ({ t, remote: resolveRemote(this.#registry, repo, t) }));
      let newer = false;
      for (const { t, remote } of remotes) {
        onMessage({ status: `Pulling from ${repo.path}`, id: t });
        if (want && !platformMatches(want, HOST_PLATFORM)) throw noMatchingManifest(want);
        const one = t.startsWith('sha256:') ? { ...repo, digest: t } : { ...repo, tag: t };
        newer = pullInto(draft, remote, one, onMessage).changed || newer;
      }
      const requested = wanted ? (wanted.startsWith('sha256:') ? { ...repo, digest: wanted } : { ...repo, tag: wanted }) : repo;
      onMessage(statusMessage(requested, newer));
    });
  }

  /**
   * `GET /images/get?names=…` (docker save): the archive as a stream;
   * `onProgress` as saveImages says. Rejects before any byte when a name or
   * a layer is missing (moby answers 404 before the body).
   */
  async imageSave(names: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ByteStream> {
    const state = this.#state;
    const chosen = chooseImages(state, names);
    return saveImages(state, { registry: this.#registry, getBlob: (d) => this.#store.getBlob(d) }, chosen, this.now(), onProgress);
  }

  /** `POST /images/load` (docker load), streaming `Loading layer` progress and the `Loaded image` lines. */
  async imageLoad(archive: ByteStream, onMessage: (m: JsonMessage) => void): Promise<void> {
    // Messages are held until the load is committed: a failed load prints only its error.
    const messages: JsonMessage[] = [];
    await this.#mutate((draft) => loadImages(draft, { registry: this.#registry }, archive, (m) => messages.push(m)));
    for (const m of messages) onMessage(m);
  }

  /** `POST /images/create?fromSrc=-` (docker import): the new image's ID. */
  async imageImport(archive: ByteStream, opts: ImportOptions): Promise<string> {
    return this.#mutate((draft) => importImage(draft, archive, opts, this.now()));
  }

  /** `GET /images/search?term=&limit=&filters=` (docker search): the registry's results, filtered as the daemon filters them. */
  async imageSearch(term: string, opts: ImageSearchOptions = {}): Promise<SearchResult[]> {
    return searchImages(this.#registry, term, opts);
  }

  /** `GET /version`. */
  async version(): Promise<VersionResponse> {
    return versionResponse();
  }

  /** `GET /_ping`. */
  async ping(): Promise<{ apiVersion: string; osType: string; builderVersion: string }> {
    return { apiVersion: ENGINE_VERSION.api, osType: 'linux', builderVersion: '2' };
  }

  /**
   * Runs one state change for the engine's services (containers, builder):
   * `fn` mutates a draft of the state and may await engine-internal work (a
   * program running in a container); the draft is then committed as one
   * batch and becomes the state only if the commit succeeds. Changes are
   * serialized. `fn` must not call other mutating engine methods (deadlock).
   */
  transact<T>(fn: (draft: Draft) => T | Promise<T>): Promise<T> {
    return this.#mutate(fn);
  }

  /** The registry this engine pulls from. */
  get registry(): RegistryClient {
    return this.#registry;
  }

  /** Reads a stored blob (layer tars of containers and commits, image configs). */
  getBlob(digest: string): Promise<Uint8Array | undefined> {
    return this.#store.getBlob(digest);
  }

  /** Runs a mutation on a draft and commits it as one batch; the state changes only if the commit succeeds. */
  async #mutate<T>(fn: (draft: Draft) => T | Promise<T>): Promise<T> {
    return this.#serialize(async () => {
      const draft = draftOf(this.#state);
      const result = await fn(draft);
      if (this.#retired) return result;
      collectOrphanLayers(draft);
      const batch = diffToBatch(this.#state, draft);
      if (batch.put?.length || batch.delete?.length || batch.putBlobs?.length || batch.deleteBlobs?.length) {
        await this.#store.commit(batch);
      }
      this.#state = stateOf(draft);
      return result;
    });
  }

  #serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
