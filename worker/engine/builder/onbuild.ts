/**
 * ONBUILD triggers: a base image's `OnBuild` instructions run right after
 * the FROM that names it, before the stage's own instructions, and are not
 * passed on to the new image (moby builder/dockerfile dispatchers.go
 * processOnBuild; BuildKit dockerfile2llb the same). They are parsed like
 * Dockerfile lines; FROM, MAINTAINER and ONBUILD were refused when the
 * trigger was recorded.
 */
import { parseInstruction, type Instruction } from './dockerfile/instructions.ts';
import { parseDockerfile } from './dockerfile/parser.ts';
import type { StageState } from './stage.ts';

/** Trigger lines as instructions. */
export function triggerInstructions(onBuild: readonly string[]): Instruction[] {
  const out: Instruction[] = [];
  for (const t of onBuild) {
    for (const node of parseDockerfile(t).nodes) {
      const ins = parseInstruction(node);
      if (ins.kind !== 'from') out.push(ins);
    }
  }
  return out;
}

/** The base image's triggers as instructions; clears them from the stage's config. */
export function takeTriggers(st: StageState): Instruction[] {
  const triggers = st.config.OnBuild ?? [];
  if (triggers.length === 0) return [];
  (st.config as { OnBuild?: string[] | null }).OnBuild = null;
  return triggerInstructions(triggers);
}
