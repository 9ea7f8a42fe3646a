/**
 * Help rendered from the catalog equals the real CLI 28.2.2's `--help` output, recorded by
 * capture.sh for every command (root, all management groups, every sub-command and every
 * legacy top-level form: `docker images` and `docker image ls`, `docker rmi`, …).
 */
import { describe, expect, it } from 'vitest';
import { recordedEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs } from '../../worker/cli/command/parse.ts';
import { as28_5, helpRecordings } from './fixtures.ts';

const recordings = helpRecordings();

describe('docker … --help equals the recording', () => {
  it('has a recording for every command', () => {
    expect(recordings.length).toBe(188);
  });
  for (const { path, text } of recordings) {
    it(`docker ${path.join(' ')} --help`, () => {
      expect(parseDockerArgs([...path, '--help'], { env: recordedEnv })).toEqual({ kind: 'exit', stdout: as28_5(text), stderr: '', exitCode: 0 });
    });
  }
});

describe('other ways to ask for help', () => {
  const text = (name: string) => recordings.find((r) => r.path.join('.') === name)!.text;
  it('docker help image ls prints the image ls help', () => {
    expect(parseDockerArgs(['help', 'image', 'ls'], { env: recordedEnv })).toEqual({ kind: 'exit', stdout: text('image.ls'), stderr: '', exitCode: 0 });
  });
  it('docker image list --help (cobra alias) prints the canonical help', () => {
    expect(parseDockerArgs(['image', 'list', '--help'], { env: recordedEnv })).toEqual({ kind: 'exit', stdout: text('image.ls'), stderr: '', exitCode: 0 });
  });
  it('--help after positionals still wins', () => {
    expect(parseDockerArgs(['rmi', 'a', 'b', '--help'], { env: recordedEnv })).toEqual({ kind: 'exit', stdout: text('rmi'), stderr: '', exitCode: 0 });
  });
});
