/**
 * Each container's writable layer as `docker diff` lists it, for the view:
 * the stored writable layer over its image layers, through the engine's own
 * `changesOverImage` (engine/containers/changes.ts), the code
 * `GET /containers/{id}/changes` runs. Results are kept per writable-layer
 * digest: a state change re-reads only the containers whose layer changed.
 */
import type { EngineState } from '../engine/state.ts';
import type { RootfsLoader } from '../engine/containers/rootfs.ts';
import { changesOverImage } from '../engine/containers/changes.ts';
import type { Container } from '../engine/containers/record.ts';
import type { ChangeView } from './types.ts';

const KINDS = ['C', 'A', 'D'] as const;

/** Computes and caches containers' changes. */
export class ContainerChanges {
  readonly #cache = new Map<string, { key: string; changes: ChangeView[] }>();

  constructor(readonly loader: RootfsLoader) {}

  /** The changes of every container of `state`, by container ID. */
  async of(state: EngineState): Promise<Map<string, ChangeView[]>> {
    const out = new Map<string, ChangeView[]>();
    for (const record of state.containers.values()) {
      const c = record as Container;
      const key = `${c.rwLayer ?? ''} ${c.created}`;
      const hit = this.#cache.get(c.id);
      if (hit?.key === key) {
        out.set(c.id, hit.changes);
        continue;
      }
      const changes = c.rwLayer ? await this.#compute(state, c) : [];
      this.#cache.set(c.id, { key, changes });
      out.set(c.id, changes);
    }
    for (const id of this.#cache.keys()) if (!state.containers.has(id)) this.#cache.delete(id);
    return out;
  }

  async #compute(state: EngineState, c: Container): Promise<ChangeView[]> {
    const upper = await this.loader.upper(c);
    const image = await this.loader.containerTree(state, c);
    return changesOverImage(upper, image, c.created).map((ch) => {
      const e = upper.tree.get(ch.Path.slice(1));
      return { path: ch.Path, kind: KINDS[ch.Kind], type: ch.Kind === 2 ? '' : (e?.type ?? ''), size: e?.type === 'file' ? e.size : 0 };
    });
  }
}
