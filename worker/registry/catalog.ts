/**
 * The simulated Docker Hub's images: configs (Env, Cmd, Entrypoint, ExposedPorts, …),
 * creation dates and history as the real official images carry them. BuildKit-built
 * images have `… # buildkit` steps with comment `buildkit.dockerfile.v0`; older ones
 * (busybox, ubuntu, mongo:4.2) have legacy `/bin/sh -c #(nop) …` steps. A step with a
 * `layer` produces that layer (see layers.ts); the others are `empty_layer`.
 * BuildKit sets `ArgsEscaped: true` on Linux images with CMD/ENTRYPOINT (seen in configs
 * BuildKit wrote in a real engine, test/registry/fixtures/engine-configs.txt).
 */
import type { ContainerDefaults } from '../engine/image-config.ts';
import { SERVICE_IMAGES } from './catalog-services.ts';
import { LANGUAGE_IMAGES } from './catalog-languages.ts';
import { VARIANT_IMAGES } from './catalog-variants.ts';
import { fakeHex } from './tree.ts';

/** One history step of a catalog image. */
export interface Step { created: string; created_by: string; comment?: string; layer?: string }

/** One image (one manifest) and every tag that points at it. */
export interface CatalogImage { repository: string; tags: string[]; created: string; config: ContainerDefaults; steps: Step[] }

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BK = 'buildkit.dockerfile.v0';

/** BuildKit steps at `created`: strings with a `layer:` mark produce a layer. */
function bk(created: string, ...steps: Array<string | [string, string]>): Step[] {
  return steps.map((s) => (typeof s === 'string' ? { created, created_by: s, comment: BK } : { created, created_by: s[0], comment: BK, layer: s[1] }));
}

/** Legacy-builder step. */
function legacy(created: string, created_by: string, layer?: string): Step {
  return layer ? { created, created_by, layer } : { created, created_by };
}

const ALPINE = (v: string, layer: string, created: string): Step[] => bk(created, [`ADD alpine-minirootfs-${v}-x86_64.tar.gz / # buildkit`, layer], 'CMD ["/bin/sh"]');
const BOOKWORM_SLIM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-slim-20250721' }];
const BOOKWORM_SLIM_OLD: Step[] = [{ created: '2024-08-12T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1723420800'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-slim-20240812' }];
const BOOKWORM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-20250721' }];
const NOBLE_T = '2025-07-14T17:26:52.361281426Z';
const NOBLE: Step[] = [
  legacy(NOBLE_T.replace('52.361281426', '47.620419152'), '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy(NOBLE_T.replace('52.361281426', '47.660856328'), '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy(NOBLE_T.replace('52.361281426', '47.696911434'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy(NOBLE_T.replace('52.361281426', '47.736386931'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'),
  legacy(NOBLE_T.replace('52.361281426', '50.913540962'), `/bin/sh -c #(nop) ADD file:${fakeHex('noble-rootfs', 64)} in / `, 'ubuntu-noble-20250714'),
  legacy(NOBLE_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];
const JAMMY_T = '2025-06-26T08:42:52.713839302Z';
const JAMMY: Step[] = [
  legacy('2025-06-26T08:42:49.951232071Z', '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy('2025-06-26T08:42:49.987591224Z', '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy('2025-06-26T08:42:50.023178512Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy('2025-06-26T08:42:50.061452977Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=22.04'),
  legacy('2025-06-26T08:42:52.435616683Z', `/bin/sh -c #(nop) ADD file:${fakeHex('jammy-rootfs', 64)} in / `, 'ubuntu-jammy-20250619'),
  legacy(JAMMY_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];
const BIONIC_T = '2023-03-08T04:32:39.486357016Z';
const BIONIC: Step[] = [
  legacy('2023-03-08T04:32:39.186829386Z', `/bin/sh -c #(nop) ADD file:${fakeHex('bionic-rootfs', 64)} in / `, 'ubuntu-bionic-20230301'),
  legacy(BIONIC_T, '/bin/sh -c #(nop)  CMD ["bash"]'),
];

function nginx(version: string, njs: string, created: string, base: Step[], dyn: boolean): Step[] {
  const p = `nginx-${version}`;
  return [...base, ...bk(created,
    'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
    `ENV NGINX_VERSION=${version}`, `ENV NJS_VERSION=${njs}`, 'ENV NJS_RELEASE=1~bookworm', 'ENV PKG_RELEASE=1~bookworm',
    ...(dyn ? ['ENV DYNPKG_RELEASE=1~bookworm'] : []),
    [`RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && mkdir /docker-entrypoint.d # buildkit`, `${p}-install`],
    ['COPY docker-entrypoint.sh / # buildkit', `${p}-entrypoint`],
    ['COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', `${p}-10-listen-on-ipv6-by-default.sh`],
    ['COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', `${p}-15-local-resolvers.envsh`],
    ['COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', `${p}-20-envsubst-on-templates.sh`],
    ['COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', `${p}-30-tune-worker-processes.sh`],
    'ENTRYPOINT ["/docker-entrypoint.sh"]', 'EXPOSE map[80/tcp:{}]', 'STOPSIGNAL SIGQUIT', 'CMD ["nginx" "-g" "daemon off;"]')];
}

function nginxConfig(version: string, njs: string, dyn: boolean): ContainerDefaults {
  return {
    ExposedPorts: { '80/tcp': {} },
    Env: [PATH, `NGINX_VERSION=${version}`, `NJS_VERSION=${njs}`, 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', ...(dyn ? ['DYNPKG_RELEASE=1~bookworm'] : [])],
    Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' }, StopSignal: 'SIGQUIT', ArgsEscaped: true,
  };
}

const PY_T = '2025-07-22T02:35:41Z';
const PY_ENV = ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'GPG_KEY=E3FF2839C048B25C084DEBE9B26995E310250568', 'PYTHON_VERSION=3.9.23', 'PYTHON_SHA256=61a42919e13d539f7673cf11d1c404380e28e540510860b9d242196e165709c9', 'PYTHON_PIP_VERSION=23.0.1', 'PYTHON_SETUPTOOLS_VERSION=58.1.0', 'PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/9af82b715db434abb94a0a6f3569f43e72157346/public/get-pip.py', 'PYTHON_GET_PIP_SHA256=45a2bb8bf2bb5eff16fdd00faef6f29731831c7c59bd9fc2bf1f3bed511ff1fe'];
const NODE_T = '2025-07-22T05:12:44Z';
const REDIS_T = '2025-07-22T03:40:10Z';
const MONGO_T = (s: string): string => `2023-03-08T11:${s}Z`;

/** Every image of the simulated Docker Hub. */
export const CATALOG: CatalogImage[] = [
  { repository: 'library/hello-world', tags: ['latest', 'linux'], created: '2023-05-02T16:49:27Z', config: { Env: [PATH], Cmd: ['/hello'], WorkingDir: '/', ArgsEscaped: true },
    steps: bk('2023-05-02T16:49:27Z', ['COPY hello / # buildkit', 'hello-world-20230502'], 'CMD ["/hello"]') },
  { repository: 'library/alpine', tags: ['latest', '3', '3.22', '3.22.1'], created: '2025-07-15T11:01:16Z', config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true },
    steps: ALPINE('3.22.1', 'alpine-3.22.1', '2025-07-15T11:01:16Z') },
  { repository: 'library/alpine', tags: ['3.21', '3.21.4'], created: '2025-07-15T11:00:53Z', config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true },
    steps: ALPINE('3.21.4', 'alpine-3.21.4', '2025-07-15T11:00:53Z') },
  { repository: 'library/busybox', tags: ['latest', 'glibc', '1.37', '1.37.0', '1.37.0-glibc', 'stable'], created: '2024-09-26T21:31:42.137405312Z', config: { Env: [PATH], Cmd: ['sh'] },
    steps: [legacy('2024-09-26T21:31:41.937829036Z', '/bin/sh -c #(nop) ADD file:20bf3da3620d60e21017253ada9a973cb36fad4049579af2b0bfcbd9a368c702 in / ', 'busybox-1.37.0-glibc'), legacy('2024-09-26T21:31:42.137405312Z', '/bin/sh -c #(nop)  CMD ["sh"]')] },
  { repository: 'library/debian', tags: ['latest', 'bookworm', '12', '12.11', 'bookworm-20250721'], created: '2025-07-21T00:00:00Z', config: { Env: [PATH], Cmd: ['bash'] }, steps: BOOKWORM },
  { repository: 'library/debian', tags: ['bookworm-slim', '12-slim', '12.11-slim', 'stable-slim'], created: '2025-07-21T00:00:00Z', config: { Env: [PATH], Cmd: ['bash'] }, steps: BOOKWORM_SLIM },
  { repository: 'library/ubuntu', tags: ['latest', '24.04', 'noble', 'noble-20250714'], created: NOBLE_T,
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } }, steps: NOBLE },
  { repository: 'library/ubuntu', tags: ['22.04', 'jammy', 'jammy-20250619'], created: JAMMY_T,
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' } }, steps: JAMMY },
  { repository: 'library/nginx', tags: ['latest', 'mainline', '1', '1.29', '1.29.0', 'bookworm'], created: '2025-07-22T04:18:07Z', config: nginxConfig('1.29.0', '0.9.0', true),
    steps: nginx('1.29.0', '0.9.0', '2025-07-22T04:18:07Z', BOOKWORM_SLIM, true) },
  { repository: 'library/nginx', tags: ['1.27.1', '1.27.1-bookworm'], created: '2024-08-14T21:31:12Z', config: nginxConfig('1.27.1', '0.8.5', false),
    steps: nginx('1.27.1', '0.8.5', '2024-08-14T21:31:12Z', BOOKWORM_SLIM_OLD, false) },
  { repository: 'library/python', tags: ['3.9-slim', '3.9.23-slim', '3.9-slim-bookworm', '3.9.23-slim-bookworm'], created: PY_T, config: { Env: PY_ENV, Cmd: ['python3'], ArgsEscaped: true },
    steps: [...BOOKWORM_SLIM, ...bk(PY_T, 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'ENV LANG=C.UTF-8',
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'python-3.9-deps'],
      'ENV GPG_KEY=E3FF2839C048B25C084DEBE9B26995E310250568', 'ENV PYTHON_VERSION=3.9.23', `ENV ${PY_ENV[4]}`,
      ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \t./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-option-checking=fatal --enable-shared --with-lto; \tmake -j "$nproc"; \tmake install; \tldconfig; \tpython3 --version # buildkit', 'python-3.9.23'],
      ['RUN /bin/sh -c set -eux; \tfor src in idle3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit', 'python-3.9-links'],
      'ENV PYTHON_PIP_VERSION=23.0.1', 'ENV PYTHON_SETUPTOOLS_VERSION=58.1.0', `ENV ${PY_ENV[7]}`, `ENV ${PY_ENV[8]}`,
      ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends wget; \t\twget -O get-pip.py "$PYTHON_GET_PIP_URL"; \techo "$PYTHON_GET_PIP_SHA256 *get-pip.py" | sha256sum -c -; \t\tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t--no-compile \t\t"pip==$PYTHON_PIP_VERSION" \t\t"setuptools==$PYTHON_SETUPTOOLS_VERSION" \t; \trm -f get-pip.py; \t\tpip --version # buildkit', 'python-3.9-pip-23.0.1'],
      'CMD ["python3"]')] },
  { repository: 'library/node', tags: ['latest', '24', '24.4', '24.4.1', 'current', 'bookworm', '24-bookworm'], created: NODE_T,
    config: { Env: [PATH, 'NODE_VERSION=24.4.1', 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'], ArgsEscaped: true },
    steps: [...BOOKWORM, ...bk('2025-07-21T01:14:27Z',
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-curl']),
      ...bk('2025-07-21T01:40:08Z', ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-scm']),
      ...bk('2025-07-21T02:35:51Z', ['RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm']),
      ...bk(NODE_T, ['RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', 'node-24-user'],
        'ENV NODE_VERSION=24.4.1',
        ['RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit', 'node-24.4.1'],
        'ENV YARN_VERSION=1.22.22',
        ['RUN /bin/sh -c set -ex   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz   && yarn --version # buildkit', 'node-24-yarn-1.22.22'],
        ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'node-24-entrypoint'],
        'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node"]')] },
  { repository: 'library/redis', tags: ['latest', '8', '8.0', '8.0.3', 'bookworm'], created: REDIS_T,
    config: { ExposedPorts: { '6379/tcp': {} }, Env: [PATH, 'GOSU_VERSION=1.17', 'REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz', 'REDIS_DOWNLOAD_SHA=2467b9608ecbfc9f5b1e2b8a4a3d6b5bb2d0a8f2a5f2ea3f4dd6aa2cd3a3c7f6'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], Volumes: { '/data': {} }, WorkingDir: '/data', ArgsEscaped: true },
    steps: [...BOOKWORM_SLIM, ...bk(REDIS_T,
      ['RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit', 'redis-8-user'],
      'ENV GOSU_VERSION=1.17',
      ['RUN /bin/sh -c set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-amd64"; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit', 'redis-8-gosu'],
      'ENV REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz', 'ENV REDIS_DOWNLOAD_SHA=2467b9608ecbfc9f5b1e2b8a4a3d6b5bb2d0a8f2a5f2ea3f4dd6aa2cd3a3c7f6',
      ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tg++ \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t\tgit \t\tcmake \t\tpython3 \t; \twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \tredis-cli --version; \tredis-server --version # buildkit', 'redis-8.0.3'],
      ['RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', 'redis-8-data'],
      'VOLUME [/data]', 'WORKDIR /data',
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'redis-8-entrypoint'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[6379/tcp:{}]', 'CMD ["redis-server"]')] },
  { repository: 'library/mongo', tags: ['4.2.24', '4.2.24-bionic', '4.2'], created: MONGO_T('21:12.880231541'),
    config: { ExposedPorts: { '27017/tcp': {} }, Env: [PATH, 'GOSU_VERSION=1.16', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=4.2', 'MONGO_VERSION=4.2.24'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mongod'], Volumes: { '/data/configdb': {}, '/data/db': {} } },
    steps: [...BIONIC,
      legacy(MONGO_T('17:22.338125107'), '/bin/sh -c groupadd -r mongodb && useradd -r -g mongodb mongodb', 'mongo-4.2-user'),
      legacy(MONGO_T('17:31.915245021'), '/bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t; \tif ! command -v ps > /dev/null; then \t\tapt-get install -y --no-install-recommends procps; \tfi; \trm -rf /var/lib/apt/lists/*', 'mongo-4.2-deps'),
      legacy(MONGO_T('17:32.102743298'), '/bin/sh -c #(nop)  ENV GOSU_VERSION=1.16'),
      legacy(MONGO_T('17:32.289018327'), '/bin/sh -c #(nop)  ENV JSYAML_VERSION=3.13.1'),
      legacy(MONGO_T('17:45.710937464'), '/bin/sh -c set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\twget \t; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true; \t\twget -O /js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"', 'mongo-4.2-gosu'),
      legacy(MONGO_T('17:46.593322197'), '/bin/sh -c mkdir /docker-entrypoint-initdb.d', 'mongo-4.2-initdb'),
      legacy(MONGO_T('17:49.063498329'), '/bin/sh -c set -ex; \texport GNUPGHOME="$(mktemp -d)"; \tset -- \'E162F504A20CDF15827F718D4B7C549A058F8B6B\'; \tfor key; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export "$@" > /etc/apt/keyrings/mongodb.gpg; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"', 'mongo-4.2-gpg'),
      legacy(MONGO_T('17:49.251238765'), '/bin/sh -c #(nop)  ARG MONGO_PACKAGE=mongodb-org'),
      legacy(MONGO_T('17:49.437118904'), '/bin/sh -c #(nop)  ARG MONGO_REPO=repo.mongodb.org'),
      legacy(MONGO_T('17:49.625374125'), '/bin/sh -c #(nop)  ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org'),
      legacy(MONGO_T('17:49.812226104'), '/bin/sh -c #(nop)  ENV MONGO_MAJOR=4.2'),
      legacy(MONGO_T('17:50.717066437'), '/bin/sh -c echo "deb http://$MONGO_REPO/apt/ubuntu bionic/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list"', 'mongo-4.2-list'),
      legacy(MONGO_T('17:50.904718932'), '/bin/sh -c #(nop)  ENV MONGO_VERSION=4.2.24'),
      legacy(MONGO_T('21:05.184220318'), '/bin/sh -c set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& ln -s /bin/true /usr/local/bin/systemctl \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t&& rm -f /usr/local/bin/systemctl \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig', 'mongo-4.2.24'),
      legacy(MONGO_T('21:07.030491771'), '/bin/sh -c mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb /data/db /data/configdb', 'mongo-4.2-data'),
      legacy(MONGO_T('21:07.218764311'), '/bin/sh -c #(nop)  VOLUME [/data/db /data/configdb]'),
      legacy(MONGO_T('21:07.479012559'), `/bin/sh -c #(nop) COPY file:${fakeHex('mongo-entrypoint', 64)} in /usr/local/bin/ `, 'mongo-4.2-entrypoint'),
      legacy(MONGO_T('21:07.667231102'), '/bin/sh -c #(nop)  ENTRYPOINT ["docker-entrypoint.sh"]'),
      legacy(MONGO_T('21:07.853912436'), '/bin/sh -c #(nop)  EXPOSE 27017'),
      legacy(MONGO_T('21:12.880231541'), '/bin/sh -c #(nop)  CMD ["mongod"]'),
    ] },
  ...SERVICE_IMAGES,
  ...LANGUAGE_IMAGES,
  ...VARIANT_IMAGES,
];
