/**
 * diff, commit and export derive from one writable layer: diff reports as
 * moby's changes() does, commit writes a real layer and the config moby
 * writes, export streams the merged tree (docker-reference §8.1, §8.2, §10.3).
 */
import { describe, expect, it } from 'vitest';
import { containerExportEntries as containerExport } from '../../worker/engine/containers/operations.ts';
import { readTar } from '../../worker/engine/layer/tar-read.ts';
import { canonicalConfigJson } from '../../worker/engine/image-config.ts';
import { containerCli, NOW } from './helpers.ts';

const CHANGE = ['run', '--name', 'c1', 'base', 'sh', '-c', 'touch /etc/new && rm /etc/motd && mkdir -p /tmp/x && rm /var/cache'];

describe('docker diff', () => {
  it('reports changed parents, additions and deletions in walk order', async () => {
    const d = await containerCli();
    await d.run('pull base');
    expect(await d.run(CHANGE)).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.run('diff c1')).toEqual({ stdout: 'C /etc\nD /etc/motd\nA /etc/new\nA /tmp\nA /tmp/x\nC /var\nD /var/cache\n', stderr: '', rc: 0 });
  });

  it('prints nothing for an unchanged container, and the daemon error for an unknown one', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name quiet base');
    expect(await d.run('diff quiet')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.run('diff nope')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nope\n', rc: 1 });
  });
});

describe('docker commit', () => {
  it('writes the layer and the config moby writes, as a dangling image without a repository', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run(CHANGE);
    d.clock.now = NOW + 60_000;
    const out = await d.run(['commit', '-m', 'my change', '-a', 'Me <me@x>', 'c1']);
    expect(out.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const id = out.stdout.trim();
    const img = d.engine.state.images.get(id)!;
    const c = d.svc.get('c1');
    const base = d.engine.state.images.get(c.imageId)!;
    expect(img.parent).toEqual(base.id);
    expect(img.config.rootfs.diff_ids.slice(0, -1)).toEqual(base.config.rootfs.diff_ids);
    expect(img.config.history!.at(-1)).toEqual({ created: '2026-11-24T03:01:00Z', author: 'Me <me@x>', created_by: 'sh -c touch /etc/new && rm /etc/motd && mkdir -p /tmp/x && rm /var/cache', comment: 'my change' });
    expect(img.config.container).toEqual(c.id);
    // The comment lives in the history entry only; inspect falls back to it (moby image_inspect.go).
    expect((await d.run(['image', 'inspect', '--format', '{{.Comment}}|{{.Author}}', id])).stdout).toEqual('my change|Me <me@x>\n');
    expect(img.config.docker_version).toEqual('28.5.1');
    expect(canonicalConfigJson(img.config).startsWith('{"architecture":"amd64","author":"Me \\u003cme@x\\u003e","config":{"Hostname":"' + c.id.slice(0, 12) + '"')).toBe(true);
    expect((await d.run('images -a')).stdout.split('\n')[1]).toEqual(`<none>       <none>    ${id.slice(7, 19)}   Less than a second ago   57B`);
  });

  it('applies --change instructions and tags REPOSITORY:TAG', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run(CHANGE);
    expect((await d.run(['commit', '-c', 'CMD ["echo","committed"]', '-c', 'ENV A=1', '-c', 'EXPOSE 80', '-c', 'WORKDIR /tmp', 'c1', 'snap:1'])).rc).toEqual(0);
    const cfg = d.engine.state.images.get(d.engine.state.refs.get('docker.io/library/snap:1')!)!.config.config;
    expect([cfg.Cmd, cfg.Env, cfg.ExposedPorts, cfg.WorkingDir]).toEqual([['echo', 'committed'], ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'A=1'], { '80/tcp': {} }, '/tmp']);
    expect(await d.run('run --rm snap:1')).toEqual({ stdout: 'committed\n', stderr: '', rc: 0 });
    expect(await d.run(['commit', '-c', 'RUN x', 'c1'])).toEqual({ stdout: '', stderr: 'Error response from daemon: run is not a valid change command\n', rc: 1 });
  });

  it('running the committed image shows the same files; a deleted lower file stays deleted in it and in export', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run(CHANGE);
    await d.run('commit c1 snap:1');
    await d.run('create --name c2 snap:1');
    const files = async (name: string) => (await containerExport(d.svc, name)).map((e) => `${e.type} ${e.path}`).filter((l) => !/ (\.dockerenv|dev|proc|sys|etc\/(hosts|hostname|resolv\.conf|mtab))(\/|$)/.test(l));
    expect(await files('c2')).toEqual(await files('c1'));
    expect((await files('c2')).filter((f) => f.includes('motd') || f.includes('cache'))).toEqual([]);
    expect(await d.run('diff c2')).toEqual({ stdout: '', stderr: '', rc: 0 });
  });

  it('keeps modes, owners and mtimes through commit and export', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name mm base');
    const fs = await d.svc.fs(d.svc.get('mm'));
    await fs.chmod('/etc/os-release', 0o4711);
    await fs.chown('/etc/os-release', 7, 8);
    await fs.utimes('/etc/os-release', new Date(0), new Date(1_000_000_000_000));
    await d.svc.save(d.svc.get('mm').id, () => ({}));
    await d.run('commit mm snap:2');
    await d.run('create --name mm2 snap:2');
    const entry = (await containerExport(d.svc, 'mm2')).find((e) => e.path === 'etc/os-release')!;
    expect([entry.mode, entry.uid, entry.gid, entry.mtime]).toEqual([0o4711, 7, 8, 1_000_000_000]);
  });
});

describe('docker export', () => {
  it('streams the merged tree with the init layer, refuses a terminal, writes -o files', async () => {
    const d = await containerCli();
    await d.run('pull base');
    await d.run('create --name ee base');
    const entries = await containerExport(d.svc, 'ee');
    expect(entries.map((e) => e.path).slice(0, 8)).toEqual(['.dockerenv', 'bin', 'bin/cat', 'bin/echo', 'bin/head', 'bin/ls', 'bin/mkdir', 'bin/rm']);
    expect(entries.filter((e) => e.path.startsWith('dev') || e.path.startsWith('proc') || e.path.startsWith('sys') || e.path.startsWith('etc/')).map((e) => e.path)).toEqual([
      'dev', 'dev/console', 'dev/pts', 'dev/shm', 'etc/hostname', 'etc/hosts', 'etc/motd', 'etc/mtab', 'etc/os-release', 'etc/resolv.conf', 'proc', 'sys',
    ]);
    expect(await d.run('export ee', '', { isTTY: true })).toEqual({ stdout: '', stderr: 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n', rc: 1 });
    expect(await d.run('export -o ee.tar ee', '', { isTTY: true })).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(readTar(await d.host.readFileBuffer('/home/learner/ee.tar')).map((e) => e.path)).toEqual(entries.map((e) => e.path));
  });
});
