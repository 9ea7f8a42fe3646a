import { describe, expect, it } from 'vitest';
import { Bash, parse } from 'just-bash';
import * as browser from 'just-bash/browser';
import { loneProgram, terminalUse } from '../../worker/shell/terminal.ts';

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
