/**
 * The last build, as the builder saw it: each step's cache hit or miss, the
 * layer it produced, and where the tags it set pointed before. Kept in the
 * engine state's meta (store key `lastBuild`) and written in the build's own
 * commit transaction, so it appears with the image it describes and a reload
 * keeps it. The layer view (worker/layers) and the lessons' goals read it;
 * nothing parses build output for it.
 */
import type { Json } from '../../store/store.ts';
import type { Draft, EngineState } from '../state.ts';
import type { StepRecord } from './types.ts';

/** The meta key of the record. */
export const LAST_BUILD_KEY = 'lastBuild';

/** A tag the build set, and the image it named before (`''` when it was new). */
export interface BuildTag {
  /** Normalised reference, as the state's refs key it (`docker.io/library/hello:v0.2`). */
  ref: string;
  previous: string;
}

/** What the last build did. */
export interface LastBuild {
  builder: 'legacy' | 'buildkit';
  /** The built image, or '' when the build failed. */
  imageId: string;
  ok: boolean;
  /** Engine time of the commit, unix ms. */
  at: number;
  steps: StepRecord[];
  tags: BuildTag[];
}

/**
 * Records the build in the draft. Call it before the draft's tags are moved:
 * it reads where each tag pointed.
 */
export function recordLastBuild(draft: Draft, build: Omit<LastBuild, 'tags'>, tags: readonly string[]): void {
  const record: LastBuild = { ...build, steps: build.steps.map((s) => ({ ...s })), tags: tags.map((ref) => ({ ref, previous: draft.refs.get(ref) ?? '' })) };
  draft.meta.set(LAST_BUILD_KEY, JSON.parse(JSON.stringify(record)) as Json);
}

/** The last build recorded in the state, if any. */
export function lastBuildOf(state: Pick<EngineState, 'meta'>): LastBuild | undefined {
  return state.meta.get(LAST_BUILD_KEY) as unknown as LastBuild | undefined;
}
