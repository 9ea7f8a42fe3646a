/**
 * What the daemon serves: the simulated engine, its container service, and
 * the daemon's own bookkeeping the engine has no place for (clients
 * attached to containers not started yet, exec instances, exit waiters,
 * the event log). The engine is reached through these two objects only, so
 * a later EngineApi interface replaces them in one place.
 */
import type { Engine } from '../engine/engine.ts';
import type { ContainerService } from '../engine/containers/service.ts';
import type { Lab } from '../lab/lab.ts';
import { EventLog } from './events.ts';
import { asContainer } from '../engine/containers/record.ts';
import type { Conn } from './hijack.ts';

/** A client attached to a container before it started (`docker run` attaches, then starts). */
export interface PendingAttach {
  conn: Conn;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  detachKeys: number[];
}

/** An exec instance between `POST /containers/{id}/exec` and its end (moby keeps them in the exec store). */
export interface ExecInstance {
  id: string;
  containerId: string;
  cmd: string[];
  env: string[];
  workdir: string;
  user: string;
  tty: boolean;
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  detachKeys: string;
  running: boolean;
  exitCode: number | null;
  pid: number;
  /** Set once started (an exec starts once). */
  started: boolean;
}

/** The daemon's lab. */
export interface DaemonLab {
  engine: Engine;
  containers: ContainerService;
  events: EventLog;
  /** Attach streams waiting for their container to start, by container ID. */
  pending: Map<string, Set<PendingAttach>>;
  execs: Map<string, ExecInstance>;
  /** Callbacks for the next exit of a container (`wait?condition=next-exit`, `removed`), by container ID. */
  exitWaiters: Map<string, Set<(code: number) => void>>;
  /** The tail of each container's lifecycle queue ({@link withContainer}). */
  locks: Map<string, Promise<unknown>>;
}

/**
 * Runs a lifecycle operation (start, stop, kill, restart, pause, remove) of
 * container `id` after the ones already queued for it, as moby holds the
 * container's lock for each. The engine commits each state change as one
 * transaction, but a start awaits the program between reading the state
 * and storing "running": two starts at once must not both run it.
 */
export function withContainer<T>(lab: DaemonLab, id: string, fn: () => Promise<T>): Promise<T> {
  const prev = lab.locks.get(id) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  lab.locks.set(id, tail);
  void tail.then(() => {
    if (lab.locks.get(id) === tail) lab.locks.delete(id);
  });
  return run;
}

/** Builds the daemon's lab over the composition root's lab (worker/lab/lab.ts), sharing its engine and container service. */
export async function openLab(lab: Lab): Promise<DaemonLab> {
  const engine = lab.engine;
  return {
    engine,
    containers: await lab.containers(),
    events: new EventLog(
      () => engine.now(),
      (id) => {
        const r = engine.state.containers.get(id);
        if (!r) return undefined;
        const c = asContainer(r);
        return { image: c.config.Image, name: c.name.replace(/^\//, '') };
      },
    ),
    pending: new Map(),
    execs: new Map(),
    exitWaiters: new Map(),
    locks: new Map(),
  };
}

/** Tells the waiters of container `id` that it exited with `code`. */
export function notifyExit(lab: DaemonLab, id: string, code: number): void {
  const set = lab.exitWaiters.get(id);
  if (!set) return;
  lab.exitWaiters.delete(id);
  for (const fn of set) fn(code);
}

/** Registers a callback for the next exit of container `id`; returns its removal. */
export function onNextExit(lab: DaemonLab, id: string, fn: (code: number) => void): () => void {
  let set = lab.exitWaiters.get(id);
  if (!set) lab.exitWaiters.set(id, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}
