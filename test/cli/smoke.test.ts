import { describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

describe('docker image commands over the test registry', () => {
  it('pulls, lists, shows history and inspects', async () => {
    const { run } = await cli();
    const p = await run('pull alpine');
    expect(p.rc).toBe(0);
    expect(p.stdout.split('\n')[0]).toBe('Using default tag: latest');
    expect(p.stdout.split('\n').at(-2)).toBe('docker.io/library/alpine:latest');
    const ls = await run('images');
    expect(ls).toEqual({
      stdout: expect.stringMatching(/^REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\nalpine       latest    [0-9a-f]{12}   16 months ago   1.03kB\n$/),
      stderr: '',
      rc: 0,
    });
    expect((await run('history alpine')).stdout).toMatch(
      /^IMAGE          CREATED         CREATED BY                    SIZE      COMMENT\n[0-9a-f]{12}   16 months ago   CMD \["\/bin\/sh"\]               0B        buildkit.dockerfile.v0\n<missing>      16 months ago   ADD layer0.tar \/ # buildkit   1.03kB    buildkit.dockerfile.v0\n$/,
    );
    const i = await run(['image', 'inspect', '--format', '{{json .Config}}', 'alpine']);
    expect(i).toEqual({ stdout: '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"]}\n', stderr: '', rc: 0 });
    expect(await run(['image', 'inspect', '--format', '{{.Nope}}', 'alpine'])).toEqual({
      stdout: '\n',
      stderr: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n',
      rc: 1,
    });
    expect(await run('inspect nonexist')).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nonexist\n', rc: 1 });
    expect(await run('images ls')).toEqual({
      stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      stderr: '\nNo images found matching "ls": did you mean "docker image ls"?\n',
      rc: 0,
    });
    expect((await run('rmi alpine')).stdout).toMatch(
      /^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/,
    );
    expect(await run('rmi alpine')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: alpine:latest\n', rc: 1 });
    expect(await run('rmi -f alpine')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: alpine:latest\n', rc: 0 });
  });
});
