/** The course's addresses (src/lib/route.ts): every hash reads as one route, and each route writes back as itself. */
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../src/lib/route.ts';

describe('parseRoute', () => {
  it('reads pages, lessons, the sandbox and the contents', () => {
    const hashes = ['#/lessons/images-and-containers/hello-world', '#/lessons/images-and-containers', '#/sandbox', '#/', '', '#'];
    expect(hashes.map(parseRoute)).toEqual([
      { kind: 'page', pageId: 'images-and-containers/hello-world' },
      { kind: 'lesson', lessonId: 'images-and-containers' },
      { kind: 'sandbox' },
      { kind: 'home' },
      { kind: 'home' },
      { kind: 'home' },
    ]);
  });

  it('takes a trailing slash and a hash without its #', () => {
    expect([parseRoute('#/lessons/a/b/'), parseRoute('/sandbox/')]).toEqual([{ kind: 'page', pageId: 'a/b' }, { kind: 'sandbox' }]);
  });

  it('sends anything it does not know to the contents', () => {
    const odd = ['#/lessons', '#/lessons/a/b/c', '#/lessons/A/b', '#/lessons/%E0%A4%A/b', '#/lessons/../x', '#/nothing', '#/lessons/a b/c'];
    expect(odd.map(parseRoute)).toEqual(odd.map(() => ({ kind: 'home' })));
  });
});

describe('routeHash', () => {
  it('writes each route as the hash that reads back as it', () => {
    for (const hash of ['#/', '#/sandbox', '#/lessons/layers', '#/lessons/layers/shared-layers']) {
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
  });
});
