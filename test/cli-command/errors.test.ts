/**
 * Usage errors, help requests and version output equal what the real CLI 28.2.2 printed
 * (fixtures/errors, from error-cases.txt): stdout, stderr and exit code, whole strings.
 * Argvs the real CLI accepted (it then failed to reach a daemon) must parse to a command.
 */
import { describe, expect, it } from 'vitest';
import { recordedEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs } from '../../worker/cli/command/parse.ts';
import { as28_5, errorRecordings, isGrammarOutcome, withoutLegacyBuilderBanner } from './fixtures.ts';

// `-v` prints the simulated 28.5.1 instead of the recording's 28.2.2 (see parse.ts cliVersion).
const toSimulatedVersion = (s: string) => s.replace('Docker version 28.2.2, build e6534b4', 'Docker version 28.5.1, build e180ab8');

describe('usage errors equal the recording', () => {
  for (const r of errorRecordings()) {
    if (!isGrammarOutcome(r)) {
      it(`${r.name}: docker ${r.argv.join(' ')} is accepted`, () => {
        expect(parseDockerArgs(r.argv, { env: recordedEnv }).kind).toBe('run');
      });
      continue;
    }
    it(`${r.name}: docker ${r.argv.join(' ')}`, () => {
      expect(parseDockerArgs(r.argv, { env: recordedEnv })).toEqual({
        kind: 'exit',
        stdout: as28_5(toSimulatedVersion(r.stdout)),
        stderr: as28_5(withoutLegacyBuilderBanner(r.stderr)),
        exitCode: r.exitCode,
      });
    });
  }
});
