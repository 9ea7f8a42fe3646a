/**
 * A lab for the lesson tests: a real session (the host shell, the docker
 * CLI, the simulated engine and Hub) on a MemoryStore, the lessons
 * controller over a compiled course, and the events it sends. Lines are run
 * as a learner types them; the checker reads the engine's state.
 */
import { expect } from 'vitest';
import type { LabEvent } from '../../worker/api.ts';
import { createSession, type LineResult, type Session } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { Lessons } from '../../worker/lessons/controller.ts';
import type { LabSnapshot } from '../../worker/lessons/snapshot.ts';
import type { CompiledCourse } from '../../worker/lessons/types.ts';
import { NOW, seeded } from '../containers/helpers.ts';

/** One lab. */
export interface Lab {
  store: MemoryStore;
  session: Session;
  lessons: Lessons;
  events: LabEvent[];
  /** Runs a line; fails the test (with the line's output) when its exit status is not `rc`. */
  run(line: string, rc?: number): Promise<LineResult>;
  snap(): Promise<LabSnapshot>;
}

const EMPTY: CompiledCourse = { course: { lessons: [] }, pages: [], seeds: {} };

/** Opens a lab; `preload` images are pulled first, silently. */
export async function openLab(opts: { preload?: string[]; course?: CompiledCourse; store?: MemoryStore } = {}): Promise<Lab> {
  const store = opts.store ?? new MemoryStore();
  let clock = NOW;
  // A clock that moves (one second a reading), so "created" orders containers as they were made.
  const session = await createSession({ store, preload: opts.preload ?? [], clock: () => (clock += 1000), random: seeded(7) });
  const events: LabEvent[] = [];
  const course = opts.course ?? EMPTY;
  const lessons = new Lessons({
    course: async () => course,
    store: () => store,
    session: async () => session,
    events: (e) => events.push(e),
    stateChanged: () => void lessons.changed(),
    progressWritten: () => undefined,
  });
  return {
    store,
    session,
    lessons,
    events,
    async run(line, rc = 0) {
      const r = await session.runLine(line);
      expect({ line, rc: r.rc, stderr: r.rc === rc ? '' : r.stderr }).toEqual({ line, rc, stderr: '' });
      return r;
    },
    snap: () => lessons.snapshot(),
  };
}
