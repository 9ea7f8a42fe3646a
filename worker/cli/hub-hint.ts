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
