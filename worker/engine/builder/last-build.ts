/**
 * The last build's record, kept in the engine state (meta `build/last`) in
 * the same transaction that commits the build, so it survives a reload and
 * travels with Export lab. It is the builder's own data (each step's
 * instruction and whether its result came from the cache), never a reading
 * of the progress text: the lessons' `build` condition and the layer view
 * read it. A failed build is recorded too (`ok: false`, the steps it got
 * through), as "the last build" the learner ran.
 */
import type { Json } from '../../store/store.ts';
import type { Draft, EngineState } from '../state.ts';
import type { StepRecord } from './types.ts';

/** The meta key of the record. */
export const LAST_BUILD_KEY = 'build/last';

/** What the last `docker build` did. */
export interface LastBuild {
  builder: 'legacy' | 'buildkit';
  /** Whether it produced an image. */
  ok: boolean;
  /** The image ID ('' for a failed build). */
  imageId: string;
  /** The references it tagged, normalized (`docker.io/library/hello:v0.2`). */
  tags: string[];
  /** Each step in the order it ran. */
  steps: Array<{ stage: number; instruction: string; cached: boolean }>;
  /** Unix ms when it ended. */
  at: number;
}

/** Writes the record into the draft of the build's commit. */
export function recordBuild(draft: Draft, build: LastBuild): void {
  draft.meta.set(LAST_BUILD_KEY, build as unknown as Json);
}

/** The steps of a run as the record keeps them. */
export function stepsOf(steps: readonly StepRecord[]): LastBuild['steps'] {
  return steps.map((s) => ({ stage: s.stage, instruction: s.instruction, cached: s.cached }));
}

/** The last build recorded in the state, if any. */
export function lastBuild(state: Pick<EngineState, 'meta'>): LastBuild | undefined {
  return state.meta.get(LAST_BUILD_KEY) as LastBuild | undefined;
}
