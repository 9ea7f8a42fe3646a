/**
 * The composition root of the lab: the simulated engine on its store and
 * registry, the container service running worker/programs inside it, and the
 * Engine API over both that the docker CLI drives. Every entry point (the
 * page's session, bin/layerlab, the daemon, tests) builds its lab here; no
 * other module wires a layer into another.
 */
import { Engine, type EngineOptions } from '../engine/engine.ts';
import { ContainerService, type ContainerServiceOptions } from '../engine/containers/service.ts';
import type { RecipeEntries } from '../engine/containers/rootfs.ts';
import { SimulatedEngine } from '../engine/simulated-api.ts';
import type { Json } from '../store/store.ts';

/** A lab: its engine, the container service (made on first use) and the Engine API over them. */
export class Lab {
  /** The simulated engine (state, store, images). */
  readonly engine: Engine;
  /** The Engine API the CLI talks to. */
  readonly api: SimulatedEngine;
  #containers: Promise<ContainerService> | undefined;
  readonly #options: ContainerServiceOptions | undefined;

  /**
   * A lab over an open engine. Without `containers` options the service runs
   * the real programs (loaded on first use, so a session that never runs a
   * container doesn't load them) and resumes containers stored as running;
   * with them (tests: program and registry doubles) it is built as given.
   */
  constructor(engine: Engine, containers?: ContainerServiceOptions) {
    this.engine = engine;
    this.#options = containers;
    this.api = new SimulatedEngine(engine, () => this.containers());
  }

  /** Opens the engine on its store and builds the lab. */
  static async open(opts: EngineOptions, containers?: ContainerServiceOptions): Promise<Lab> {
    return new Lab(await Engine.open(opts), containers);
  }

  /** The container service; the first call builds it (and, for the real programs, resumes running containers). */
  containers(): Promise<ContainerService> {
    this.#containers ??= this.#makeContainers();
    return this.#containers;
  }

  /** Whether the container service was built (a lab that ran no container has none to retire). */
  get hasContainers(): boolean {
    return this.#containers !== undefined;
  }

  /** Retires the engine (Engine.retire) and ends its containers' programs, if it ran any. */
  async retire(): Promise<void> {
    await this.engine.retire();
    (await this.#containers)?.retire();
  }

  async #makeContainers(): Promise<ContainerService> {
    if (this.#options) return new ContainerService(this.engine, this.#options);
    const s = new ContainerService(this.engine, { programs: () => import('../programs/process.ts'), recipeEntries: recipeEntriesOf(this.engine) });
    await s.resume();
    return s;
  }
}

/** How registry layers of this engine are regenerated: its registry's `layerEntries`, or the simulated Hub's recipes. */
export function recipeEntriesOf(engine: Engine): RecipeEntries {
  const reg = engine.registry as { layerEntries?: (recipe: Json) => ReturnType<RecipeEntries> };
  return async (recipe) => {
    if (reg.layerEntries) return reg.layerEntries(recipe);
    const { layerByRecipe } = await import('../registry/registry.ts');
    return layerByRecipe(recipe as unknown as Parameters<typeof layerByRecipe>[0]).entries();
  };
}
