/**
 * The container lifecycle through the docker CLI: run, create, start, stop,
 * kill, restart, rm, wait, rename, logs, top, prune — happy paths and the
 * daemon's exact error texts (docker-reference §1.7, §3.1, §4, §12).
 */
import { describe, expect, it } from 'vitest';
import { containerCli, NOW } from './helpers.ts';

async function withBase() {
  const d = await containerCli();
  await d.run('pull base');
  return d;
}

describe('docker run', () => {
  it('pulls on first use, prints the output and returns the exit code', async () => {
    const d = await containerCli();
    const r = await d.run('run base echo hi');
    expect(r.stdout).toEqual('hi\n');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(["Unable to find image 'base:latest' locally", 'latest: Pulling from library/base']);
    expect(r.stderr.endsWith('Status: Downloaded newer image for base:latest\n')).toBe(true);
    expect(await d.run(['run', 'base', 'sh', '-c', 'exit 7'])).toEqual({ stdout: '', stderr: '', rc: 7 });
  });

  it('-d prints the full ID; --rm removes the container once it exits', async () => {
    const d = await withBase();
    const r = await d.run('run -d base sleep 1000');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(d.svc.get(r.stdout.trim()).running).toBe(true);
    await d.run('run --rm --name gone base echo bye');
    expect(await d.run('ps -a -q --filter name=gone')).toEqual({ stdout: '', stderr: '', rc: 0 });
  });

  it('a missing executable is exit 127 and leaves the container Created with exit code 127', async () => {
    const d = await withBase();
    expect(await d.run('run --name nobash base bash')).toEqual({
      stdout: '',
      stderr:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
      rc: 127,
    });
    expect((await d.run(['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', 'nobash'])).stdout).toEqual('created 127\n');
    expect((await d.run('ps -a --format {{.Status}}')).stdout).toEqual('Created\n');
  });

  it('reports a name conflict with the holder ID (exit 125)', async () => {
    const d = await withBase();
    await d.run('create --name ref-run base');
    const id = d.svc.get('ref-run').id;
    expect(await d.run('run --name ref-run base')).toEqual({
      stdout: '',
      stderr: `docker: Error response from daemon: Conflict. The container name "/ref-run" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
      rc: 125,
    });
  });

  it('rejects malformed -p, -e and --env-file before creating anything', async () => {
    const d = await withBase();
    const usage = "\n\nRun 'docker run --help' for more information\n";
    expect(await d.run('run -p 80:abc base')).toEqual({ stdout: '', stderr: `docker: invalid containerPort: abc${usage}`, rc: 125 });
    expect(await d.run('run -p 99999:80 base')).toEqual({ stdout: '', stderr: `docker: invalid hostPort: 99999${usage}`, rc: 125 });
    expect(await d.run('run -e =x base')).toEqual({ stdout: '', stderr: `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]${usage}`, rc: 125 });
    expect(await d.run('run --env-file nope.env base')).toEqual({ stdout: '', stderr: `docker: open nope.env: no such file or directory${usage}`, rc: 125 });
    await d.host.writeFile('/home/learner/bad.env', 'GOOD=1\nBAD KEY=2\n');
    expect(await d.run('run --env-file bad.env base')).toEqual({ stdout: '', stderr: `docker: poorly formatted environment: variable 'BAD KEY' contains whitespaces${usage}`, rc: 125 });
    expect(await d.run('ps -a -q')).toEqual({ stdout: '', stderr: '', rc: 0 });
  });

  it('merges env: PATH, HOSTNAME, image and user values, HOME; -w creates the directory', async () => {
    const d = await withBase();
    await d.host.writeFile('/home/learner/app.env', '# comment\nFROM_FILE=1\n');
    await d.run('run --name envy --env-file app.env -e A=2 -w /work -u 1000 base echo');
    const spec = d.runner.started.at(-1)!;
    const c = d.svc.get('envy');
    expect(spec.env).toEqual({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: c.id.slice(0, 12), FROM_FILE: '1', A: '2', HOME: '/' });
    expect([spec.cwd, spec.user, spec.hostname]).toEqual(['/work', '1000', c.id.slice(0, 12)]);
    expect(await d.run('diff envy')).toEqual({ stdout: 'A /work\n', stderr: '', rc: 0 });
  });

  it('--entrypoint and args combine as Docker does', async () => {
    const d = await withBase();
    await d.run('run --entrypoint echo base a b');
    expect(d.runner.started.at(-1)!.argv).toEqual(['echo', 'a', 'b']);
    await d.run('pull app');
    await d.run('run app');
    expect(d.runner.started.at(-1)!.argv).toEqual(['echo', 'hello']);
    expect(await d.run(['run', '--entrypoint', '', 'base'])).toEqual({ stdout: '', stderr: "docker: Error response from daemon: No command specified\n\nRun 'docker run --help' for more information\n", rc: 125 });
  });

  it('-it hands the shell to the terminal until it exits; its status is the container exit code', async () => {
    const d = await withBase();
    expect(await d.run('run -it --name tty base')).toEqual({ stdout: '', stderr: '', rc: 0 });
    const fg = d.foreground()!;
    expect(fg.prompt()).toEqual('/ # ');
    expect(await fg.feed('echo inside')).toEqual({ stdout: 'inside\n', stderr: '' });
    expect(d.svc.get('tty').running).toBe(true);
    expect(await fg.feed('exit 3')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
    expect((await d.run('ps -a --format {{.Status}}')).stdout).toEqual('Exited (3) Less than a second ago\n');
    expect(await d.run('run -it base', '', { startForeground: undefined })).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', rc: 1 });
  });
});

describe('start, stop, kill, restart, rm', () => {
  it('start echoes names; starting a running container is a silent success', async () => {
    const d = await withBase();
    await d.run('create --name svc1 base sleep 1000');
    expect(await d.run('start svc1')).toEqual({ stdout: 'svc1\n', stderr: '', rc: 0 });
    expect(await d.run('start svc1')).toEqual({ stdout: 'svc1\n', stderr: '', rc: 0 });
    expect(await d.run('start nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n', rc: 1 });
  });

  it('stop waits for SIGTERM, then SIGKILL gives 137; kill of a stopped container is an error', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    expect(await d.run('stop ref-web')).toEqual({ stdout: 'ref-web\n', stderr: '', rc: 0 });
    expect((await d.run('ps -a --format {{.Status}}')).stdout).toEqual('Exited (137) Less than a second ago\n');
    const id = d.svc.get('ref-web').id;
    expect(await d.run('kill ref-web')).toEqual({ stdout: '', stderr: `Error response from daemon: cannot kill container: ref-web: container ${id} is not running\n`, rc: 1 });
    expect(await d.run('stop ref-web')).toEqual({ stdout: 'ref-web\n', stderr: '', rc: 0 });
    expect(await d.run('restart ref-web')).toEqual({ stdout: 'ref-web\n', stderr: '', rc: 0 });
    expect(await d.run('kill -s NOPE ref-web')).toEqual({ stdout: '', stderr: 'Error response from daemon: cannot kill container: ref-web: invalid signal: NOPE\n', rc: 1 });
    expect(await d.run('kill ref-web')).toEqual({ stdout: 'ref-web\n', stderr: '', rc: 0 });
    expect(await d.run('wait ref-web')).toEqual({ stdout: '137\n', stderr: '', rc: 0 });
  });

  it('rm of a running container needs -f; -f of a missing one is reported but not an error', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    expect(await d.run('rm ref-web')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: cannot remove container "/ref-web": container is running: stop the container before removing or force remove\n',
      rc: 1,
    });
    expect(await d.run('rm -f ref-web nope')).toEqual({ stdout: 'ref-web\n', stderr: 'Error response from daemon: No such container: nope\n', rc: 0 });
    expect(await d.run('rm nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', rc: 1 });
  });
});

describe('exec, logs, top, rename, wait, prune', () => {
  it('exec runs in a running container only', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    expect(await d.run('exec ref-web echo hi')).toEqual({ stdout: 'hi\n', stderr: '', rc: 0 });
    expect(await d.run('exec -e X=1 -w /etc ref-web touch /etc/here')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect([d.runner.started.at(-1)!.env.X, d.runner.started.at(-1)!.cwd]).toEqual(['1', '/etc']);
    expect(await d.run('diff ref-web')).toEqual({ stdout: 'C /etc\nA /etc/here\n', stderr: '', rc: 0 });
    expect(await d.run('exec ref-web bash')).toEqual({ stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n', stderr: '', rc: 127 });
    await d.run('create --name idle base');
    const id = d.svc.get('idle').id;
    expect(await d.run('exec idle echo hi')).toEqual({ stdout: '', stderr: `Error response from daemon: container ${id} is not running\n`, rc: 1 });
  });

  it('logs keeps stdout and stderr apart, with --tail and -t', async () => {
    const d = await withBase();
    await d.run(['run', '--name', 'talky', 'base', 'sh', '-c', 'echo one && echo two && head']);
    expect(await d.run('logs talky')).toEqual({ stdout: 'one\ntwo\n', stderr: 'head: boom\n', rc: 0 });
    expect(await d.run('logs --tail 1 talky')).toEqual({ stdout: '', stderr: 'head: boom\n', rc: 0 });
    expect(await d.run('logs -t --tail 2 talky')).toEqual({ stdout: '2026-11-24T03:00:00.000000000Z two\n', stderr: '2026-11-24T03:00:00.000000000Z head: boom\n', rc: 0 });
    expect(await d.run('logs nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', rc: 1 });
  });

  it('top lists the main process; rename checks names', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    const top = (await d.run('top ref-web')).stdout.split('\n');
    expect(top[0]).toEqual('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top[1]).toMatch(/^root {16}\d+ +\d+ +0 {19}03:00 {15}\? {19}00:00:00 {12}sleep 1000$/);
    await d.run('create --name other base');
    expect(await d.run('rename ref-web other')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: Error when allocating new name: Conflict. The container name "/other" is already in use by container "${d.svc.get('other').id}". You have to remove (or rename) that container to be able to reuse that name.\nError: failed to rename container named ref-web\n`,
      rc: 1,
    });
    expect(await d.run('rename ref-web web2')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(d.svc.get('web2').running).toBe(true);
  });

  it('container prune asks, removes stopped containers only', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    await d.run('run --name done1 base echo');
    const done = d.svc.get('done1').id;
    expect(await d.run('container prune', 'n\n')).toEqual({ stdout: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', stderr: '', rc: 0 });
    expect(await d.run('container prune', 'y\n')).toEqual({
      stdout: `WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Deleted Containers:\n${done}\n\nTotal reclaimed space: 0B\n`,
      stderr: '',
      rc: 0,
    });
    expect((await d.run('ps -a --format {{.Names}}')).stdout).toEqual('ref-web\n');
  });

  it('image rm sees containers', async () => {
    const d = await withBase();
    await d.run('create --name keep base');
    const img = d.svc.get('keep').imageId.slice(7, 19);
    expect(await d.run('rmi base')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to remove repository reference "base" (must force) - container ${d.svc.get('keep').id.slice(0, 12)} is using its referenced image ${img}\n`,
      rc: 1,
    });
  });

  it('a container outlives its force-removed image: its files and layers stay', async () => {
    const d = await withBase();
    await d.run('run --name keeper base touch /etc/kept');
    expect((await d.run('rmi -f base')).rc).toEqual(0);
    expect(await d.run('diff keeper')).toEqual({ stdout: 'C /etc\nA /etc/kept\n', stderr: '', rc: 0 });
    expect(await d.run('start keeper')).toEqual({ stdout: 'keeper\n', stderr: '', rc: 0 });
    const image = d.svc.get('keeper').imageId.slice(7, 19);
    expect((await d.run('ps -a --format {{.Image}}')).stdout).toEqual(`${image}\n`);
  });

  it('STATUS follows the engine clock', async () => {
    const d = await withBase();
    await d.run('run -d --name ref-web base sleep 1000');
    d.clock.now = NOW + 3_000;
    expect((await d.run('ps --format {{.Status}}')).stdout).toEqual('Up 3 seconds\n');
    await d.run('stop ref-web');
    d.clock.now = NOW + 8_000;
    expect((await d.run('ps -a --format {{.Status}}')).stdout).toEqual('Exited (137) 5 seconds ago\n');
    d.clock.now = NOW + 90_000;
    expect((await d.run('ps -a --format {{.Status}}')).stdout).toEqual('Exited (137) About a minute ago\n');
  });
});

describe('detached interactive containers', () => {
  it('run -dit keeps the shell at its prompt; attach hands it to the terminal; start -ai does too', async () => {
    const d = await withBase();
    const id = (await d.run('run -dit --name held base')).stdout.trim();
    expect(d.svc.get('held').running).toBe(true);
    expect(await d.run('attach held')).toEqual({ stdout: '', stderr: '', rc: 0 });
    const fg = d.foreground()!;
    expect(await fg.feed('echo back')).toEqual({ stdout: 'back\n', stderr: '' });
    expect(await fg.feed('exit 2')).toEqual({ stdout: '', stderr: '', exitCode: 2 });
    expect(d.svc.get(id).exitCode).toEqual(2);
    await d.run('create -it --name later base');
    expect(await d.run('start -ai later')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(d.foreground()!.prompt()).toEqual('/ # ');
    expect(await d.run('attach nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', rc: 1 });
  });
});
