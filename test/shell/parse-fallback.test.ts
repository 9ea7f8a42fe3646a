import { describe, expect, it } from 'vitest';
import { Bash, parse } from 'just-bash';
import * as browser from 'just-bash/browser';
import { loneProgram, terminalUse } from '../../worker/shell/terminal.ts';
import { incomplete } from '../../worker/shell/continuation.ts';
import { scriptParser } from '../../worker/shell/parse.ts';

// The page loads `just-bash/browser`, which has no `parse` export; the host
// shell then parses with Bash.transform(). Both must give the same tree, or
// the page would lose terminal detection (pull progress, ls columns).
describe('parsing in the browser build', () => {
  it('has no parse export, so the shell needs the fallback', () => {
    expect('parse' in browser).toBe(false);
  });

  it.each(['docker pull alpine', 'docker images | grep alpine > out.txt', 'cd app && DOCKER_BUILDKIT=0 docker build -t x .', 'echo $(docker images -q)'])(
    'Bash.transform gives the tree parse gives: %s',
    (line) => {
      const viaTransform = new Bash().transform(line).ast;
      expect(viaTransform).toEqual(parse(line));
      expect([terminalUse(viaTransform), loneProgram(viaTransform)]).toEqual([terminalUse(parse(line)), loneProgram(parse(line))]);
    },
  );
});

// The page decides whether a typed line continues on PS2 with the browser
// build's parser (parse.ts); it must see what Node's `parse` sees, an
// unterminated here-document included (transform() cannot serialize one).
describe('incomplete commands through the browser build', () => {
  const browserParse = scriptParser(browser);
  it.each([
    'cat > Dockerfile <<EOF',
    'cat <<EOF\nFROM alpine',
    "cat <<'EOF'\na $HOME\nEOF",
    'for i in 1 2 3',
    'echo "a',
    "echo 'a",
    'echo one \\',
    'echo a |',
    'true &&',
    'f()',
    'if true; then',
    '{ echo z',
    'echo done',
    'fi',
  ])('%j', (text) => {
    expect(incomplete(text, browserParse)).toEqual(incomplete(text, parse));
  });

  it('gives the tree parse gives, heredoc included', () => {
    expect(browserParse('cat <<EOF\na')).toEqual(parse('cat <<EOF\na'));
    expect(() => browserParse('for i in 1')).toThrow('Parse error at 1:11: Expected DO, got EOF');
  });

  it('classifies as bash does', () => {
    const kinds = ['cat <<EOF', 'for i in 1', 'echo "a', 'echo a \\', 'echo a |', 'echo ok'].map((t) => incomplete(t, browserParse));
    expect(kinds).toEqual([{ kind: 'heredoc', delimiter: 'EOF' }, { kind: 'syntax' }, { kind: 'quote', quote: '"' }, { kind: 'backslash' }, { kind: 'syntax' }, undefined]);
  });
});
