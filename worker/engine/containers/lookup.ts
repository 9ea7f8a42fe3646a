/**
 * Container lookup as moby daemon.GetContainer does it: a full ID, then a
 * name (with or without the leading `/`), then a unique ID prefix; otherwise
 * `No such container: <ref>`.
 */
import { EngineError } from '../errors.ts';
import type { EngineState } from '../state.ts';
import { asContainer, type Container } from './record.ts';

/** Finds a container by ID, name or ID prefix. */
export function findContainer(state: Pick<EngineState, 'containers'>, ref: string): Container {
  const byId = state.containers.get(ref);
  if (byId) return asContainer(byId);
  const name = ref.replace(/^\//, '');
  for (const c of state.containers.values()) if (c.name === name) return asContainer(c);
  if (ref !== '' && /^[0-9a-f]+$/.test(ref)) {
    const hits = [...state.containers.values()].filter((c) => c.id.startsWith(ref));
    if (hits.length > 1) throw new EngineError('InvalidParameter', `multiple IDs found with provided prefix: ${ref}`);
    if (hits.length === 1) return asContainer(hits[0]!);
  }
  throw new EngineError('NotFound', `No such container: ${ref}`, { ref });
}

/** The container holding a name, if any. */
export function containerNamed(state: Pick<EngineState, 'containers'>, name: string): Container | undefined {
  for (const c of state.containers.values()) if (c.name === name) return asContainer(c);
  return undefined;
}

/** `container <64hex> is not running` (errdefs.Conflict), the daemon's error for exec, top, attach… */
export function notRunning(id: string): EngineError {
  return new EngineError('Conflict', `container ${id} is not running`);
}
