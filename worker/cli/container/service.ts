/**
 * The container service of an engine, shared by every container command of
 * one CLI: the programs of worker/programs run inside (loaded on first use,
 * so a session that never runs a container doesn't load them), registry
 * layers come from the engine registry's `layerEntries` or the simulated
 * Hub's recipes. Tests install their own service with doubles.
 */
import type { Engine } from '../../engine/engine.ts';
import { ContainerService, type ContainerServiceOptions } from '../../engine/containers/service.ts';
import type { RecipeEntries } from '../../engine/containers/rootfs.ts';
import type { Json } from '../../store/store.ts';

const services = new WeakMap<Engine, Promise<ContainerService>>();

/** Installs a service built with these options (tests: program and registry doubles). */
export function useContainerService(engine: Engine, opts: ContainerServiceOptions): ContainerService {
  const svc = new ContainerService(engine, opts);
  services.set(engine, Promise.resolve(svc));
  return svc;
}

/** Retires the engine (Engine.retire) and ends its containers' programs, if it ran any. */
export async function retireEngine(engine: Engine): Promise<void> {
  await engine.retire();
  (await services.get(engine))?.retire();
}

/** The engine's container service; the first call resumes containers stored as running. */
export function containerService(engine: Engine): Promise<ContainerService> {
  let svc = services.get(engine);
  if (!svc) {
    const recipeEntries = recipeEntriesOf(engine);
    svc = (async () => {
      const s = new ContainerService(engine, { programs: () => import('../../programs/process.ts'), recipeEntries });
      await s.resume();
      return s;
    })();
    services.set(engine, svc);
  }
  return svc;
}

/** How registry layers of this engine are regenerated: its registry's `layerEntries`, or the simulated Hub's recipes. */
export function recipeEntriesOf(engine: Engine): RecipeEntries {
  const reg = engine.registry as { layerEntries?: (recipe: Json) => ReturnType<RecipeEntries> };
  return async (recipe) => {
    if (reg.layerEntries) return reg.layerEntries(recipe);
    const { layerByRecipe } = await import('../../registry/registry.ts');
    return layerByRecipe(recipe as unknown as Parameters<typeof layerByRecipe>[0]).entries();
  };
}
