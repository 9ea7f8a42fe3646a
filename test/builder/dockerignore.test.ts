/**
 * `.dockerignore` as docker/cli applies it (moby/patternmatcher): the last
 * matching pattern wins, `!` re-includes, `**` spans directories, a matched
 * directory excludes what is beneath it, comments and a leading `/` are
 * ignored; the context tar keeps the Dockerfile and .dockerignore anyway.
 */
import { describe, expect, it } from 'vitest';
import { IgnoreMatcher, readIgnoreFile } from '../../worker/cli/build/dockerignore.ts';

describe('.dockerignore', () => {
  it('reads patterns as ignorefile.ReadAll does', () => {
    expect(readIgnoreFile('# comment\n  node_modules  \n/tmp/\n!keep.md\n\n./a/../b\n')).toEqual(['node_modules', 'tmp', '!keep.md', 'b']);
  });

  it('matches like patternmatcher', () => {
    const m = new IgnoreMatcher(readIgnoreFile('*.md\n!README.md\nnode_modules\n**/*.log\ndocs/*/draft\n'));
    const cases: Array<[string, boolean]> = [
      ['notes.md', true],
      ['README.md', false],
      ['sub/notes.md', false],
      ['node_modules', true],
      ['node_modules/x/index.js', true],
      ['app.log', true],
      ['a/b/c.log', true],
      ['docs/v1/draft', true],
      ['docs/v1/final', false],
      ['src/index.js', false],
    ];
    expect(cases.map(([p]) => [p, m.excludes(p)])).toEqual(cases);
  });
});
