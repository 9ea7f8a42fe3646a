/**
 * Every layer the simulated Docker Hub serves, by stable key. A key names one exact
 * tar: images that share a base (nginx:latest, python:3.9-slim and redis on
 * debian:bookworm-slim) list the same key, so they share the DiffID as on Docker Hub.
 * Sizes (bytes of regular files) follow the real images' `docker images` sizes.
 */
import { alpineTree } from './alpine.ts';
import { aptLayerTree, busyboxTree, helloTree, nodeTree, pipTree, programsTree, pythonDepsTree, pythonLinksTree, pythonTree, scriptTree, userTree } from './apps.ts';
import { debianTree } from './debian.ts';
import { LANGUAGE_LAYERS } from './layers-languages.ts';
import type { DebPkg } from './dpkg.ts';
import { VARIANT_LAYERS } from './layers-variants.ts';
import { nginxInstallTree } from './nginx.ts';
import { SERVICE_LAYERS } from './layers-services.ts';
import { MONGO_ENTRYPOINT, NGINX_ENTRYPOINT, NGINX_HOOKS, NODE_ENTRYPOINT, REDIS_ENTRYPOINT } from './scripts.ts';
import { Tree, unix } from './tree.ts';

const BOOKWORM = { ubuntu: false, versionId: '12', pretty: 'Debian GNU/Linux 12 (bookworm)', codename: 'bookworm', debianVersion: '12.11', mergedUsr: true };
const T_BOOKWORM = unix('2025-07-21T00:00:00Z');
const T_BOOKWORM_OLD = unix('2024-08-12T00:00:00Z');
const T_NGINX = unix('2025-07-22T04:18:07Z');
const T_NGINX_OLD = unix('2024-08-14T21:31:12Z');
const T_PY = unix('2025-07-22T02:35:41Z');
const T_NODE = unix('2025-07-22T05:12:44Z');
const T_REDIS = unix('2025-07-22T03:40:10Z');
const T_MONGO = unix('2023-03-08T11:21:12Z');

const DEV_STEMS = ['gcc-12', 'stdc++-12-dev', 'x11-dev', 'mysqlclient', 'pq', 'sqlite3', 'ssl-dev', 'xml2-dev', 'yaml', 'magickcore-6.q16', 'magickwand-6.q16', 'glib-2.0', 'gdk_pixbuf', 'cairo', 'pango', 'ldap', 'krb5', 'gnutls', 'curl-dev', 'ffi-dev', 'db5.3', 'gdbm', 'ncursesw', 'readline', 'bz2-dev', 'lzma-dev', 'zstd-dev', 'jpeg-dev', 'png-dev', 'webp-dev', 'tiff-dev', 'freetype-dev', 'icu-dev', 'python3.11', 'perl5.36', 'llvm'];

// Packages each apt layer installs; buildpack-deps layers stack, so each one's dpkg
// status lists the packages of the layers below it too.
const CURL_DEBS = debs('curl 7.88.1-10+deb12u12 web command line tool for transferring data with URL syntax', 'wget 1.21.3-1+deb12u1 web retrieves files from the web', 'gnupg 2.2.40-1.1 utils GNU privacy guard - a free PGP replacement', 'sq 0.27.0-2+b1 utils OpenPGP command-line tool from Sequoia', 'ca-certificates 20230311+deb12u1 misc Common CA certificates', 'netbase 6.4 admin Basic TCP/IP networking system');
const SCM_DEBS = debs('git 1:2.39.5-0+deb12u2 vcs fast, scalable, distributed revision control system', 'mercurial 6.3.2-1+deb12u1 vcs easy-to-use, scalable distributed version control system', 'openssh-client 1:9.2p1-2+deb12u6 net secure shell (SSH) client, for secure access to remote machines', 'subversion 1.14.2-4+deb12u1 vcs Advanced version control system', 'procps 2:4.0.2-3 admin /proc file system utilities');
const BUILD_DEBS = debs('autoconf 2.71-3 devel automatic configure script builder', 'automake 1:1.16.5-1.3 devel Tool for generating GNU Standards-compliant Makefiles', 'g++ 4:12.2.0-3 devel GNU C++ compiler', 'gcc 4:12.2.0-3 devel GNU C compiler', 'make 4.3-4.1 devel utility for directing compilation', 'imagemagick 8:6.9.11.60+dfsg-1.6+deb12u3 graphics image manipulation programs -- binaries', 'libc6-dev 2.36-9+deb12u10 libdevel GNU C Library: Development Libraries and Header Files', 'libssl-dev 3.0.16-1~deb12u1 libdevel Secure Sockets Layer toolkit - development files', 'patch 2.7.6-7 vcs Apply a diff file to an original', 'file 1:5.44-3 utils Recognize the type of data in a file using "magic" numbers');
const MONGO_DEBS = debs('jq 1.5+dfsg-2 utils lightweight and flexible command-line JSON processor', 'libjq1 1.5+dfsg-2 libs lightweight and flexible command-line JSON processor - shared library', 'libonig4 6.7.0-1 libs regular expressions library', 'numactl 2.0.11-2.1ubuntu0.1 admin NUMA scheduling and memory placement tool', 'ca-certificates 20211016ubuntu0.18.04.1 misc Common CA certificates');

/** Layer key → builder of its file tree. */
export const LAYERS: Record<string, () => Tree> = {
  'hello-world-20230502': () => helloTree('hello-world-20230502', unix('2023-05-02T16:49:27Z')),
  'alpine-3.22.1': () => alpineTree('alpine-3.22.1', { version: '3.22.1', branch: '3.22', busybox: '1.37.0-r18', musl: '1.2.5-r10', apk: '2.14.9-r2', openssl: '3.5.1-r0', created: '2025-07-15T11:01:16Z' }, unix('2025-07-15T11:01:16Z'), 7_830_000),
  'alpine-3.21.4': () => alpineTree('alpine-3.21.4', { version: '3.21.4', branch: '3.21', busybox: '1.37.0-r12', musl: '1.2.5-r9', apk: '2.14.6-r3', openssl: '3.3.4-r0', created: '2025-07-15T11:00:53Z' }, unix('2025-07-15T11:00:53Z'), 7_810_000),
  'busybox-1.37.0-glibc': () => busyboxTree('busybox-1.37.0-glibc', unix('2024-09-26T21:31:42Z'), 4_277_910),
  'debian-bookworm-slim-20250721': () => debianTree('debian-bookworm-slim-20250721', { ...BOOKWORM, slim: true }, T_BOOKWORM, 74_810_000),
  'debian-bookworm-20250721': () => debianTree('debian-bookworm-20250721', { ...BOOKWORM, slim: false }, T_BOOKWORM, 117_150_000),
  'debian-bookworm-slim-20240812': () => debianTree('debian-bookworm-slim-20240812', { ...BOOKWORM, debianVersion: '12.6', slim: true }, T_BOOKWORM_OLD, 74_770_000),
  'ubuntu-noble-20250714': () => debianTree('ubuntu-noble-20250714', { ubuntu: true, versionId: '24.04', pretty: 'Ubuntu 24.04.2 LTS', codename: 'noble', debianVersion: 'trixie/sid', mergedUsr: true, slim: false }, unix('2025-07-14T00:00:00Z'), 78_120_000),
  'ubuntu-jammy-20250619': () => debianTree('ubuntu-jammy-20250619', { ubuntu: true, versionId: '22.04', pretty: 'Ubuntu 22.04.5 LTS', codename: 'jammy', debianVersion: 'bookworm/sid', mergedUsr: true, slim: false }, unix('2025-06-19T00:00:00Z'), 77_860_000),
  'ubuntu-bionic-20230301': () => debianTree('ubuntu-bionic-20230301', { ubuntu: true, versionId: '18.04', pretty: 'Ubuntu 18.04.6 LTS', codename: 'bionic', debianVersion: 'buster/sid', mergedUsr: false, slim: false }, unix('2023-03-01T00:00:00Z'), 63_150_000),

  'nginx-1.29.0-install': () => nginxInstallTree('nginx-1.29.0-install', T_NGINX, 117_200_000, '1.29.0', '0.9.0'),
  'nginx-1.27.1-install': () => nginxInstallTree('nginx-1.27.1-install', T_NGINX_OLD, 113_200_000, '1.27.1', '0.8.5'),
  ...nginxScripts('nginx-1.29.0', T_NGINX),
  ...nginxScripts('nginx-1.27.1', T_NGINX_OLD),

  'python-3.9-deps': () => pythonDepsTree('python-3.9-deps', T_PY, 3_510_000),
  'python-3.9.23': () => pythonTree('python-3.9.23', T_PY, 34_480_000, '3.9'),
  'python-3.9-links': () => pythonLinksTree('python-3.9-links', T_PY),
  'python-3.9-pip-23.0.1': () => pipTree('python-3.9-pip-23.0.1', T_PY, 12_170_000, '3.9', '23.0.1'),

  'buildpack-bookworm-curl': () => aptLayerTree('buildpack-bookworm-curl', T_NODE, 24_010_000, { curl: 297008, wget: 543232, gpg: 1139720, sq: 9877504 }, ['curl', 'gnutls', 'nghttp2', 'rtmp', 'ssh2', 'psl', 'sasl2', 'ldap', 'gssapi', 'assuan', 'ksba', 'npth'], CURL_DEBS),
  'buildpack-bookworm-scm': () => aptLayerTree('buildpack-bookworm-scm', T_NODE, 64_370_000, { git: 3907352, hg: 1100, svn: 307424, ssh: 872608, scp: 113488, ps: 137688, top: 137240 }, ['svn_client-1', 'apr-1', 'aprutil-1', 'serf-1', 'python3.11', 'pcre2-8', 'expat', 'edit', 'procps', 'gdbm'], [...CURL_DEBS, ...SCM_DEBS]),
  'buildpack-bookworm': () => aptLayerTree('buildpack-bookworm', T_NODE, 588_200_000, { gcc: 1023960, 'g++': 1027896, cc: 1023960, make: 260552, autoconf: 14785, automake: 257049, file: 22888, patch: 211832, convert: 14920, 'dpkg-architecture': 17071, perl: 3971136 }, DEV_STEMS, [...CURL_DEBS, ...SCM_DEBS, ...BUILD_DEBS]),
  'node-24-user': () => userTree('node-24-user', T_NODE, 'node', 1000, '/home/node'),
  'node-24.4.1': () => nodeTree('node-24.4.1', T_NODE, 192_100_000, '24.4.1'),
  'node-24-yarn-1.22.22': () => programsTree('node-24-yarn-1.22.22', T_NODE, 5_340_000, 'opt/yarn-v1.22.22/bin', { yarn: 1016, 'yarn.js': 42 }, {}, 'opt/yarn-v1.22.22/lib', ['cli.js', 'v8-compile-cache.js']).link('usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn').link('usr/local/bin/yarnpkg', '/opt/yarn-v1.22.22/bin/yarnpkg'),
  'node-24-entrypoint': () => scriptTree('node-24-entrypoint', T_NODE, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),

  'redis-8-user': () => userTree('redis-8-user', T_REDIS, 'redis', 999),
  'redis-8-gosu': () => programsTree('redis-8-gosu', T_REDIS, 4_190_000, 'usr/local/bin', { gosu: 2_260_992 }, {}, 'usr/share/doc/gosu', ['LICENSE', 'README.md']),
  'redis-8.0.3': () => programsTree('redis-8.0.3', T_REDIS, 57_860_000, 'usr/local/bin', { 'redis-server': 16_412_672, 'redis-cli': 8_731_456, 'redis-benchmark': 7_520_336 }, { 'redis-check-aof': 'redis-server', 'redis-check-rdb': 'redis-server', 'redis-sentinel': 'redis-server' }, 'usr/local/lib/redis/modules', ['redisearch.so', 'rejson.so', 'redisbloom.so', 'redistimeseries.so']),
  'redis-8-data': () => new Tree('redis-8-data', T_REDIS).dir('data', { uid: 999, gid: 999 }),
  'redis-8-entrypoint': () => scriptTree('redis-8-entrypoint', T_REDIS, 'usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT),

  'mongo-4.2-user': () => userTree('mongo-4.2-user', T_MONGO, 'mongodb', 999),
  'mongo-4.2-deps': () => aptLayerTree('mongo-4.2-deps', T_MONGO, 6_820_000, { jq: 31360, numactl: 51496 }, ['jq', 'onig', 'numa'], MONGO_DEBS, true),
  'mongo-4.2-gosu': () => programsTree('mongo-4.2-gosu', T_MONGO, 2_640_000, 'usr/local/bin', { gosu: 2_286_001 }, {}, 'js-yaml', ['js-yaml.js']),
  'mongo-4.2-initdb': () => new Tree('mongo-4.2-initdb', T_MONGO).dir('docker-entrypoint-initdb.d'),
  'mongo-4.2-gpg': () => new Tree('mongo-4.2-gpg', T_MONGO).blob('etc/apt/trusted.gpg.d/mongodb.gpg', 1164),
  'mongo-4.2-list': () => new Tree('mongo-4.2-list', T_MONGO).text('etc/apt/sources.list.d/mongodb-org.list', 'deb http://repo.mongodb.org/apt/ubuntu bionic/mongodb-org/4.2 multiverse\n'),
  'mongo-4.2.24': () => programsTree('mongo-4.2.24', T_MONGO, 313_900_000, 'usr/bin', { mongod: 88_314_072, mongo: 48_210_904, mongos: 57_813_128, mongodump: 16_318_360, mongorestore: 16_627_864, mongoexport: 15_966_232, mongoimport: 16_126_136, mongostat: 15_654_952, mongotop: 15_339_960, mongofiles: 15_794_328, bsondump: 12_003_416, 'install_compass': 7_030 }, {}, 'usr/share/doc/mongodb-org-server', ['changelog.gz', 'LICENSE-Community.txt', 'THIRD-PARTY-NOTICES']).text('etc/mongod.conf.orig', '# mongod.conf\n\n# for documentation of all options, see:\n#   http://docs.mongodb.org/manual/reference/configuration-options/\n\n# Where and how to store data.\nstorage:\n  dbPath: /var/lib/mongodb\n  journal:\n    enabled: true\n\n# network interfaces\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n'),
  'mongo-4.2-data': () => new Tree('mongo-4.2-data', T_MONGO).dir('data/configdb', { uid: 999, gid: 999 }).dir('data/db', { uid: 999, gid: 999 }),
  'mongo-4.2-entrypoint': () => scriptTree('mongo-4.2-entrypoint', T_MONGO, 'usr/local/bin/docker-entrypoint.sh', MONGO_ENTRYPOINT),
  ...SERVICE_LAYERS,
  ...LANGUAGE_LAYERS,
  ...VARIANT_LAYERS,
};

/** Package stanzas from 'name version section description…' strings. */
function debs(...specs: string[]): DebPkg[] {
  return specs.map((s) => {
    const [name, version, section, ...desc] = s.split(' ') as [string, string, string, ...string[]];
    return { name, version, section, kb: 100 + name.length * 211, desc: desc.join(' ') };
  });
}

function nginxScripts(prefix: string, mtime: number): Record<string, () => Tree> {
  const out: Record<string, () => Tree> = { [`${prefix}-entrypoint`]: () => scriptTree(`${prefix}-entrypoint`, mtime, 'docker-entrypoint.sh', NGINX_ENTRYPOINT) };
  for (const [name, text] of Object.entries(NGINX_HOOKS)) out[`${prefix}-${name}`] = () => scriptTree(`${prefix}-${name}`, mtime, `docker-entrypoint.d/${name}`, text);
  return out;
}
