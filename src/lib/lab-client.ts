/**
 * The page's handle on the worker: starts worker/main.ts as a module worker
 * and wraps it with comlink. This is the UI's only comlink import, and it
 * imports the API's types only (style.md: src/ never imports worker
 * runtime code; the worker is bundled from its own entry by Vite).
 */
import { proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EventListener, LabApi, OutputListener } from '../../worker/api.ts';

/** The worker's API as the page calls it. */
export type LabClient = Remote<LabApi>;

/** Starts the worker. */
export function startLabWorker(): LabClient {
  const worker = new Worker(new URL('../../worker/main.ts', import.meta.url), { type: 'module', name: 'layerlab' });
  return wrap<LabApi>(worker);
}

/** Wraps page callbacks so the worker can call them back (comlink.proxy). */
export function listeners(output: OutputListener, events: EventListener): [OutputListener, EventListener] {
  return [proxy(output), proxy(events)];
}

/** Wraps a page callback the worker calls back for a while (Export/Import lab's pieces) with comlink.proxy. */
export function callback<F extends (...args: never[]) => unknown>(fn: F): F {
  return proxy(fn);
}
