/**
 * Package managers in a container without a network (`docker build
 * --network=none`): they cannot reach their repositories. The simulator has
 * no recording of apk's or apt's exact offline messages, so rather than guess
 * their wording it says plainly what happened, and fails as they do.
 */
import type { ProgramRun } from '../program.ts';

/** When the container has no network: writes why `tool` cannot fetch and returns its exit code; otherwise undefined. */
export function refuseWithoutNetwork(run: ProgramRun, tool: string): number | undefined {
  if (!run.spec.network.none) return undefined;
  run.spec.stderr(`${tool}: cannot reach the package repositories: this container has no network (--network=none). (Layerlab does not reproduce ${tool}'s own offline messages.)\n`);
  return 1;
}
