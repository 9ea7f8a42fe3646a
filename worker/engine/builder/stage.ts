/**
 * The state of one build stage while its instructions dispatch: the image
 * config being built (Docker's `runConfig` plus rootfs and history), the
 * layers it carries with where their entries come from, the stage's
 * filesystem (materialized only when a RUN, COPY, ADD or WORKDIR needs it)
 * and its variable scope (build args declared in the stage, then ENV).
 */
import type { Json } from '../../store/store.ts';
import { chainIds } from '../images/chain.ts';
import type { ContainerDefaults, HistoryEntry, ImageConfig } from '../image-config.ts';
import type { Entry } from '../layer/entry.ts';
import { readTar } from '../layer/tar-read.ts';
import { Tree, mergeLayers } from '../containers/tree.ts';
import type { RootfsLoader } from '../containers/rootfs.ts';
import type { EngineState, LayerSource } from '../state.ts';
import { StageFs } from './step-fs.ts';
import { envMap, PREDEFINED_ARGS } from './words.ts';

/** A layer of a stage's image. */
export interface LayerInfo {
  diffId: string;
  size: number;
  tarSize: number;
  source: LayerSource;
  /** Entries when known in memory (built here or cached). */
  entries?: Entry[];
  /** Tar bytes of a layer built by this build, stored at commit. */
  tar?: Uint8Array;
}

/** Where a stage's base filesystem comes from. */
export interface BaseImage {
  /** Image ID (config digest); '' for scratch. */
  id: string;
  config: ImageConfig;
  layers: LayerInfo[];
  /** Local image (its merged tree is cached by the loader). */
  local: boolean;
  /** The reference the stage names it by (`docker.io/library/alpine:latest`). */
  ref: string;
  /** The merged filesystem when the base is another stage of this build. */
  tree?: () => Promise<Tree>;
}

/** What a stage reads layers through. */
export interface StageDeps {
  loader: RootfsLoader;
  state: () => EngineState;
  layerEntries: (recipe: Json) => Entry[] | Promise<Entry[]>;
}

/** The stage dependencies of an engine and its container service's loader. */
export function stageDeps(engine: { state: EngineState; registry: { layerEntries(recipe: Json): Entry[] } }, loader: RootfsLoader): StageDeps {
  return { loader, state: () => engine.state, layerEntries: (r) => engine.registry.layerEntries(r) };
}

/** One stage being built. */
export class StageState {
  image: ImageConfig;
  layers: LayerInfo[];
  /** Build args declared in this stage (value undefined = declared without value). */
  readonly args = new Map<string, string | undefined>();
  /** Global ARGs (before the first FROM): a stage's `ARG X` without a value takes X's global value. */
  meta: ReadonlyMap<string, string> = new Map();
  /** Whether CMD was set in this stage (ENTRYPOINT resets an inherited CMD). */
  cmdSet = false;
  /** Legacy builder: the current (intermediate) image ID. */
  imageId: string;
  /** BuildKit: the cache key of the state so far. */
  cacheKey = '';
  /** BuildKit: the created time of the latest layer step (metadata entries reuse it). */
  lastCreated = '';
  #fs: StageFs | undefined;
  readonly #baseLayerCount: number;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly base: BaseImage,
    readonly deps: StageDeps,
  ) {
    this.image = structuredClone({ ...base.config, history: base.config.history ?? [], config: base.config.config ?? {} });
    this.layers = [...base.layers];
    this.imageId = base.id;
    this.#baseLayerCount = base.layers.length;
  }

  /** The container defaults being built (runConfig). */
  get config(): ContainerDefaults {
    return this.image.config;
  }

  /** Variables a step expands with: declared build args (values resolved), overridden by ENV. */
  scope(buildArgs: ReadonlyMap<string, string>): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of this.args) {
      const value = buildArgs.get(k) ?? v ?? this.meta.get(k);
      if (value !== undefined) m.set(k, value);
    }
    for (const [k, v] of envMap(this.config.Env ?? [])) m.set(k, v);
    return m;
  }

  /**
   * Build args with values that RUN sees and records (`|1 V=1`): declared in
   * the stage, or predefined proxy args given with --build-arg; sorted by name as
   * both builders sort them.
   */
  runArgs(buildArgs: ReadonlyMap<string, string>): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const env = envMap(this.config.Env ?? []);
    for (const [k, v] of this.args) {
      const value = buildArgs.get(k) ?? v ?? this.meta.get(k);
      if (value !== undefined && !env.has(k)) out.push([k, value]);
    }
    for (const [k, v] of buildArgs) if (PREDEFINED_ARGS.has(k) && !this.args.has(k)) out.push([k, v]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Adds a layer (or an empty-layer history entry when `layer` is undefined). */
  push(history: HistoryEntry, layer?: LayerInfo): void {
    this.image.history = [...(this.image.history ?? []), layer ? history : { ...history, empty_layer: true }];
    if (layer) {
      this.layers = [...this.layers, layer];
      this.image.rootfs = { type: 'layers', diff_ids: [...this.image.rootfs.diff_ids, layer.diffId] };
    }
  }

  /** ChainIDs of the stage's layers. */
  chain(): string[] {
    return chainIds(this.image.rootfs.diff_ids);
  }

  /** The stage's filesystem, built on first use from the base tree and the layers added since. */
  async fs(): Promise<StageFs> {
    if (this.#fs) return this.#fs;
    const fs = new StageFs(await this.#baseTree());
    const chain = this.chain();
    for (let i = this.#baseLayerCount; i < this.layers.length; i++) fs.apply(await this.#entries(this.layers[i]!, chain[i]!));
    this.#fs = fs;
    return fs;
  }

  /** Keeps a materialized filesystem in step with a layer added from the cache. */
  async follow(layer: LayerInfo): Promise<void> {
    if (this.#fs) this.#fs.apply(await this.#entries(layer, this.chain()[this.layers.length - 1]!));
  }

  async #entries(l: LayerInfo, chainId: string): Promise<Entry[]> {
    if (l.entries) return l.entries;
    if (l.tar) return readTar(l.tar);
    if (l.source.kind === 'registry') return this.deps.layerEntries(l.source.recipe);
    return this.deps.loader.layerEntries(this.deps.state(), chainId);
  }

  async #baseTree(): Promise<Tree> {
    if (this.base.tree) return this.base.tree();
    if (this.base.id === '' && this.base.layers.length === 0) return new Tree();
    if (this.base.local && this.deps.state().images.has(this.base.id)) return this.deps.loader.imageTree(this.deps.state(), this.base.id);
    const chain = chainIds(this.base.layers.map((l) => l.diffId));
    const layers: Entry[][] = [];
    for (let i = 0; i < this.base.layers.length; i++) layers.push(await this.#entries(this.base.layers[i]!, chain[i]!));
    return mergeLayers(layers);
  }
}
