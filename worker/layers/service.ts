/**
 * The layer view's worker side: the view model and the explorer over one
 * engine, with the loader and change cache kept per engine (a new session's
 * engine starts afresh). worker/terminal/lab-service.ts exposes it through
 * the page's API; tests and bench/layer-view.ts call it directly.
 */
import type { Engine } from '../engine/engine.ts';
import { RootfsLoader } from '../engine/containers/rootfs.ts';
import { recipeEntriesOf } from '../lab/lab.ts';
import { ContainerChanges } from './container-changes.ts';
import { layerListing, mergedListing, readFileText } from './explorer.ts';
import { layerViewModel } from './model.ts';
import type { ExploreTarget, FileListing, FileText, LayerViewModel } from './types.ts';

export { emptyView } from './empty-view.ts';

const perEngine = new WeakMap<Engine, { loader: RootfsLoader; changes: ContainerChanges }>();

function partsOf(engine: Engine): { loader: RootfsLoader; changes: ContainerChanges } {
  let p = perEngine.get(engine);
  if (!p) {
    const loader = new RootfsLoader((d) => engine.getBlob(d), recipeEntriesOf(engine));
    p = { loader, changes: new ContainerChanges(loader) };
    perEngine.set(engine, p);
  }
  return p;
}

/** The view model of the engine's current state. */
export async function layerView(engine: Engine): Promise<LayerViewModel> {
  const state = engine.state;
  const changes = await partsOf(engine).changes.of(state);
  return layerViewModel(state, changes, engine.now());
}

/** The explorer's listing of a layer, an image or a container. */
export async function layerFiles(engine: Engine, target: ExploreTarget): Promise<FileListing> {
  const { loader } = partsOf(engine);
  return target.kind === 'layer' ? layerListing(loader, engine.state, target.chainId) : mergedListing(loader, engine.state, target);
}

/** A file's text as the explorer shows it. */
export async function layerFileText(engine: Engine, target: ExploreTarget, path: string): Promise<FileText> {
  return readFileText(partsOf(engine).loader, engine.state, target, path);
}
