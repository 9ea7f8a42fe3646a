/**
 * Every command's positional-argument validator: each command was recorded with no
 * arguments and with twelve (fixtures/arity). Arity errors and bare management commands
 * must match whole; everything the real CLI accepted must parse to a command.
 */
import { describe, expect, it } from 'vitest';
import { recordedEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs } from '../../worker/cli/command/parse.ts';
import { arityRecordings, isGrammarOutcome, withoutLegacyBuilderBanner } from './fixtures.ts';

describe('argument counts', () => {
  for (const r of arityRecordings()) {
    const path = r.name.split('.');
    const label = `docker ${path.join(' ')} with ${r.argv.length > path.length ? 'twelve arguments' : 'no arguments'}`;
    // `docker swarm update` without flags prints its help from RunE: command behaviour, not grammar.
    if (!isGrammarOutcome(r) || (r.name === 'swarm.update' && r.argv.length === path.length)) {
      it(`${label} is accepted`, () => {
        expect(parseDockerArgs(r.argv, { env: recordedEnv }).kind).toBe('run');
      });
      continue;
    }
    it(label, () => {
      expect(parseDockerArgs(r.argv, { env: recordedEnv })).toEqual({
        kind: 'exit',
        stdout: r.stdout,
        stderr: withoutLegacyBuilderBanner(r.stderr),
        exitCode: r.exitCode,
      });
    });
  }
});
