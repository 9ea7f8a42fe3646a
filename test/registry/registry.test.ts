import { describe, expect, it } from 'vitest';
import { humanSizeWithPrecision } from '../../worker/common/go-units.ts';
import { digestOf } from '../../worker/engine/digest.ts';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { contentBytes, entryProgram, readText } from '../../worker/engine/layer/entry.ts';
import { programOf } from '../../worker/engine/layer/exec-marker.ts';
import DIGESTS from '../../worker/registry/digests.generated.json' with { type: 'json' };
import { layerByRecipe, listCatalog, resolve, RegistryError } from '../../worker/registry/registry.ts';
import type { RegistryImage } from '../../worker/registry/registry.ts';

const total = (img: RegistryImage): number => img.layers.reduce((n, l) => n + l.size, 0);
const files = (img: RegistryImage): Map<string, Entry> => {
  const m = new Map<string, Entry>();
  for (const l of img.layers) for (const e of l.entries()) m.set(e.path, e);
  return m;
};

describe('catalog', () => {
  it('resolves every repository and tag', () => {
    for (const { repository, tags } of listCatalog()) {
      for (const tag of tags) {
        const img = resolve(repository, tag);
        expect(img.repository).toBe(repository);
        expect(img.tag).toBe(tag);
      }
    }
    expect(listCatalog().map((r) => r.repository)).toEqual(['library/hello-world', 'library/alpine', 'library/busybox', 'library/debian', 'library/ubuntu', 'library/nginx', 'library/python', 'library/node', 'library/redis', 'library/mongo',
      'library/postgres', 'library/mysql', 'library/mariadb', 'library/memcached', 'library/rabbitmq', 'library/httpd', 'library/traefik', 'library/haproxy', 'library/registry',
      'library/golang', 'library/eclipse-temurin', 'library/openjdk', 'library/ruby', 'library/php', 'library/wordpress', 'library/rust', 'library/docker']);
  });

  it('accepts familiar, library/ and docker.io/ names, and digests', () => {
    const a = resolve('alpine', 'latest');
    expect(resolve('library/alpine', '3.22').manifestDigest).toBe(a.manifestDigest);
    expect(resolve('docker.io/library/alpine', '3.22.1').manifestDigest).toBe(a.manifestDigest);
    expect(resolve('alpine', a.manifestDigest).configBytes).toEqual(a.configBytes);
    expect(resolve('alpine', '3.21').manifestDigest).not.toBe(a.manifestDigest);
    expect(resolve('busybox', 'glibc').manifestDigest).toBe(resolve('busybox', 'latest').manifestDigest);
  });

  it("fails with Docker's exact words", () => {
    const err = (f: () => unknown): RegistryError => { try { f(); } catch (e) { return e as RegistryError; } throw new Error('no error'); };
    const repo = err(() => resolve('nosuchimage', 'latest'));
    expect(repo).toBeInstanceOf(RegistryError);
    expect(repo.code).toBe('REPO_NOT_FOUND');
    expect(repo.message).toEqual("pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    expect(err(() => resolve('someone/app', 'v1')).message).toEqual("pull access denied for someone/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    const tag = err(() => resolve('alpine', 'nosuch'));
    expect(tag.code).toBe('MANIFEST_UNKNOWN');
    expect(tag.message).toEqual('manifest for alpine:nosuch not found: manifest unknown: manifest unknown');
  });
});

describe('images', () => {
  it('have sizes close to the real images', () => {
    const within = (img: RegistryImage, target: number): void => {
      expect(Math.abs(total(img) - target) / target).toBeLessThan(0.1);
    };
    within(resolve('alpine', 'latest'), 7.8e6);
    within(resolve('ubuntu', 'latest'), 78e6);
    within(resolve('nginx', 'latest'), 190e6);
    within(resolve('nginx', '1.27.1'), 188e6);
    within(resolve('python', '3.9-slim'), 125e6);
    within(resolve('debian', 'bookworm-slim'), 74.8e6);
    within(resolve('mongo', '4.2.24'), 388e6);
    const hello = resolve('hello-world', 'latest');
    expect(hello.layers.map((l) => l.size)).toEqual([10072]);
    expect(humanSizeWithPrecision(total(hello), 3)).toBe('10.1kB');
  });

  it('have the real layer counts', () => {
    const count = (n: string, t: string): number => resolve(n, t).layers.length;
    expect([count('nginx', 'latest'), count('python', '3.9-slim'), count('ubuntu', 'latest'), count('alpine', 'latest'), count('node', 'latest'), count('hello-world', 'latest')]).toEqual([7, 5, 1, 1, 8, 1]);
  });

  it('share base layers where the real images do', () => {
    const base = resolve('debian', 'bookworm-slim').layers[0]!.diffId;
    expect(resolve('nginx', 'latest').layers[0]!.diffId).toBe(base);
    expect(resolve('python', '3.9-slim').layers[0]!.diffId).toBe(base);
    expect(resolve('redis', 'latest').layers[0]!.diffId).toBe(base);
    expect(resolve('node', 'latest').layers[0]!.diffId).toBe(resolve('debian', 'latest').layers[0]!.diffId);
    expect(resolve('nginx', '1.27.1').layers[0]!.diffId).not.toBe(base);
  });

  it('carry config bytes, manifest and recorded digests that agree', () => {
    const rec = DIGESTS.images as Record<string, { configDigest: string; manifestDigest: string }>;
    for (const { repository, tags } of listCatalog()) {
      for (const tag of tags) {
        const img = resolve(repository, tag);
        const key = Object.keys(rec).find((k) => k.startsWith(repository + ':') && resolve(repository, k.split(':')[1]!).manifestDigest === img.manifestDigest)!;
        expect(digestOf(img.configBytes)).toBe(rec[key]!.configDigest);
        expect(digestOf(img.manifestBytes)).toBe(img.manifestDigest);
        const m = JSON.parse(new TextDecoder().decode(img.manifestBytes));
        expect(m.config).toEqual({ mediaType: 'application/vnd.oci.image.config.v1+json', digest: rec[key]!.configDigest, size: img.configBytes.length });
        expect(m.layers).toEqual(img.layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: l.diffId, size: l.tarSize })));
        expect(img.config.rootfs.diff_ids).toEqual(img.layers.map((l) => l.diffId));
        expect(img.config.history!.filter((h) => !h.empty_layer).length).toBe(img.layers.length);
      }
    }
  });

  it('alpine config and history are BuildKit-style', () => {
    expect(new TextDecoder().decode(resolve('alpine', 'latest').configBytes)).toEqual(
      '{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/","ArgsEscaped":true},"created":"2025-07-15T11:01:16Z","history":[{"created":"2025-07-15T11:01:16Z","created_by":"ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit","comment":"buildkit.dockerfile.v0"},{"created":"2025-07-15T11:01:16Z","created_by":"CMD [\\"/bin/sh\\"]","comment":"buildkit.dockerfile.v0","empty_layer":true}],"os":"linux","rootfs":{"type":"layers","diff_ids":["' +
      resolve('alpine', 'latest').layers[0]!.diffId + '"]}}');
  });

  it('nginx config has the real defaults', () => {
    const c = resolve('nginx', 'latest').config.config;
    expect(c.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(c.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(c.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(c.Env).toContain('NGINX_VERSION=1.29.0');
    expect(resolve('redis', 'latest').config.config.ExposedPorts).toEqual({ '6379/tcp': {} });
    expect(resolve('mongo', '4.2.24').config.config.ExposedPorts).toEqual({ '27017/tcp': {} });
    expect(resolve('node', 'latest').config.config.Entrypoint).toEqual(['docker-entrypoint.sh']);
  });
});

describe('file trees', () => {
  it('alpine: busybox applets, apk and its database', () => {
    const f = files(resolve('alpine', 'latest'));
    expect(f.get('bin/sh')).toMatchObject({ type: 'symlink', linkname: '/bin/busybox' });
    expect(f.get('bin/ls')).toMatchObject({ type: 'symlink', linkname: '/bin/busybox' });
    expect(programOf(contentBytes(f.get('bin/busybox')!))).toBe('busybox');
    expect(programOf(contentBytes(f.get('sbin/apk')!))).toBe('apk');
    expect(readText(f.get('etc/alpine-release')!)).toBe('3.22.1\n');
    expect(f.get('etc/os-release')).toMatchObject({ type: 'symlink', linkname: '../usr/lib/os-release' });
    expect(readText(f.get('usr/lib/os-release')!)).toEqual('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n');
    const pkgs = readText(f.get('lib/apk/db/installed')!).split('\n').filter((l) => l.startsWith('P:')).map((l) => l.slice(2));
    expect(pkgs).toEqual(['alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'alpine-release', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle', 'libapk2', 'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib']);
  });

  it('ubuntu and debian: bash, coreutils, apt-get, dpkg status', () => {
    for (const [name, tag, deb] of [['ubuntu', 'latest', 'trixie/sid\n'], ['debian', 'latest', '12.11\n'], ['debian', 'bookworm-slim', '12.11\n']] as const) {
      const f = files(resolve(name, tag));
      expect(f.get('bin')).toMatchObject({ type: 'symlink', linkname: 'usr/bin' });
      expect(programOf(contentBytes(f.get('usr/bin/bash')!))).toBe('bash');
      expect(programOf(contentBytes(f.get('usr/bin/ls')!))).toBe('ls');
      expect(programOf(contentBytes(f.get('usr/bin/apt-get')!))).toBe('apt-get');
      expect(readText(f.get('etc/debian_version')!)).toBe(deb);
      const status = readText(f.get('var/lib/dpkg/status')!);
      expect(status.split('\n\n')[0]!.split('\n').slice(0, 3)).toEqual(['Package: adduser', 'Status: install ok installed', 'Priority: important']);
      expect(status).toContain('\nPackage: bash\nEssential: yes\n');
    }
    const mongo = files(resolve('mongo', '4.2.24'));
    expect(programOf(contentBytes(mongo.get('bin/bash')!))).toBe('bash');
    expect(programOf(contentBytes(mongo.get('usr/bin/mongod')!))).toBe('mongod');
  });

  it('app images: python, node, nginx, hello-world, busybox', () => {
    const py = files(resolve('python', '3.9-slim'));
    expect(programOf(contentBytes(py.get('usr/local/bin/python3.9')!))).toBe('python3');
    expect(py.get('usr/local/bin/python3')).toMatchObject({ type: 'symlink', linkname: 'python3.9' });
    expect(py.get('usr/local/bin/python')).toMatchObject({ type: 'symlink', linkname: 'python3' });
    const node = files(resolve('node', 'latest'));
    expect(programOf(contentBytes(node.get('usr/local/bin/node')!).subarray(0, 112))).toBe('node');
    const nginx = files(resolve('nginx', 'latest'));
    expect(programOf(contentBytes(nginx.get('usr/sbin/nginx')!))).toBe('nginx');
    expect(readText(nginx.get('etc/nginx/nginx.conf')!)).toMatch(/^user {2}nginx;\n/);
    expect(readText(nginx.get('usr/share/nginx/html/index.html')!)).toContain('<title>Welcome to nginx!</title>');
    expect(nginx.get('docker-entrypoint.sh')).toMatchObject({ type: 'file', mode: 0o775 });
    const hello = resolve('hello-world', 'latest').layers[0]!.entries();
    expect(hello.map((e) => [e.path, e.size])).toEqual([['hello', 10072]]);
    expect(programOf(contentBytes(hello[0]!))).toBe('hello');
    const bb = files(resolve('busybox', 'latest'));
    expect(bb.get('bin/sh')).toMatchObject({ type: 'hardlink', linkname: 'bin/[' });
    expect(bb.get('bin/busybox')).toMatchObject({ type: 'hardlink', linkname: 'bin/[' });
    expect(entryProgram(bb.get('bin/[')!)).toBe('busybox');
  });

  it('layers regenerate from their JSON recipe', () => {
    const l = resolve('alpine', 'latest').layers[0]!;
    const again = layerByRecipe(JSON.parse(JSON.stringify(l.recipe)));
    expect(again.entries()).toEqual(l.entries());
  });
});
