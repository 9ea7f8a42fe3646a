/**
 * The `alpine` stand-in as a `docker save` archive, for RUNNER_SEED_IMAGES:
 * a static busybox with its applet links and /etc/alpine-release (as
 * test/engine-client/real-engine.test.ts imports it), packed by hand in the
 * docker-save layout (manifest.json, the config, one layer) so the runner's
 * session engines load it through /images/load. No registry exists here.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the archive into `dir` and returns its path. */
export function alpineSeed(dir: string): string {
  const work = mkdtempSync(join(tmpdir(), 'll-seed-'));
  try {
    const root = join(work, 'root');
    for (const d of ['bin', 'etc', 'tmp', 'root', 'usr/bin', 'usr/sbin', 'sbin']) mkdirSync(join(root, d), { recursive: true });
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    for (const a of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter((x) => x && x !== 'busybox')) symlinkSync('busybox', join(root, 'bin', a));
    writeFileSync(join(root, 'etc/alpine-release'), '3.22.1\n');
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    writeFileSync(join(root, 'etc/group'), 'root:x:0:root\n');
    const out = join(work, 'out');
    mkdirSync(out);
    const layer = execFileSync('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-c', '.'], { maxBuffer: 1 << 28 });
    const diffId = createHash('sha256').update(layer).digest('hex');
    mkdirSync(join(out, diffId));
    writeFileSync(join(out, diffId, 'layer.tar'), layer);
    const config = JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: [`sha256:${diffId}`] },
      history: [{ created_by: 'layerlab alpine stand-in' }],
    });
    const configId = createHash('sha256').update(config).digest('hex');
    writeFileSync(join(out, `${configId}.json`), config);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify([{ Config: `${configId}.json`, RepoTags: ['alpine:latest'], Layers: [`${diffId}/layer.tar`] }]));
    const file = join(dir, 'alpine-seed.tar');
    writeFileSync(file, execFileSync('tar', ['--numeric-owner', '-C', out, '-c', 'manifest.json', `${configId}.json`, diffId], { maxBuffer: 1 << 28 }));
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The dockerd the runner's tests start: the Engine 26.1 of test/golden/oracle.sh where unpacked (API 1.45), else Debian's. */
export const TEST_DOCKERD = ['/opt/docker26/usr/sbin/dockerd', '/usr/sbin/dockerd', '/usr/bin/dockerd'].find((p) => existsSync(p)) ?? '/usr/sbin/dockerd';
