import { describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

/** Docker's words for bad input, recorded from CLI 28.2.2 (test/golden/fixtures) or docker-reference. */
const CASES: Array<[string[], { stdout: string; stderr: string; rc: number }]> = [
  [['pull', 'UPPER'], { stdout: '', stderr: 'invalid reference format: repository name (library/UPPER) must be lowercase\n', rc: 1 }],
  [['pull', 'alpine:'], { stdout: '', stderr: 'invalid reference format\n', rc: 1 }],
  [['pull', 'a@sha256:zz'], { stdout: '', stderr: 'invalid reference format\n', rc: 1 }],
  [['pull', '-a', 'alpine:3'], { stdout: '', stderr: "tag can't be used with --all-tags/-a\n", rc: 1 }],
  [['pull', 'nosuchrepo'], {
    stdout: 'Using default tag: latest\n',
    stderr: "Error response from daemon: pull access denied for nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    rc: 1,
  }],
  [['pull', 'alpine:nosuch'], { stdout: '', stderr: 'Error response from daemon: manifest for alpine:nosuch not found: manifest unknown: manifest unknown\n', rc: 1 }],
  [['tag', 'alpine', 'Bad:Tag'], {
    stdout: '',
    stderr: 'Error parsing reference: "Bad:Tag" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase\n',
    rc: 1,
  }],
  [['images', '--filter', 'bogus=1'], { stdout: '', stderr: "Error response from daemon: invalid filter 'bogus'\n", rc: 1 }],
  [['images', '--filter', 'dangling=maybe'], { stdout: '', stderr: "Error response from daemon: invalid filter 'dangling=[maybe]'\n", rc: 1 }],
  [['images', '--filter', 'dangling'], {
    stdout: '',
    stderr: 'invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun \'docker images --help\' for more information\n',
    rc: 125,
  }],
  [['images', '--format', '{{.Bogus}}'], {
    stdout: '',
    stderr: 'template parsing error: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext\n',
    rc: 1,
  }],
  [['images', '--format', '{{.Repository'], { stdout: '', stderr: 'template parsing error: template: :1: unclosed action\n', rc: 1 }],
  [['rmi', 'nonexist'], { stdout: '', stderr: 'Error response from daemon: No such image: nonexist:latest\n', rc: 1 }],
  [['history', 'nonexist'], { stdout: '', stderr: 'Error response from daemon: No such image: nonexist:latest\n', rc: 1 }],
  [['image', 'prune', '-f', '--filter', 'bogus=1'], { stdout: '', stderr: "Error response from daemon: invalid filter 'bogus'\n", rc: 1 }],
  [['save', 'nonexist'], { stdout: '', stderr: 'Error response from daemon: reference does not exist\n', rc: 1 }],
];

describe('bad input gets Docker\'s words and leaves the state unchanged', () => {
  it.each(CASES)('docker %j', async (argv, want) => {
    const { engine, run } = await cli();
    await run('pull alpine');
    await run('tag alpine mine:1');
    const before = JSON.stringify([...engine.state.images.keys(), ...engine.state.refs, ...engine.state.layers.keys()]);
    expect(await run(argv)).toEqual(want);
    expect(JSON.stringify([...engine.state.images.keys(), ...engine.state.refs, ...engine.state.layers.keys()])).toBe(before);
  });
});
