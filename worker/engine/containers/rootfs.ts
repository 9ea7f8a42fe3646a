/**
 * Where a container's filesystem comes from: the image's layers merged into a
 * {@link Tree} (regenerated from registry recipes, or read from stored layer
 * blobs), moby's init layer, and the writable layer stored as a blob.
 *
 * Merged image trees are cached per top ChainID (the overlay2 "lowerdir" of
 * every container of one image is the same), and only a few of them, because
 * a tree holds every entry's metadata; file contents of registry layers stay
 * filler recipes until read.
 */
import type { Json } from '../../store/store.ts';
import { EngineError } from '../errors.ts';
import type { Entry } from '../layer/entry.ts';
import { readTar } from '../layer/tar-read.ts';
import { chainIds } from '../images/chain.ts';
import type { ContainerRecord, EngineState } from '../state.ts';
import { Tree, applyLayer } from './tree.ts';
import { UpperLayer } from './upper.ts';
import { decodeUpper } from './upper-store.ts';

/** Regenerates a registry layer's entries from its recipe (the simulated Hub's `layerByRecipe`). */
export type RecipeEntries = (recipe: Json) => Entry[] | Promise<Entry[]>;

/** How many merged image trees stay in memory. */
const CACHE_SIZE = 3;

/** Loads image trees and writable layers. */
export class RootfsLoader {
  readonly #cache = new Map<string, Promise<Tree>>();

  constructor(
    readonly readBlob: (digest: string) => Promise<Uint8Array | undefined>,
    readonly recipeEntries: RecipeEntries,
  ) {}

  /** The entries of one layer, bottom layer first order within the tar. */
  async layerEntries(state: Pick<EngineState, 'layers'>, chainId: string): Promise<Entry[]> {
    const layer = state.layers.get(chainId);
    if (!layer) throw new EngineError('System', `layer does not exist: ${chainId}`);
    if (layer.source.kind === 'registry') return this.recipeEntries(layer.source.recipe);
    return readTar(await this.#blob(layer.diffId));
  }

  /** The merged layers of an image (cached by its top ChainID). */
  imageTree(state: Pick<EngineState, 'images' | 'layers'>, imageId: string): Promise<Tree> {
    const image = state.images.get(imageId);
    if (!image) throw new EngineError('NotFound', `No such image: ${imageId}`);
    return this.chainTree(state, image.config.rootfs.diff_ids);
  }

  /**
   * The image layers under a container: the DiffIDs it was created with, so
   * it keeps working after its image is force-removed (its layers stay, as
   * moby's RW layer keeps its parent chain).
   */
  containerTree(state: Pick<EngineState, 'images' | 'layers'>, c: ContainerRecord): Promise<Tree> {
    const layers = c.imageLayers as string[] | undefined;
    return layers ? this.chainTree(state, layers) : this.imageTree(state, c.imageId);
  }

  /** The merged tree of a stack of DiffIDs (cached by the top ChainID). */
  chainTree(state: Pick<EngineState, 'layers'>, diffIds: readonly string[]): Promise<Tree> {
    const chain = chainIds(diffIds);
    const key = chain[chain.length - 1] ?? '';
    const hit = this.#cache.get(key);
    if (hit) {
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit;
    }
    const built = (async () => {
      const tree = new Tree();
      for (const id of chain) applyLayer(tree, await this.layerEntries(state, id));
      return tree;
    })();
    built.catch(() => this.#cache.delete(key));
    this.#cache.set(key, built);
    while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    return built;
  }

  /** A container's writable layer as stored. */
  async upper(record: ContainerRecord): Promise<UpperLayer> {
    if (!record.rwLayer) return new UpperLayer();
    return decodeUpper(await this.#blob(record.rwLayer), (d) => this.#blob(d));
  }

  async #blob(digest: string): Promise<Uint8Array> {
    const bytes = await this.readBlob(digest);
    if (!bytes) throw new EngineError('System', `blob not found: ${digest}`);
    return bytes;
  }
}
