/**
 * Differential check against a real Docker CLI on this machine (not part of the test
 * suite: it needs /usr/local/bin/docker). Runs every command (canonical and legacy forms)
 * with a set of argument tails through both the real CLI (no daemon reachable) and
 * parseDockerArgs, and reports any difference in grammar outcomes.
 *
 *   npx tsx test/cli-command/differential.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { commandSpecs } from '../../worker/cli/command/catalog.ts';
import { recordedEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs } from '../../worker/cli/command/parse.ts';
import { as28_5, isGrammarOutcome, withoutLegacyBuilderBanner } from './fixtures.ts';

const config = mkdtempSync('/tmp/layerlab-differential-');
const paths = commandSpecs
  .filter((s) => !s.requiresPlugin && !s.isGroup)
  .flatMap((s) => [s.path.split(' '), ...(s.topLevel ? [[s.topLevel]] : [])]);
const tails = [
  ['a'], ['-q', 'a', 'b'], ['--format', 'x', 'a'], ['-f', 'a=b', 'x'], ['-z'], ['--no-trunc=x', 'a'], ['-t', 'x', 'a'],
  ['a', '--', '-b'], ['-n', '3', 'a'], ['--force', 'a'], ['-s', 'a', 'b', 'c'], ['--filter', 'x'], ['-d', 'a'], ['--all', '--all=false', 'a'],
];
let differences = 0;
let cases = 0;
for (const path of paths) {
  for (const tail of tails) {
    const argv = [...path, ...tail];
    const real = spawnSync('docker', argv, {
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent', HOME: '/root', DOCKER_CONFIG: config },
      input: '',
      encoding: 'utf8',
      timeout: 5000,
    });
    const recording = { name: '', argv, stdout: real.stdout ?? '', stderr: real.stderr ?? '', exitCode: real.status ?? -1 };
    const got = parseDockerArgs(argv, { env: recordedEnv });
    cases++;
    if (!isGrammarOutcome(recording)) {
      if (got.kind !== 'run') {
        differences++;
        console.log(`real CLI ran docker ${argv.join(' ')}, parse gave ${JSON.stringify(got)}`);
      }
      continue;
    }
    const want = { kind: 'exit', stdout: as28_5(recording.stdout), stderr: as28_5(withoutLegacyBuilderBanner(recording.stderr)), exitCode: recording.exitCode };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      differences++;
      console.log(`docker ${argv.join(' ')}\n  parse: ${JSON.stringify(got)}\n  real:  ${JSON.stringify(want)}`);
    }
  }
}
rmSync(config, { recursive: true });
console.log(`${cases} command lines, ${differences} differences`);
