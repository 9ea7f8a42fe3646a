/**
 * docker cp in both directions and as tar streams, and the inspect object of
 * a container (key order of the API's InspectResponse).
 */
import { describe, expect, it } from 'vitest';
import { readTar } from '../../worker/engine/layer/tar-read.ts';
import { tarBytes } from '../../worker/engine/layer/tar-write.ts';
import { containerCli } from './helpers.ts';
import { txt } from './helpers.ts';

describe('docker cp', () => {
  it('copies files and directories out of a container', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name box base');
    expect(await d.run('cp box:/etc/motd .')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.host.readFile('/home/learner/motd')).toEqual('welcome\n');
    expect(await d.run('cp box:/var/cache here')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect((await d.host.readdir('/home/learner/here')).sort()).toEqual(['a', 'b']);
    expect(await d.run('cp box:/var/cache .', '', { isTTY: true })).toEqual({ stdout: '', stderr: 'Successfully copied 3.58kB to /home/learner/.\n', rc: 0 });
    expect((await d.host.readdir('/home/learner/cache')).sort()).toEqual(['a', 'b']);
    expect(await d.run('cp box:/nope .')).toEqual({ stdout: '', stderr: 'Error response from daemon: Could not find the file /nope in container box\n', rc: 1 });
  });

  it('copies into a container (recorded in its layer) and streams tars with -', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name box base');
    await d.host.writeFile('/home/learner/f.txt', 'hello\n');
    expect(await d.run('cp f.txt box:/etc/')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.run('cp f.txt box:/etc/renamed', '', { isTTY: true })).toEqual({ stdout: '', stderr: 'Successfully copied 2.05kB to box:/etc/renamed\n', rc: 0 });
    expect(await d.run('diff box')).toEqual({ stdout: 'C /etc\nA /etc/f.txt\nA /etc/renamed\n', stderr: '', rc: 0 });
    const out: Uint8Array[] = [];
    await d.run('cp box:/etc/f.txt -', '', { stdout: (c) => void out.push(typeof c === 'string' ? new TextEncoder().encode(c) : c) });
    expect(readTar(out[0]!).map((e) => `${e.path} ${e.mode.toString(8)} ${e.size}`)).toEqual(['f.txt 644 6']);
    const tar = new TextDecoder('latin1').decode(tarBytes([txt('in.txt', 'streamed\n')]));
    expect(await d.run('cp - box:/var', tar)).toEqual({ stdout: '', stderr: '', rc: 0 });
    const fs = await d.svc.fs(d.svc.get('box'));
    expect(await fs.readFile('/var/in.txt')).toEqual('streamed\n');
    expect(await d.run('cp - box:/etc/motd', '')).toEqual({ stdout: '', stderr: 'destination "box:/etc/motd" must be a directory\n', rc: 1 });
    expect(await d.run('cp f.txt g.txt')).toEqual({ stdout: '', stderr: 'must specify at least one container source\n', rc: 1 });
    expect(await d.run('cp box:/a box:/b')).toEqual({ stdout: '', stderr: 'copying between containers is not supported\n', rc: 1 });
  });
});

describe('docker inspect of a container', () => {
  it('has the API keys in order and answers generic docker inspect', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name box -l a=b base');
    const raw = JSON.parse((await d.run('container inspect box')).stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(raw[0]!)).toEqual(['Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name', 'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig', 'GraphDriver', 'Mounts', 'Config', 'NetworkSettings']);
    expect(raw[0]!.State).toEqual({ Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: 0, ExitCode: 0, Error: '', StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' });
    expect(await d.run(['inspect', '--format', '{{.Name}} {{.Config.Labels.a}} {{.Created}}', 'box'])).toEqual({ stdout: '/box b 2026-11-24T03:00:00Z\n', stderr: '', rc: 0 });
    expect(await d.run(['inspect', '-s', '--format', '{{.SizeRw}} {{.SizeRootFs}}', 'box'])).toEqual({ stdout: '0 57\n', stderr: '', rc: 0 });
    expect(await d.run('container inspect nope')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such container: nope\n', rc: 1 });
  });

  it('a Config field the JSON omits is its Go zero value in a template (docker/cli runs it on the typed struct first)', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name box base');
    // container.Config: StopSignal string, Healthcheck *HealthConfig, Shell/Entrypoint strslice, Volumes map.
    expect(await d.run(['inspect', '--format', '[{{.Config.StopSignal}}] {{.Config.Healthcheck}} {{.Config.Shell}} {{.Config.Volumes}} {{.Config.StopTimeout}}', 'box'])).toEqual({ stdout: '[] <nil> [] map[] <nil>\n', stderr: '', rc: 0 });
    // The image's Config is the OCI image config: the same for its fields.
    expect(await d.run(['image', 'inspect', '--format', '[{{.Config.StopSignal}}] {{.Config.Healthcheck}} {{.Config.OnBuild}} {{.Config.Labels}}', 'base'])).toEqual({ stdout: '[] <nil> [] map[]\n', stderr: '', rc: 0 });
    // A nil slice or map prints as [] / map[] but marshals as null.
    expect(await d.run(['image', 'inspect', '--format', '{{json .Config.OnBuild}} {{json .Config.Volumes}} {{len .Config.Shell}}', 'base'])).toEqual({ stdout: 'null null 0\n', stderr: '', rc: 0 });
    // `{{json .Config}}` still prints what the daemon sent (omitempty fields left out).
    expect(JSON.parse((await d.run(['inspect', '--format', '{{json .Config}}', 'box'])).stdout)).not.toHaveProperty('StopSignal');
    await d.run('create --name quits --stop-signal SIGQUIT base');
    expect(await d.run(['inspect', '--format', '{{.Config.StopSignal}}', 'quits'])).toEqual({ stdout: 'SIGQUIT\n', stderr: '', rc: 0 });
  });
});
