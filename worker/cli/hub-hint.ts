/**
 * The one line Layerlab adds after Docker's own "pull access denied … repository
 * does not exist" the first time in a session (run, create, pull, build FROM all
 * count): the practice Hub is not Docker Hub, and a learner who tries an image it
 * does not hold should learn that, and where the list is, rather than conclude the
 * tool is broken. Not Docker's output; the replay of recorded Docker sessions
 * drops it (test/golden/normalize.ts).
 */

/** The hint, with a newline, for a Hub of `repositories` repositories. */
export function hubHint(repositories: number): string {
  return `Layerlab: this practice Hub holds ${repositories} repositories, not all of Docker Hub; \`docker search TERM\` lists them.\n`;
}

/** Matches the hint line (for tools that compare with real Docker). */
export const HUB_HINT_LINE = /^Layerlab: this practice Hub holds \d+ repositories, not all of Docker Hub; `docker search TERM` lists them\.$/;

/** What {@link hubHintNote} reads of the registry: how many repositories it holds, and how many lookups missed. */
export interface HubHintSource {
  repositoryCount?(): number;
  missingRepositoryLookups?(): number;
}

/**
 * A DockerCliOptions.missingRepositoryNote for one session over `registry`:
 * the hint the first time a command's lookups named a repository the Hub does
 * not hold (the registry's miss count grew since the last call), then never again.
 */
export function hubHintNote(registry: HubHintSource): () => string | undefined {
  let seen = registry.missingRepositoryLookups?.() ?? 0;
  let shown = false;
  return () => {
    const now = registry.missingRepositoryLookups?.() ?? 0;
    const missed = now > seen;
    seen = now;
    if (shown || !missed) return undefined;
    shown = true;
    return hubHint(registry.repositoryCount?.() ?? 0);
  };
}
