/**
 * The variant images (catalog-variants.ts): they sit on the chapters' base
 * layers (same steps, same DiffIDs), every repository:tag names one image,
 * `docker images` sizes match the real images', the Hub index describes every
 * repository the catalog holds, and pull / images / history / inspect and the
 * programs' versions answer as the real images do.
 */
import { describe, expect, it } from 'vitest';
import { humanSizeWithPrecision } from '../../worker/common/go-units.ts';
import { CATALOG } from '../../worker/registry/catalog.ts';
import { ALPINE_322, BOOKWORM_SLIM, BUILDPACK_BOOKWORM, NOBLE, VARIANT_IMAGES } from '../../worker/registry/catalog-variants.ts';
import { HUB_INDEX, heldRepositories } from '../../worker/registry/hub-index.ts';
import { resolve } from '../../worker/registry/registry.ts';
import { createSession, type LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

const image = (repo: string, tag: string) => CATALOG.find((i) => i.repository === `library/${repo}` && i.tags.includes(tag))!;

describe('variant images', () => {
  it('repeat the chapters\' base steps exactly (so they share their layers)', () => {
    expect(ALPINE_322).toEqual(image('alpine', 'latest').steps);
    expect(BOOKWORM_SLIM).toEqual(image('python', '3.9-slim').steps.slice(0, 1));
    expect(BUILDPACK_BOOKWORM).toEqual(image('node', '24').steps.slice(0, 4));
    expect(NOBLE).toEqual(image('ubuntu', '24.04').steps);
    expect(resolve('nginx', 'alpine').layers[0]!.diffId).toBe(resolve('alpine', 'latest').layers[0]!.diffId);
    expect(resolve('python', '3.13-slim').layers[0]!.diffId).toBe(resolve('debian', 'bookworm-slim').layers[0]!.diffId);
    expect(resolve('mongo', '8.0').layers[0]!.diffId).toBe(resolve('ubuntu', 'noble').layers[0]!.diffId);
    // nginx:alpine is built FROM nginx:alpine-slim.
    expect(resolve('nginx', 'alpine').layers.slice(0, 7).map((l) => l.diffId)).toEqual(resolve('nginx', 'alpine-slim').layers.map((l) => l.diffId));
  });

  it('give every repository:tag to one image', () => {
    const seen = CATALOG.flatMap((i) => i.tags.map((t) => `${i.repository}:${t}`));
    expect(seen.filter((t, i) => seen.indexOf(t) !== i)).toEqual([]);
  });

  it('have the real images\' sizes', () => {
    const sizes = Object.fromEntries(VARIANT_IMAGES.map((i) => [`${i.repository.slice(8)}:${i.tags[0]}`, humanSizeWithPrecision(resolve(i.repository, i.tags[0]!).layers.reduce((n, l) => n + l.size, 0), 3)]));
    expect(sizes).toEqual({
      'nginx:alpine-slim': '12.9MB', 'nginx:alpine': '52.6MB',
      'python:3.13': '1GB', 'python:3.13-slim': '124MB', 'python:3.13-alpine': '45.5MB', 'python:3.12-slim': '124MB', 'python:3.9-alpine': '56.9MB',
      'node:22': '990MB', 'node:22-slim': '221MB', 'node:22-alpine': '160MB', 'node:24-alpine': '164MB', 'node:24-slim': '226MB',
      'redis:8-alpine': '59.4MB', 'debian:trixie': '120MB', 'debian:trixie-slim': '78.6MB', 'ubuntu:25.04': '78.5MB', 'alpine:3.20': '7.8MB',
      'busybox:musl': '1.47MB', 'busybox:uclibc': '2.16MB', 'mongo:8.0': '880MB',
    });
  });

  it('are all described in the Hub index', () => {
    const described = new Set(HUB_INDEX.map((e) => e.repository));
    expect(heldRepositories().filter((r) => !described.has(r))).toEqual([]);
    expect(HUB_INDEX.length).toBe(described.size);
  });
});

async function lab() {
  const s = await createSession({ store: new MemoryStore(), clock: () => NOW, random: seeded(7), isTTY: false });
  return async (line: string): Promise<string> => {
    const r: LineResult = await s.runLine(line);
    return r.stdout + (r.stderr ? `[stderr]\n${r.stderr}` : '') + `[rc=${r.rc}]\n`;
  };
}

describe('variant images in a lab', () => {
  it('pull, list, show history and config', { timeout: 120_000 }, async () => {
    const run = await lab();
    expect(await run('docker pull alpine')).toMatchInlineSnapshot(`
      "Using default tag: latest
      latest: Pulling from library/alpine
      836e198c07cb: Pulling fs layer
      836e198c07cb: Verifying Checksum
      836e198c07cb: Download complete
      836e198c07cb: Pull complete
      Digest: sha256:720d73d5c6c64c3efc8a88b2e43a8b2096c36f443d037bf993823f7505d09e20
      Status: Downloaded newer image for alpine:latest
      docker.io/library/alpine:latest
      [rc=0]
      "
    `);
    expect(await run('docker pull python:3.13-alpine')).toMatchInlineSnapshot(`
      "3.13-alpine: Pulling from library/python
      836e198c07cb: Already exists
      dd71fa39cecc: Pulling fs layer
      6a1ac3b408e9: Pulling fs layer
      15a97fe1e570: Pulling fs layer
      dd71fa39cecc: Verifying Checksum
      dd71fa39cecc: Download complete
      6a1ac3b408e9: Verifying Checksum
      6a1ac3b408e9: Download complete
      15a97fe1e570: Verifying Checksum
      15a97fe1e570: Download complete
      dd71fa39cecc: Pull complete
      6a1ac3b408e9: Pull complete
      15a97fe1e570: Pull complete
      Digest: sha256:2b8502dbd9308350d7b8496239a695e182f7553f7dae15a6b0bb0b05123994b2
      Status: Downloaded newer image for python:3.13-alpine
      docker.io/library/python:3.13-alpine
      [rc=0]
      "
    `);
    expect(await run('docker pull nginx:alpine-slim')).toMatchInlineSnapshot(`
      "alpine-slim: Pulling from library/nginx
      836e198c07cb: Already exists
      7b779e02fe66: Pulling fs layer
      e89f6436577f: Pulling fs layer
      b1b5bf3fd58f: Pulling fs layer
      3b651cf4d7f8: Waiting
      d0a3bf540cce: Waiting
      2ea22beabfdb: Waiting
      7b779e02fe66: Verifying Checksum
      7b779e02fe66: Download complete
      e89f6436577f: Verifying Checksum
      e89f6436577f: Download complete
      b1b5bf3fd58f: Verifying Checksum
      b1b5bf3fd58f: Download complete
      3b651cf4d7f8: Verifying Checksum
      3b651cf4d7f8: Download complete
      d0a3bf540cce: Verifying Checksum
      d0a3bf540cce: Download complete
      2ea22beabfdb: Verifying Checksum
      2ea22beabfdb: Download complete
      7b779e02fe66: Pull complete
      e89f6436577f: Pull complete
      b1b5bf3fd58f: Pull complete
      3b651cf4d7f8: Pull complete
      d0a3bf540cce: Pull complete
      2ea22beabfdb: Pull complete
      Digest: sha256:c951cecafe8be7edec042d15a43b8c817fdb8d77b0ee9f2123e8099b2d9fab40
      Status: Downloaded newer image for nginx:alpine-slim
      docker.io/library/nginx:alpine-slim
      [rc=0]
      "
    `);
    expect(await run('docker images')).toMatchInlineSnapshot(`
      "REPOSITORY   TAG           IMAGE ID       CREATED         SIZE
      nginx        alpine-slim   2dd52ab01f08   16 months ago   12.9MB
      python       3.13-alpine   893502a286f0   16 months ago   45.5MB
      alpine       latest        4e41eebd4974   16 months ago   7.83MB
      [rc=0]
      "
    `);
    expect(await run('docker history python:3.13-alpine')).toMatchInlineSnapshot(`
      "IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
      893502a286f0   16 months ago   CMD ["python3"]                                 0B        buildkit.dockerfile.v0
      <missing>      16 months ago   RUN /bin/sh -c set -eux;  for src in idle3 p…   0B        buildkit.dockerfile.v0
      <missing>      16 months ago   RUN /bin/sh -c set -eux;   apk add --no-cach…   34.7MB    buildkit.dockerfile.v0
      <missing>      16 months ago   ENV PYTHON_SHA256=93e583f243454e6e9e4588ca2c…   0B        buildkit.dockerfile.v0
      <missing>      16 months ago   ENV PYTHON_VERSION=3.13.5                       0B        buildkit.dockerfile.v0
      <missing>      16 months ago   ENV GPG_KEY=7169605F62C751356D054A26A821E680…   0B        buildkit.dockerfile.v0
      <missing>      16 months ago   RUN /bin/sh -c set -eux;  apk add --no-cache…   3.02MB    buildkit.dockerfile.v0
      <missing>      16 months ago   ENV LANG=C.UTF-8                                0B        buildkit.dockerfile.v0
      <missing>      16 months ago   ENV PATH=/usr/local/bin:/usr/local/sbin:/usr…   0B        buildkit.dockerfile.v0
      <missing>      16 months ago   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0
      <missing>      16 months ago   ADD alpine-minirootfs-3.22.1-x86_64.tar.gz /…   7.83MB    buildkit.dockerfile.v0
      [rc=0]
      "
    `);
    expect(await run("docker inspect -f '{{json .Config}}' nginx:alpine-slim")).toMatchInlineSnapshot(`
      "{"ExposedPorts":{"80/tcp":{}},"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.29.0","PKG_RELEASE=1","DYNPKG_RELEASE=1"],"Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],"Labels":{"maintainer":"NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"},"StopSignal":"SIGQUIT","ArgsEscaped":true}
      [rc=0]
      "
    `);
    expect(await run("docker inspect -f '{{json .RootFS.Layers}}' alpine python:3.13-alpine")).toMatchInlineSnapshot(`
      "["sha256:836e198c07cb434c29dc4a26b1e3366eacdc1d71008901c99d5bbb52a308d3be"]
      ["sha256:836e198c07cb434c29dc4a26b1e3366eacdc1d71008901c99d5bbb52a308d3be","sha256:dd71fa39ceccb2babe05ad2766c491d4e9bc3be19ada7a5e9e896a7499511c5c","sha256:6a1ac3b408e9061cad4d96f18ee931eff9358287f0fd200edfb5db69c3b7f9f3","sha256:15a97fe1e570604c888713b7a3053d97c6e85f7e7dfae7af97e5bf1e6fdd653d"]
      [rc=0]
      "
    `);
  });

  it('run programs of the image\'s version', { timeout: 120_000 }, async () => {
    const run = await lab();
    for (const [img, cmd] of [['python:3.13-slim', 'python --version'], ['python:3.12-slim', 'python3 --version'], ['python:3.9-alpine', 'python --version'], ['node:22-alpine', 'node --version'], ['node:24-slim', 'node -v'], ['nginx:alpine-slim', 'nginx -v'], ['debian:trixie-slim', 'cat /etc/debian_version'], ['ubuntu:25.04', 'cat /etc/lsb-release'], ['alpine:3.20', 'cat /etc/alpine-release'], ['busybox:musl', 'id']] as const) {
      expect(await run(`docker pull -q ${img}`)).toBe(`docker.io/library/${img}\n[rc=0]\n`);
      expect(`${img}: ${await run(`docker run --rm --entrypoint '' ${img} ${cmd}`)}`).toEqual(EXPECTED_RUNS[img]);
    }
  });
});

const EXPECTED_RUNS: Record<string, string> = {
  'python:3.13-slim': 'python:3.13-slim: Python 3.13.5\n[rc=0]\n',
  'python:3.12-slim': 'python:3.12-slim: Python 3.12.11\n[rc=0]\n',
  'python:3.9-alpine': 'python:3.9-alpine: Python 3.9.23\n[rc=0]\n',
  'node:22-alpine': 'node:22-alpine: v22.17.1\n[rc=0]\n',
  'node:24-slim': 'node:24-slim: v24.4.1\n[rc=0]\n',
  'nginx:alpine-slim': 'nginx:alpine-slim: [stderr]\nnginx version: nginx/1.29.0\n[rc=0]\n',
  'debian:trixie-slim': 'debian:trixie-slim: 13.0\n[rc=0]\n',
  'ubuntu:25.04': 'ubuntu:25.04: DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=25.04\nDISTRIB_CODENAME=plucky\nDISTRIB_DESCRIPTION="Ubuntu 25.04"\n[rc=0]\n',
  'alpine:3.20': 'alpine:3.20: 3.20.7\n[rc=0]\n',
  'busybox:musl': 'busybox:musl: uid=0(root) gid=0(root) groups=0(root),10(wheel)\n[rc=0]\n',
};
