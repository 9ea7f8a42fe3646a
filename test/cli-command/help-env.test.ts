/**
 * Help in the simulated install (simulatorEnv: Linux daemon without experimental features,
 * buildx plugin installed). The recordings have no daemon and no plugins, so the expected
 * text is the recording edited exactly as docker/cli v28.5.1 source says these differ:
 * - pluginmanager.AddPluginCommandStubs adds `buildx` with its ShortDescription, decorated
 *   `buildx*` (cli/cobra.go decoratedName) among the management commands;
 * - the `bake` stub (builder/cmd.go, category-top "5") is shown once buildx is found
 *   (cmd/docker/docker.go setHelpFunc hides it otherwise) and sorts after `build`;
 * - hideUnsupportedFeatures hides `checkpoint` (annotation experimental) and the run/create
 *   flags annotated ostype=windows.
 */
import { describe, expect, it } from 'vitest';
import { simulatorEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs } from '../../worker/cli/command/parse.ts';
import { as28_5, helpRecordings } from './fixtures.ts';

const recorded = (name: string) => helpRecordings().find((r) => r.path.join('.') === name)!.text;

describe('help in the simulated install', () => {
  it('root help lists buildx* and bake, and hides checkpoint and the commands that need a swarm manager (as the oracle shows)', () => {
    const expected = as28_5(recorded(''))
      .replace('  build       Build an image from a Dockerfile\n', '  build       Build an image from a Dockerfile\n  bake        Build from a file\n')
      .replace('  builder     Manage builds\n', '  builder     Manage builds\n  buildx*     Docker Buildx\n')
      .replace('  checkpoint  Manage checkpoints\n', '')
      .replace(/^  (config|node|secret|service|stack) .*\n/gm, '');
    expect(parseDockerArgs(['--help'], { env: simulatorEnv })).toEqual({ kind: 'exit', stdout: expected, stderr: '', exitCode: 0 });
  });
  it('docker run --help hides the Windows-only flags', () => {
    const expected = recorded('run')
      .replace(/ {6}--cpu-count int[^\n]*\n {6}--cpu-percent int[^\n]*\n/, '')
      .replace(/ {6}--io-maxbandwidth bytes[^\n]*\n[^\n]*\n {6}--io-maxiops uint[^\n]*\n[^\n]*\n/, '');
    expect(parseDockerArgs(['run', '--help'], { env: simulatorEnv })).toEqual({ kind: 'exit', stdout: expected, stderr: '', exitCode: 0 });
  });
  it('a terminal gets the bold guides line and wider wrapping', () => {
    const o = parseDockerArgs(['--help'], { env: { ...simulatorEnv, tty: true, termWidth: 200 } });
    expect(o.kind === 'exit' && o.stdout.split('\n').slice(-3)).toEqual([
      '',
      '\x1b[1mFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\x1b[0m',
      '',
    ]);
  });
});
