/**
 * The layer view's methods of the page API ({@link LabApi}), over the
 * session's engine. The engine is loaded only when the lab holds images or
 * containers: an empty lab's view costs no engine code (design.md §9). The
 * view modules themselves are loaded on the first call.
 */
import type { LabApi } from '../api.ts';
import type { Engine } from '../engine/engine.ts';
import type { Session } from '../session.ts';
import type { Store } from '../store/store.ts';
import { emptyView } from './empty-view.ts';

/** What the methods need from the lab service. */
export interface LayerViewHost {
  /** The current session, up to date with other tabs' changes. */
  session(): Promise<Session>;
  store(): Store;
}

/** The layer-view part of the page API. */
export function layerViewMethods(host: LayerViewHost): Pick<LabApi, 'layerView' | 'layerFiles' | 'layerFileText'> {
  const engine = async (): Promise<Engine | undefined> => {
    const s = await host.session();
    const loaded = await s.engine?.(false);
    if (loaded) return loaded;
    const snap = await host.store().load();
    return snap.images.size + snap.containers.size === 0 ? undefined : s.engine?.(true);
  };
  const service = () => import('./service.ts');
  const need = async (): Promise<Engine> => {
    const e = await engine();
    if (!e) throw new Error('the lab has no images or containers');
    return e;
  };
  return {
    async layerView() {
      // The view modules (and the engine code they import) load only for a lab with something to draw.
      const e = await engine();
      return e ? (await service()).layerView(e) : emptyView();
    },
    async layerFiles(target) {
      return (await service()).layerFiles(await need(), target);
    },
    async layerFileText(target, path) {
      return (await service()).layerFileText(await need(), target, path);
    },
  };
}
