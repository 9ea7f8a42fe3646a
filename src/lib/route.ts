/**
 * Where the learner is, as the URL's hash says it, so every page has its own
 * address and the browser's Back button walks the course (the svelte.dev
 * tutorial gives each exercise a URL the same way). The hash, not the path:
 * dist/ is a static site served from any sub-path, with no server routes.
 *
 *     #/                                   the course's contents
 *     #/lessons/images-and-containers      a lesson's introduction
 *     #/lessons/images-and-containers/hello-world   one page
 *     #/sandbox                            the free terminal with a short guide
 */

/** A place in the course. */
export type Route =
  | { kind: 'home' }
  | { kind: 'sandbox' }
  | { kind: 'lesson'; lessonId: string }
  /** `pageId` is `<lessonSlug>/<pageSlug>`, as the course names pages. */
  | { kind: 'page'; pageId: string };

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Reads a hash (`location.hash`, with or without its `#`); anything unknown is the contents. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return '';
      }
    });
  if (parts.length === 1 && parts[0] === 'sandbox') return { kind: 'sandbox' };
  if (parts[0] !== 'lessons' || !parts.slice(1).every((p) => SLUG.test(p))) return { kind: 'home' };
  if (parts.length === 2) return { kind: 'lesson', lessonId: parts[1]! };
  if (parts.length === 3) return { kind: 'page', pageId: `${parts[1]}/${parts[2]}` };
  return { kind: 'home' };
}

/** The hash for a route, `#/…`. */
export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'sandbox':
      return '#/sandbox';
    case 'lesson':
      return `#/lessons/${route.lessonId}`;
    case 'page':
      return `#/lessons/${route.pageId}`;
  }
}

/** Whether two routes name the same place. */
export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}
