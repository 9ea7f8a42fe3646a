/**
 * What parseDockerArgs hands to commands: flag values with pflag semantics, positionals,
 * the path as invoked, global options, and the version flag.
 */
import { describe, expect, it } from 'vitest';
import { recordedEnv } from '../../worker/cli/command/help.ts';
import { parseDockerArgs, type ParseOutcome } from '../../worker/cli/command/parse.ts';

function run(argv: string[]): Extract<ParseOutcome, { kind: 'run' }> {
  const o = parseDockerArgs(argv, { env: recordedEnv });
  if (o.kind !== 'run') throw new Error(`expected a command, got exit ${o.exitCode}: ${o.stderr}`);
  return o;
}

describe('commands and their paths', () => {
  it('legacy, canonical and alias forms reach the same spec under the typed path', () => {
    expect([['images'], ['image', 'ls'], ['image', 'list']].map((a) => [run(a).command.path, run(a).invokedAs])).toEqual([
      ['image ls', 'docker images'],
      ['image ls', 'docker image ls'],
      ['image ls', 'docker image ls'],
    ]);
    expect([run(['rmi', 'x']).command.path, run(['image', 'remove', 'x']).command.path, run(['builder', 'build', '.']).invokedAs]).toEqual(['image rm', 'image rm', 'docker builder build']);
  });
  it('global options before the command', () => {
    expect(run(['-D', '-H', 'unix:///a.sock', '--log-level', 'WARN', 'ps']).globals).toEqual({
      config: '/root/.docker', context: '', debug: true, hosts: ['unix:///a.sock'], logLevel: 'warn',
      tls: false, tlscacert: '/root/.docker/ca.pem', tlscert: '/root/.docker/cert.pem', tlskey: '/root/.docker/key.pem', tlsverify: false,
    });
  });
});

describe('flags', () => {
  it('combined bool shorthands, interspersed positionals, defaults when unset', () => {
    const o = run(['images', 'busybox', '-aq']);
    expect([o.args, o.flags.get('all'), o.flags.get('quiet'), o.flags.get('digests'), o.flags.changed('all'), o.flags.changed('digests')]).toEqual([['busybox'], true, true, false, true, false]);
  });
  it('bool =false, repeated filters, attached and = shorthand values', () => {
    const o = run(['images', '--all=false', '-fdangling=true', '-f=label=a', '--filter', 'Reference = x*']);
    expect([o.flags.get('all'), o.flags.changed('all'), o.flags.get('filter')]).toEqual([false, true, ['dangling=true', 'label=a', 'reference=x*']]);
  });
  it('`--` ends the flags', () => {
    expect(run(['rmi', '-f', '--', '-x', '--force']).args).toEqual(['-x', '--force']);
    expect(run(['rmi', '--', '-f']).flags.get('force')).toBe(false);
  });
  it('run, create and exec stop at the first positional (SetInterspersed(false))', () => {
    const o = run(['run', '--rm', '-it', '-e', 'A=1', '-e', 'B=2', 'alpine', 'sh', '-c', 'echo --rm']);
    expect([o.args, o.flags.get('rm'), o.flags.get('tty'), o.flags.get('interactive'), o.flags.get('env')]).toEqual([['alpine', 'sh', '-c', 'echo --rm'], true, true, true, ['A=1', 'B=2']]);
    expect(run(['exec', '-u', '0', 'c1', 'ls', '-la']).args).toEqual(['c1', 'ls', '-la']);
    expect(run(['container', 'create', '--name', 'x', 'img', '--bogus']).args).toEqual(['img', '--bogus']);
  });
  it('typed values: ints (base 0), durations in ns, sizes in bytes, CPUs', () => {
    const o = run(['run', '-c', '0x10', '--health-interval', '1m30s', '-m', '1.5g', '--memory-swap', '-1', '--cpus', '1.5', '--shm-size', '64m', 'img']);
    expect([o.flags.get('cpu-shares'), o.flags.get('health-interval'), o.flags.get('memory'), o.flags.get('memory-swap'), o.flags.get('cpus'), o.flags.get('shm-size')]).toEqual([
      16, 90e9, 1610612736, -1, 1.5, 67108864,
    ]);
  });
  it('flag defaults come from the catalog', () => {
    const o = run(['logs', 'c1']);
    expect([o.flags.get('tail'), o.flags.get('follow')]).toEqual(['all', false]);
    expect(run(['stop', 'c']).flags.get('timeout')).toBe(0);
  });
  it('a deprecated flag works and pflag prints its notice on stdout', () => {
    const o = run(['stop', '--time', '3', 'c']);
    expect([o.flags.get('time'), o.stdout, o.stderr]).toEqual([3, 'Flag --time has been deprecated, use --timeout instead\n', '']);
  });
  it('hidden flags parse (run --net)', () => {
    expect(run(['run', '--net', 'host', 'img']).flags.get('net')).toEqual(['host']);
  });
  it('run -h is --hostname, not help', () => {
    expect(run(['run', '-h', 'box', 'img']).flags.get('hostname')).toBe('box');
  });
});

describe('CLI plugins in the simulated install', () => {
  it('buildx and the bake stub pass every argument through unparsed', () => {
    const buildx = parseDockerArgs(['buildx', 'build', '--bogus', '-t', 'x', '.']);
    const bake = parseDockerArgs(['bake', '--help']);
    expect([buildx.kind === 'run' && [buildx.command.path, buildx.args], bake.kind === 'run' && [bake.command.path, bake.args]]).toEqual([
      ['buildx', ['build', '--bogus', '-t', 'x', '.']],
      ['bake', ['--help']],
    ]);
  });
  it('without buildx, bake is hidden from help but still reaches the builder layer', () => {
    const o = parseDockerArgs(['bake', 'x', '--bogus'], { env: recordedEnv });
    expect(o.kind === 'run' && [o.command.path, o.args]).toEqual(['bake', ['x', '--bogus']]);
  });
});

describe('28.4+ global -H', () => {
  it('a second -H is a flag error (cli/flags/options.go hostVar.Set, v28.4.0+)', () => {
    expect(parseDockerArgs(['-H', 'unix:///a', '-H', 'unix:///b', 'ps'])).toEqual({
      kind: 'exit',
      stdout: '',
      stderr: `invalid argument "unix:///b" for "-H, --host" flag: specify only one -H

Usage:  docker [OPTIONS] COMMAND [ARG...]

Run 'docker --help' for more information
`,
      exitCode: 125,
    });
  });
});

describe('version', () => {
  it('-v and --version print the simulated 28.5.1 (docker/cli v28.5.1, commit e180ab8)', () => {
    const out = { kind: 'exit', stdout: 'Docker version 28.5.1, build e180ab8\n', stderr: '', exitCode: 0 };
    expect([parseDockerArgs(['-v']), parseDockerArgs(['--version'])]).toEqual([out, out]);
  });
});
