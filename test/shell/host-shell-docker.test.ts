import { describe, expect, it } from 'vitest';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { ALL_BYTES, fakeDocker, INSPECT } from './fake-docker.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('docker in the host shell', () => {
  it('passes argv, cwd and an env prefix to the CLI', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker });
    await shell.run('mkdir hello && cd hello');
    expect(await shell.run('DOCKER_BUILDKIT=0 docker build -t hello:1.0.0 .')).toEqual({
      stdout: '',
      stderr: "docker: 'build' is not a docker command.\nSee 'docker --help'\n",
      exitCode: 1,
    });
    await shell.run('docker build -t hello .');
    expect(calls.map((c) => [c.argv, c.cwd, c.env.DOCKER_BUILDKIT, c.env.HOME])).toEqual([
      [['build', '-t', 'hello:1.0.0', '.'], '/home/learner/hello', '0', '/home/learner'],
      [['build', '-t', 'hello', '.'], '/home/learner/hello', undefined, '/home/learner'],
    ]);
  });

  it('passes a variable exported on an earlier line to the CLI', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker });
    await shell.run('export DOCKER_BUILDKIT=0');
    await shell.run('docker build -t hello .');
    expect(calls.map((c) => c.env.DOCKER_BUILDKIT)).toEqual(['0']);
    expect(await shell.run('env')).toEqual(
      ok(
        'HOME=/home/learner\nPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\nPWD=/home/learner\n' +
          'USER=learner\nLOGNAME=learner\nHOSTNAME=layerlab\nSHELL=/bin/bash\nLANG=C.UTF-8\nTERM=xterm-256color\nDOCKER_BUILDKIT=0\n',
      ),
    );
  });

  it('substitutes $(docker ...) into another docker command', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker });
    await shell.run('docker rmi $(docker images -q) -f');
    expect(calls.map((c) => c.argv)).toEqual([
      ['images', '-q'],
      ['rmi', 'aded1e1a5b37', '9c7a54a9a43c', '-f'],
    ]);
  });

  it('pipes docker output into jq', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    expect(await shell.run('docker inspect alpine | jq')).toEqual(ok(INSPECT.replaceAll('    ', '  ')));
    expect(await shell.run("docker image inspect alpine:latest | jq ' .[] | .Config'")).toEqual(
      ok('{\n  "Cmd": [\n    "/bin/sh"\n  ]\n}\n'),
    );
    expect(await shell.run("docker inspect alpine | jq -r '.[0].RepoTags[0]'")).toEqual(ok('alpine:latest\n'));
  });

  it('writes binary output redirected to a file byte for byte', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    expect(await shell.run('docker image save alpine:bash > alpine_bash.tar')).toEqual(ok(''));
    expect(await shell.run('docker save -o saved.tar alpine')).toEqual(ok(''));
    const fs = await shell.filesystem();
    expect(await fs.readFileBuffer('/home/learner/alpine_bash.tar')).toEqual(ALL_BYTES);
    expect(await fs.readFileBuffer('/home/learner/saved.tar')).toEqual(ALL_BYTES);
    // sha256 of the bytes 0x00..0xff, as `sha256sum` prints it for both files.
    const sum = '40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880';
    expect(await shell.run('wc -c alpine_bash.tar; sha256sum alpine_bash.tar saved.tar')).toEqual(
      ok(`256 alpine_bash.tar\n${sum}  alpine_bash.tar\n${sum}  saved.tar\n`),
    );
  });

  it('hands a file redirected into docker over as exact bytes', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker });
    await shell.run('docker save alpine > a.tar');
    expect(await shell.run('docker image load < a.tar')).toEqual(ok('Loaded 256 bytes\n'));
    expect(await shell.run('cat a.tar | docker load')).toEqual(ok('Loaded 256 bytes\n'));
    expect(calls.map((c) => c.argv)).toEqual([['save', 'alpine'], ['image', 'load'], ['load']]);
  });

  it('gives back the exact bytes of binary stdout that is all the line printed', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    const r = await shell.run('docker save alpine');
    expect([r.stdoutBytes, r.exitCode, r.stderr]).toEqual([ALL_BYTES, 0, '']);
    expect((await shell.run('sudo docker save alpine')).stdoutBytes).toEqual(ALL_BYTES);
    expect(await shell.run('docker save alpine | wc -c')).toEqual(ok('256\n'));
  });

  it('pipes a binary archive into tar exactly', async () => {
    const shell = new HostShell({ docker: fakeDocker().docker });
    await shell.run('mkdir -p app && echo hi > app/a.txt && tar -cf app.tar app');
    expect(await shell.run('cat app.tar | tar -t')).toEqual(ok('app/\napp/a.txt\n'));
    expect(await shell.run('tar -c app | tar -x -C /tmp && cat /tmp/app/a.txt')).toEqual(ok('hi\n'));
  });

  it('tells the CLI whether its stdout is the terminal', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker, isTTY: true });
    await shell.run('docker images -q');
    await shell.run('docker images -q | wc -l');
    await shell.run('docker images -q > ids.txt');
    await shell.run('echo $(docker images -q)');
    await shell.run('echo x | cat; docker images -q');
    await shell.run('if true; then docker images -q; fi > out.txt');
    await shell.run('sudo docker images -q');
    expect(calls.map((c) => c.isTTY)).toEqual([true, false, false, false, true, false, true]);
  });

  it('runs `sudo docker ...` as the same CLI, and sudo with no command prints its usage', async () => {
    const { docker, calls } = fakeDocker();
    const shell = new HostShell({ docker });
    await shell.run('sudo docker images -q');
    expect(calls.map((c) => [c.argv, c.env.SUDO_USER, c.env.USER])).toEqual([[['images', '-q'], 'learner', 'root']]);
    const r = await shell.run('sudo');
    expect([r.exitCode, r.stderr.split('\n')[0]]).toEqual([1, 'usage: sudo -h | -K | -k | -V']);
  });
});
