/**
 * Layers of the variant images (catalog-variants.ts), by stable key, registered in
 * layers.ts's LAYERS. Base layers are the existing keys (alpine-3.22.1,
 * debian-bookworm(-slim)-20250721, ubuntu-noble-20250714, the buildpack-deps layers),
 * so python:3.13-alpine and nginx:alpine share alpine's DiffID, as on Docker Hub;
 * every application layer is its own build (its own key and mtime).
 * Sizes (bytes of regular files) follow the real images' `docker images` sizes.
 */
import { alpineTree } from './alpine.ts';
import { aptLayerTree, nodeTree, pipTree, programsTree, pythonDepsTree, pythonLinksTree, pythonTree, scriptTree, userTree } from './apps.ts';
import { debGroup, debPasswd, debianTree } from './debian.ts';
import type { DebPkg } from './dpkg.ts';
import { MONGO_ENTRYPOINT, NGINX_ENTRYPOINT, NGINX_HOOKS, NODE_ENTRYPOINT } from './scripts.ts';
import { Tree, unix } from './tree.ts';
import { alpineAccounts, apkDepsTree, busyboxStaticTree, nginxAlpineTree, nodeAlpineTree, nodeFiles, pythonModernLinksTree, pythonModernTree, yarnTree } from './variants.ts';

/** Build times of the variant images (RFC 3339), shared with catalog-variants.ts. */
export const VARIANT_TIMES = {
  nginxSlim: '2025-07-22T04:05:12Z',
  nginxAlpine: '2025-07-22T04:06:38Z',
  py313: '2025-07-22T02:51:09Z',
  py313slim: '2025-07-22T02:40:27Z',
  py313alpine: '2025-07-22T02:44:53Z',
  py312slim: '2025-07-22T02:38:16Z',
  py39alpine: '2025-07-22T02:47:31Z',
  node22: '2025-07-22T05:20:31Z',
  node22slim: '2025-07-22T05:02:18Z',
  node22alpine: '2025-07-22T04:58:47Z',
  node24alpine: '2025-07-22T04:57:05Z',
  node24slim: '2025-07-22T05:00:56Z',
  redisAlpine: '2025-07-22T03:33:50Z',
  trixie: '2025-08-11T00:00:00Z',
  plucky: '2025-07-14T17:27:10.205731920Z',
  alpine320: '2025-07-15T11:00:31Z',
  mongo8: '2025-07-22T06:12:40Z',
  busyboxStatic: '2024-09-26T21:31:42Z',
} as const;

const T = Object.fromEntries(Object.entries(VARIANT_TIMES).map(([k, v]) => [k, unix(v)])) as Record<keyof typeof VARIANT_TIMES, number>;
const TRIXIE = { ubuntu: false, versionId: '13', pretty: 'Debian GNU/Linux 13 (trixie)', codename: 'trixie', debianVersion: '13.0', mergedUsr: true };

function nginxAlpineScripts(prefix: string, mtime: number): Record<string, () => Tree> {
  const out: Record<string, () => Tree> = { [`${prefix}-entrypoint`]: () => scriptTree(`${prefix}-entrypoint`, mtime, 'docker-entrypoint.sh', NGINX_ENTRYPOINT) };
  for (const [name, text] of Object.entries(NGINX_HOOKS)) out[`${prefix}-${name}`] = () => scriptTree(`${prefix}-${name}`, mtime, `docker-entrypoint.d/${name}`, text);
  return out;
}

/** A Debian-family layer that adds one system user (useradd appends to the base's files). */
function debUserTree(key: string, mtime: number, ubuntu: boolean, user: string, uid: number, home: string, dirs: readonly string[]): Tree {
  const t = new Tree(key, mtime);
  t.text('etc/passwd', debPasswd(ubuntu, [`${user}:x:${uid}:${uid}::${home}:/bin/sh`]));
  t.text('etc/group', debGroup(ubuntu, [`${user}:x:${uid}:`]));
  t.text('etc/shadow', `root:*:20000:0:99999:7:::\ndaemon:*:20000:0:99999:7:::\nbin:*:20000:0:99999:7:::\nnobody:*:20000:0:99999:7:::\n${user}:!:20291::::::\n`, { mode: 0o640, gid: 42 });
  t.text('etc/gshadow', `root:*::\ndaemon:*::\nbin:*::\nshadow:*::\nnogroup:*::\n${user}:!::\n`, { mode: 0o640, gid: 42 });
  for (const d of dirs) t.dir(d, { uid, gid: uid });
  return t;
}

const pkg = (name: string, version: string, section: string, desc: string): DebPkg => ({ name, version, section, kb: 100 + name.length * 211, desc });
const PY_FULL_DEBS = [pkg('libbluetooth-dev', '5.66-1+deb12u2', 'libdevel', 'Development files for using the BlueZ Linux Bluetooth library'), pkg('tk-dev', '8.6.13', 'devel', 'Toolkit for Tcl and X11 (default version) - development files'), pkg('uuid-dev', '2.38.1-5+deb12u3', 'libdevel', 'Universally Unique ID library - headers and static libraries')];
const MONGO8_DEBS = [pkg('jq', '1.7.1-3build1', 'utils', 'lightweight and flexible command-line JSON processor'), pkg('libjq1', '1.7.1-3build1', 'libs', 'lightweight and flexible command-line JSON processor - shared library'), pkg('libonig5', '6.9.9-1build1', 'libs', 'regular expressions library'), pkg('numactl', '2.0.18-1build1', 'admin', 'NUMA scheduling and memory placement tool'), pkg('procps', '2:4.0.4-4ubuntu3.2', 'admin', '/proc file system utilities'), pkg('ca-certificates', '20240203', 'misc', 'Common CA certificates')];

/** Layer key → builder, for every variant image. */
export const VARIANT_LAYERS: Record<string, () => Tree> = {
  'alpine-3.20.7': () => alpineTree('alpine-3.20.7', { version: '3.20.7', branch: '3.20', busybox: '1.36.1-r31', musl: '1.2.5-r1', apk: '2.14.4-r1', openssl: '3.3.4-r0', created: VARIANT_TIMES.alpine320 }, T.alpine320, 7_800_000),
  'debian-trixie-20250811': () => debianTree('debian-trixie-20250811', { ...TRIXIE, slim: false }, T.trixie, 120_270_000),
  'debian-trixie-slim-20250811': () => debianTree('debian-trixie-slim-20250811', { ...TRIXIE, slim: true }, T.trixie, 78_620_000),
  'ubuntu-plucky-20250714': () => debianTree('ubuntu-plucky-20250714', { ubuntu: true, versionId: '25.04', pretty: 'Ubuntu 25.04', codename: 'plucky', debianVersion: 'trixie/sid', mergedUsr: true, slim: false }, unix('2025-07-14T00:00:00Z'), 78_540_000),
  'busybox-1.37.0-musl': () => busyboxStaticTree('busybox-1.37.0-musl', T.busyboxStatic, 1_470_000),
  'busybox-1.37.0-uclibc': () => busyboxStaticTree('busybox-1.37.0-uclibc', T.busyboxStatic, 2_160_000),

  'nginx-1.29.0-alpine-slim-install': () => nginxAlpineTree('nginx-1.29.0-alpine-slim-install', T.nginxSlim, 5_030_000, false),
  ...nginxAlpineScripts('nginx-1.29.0-alpine', T.nginxSlim),
  'nginx-1.29.0-alpine-modules': () => nginxAlpineTree('nginx-1.29.0-alpine-modules', T.nginxAlpine, 39_700_000, true),

  'python-3.13-bookworm-deps': () => aptLayerTree('python-3.13-bookworm-deps', T.py313, 18_610_000, {}, ['bluetooth', 'tk8.6', 'tcl8.6', 'X11', 'xft', 'fontconfig', 'uuid'], PY_FULL_DEBS),
  'python-3.13.5-bookworm': () => pythonModernTree('python-3.13.5-bookworm', T.py313, 190_200_000, { short: '3.13', pip: '25.1.1', musl: false }),
  'python-3.13-bookworm-links': () => pythonModernLinksTree('python-3.13-bookworm-links', T.py313),
  'python-3.13-slim-deps': () => pythonDepsTree('python-3.13-slim-deps', T.py313slim, 3_510_000),
  'python-3.13.5-slim': () => pythonModernTree('python-3.13.5-slim', T.py313slim, 46_120_000, { short: '3.13', pip: '25.1.1', musl: false }),
  'python-3.13-slim-links': () => pythonModernLinksTree('python-3.13-slim-links', T.py313slim),
  'python-3.13-alpine-deps': () => apkDepsTree('python-3.13-alpine-deps', T.py313alpine, 3_020_000),
  'python-3.13.5-alpine': () => pythonModernTree('python-3.13.5-alpine', T.py313alpine, 34_700_000, { short: '3.13', pip: '25.1.1', musl: true }),
  'python-3.13-alpine-links': () => pythonModernLinksTree('python-3.13-alpine-links', T.py313alpine),
  'python-3.12-slim-deps': () => pythonDepsTree('python-3.12-slim-deps', T.py312slim, 3_510_000),
  'python-3.12.11-slim': () => pythonModernTree('python-3.12.11-slim', T.py312slim, 45_300_000, { short: '3.12', pip: '25.0.1', musl: false }),
  'python-3.12-slim-links': () => pythonModernLinksTree('python-3.12-slim-links', T.py312slim),
  'python-3.9-alpine-deps': () => apkDepsTree('python-3.9-alpine-deps', T.py39alpine, 3_020_000),
  'python-3.9.23-alpine': () => pythonTree('python-3.9.23-alpine', T.py39alpine, 33_900_000, '3.9'),
  'python-3.9-alpine-links': () => pythonLinksTree('python-3.9-alpine-links', T.py39alpine),
  'python-3.9-alpine-pip-23.0.1': () => pipTree('python-3.9-alpine-pip-23.0.1', T.py39alpine, 12_170_000, '3.9', '23.0.1'),

  'node-22-user': () => userTree('node-22-user', T.node22, 'node', 1000, '/home/node'),
  'node-22.17.1': () => nodeTree('node-22.17.1', T.node22, 190_400_000, '22.17.1'),
  'node-22-yarn-1.22.22': () => yarnTree('node-22-yarn-1.22.22', T.node22),
  'node-22-entrypoint': () => scriptTree('node-22-entrypoint', T.node22, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),
  'node-22-slim-user': () => userTree('node-22-slim-user', T.node22slim, 'node', 1000, '/home/node'),
  'node-22.17.1-slim': () => nodeFiles(new Tree('node-22.17.1-slim', T.node22slim), 141_000_000, '22.17.1', 120_540_152),
  'node-22-slim-yarn-1.22.22': () => yarnTree('node-22-slim-yarn-1.22.22', T.node22slim),
  'node-22-slim-entrypoint': () => scriptTree('node-22-slim-entrypoint', T.node22slim, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),
  'node-22.17.1-alpine': () => nodeAlpineTree('node-22.17.1-alpine', T.node22alpine, 146_500_000, '22.17.1'),
  'node-22-alpine-yarn-1.22.22': () => yarnTree('node-22-alpine-yarn-1.22.22', T.node22alpine),
  'node-22-alpine-entrypoint': () => scriptTree('node-22-alpine-entrypoint', T.node22alpine, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),
  'node-24.4.1-alpine': () => nodeAlpineTree('node-24.4.1-alpine', T.node24alpine, 150_800_000, '24.4.1'),
  'node-24-alpine-yarn-1.22.22': () => yarnTree('node-24-alpine-yarn-1.22.22', T.node24alpine),
  'node-24-alpine-entrypoint': () => scriptTree('node-24-alpine-entrypoint', T.node24alpine, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),
  'node-24-slim-user': () => userTree('node-24-slim-user', T.node24slim, 'node', 1000, '/home/node'),
  'node-24.4.1-slim': () => nodeFiles(new Tree('node-24.4.1-slim', T.node24slim), 145_600_000, '24.4.1', 122_314_520),
  'node-24-slim-yarn-1.22.22': () => yarnTree('node-24-slim-yarn-1.22.22', T.node24slim),
  'node-24-slim-entrypoint': () => scriptTree('node-24-slim-entrypoint', T.node24slim, 'usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT),

  'redis-8-alpine-user': () => alpineAccounts(new Tree('redis-8-alpine-user', T.redisAlpine), [{ user: 'redis', uid: 999, gid: 1000, gecos: 'Linux User,,,', home: '/home/redis', shell: '/sbin/nologin', member: true, makeHome: true }]),
  'redis-8-alpine-deps': () => apkDepsTree('redis-8-alpine-deps', T.redisAlpine, 1_640_000).exe('sbin/su-exec', 10_184, 'su-exec'),
  'redis-8.0.3-alpine': () => new Tree('redis-8.0.3-alpine', T.redisAlpine).exe('usr/local/bin/redis-server', 15_871_352, 'redis-server').exe('usr/local/bin/redis-cli', 8_420_680, 'redis-cli').exe('usr/local/bin/redis-benchmark', 7_224_016, 'redis-benchmark')
    .link('usr/local/bin/redis-check-aof', 'redis-server').link('usr/local/bin/redis-check-rdb', 'redis-server').link('usr/local/bin/redis-sentinel', 'redis-server')
    .fillTo(49_900_000, 'usr/local/lib/redis/modules', ['redisearch.so', 'rejson.so', 'redisbloom.so', 'redistimeseries.so']),
  'redis-8-alpine-data': () => new Tree('redis-8-alpine-data', T.redisAlpine).dir('data', { uid: 999, gid: 1000 }),
  'redis-8-alpine-entrypoint': () => scriptTree('redis-8-alpine-entrypoint', T.redisAlpine, 'usr/local/bin/docker-entrypoint.sh', REDIS_ALPINE_ENTRYPOINT),

  'mongo-8.0-user': () => debUserTree('mongo-8.0-user', T.mongo8, true, 'mongodb', 999, '/data/db', ['data/db', 'data/configdb']),
  'mongo-8.0-deps': () => aptLayerTree('mongo-8.0-deps', T.mongo8, 9_830_000, { jq: 31_432, numactl: 51_520, ps: 141_840, top: 137_240 }, ['jq', 'onig', 'numa', 'procps'], MONGO8_DEBS, true),
  'mongo-8.0-gosu': () => programsTree('mongo-8.0-gosu', T.mongo8, 2_640_000, 'usr/local/bin', { gosu: 2_273_280 }, {}, 'js-yaml', ['js-yaml.js']),
  'mongo-8.0-initdb': () => new Tree('mongo-8.0-initdb', T.mongo8).dir('docker-entrypoint-initdb.d'),
  'mongo-8.0-gpg': () => new Tree('mongo-8.0-gpg', T.mongo8).blob('etc/apt/keyrings/mongodb.gpg', 1_180),
  'mongo-8.0-list': () => new Tree('mongo-8.0-list', T.mongo8).text('etc/apt/sources.list.d/mongodb-org.list', 'deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://repo.mongodb.org/apt/ubuntu noble/mongodb-org/8.0 multiverse\n'),
  'mongo-8.0.12': () => programsTree('mongo-8.0.12', T.mongo8, 789_400_000, 'usr/bin', { mongod: 191_827_304, mongos: 120_541_832, mongosh: 112_664_192, mongodump: 16_918_360, mongorestore: 17_227_864, mongoexport: 16_566_232, mongoimport: 16_726_136, mongostat: 16_254_952, mongotop: 15_939_960, mongofiles: 16_394_328, bsondump: 12_603_416, 'install_compass': 7_030 }, {}, 'usr/share/doc/mongodb-org-server', ['changelog.gz', 'LICENSE-Community.txt', 'THIRD-PARTY-NOTICES']).text('etc/mongod.conf.orig', MONGOD_CONF),
  'mongo-8.0-entrypoint': () => scriptTree('mongo-8.0-entrypoint', T.mongo8, 'usr/local/bin/docker-entrypoint.sh', MONGO_ENTRYPOINT),
};

const MONGOD_CONF = '# mongod.conf\n\n# for documentation of all options, see:\n#   http://docs.mongodb.org/manual/reference/configuration-options/\n\n# Where and how to store data.\nstorage:\n  dbPath: /var/lib/mongodb\n\n# where to write logging data.\nsystemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n\n# network interfaces\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n';

/** redis's Alpine entrypoint: as the Debian one, dropping privileges with su-exec instead of gosu. */
const REDIS_ALPINE_ENTRYPOINT = '#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\n# or first arg is `something.conf`\nif [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then\n\tset -- redis-server "$@"\nfi\n\n# allow the container to be started with `--user`\nif [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]; then\n\tfind . \\! -user redis -exec chown redis \'{}\' +\n\texec su-exec redis "$0" "$@"\nfi\n\n# set an appropriate umask (if one isn\'t set already)\num="$(umask)"\nif [ "$um" = \'0022\' ]; then\n\tumask 0077\nfi\n\nexec "$@"\n';
