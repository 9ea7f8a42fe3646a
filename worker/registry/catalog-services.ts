/**
 * The service images of the simulated Hub: postgres, mysql, mariadb, memcached,
 * rabbitmq, httpd, traefik, haproxy and registry. Configs (Env with the real variable
 * names, Entrypoint/Cmd, ports, volumes, StopSignal) and history steps follow the
 * docker-library Dockerfiles (and Traefik Labs', MySQL's and MariaDB's own) as they were
 * in mid-2025, written from knowledge of those files (no Hub is reachable from here):
 * long RUN steps are abridged in the middle, keeping their start and end. Checksums in
 * Env (PG_SHA256, HTTPD_SHA256, …) are not the real ones: they are deterministic
 * stand-ins of the right length (fakeHex), since no copy of the sources is at hand.
 * Base steps reuse the base images' layer keys, so layers are shared as on Docker Hub.
 */
import type { CatalogImage, Step } from './catalog.ts';
import type { ContainerDefaults } from '../engine/image-config.ts';
import { fakeHex } from './tree.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BK = 'buildkit.dockerfile.v0';

/** BuildKit steps at `created`: a [step, layerKey] pair produces a layer. */
function bk(created: string, ...steps: Array<string | [string, string]>): Step[] {
  return steps.map((s) => (typeof s === 'string' ? { created, created_by: s, comment: BK } : { created, created_by: s[0], comment: BK, layer: s[1] }));
}

// Base images' steps, by the same layer keys as catalog.ts (shared DiffIDs).
const BOOKWORM_SLIM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-slim-20250721' }];
const ALPINE_322: Step[] = bk('2025-07-15T11:01:16Z', ['ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit', 'alpine-3.22.1'], 'CMD ["/bin/sh"]');
const ALPINE_321: Step[] = bk('2025-07-15T11:00:53Z', ['ADD alpine-minirootfs-3.21.4-x86_64.tar.gz / # buildkit', 'alpine-3.21.4'], 'CMD ["/bin/sh"]');
const NOBLE_T = '2025-07-14T17:26:52.361281426Z';
const legacy = (created: string, created_by: string, layer?: string): Step => (layer ? { created, created_by, layer } : { created, created_by });
const NOBLE: Step[] = [
  legacy(NOBLE_T.replace('52.361281426', '47.620419152'), '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy(NOBLE_T.replace('52.361281426', '47.660856328'), '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy(NOBLE_T.replace('52.361281426', '47.696911434'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy(NOBLE_T.replace('52.361281426', '47.736386931'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'),
  legacy(NOBLE_T.replace('52.361281426', '50.913540962'), `/bin/sh -c #(nop) ADD file:${fakeHex('noble-rootfs', 64)} in / `, 'ubuntu-noble-20250714'),
  legacy(NOBLE_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];
/** oraclelinux:9-slim, the base of the mysql images (built by Oracle with BuildKit). */
const OL9_SLIM: Step[] = bk('2025-07-16T20:05:31Z', ['ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit', 'oraclelinux-9-slim-20250716'], 'CMD ["/bin/bash"]');

const GOSU_DEB = 'RUN /bin/sh -c set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit';

// ---- postgres ----------------------------------------------------------------------

function postgresDebian(major: string, version: string, created: string): CatalogImage['steps'] {
  const p = `postgres-${major}`;
  return [...BOOKWORM_SLIM, ...bk(created,
    ['RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit', `${p}-user`],
    ['RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit', `${p}-gnupg`],
    'ENV GOSU_VERSION=1.17',
    [GOSU_DEB, `${p}-gosu`],
    ['RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri \'/\\/usr\\/share\\/locale/d\' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo \'en_US.UTF-8 UTF-8\' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep \'en_US.utf8\' # buildkit', `${p}-locales`],
    'ENV LANG=en_US.utf8',
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit', `${p}-nss`],
    ['RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit', `${p}-initdb-dir`],
    ['RUN /bin/sh -c set -ex; \tkey=\'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8\'; \texport GNUPGHOME="$(mktemp -d)"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tgpg --batch --export --armor "$key" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" # buildkit', `${p}-key`],
    `ENV PG_MAJOR=${major}`, `ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`, `ENV PG_VERSION=${version}`,
    ['RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri \'s/#(create_main_cluster) .*$/\\1 = false/\' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tfind /usr -name \'*.pyc\' -type f -exec bash -c \'for pyc; do dpkg -S "$pyc" &> /dev/null || rm -vf "$pyc"; done\' -- \'{}\' +; \t\tpostgres --version # buildkit', `${p}-install`],
    ['RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/"; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = \'*\'" /usr/share/postgresql/postgresql.conf.sample # buildkit', `${p}-conf`],
    ['RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit', `${p}-run`],
    'ENV PGDATA=/var/lib/postgresql/data',
    ['RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA" # buildkit', `${p}-pgdata`],
    'VOLUME [/var/lib/postgresql/data]',
    ['COPY docker-ensure-initdb.sh docker-entrypoint.sh /usr/local/bin/ # buildkit', `${p}-entrypoint`],
    ['RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit', `${p}-enforce-link`],
    'ENTRYPOINT ["docker-entrypoint.sh"]', 'STOPSIGNAL SIGINT', 'EXPOSE map[5432/tcp:{}]', 'CMD ["postgres"]')];
}

function postgresDebianConfig(major: string, version: string): ContainerDefaults {
  return {
    ExposedPorts: { '5432/tcp': {} },
    Env: [`${PATH}:/usr/lib/postgresql/${major}/bin`, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${version}`, 'PGDATA=/var/lib/postgresql/data'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], Volumes: { '/var/lib/postgresql/data': {} }, StopSignal: 'SIGINT', ArgsEscaped: true,
  };
}

const PG17_T = '2025-07-22T19:02:13Z';
const PG16_T = '2025-07-22T18:55:40Z';
const PGA_T = '2025-07-16T01:44:29Z';
const PGA_ENV = [PATH, 'LANG=en_US.utf8', 'PG_MAJOR=17', 'PG_VERSION=17.5', `PG_SHA256=${fakeHex('postgresql-17.5.tar.bz2', 64)}`, 'DOCKER_PG_LLVM_DEPS=llvm19-dev \t\tclang19', 'PGDATA=/var/lib/postgresql/data'];

const POSTGRES: CatalogImage[] = [
  { repository: 'library/postgres', tags: ['latest', '17', '17.5', '17-bookworm', '17.5-bookworm', 'bookworm'], created: PG17_T, config: postgresDebianConfig('17', '17.5-1.pgdg120+1'), steps: postgresDebian('17', '17.5-1.pgdg120+1', PG17_T) },
  { repository: 'library/postgres', tags: ['16', '16.9', '16-bookworm', '16.9-bookworm'], created: PG16_T, config: postgresDebianConfig('16', '16.9-1.pgdg120+1'), steps: postgresDebian('16', '16.9-1.pgdg120+1', PG16_T) },
  { repository: 'library/postgres', tags: ['alpine', '17-alpine', '17.5-alpine', 'alpine3.22', '17-alpine3.22', '17.5-alpine3.22'], created: PGA_T,
    config: { ExposedPorts: { '5432/tcp': {} }, Env: PGA_ENV, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], Volumes: { '/var/lib/postgresql/data': {} }, StopSignal: 'SIGINT', ArgsEscaped: true },
    steps: [...ALPINE_322, ...bk(PGA_T,
      ['RUN /bin/sh -c set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 3777 /var/lib/postgresql # buildkit', 'postgres-17-alpine-user'],
      'ENV LANG=en_US.utf8',
      ['RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit', 'postgres-17-alpine-initdb-dir'],
      'ENV PG_MAJOR=17', 'ENV PG_VERSION=17.5', `ENV ${PGA_ENV[4]}`, 'ENV DOCKER_PG_LLVM_DEPS=llvm19-dev \t\tclang19',
      ['RUN /bin/sh -c set -eux; \t\twget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2"; \techo "$PG_SHA256 *postgresql.tar.bz2" | sha256sum -c -; \tmkdir -p /usr/src/postgresql; \ttar \t\t--extract \t\t--file postgresql.tar.bz2 \t\t--directory /usr/src/postgresql \t\t--strip-components 1 \t; \trm postgresql.tar.bz2; \t\tapk add --no-cache --virtual .build-deps \t\t$DOCKER_PG_LLVM_DEPS \t\tbison \t\tcoreutils \t\tdpkg-dev dpkg \t\tflex \t\tg++ \t\tgcc \t\tkrb5-dev \t\tlibc-dev \t\tlibedit-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlinux-headers \t\tmake \t\topenldap-dev \t\topenssl-dev \t\tperl-dev \t\tperl-ipc-run \t\tperl-utils \t\tpython3-dev \t\ttcl-dev \t\tutil-linux-dev \t\tzlib-dev \t\ticu-dev \t\tlz4-dev \t\tzstd-dev \t; \t\tcd /usr/src/postgresql; \t./configure \t\t--enable-option-checking=fatal \t\t--build="$gnuArch" \t\t--enable-integer-datetimes \t\t--enable-tap-tests \t\t--enable-thread-safety \t\t--disable-rpath \t\t--with-uuid=e2fs \t\t--with-pgport=5432 \t\t--with-system-tzdata=/usr/share/zoneinfo \t\t--prefix=/usr/local \t\t--with-includes=/usr/local/include \t\t--with-libraries=/usr/local/lib \t\t--with-gssapi \t\t--with-ldap \t\t--with-tcl \t\t--with-perl \t\t--with-python \t\t--with-openssl \t\t--with-libxml \t\t--with-libxslt \t\t--with-icu \t\t--with-llvm \t\t--with-lz4 \t\t--with-zstd \t; \tmake -j "$(nproc)" world-bin; \tmake install-world-bin; \tmake -C contrib install; \t\trunDeps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t\t\t| grep -v -e perl -e python -e tcl \t)"; \tapk add --no-cache --virtual .postgresql-rundeps \t\t$runDeps \t\tbash \t\tsu-exec \t\ttzdata \t\tzstd \t\ticu-data-full \t\t$([ "$(apk --print-arch)" != \'ppc64le\' ] && echo \'nss_wrapper\') \t; \tapk del --no-network .build-deps; \tcd /; \trm -rf \t\t/usr/src/postgresql \t\t/usr/local/share/doc \t\t/usr/local/share/man \t; \t\tpostgres --version # buildkit', 'postgres-17.5-alpine-install'],
      ['RUN /bin/sh -c set -eux; \tcp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/local/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = \'*\'" /usr/local/share/postgresql/postgresql.conf.sample # buildkit', 'postgres-17-alpine-conf'],
      ['RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit', 'postgres-17-alpine-run'],
      'ENV PGDATA=/var/lib/postgresql/data',
      ['RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA" # buildkit', 'postgres-17-alpine-pgdata'],
      'VOLUME [/var/lib/postgresql/data]',
      ['COPY docker-ensure-initdb.sh docker-entrypoint.sh /usr/local/bin/ # buildkit', 'postgres-17-alpine-entrypoint'],
      ['RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit', 'postgres-17-alpine-enforce-link'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'STOPSIGNAL SIGINT', 'EXPOSE map[5432/tcp:{}]', 'CMD ["postgres"]')] },
];

// ---- mysql (Oracle's images on oraclelinux:9-slim) ---------------------------------

function mysql(major: string, version: string, tools: string, created: string, key: string): CatalogImage['steps'] {
  return [...OL9_SLIM, ...bk(created,
    ['RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit', `${key}-user`],
    'ENV GOSU_VERSION=1.17',
    ['RUN /bin/sh -c set -eux; \tarch="$(uname -m)"; \tcase "$arch" in \t\taarch64) gosuArch=\'arm64\' ;; \t\tx86_64) gosuArch=\'amd64\' ;; \t\t*) echo >&2 "error: unsupported architecture: \'$arch\'"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc"; \tcurl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit', `${key}-gosu`],
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit', `${key}-tools`],
    ['RUN /bin/sh -c set -eux; \tkey=\'BCA4 3417 C3B4 85DD 128E  C6D4 B7B3 B788 A8D3 785C\'; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tgpg --batch --export --armor "$key" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf "$GNUPGHOME" # buildkit', `${key}-key`],
    `ENV MYSQL_MAJOR=${major}`, `ENV MYSQL_VERSION=${version}`,
    [`RUN /bin/sh -c set -eu; \t. /etc/os-release; \t{ \t\techo '[mysql${major}-server-minimal]'; \t\techo 'name=MySQL ${major} Server Minimal'; \t\techo 'enabled=1'; \t\techo "baseurl=https://repo.mysql.com/yum/mysql-${major}-community/docker/el/\${VERSION_ID%%[.-]*}/\\$basearch/"; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit`, `${key}-repo`],
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \tmicrodnf clean all; \tgrep -F \'socket=/var/lib/mysql/mysql.sock\' /etc/my.cnf; \tsed -i \'s!^socket=.*!socket=/var/run/mysqld/mysqld.sock!\' /etc/my.cnf; \tgrep -F \'socket=/var/run/mysqld/mysqld.sock\' /etc/my.cnf; \t{ echo \'[client]\'; echo \'socket=/var/run/mysqld/mysqld.sock\'; } >> /etc/my.cnf; \t\t! grep -F \'!includedir\' /etc/my.cnf; \t{ echo; echo \'!includedir /etc/mysql/conf.d/\'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit', `${key}-server`],
    [`RUN /bin/sh -c set -eu; \t. /etc/os-release; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo "baseurl=https://repo.mysql.com/yum/mysql-tools-${major === 'innovation' ? 'innovation' : major}-community/el/\${VERSION_ID%%[.-]*}/\\$basearch/"; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit`, `${key}-tools-repo`],
    `ENV MYSQL_SHELL_VERSION=${tools}`,
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit', `${key}-shell`],
    'VOLUME [/var/lib/mysql]',
    ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', `${key}-entrypoint`],
    'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[3306/tcp:{} 33060/tcp:{}]', 'CMD ["mysqld"]')];
}

function mysqlConfig(major: string, version: string, tools: string): ContainerDefaults {
  return {
    ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} },
    Env: [PATH, 'GOSU_VERSION=1.17', `MYSQL_MAJOR=${major}`, `MYSQL_VERSION=${version}`, `MYSQL_SHELL_VERSION=${tools}`],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: { '/var/lib/mysql': {} }, ArgsEscaped: true,
  };
}

const MY84_T = '2025-07-23T17:32:09Z';
const MY94_T = '2025-07-23T17:40:51Z';
const MYSQL: CatalogImage[] = [
  { repository: 'library/mysql', tags: ['8.4', '8.4.6', 'lts', '8', '8.4-oraclelinux9', '8.4.6-oraclelinux9', 'lts-oraclelinux9', '8-oraclelinux9'],
    created: MY84_T, config: mysqlConfig('8.4', '8.4.6-1.el9', '8.4.6-1.el9'), steps: mysql('8.4', '8.4.6-1.el9', '8.4.6-1.el9', MY84_T, 'mysql-8.4.6') },
  { repository: 'library/mysql', tags: ['latest', '9', '9.4', '9.4.0', 'innovation', 'oraclelinux9', '9-oraclelinux9', '9.4-oraclelinux9', '9.4.0-oraclelinux9', 'innovation-oraclelinux9'],
    created: MY94_T, config: mysqlConfig('innovation', '9.4.0-1.el9', '9.4.0-1.el9'), steps: mysql('innovation', '9.4.0-1.el9', '9.4.0-1.el9', MY94_T, 'mysql-9.4.0') },
];

// ---- mariadb (on ubuntu:noble) ------------------------------------------------------

const MARIADB_KEYS = 'GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8';

function mariadbLabels(version: string): Record<string, string> {
  return {
    'org.opencontainers.image.authors': 'MariaDB Community',
    'org.opencontainers.image.base.name': 'docker.io/library/ubuntu:noble',
    'org.opencontainers.image.description': 'MariaDB Database for relational SQL',
    'org.opencontainers.image.documentation': 'https://hub.docker.com/_/mariadb/',
    'org.opencontainers.image.licenses': 'GPL-2.0',
    'org.opencontainers.image.ref.name': 'ubuntu',
    'org.opencontainers.image.source': 'https://github.com/MariaDB/mariadb-docker',
    'org.opencontainers.image.title': 'MariaDB Database',
    'org.opencontainers.image.url': 'https://github.com/MariaDB/mariadb-docker',
    'org.opencontainers.image.vendor': 'MariaDB Community',
    'org.opencontainers.image.version': version,
  };
}

function mariadb(version: string, created: string): { config: ContainerDefaults; steps: Step[] } {
  const pkg = `1:${version}+maria~ubu2404`;
  const k = `mariadb-${version}`;
  const repo = `REPOSITORY=https://archive.mariadb.org/mariadb-${version}/repo/ubuntu/ noble main main/debug`;
  return {
    config: { ExposedPorts: { '3306/tcp': {} }, Env: [PATH, 'GOSU_VERSION=1.17', 'LANG=C.UTF-8', `MARIADB_VERSION=${pkg}`], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mariadbd'], Volumes: { '/var/lib/mysql': {} }, Labels: mariadbLabels(version), ArgsEscaped: true },
    steps: [...NOBLE, ...bk(created,
      ['RUN /bin/sh -c set -eux; \tgroupadd --gid 999 -r mysql && \tuseradd -r -g mysql mysql --home-dir /var/lib/mysql --uid 999 # buildkit', `${k}-user`],
      'ENV GOSU_VERSION=1.17',
      `ARG ${MARIADB_KEYS}`,
      [`RUN |1 ${MARIADB_KEYS} /bin/sh -c set -eux; \tapt-get update; \tDEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \t\tca-certificates \t\tgpg \t\tgpgv \t\tlibjemalloc2 \t\tpwgen \t\ttzdata \t\txz-utils \t\tzstd ; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install -y --no-install-recommends \t\tdirmngr \t\tgpg-agent \t\twget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \twget -q -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -q -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \tGNUPGHOME="$(mktemp -d)"; \texport GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver hkps://keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --export "$GPG_KEYS" > /etc/apt/trusted.gpg.d/mariadb.gpg; \tif command -v gpgconf >/dev/null; then \t\tgpgconf --kill all; \tfi; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] ||\tapt-mark manual $savedAptMark >/dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit`, `${k}-deps`],
      ['RUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c set -eux; \tmkdir /docker-entrypoint-initdb.d # buildkit', `${k}-initdb-dir`],
      'ENV LANG=C.UTF-8',
      `LABEL org.opencontainers.image.authors=MariaDB Community org.opencontainers.image.title=MariaDB Database org.opencontainers.image.description=MariaDB Database for relational SQL org.opencontainers.image.documentation=https://hub.docker.com/_/mariadb/ org.opencontainers.image.base.name=docker.io/library/ubuntu:noble org.opencontainers.image.licenses=GPL-2.0 org.opencontainers.image.source=https://github.com/MariaDB/mariadb-docker org.opencontainers.image.vendor=MariaDB Community org.opencontainers.image.version=${version} org.opencontainers.image.url=https://github.com/MariaDB/mariadb-docker`,
      `ARG MARIADB_VERSION=${pkg}`, `ENV MARIADB_VERSION=${pkg}`,
      `ARG ${repo}`,
      [`RUN |3 ${MARIADB_KEYS} MARIADB_VERSION=${pkg} ${repo} /bin/sh -c set -e;\techo "deb \${REPOSITORY}" > /etc/apt/sources.list.d/mariadb.list; \t{ \t\techo 'Package: *'; \t\techo 'Pin: release o=MariaDB'; \t\techo 'Pin-Priority: 999'; \t} > /etc/apt/preferences.d/mariadb # buildkit`, `${k}-repo`],
      [`RUN |3 ${MARIADB_KEYS} MARIADB_VERSION=${pkg} ${repo} /bin/sh -c set -ex; \t{ \t\techo "mariadb-server" mysql-server/root_password password 'unused'; \t\techo "mariadb-server" mysql-server/root_password_again password 'unused'; \t} | debconf-set-selections; \tapt-get update; \tapt-get install -y \t\t"mariadb-server=$MARIADB_VERSION" \t\tmariadb-backup \t\tsocat \t; \trm -rf /var/lib/apt/lists/*; \trm -rf /var/lib/mysql; \tmkdir -p /var/lib/mysql /run/mysqld; \tchown -R mysql:mysql /var/lib/mysql /run/mysqld; \tchmod 1777 /run/mysqld; \tfind /etc/mysql/ -name '*.cnf' -print0 \t\t| xargs -0 grep -lZE '^(bind-address|log|user\\s)' \t\t| xargs -rt -0 sed -Ei 's/^(bind-address|log|user\\s)/#&/'; \tprintf "[mariadb]\\nhost-cache-size=0\\nskip-name-resolve\\n" > /etc/mysql/mariadb.conf.d/05-skipcache.cnf; \tif [ -L /etc/mysql/my.cnf ]; then \t\tsed -i -e '/includedir/ {N;s/\\(.*\\)\\n\\(.*\\)/\\n\\2\\n\\1/}' /etc/mysql/mariadb.cnf; \tfi # buildkit`, `${k}-server`],
      'VOLUME [/var/lib/mysql]',
      ['COPY healthcheck.sh /usr/local/bin/healthcheck.sh # buildkit', `${k}-healthcheck`],
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', `${k}-entrypoint`],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[3306/tcp:{}]', 'CMD ["mariadbd"]')],
  };
}

const MDB118_T = '2025-07-17T21:04:36Z';
const MDB114_T = '2025-07-17T20:51:12Z';
const MDB118 = mariadb('11.8.2', MDB118_T);
const MDB114 = mariadb('11.4.7', MDB114_T);
const MARIADB: CatalogImage[] = [
  { repository: 'library/mariadb', tags: ['latest', 'lts', '11', '11.8', '11.8.2', 'noble', '11-noble', '11.8-noble', '11.8.2-noble', 'lts-noble'], created: MDB118_T, ...MDB118 },
  { repository: 'library/mariadb', tags: ['11.4', '11.4.7', '11.4-noble', '11.4.7-noble'], created: MDB114_T, ...MDB114 },
];

// ---- memcached ----------------------------------------------------------------------

const MC_T = '2025-07-29T00:21:44Z';
const MCA_T = '2025-07-29T00:14:02Z';
const MC_ENV = ['MEMCACHED_VERSION=1.6.39', 'MEMCACHED_URL=https://memcached.org/files/memcached-1.6.39.tar.gz', `MEMCACHED_SHA1=${fakeHex('memcached-1.6.39.tar.gz', 40)}`];
const MC_TAIL = ['ENTRYPOINT ["docker-entrypoint.sh"]', 'USER memcache', 'EXPOSE map[11211/tcp:{}]', 'CMD ["memcached"]'];
const mcConfig = (): ContainerDefaults => ({ User: 'memcache', ExposedPorts: { '11211/tcp': {} }, Env: [PATH, ...MC_ENV], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['memcached'], ArgsEscaped: true });
const MEMCACHED: CatalogImage[] = [
  { repository: 'library/memcached', tags: ['latest', '1', '1.6', '1.6.39', 'bookworm', '1-bookworm', '1.6-bookworm', '1.6.39-bookworm'], created: MC_T, config: mcConfig(),
    steps: [...BOOKWORM_SLIM, ...bk(MC_T,
      ['RUN /bin/sh -c set -eux; \tgroupadd --system --gid 11211 memcache; \tuseradd --system --gid memcache --uid 11211 memcache # buildkit', 'memcached-1.6-user'],
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibsasl2-modules \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'memcached-1.6-sasl'],
      ...MC_ENV.map((e) => `ENV ${e}`),
      ['RUN /bin/sh -c set -x \t\t&& savedAptMark="$(apt-mark showmanual)" \t&& apt-get update \t&& apt-get install -y --no-install-recommends \t\tca-certificates \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibevent-dev \t\tlibio-socket-ssl-perl \t\tlibsasl2-dev \t\tlibssl-dev \t\tmake \t\tperl \t\twget \t&& rm -rf /var/lib/apt/lists/* \t\t&& wget -O memcached.tar.gz "$MEMCACHED_URL" \t&& echo "$MEMCACHED_SHA1  memcached.tar.gz" | sha1sum -c - \t&& mkdir -p /usr/src/memcached \t&& tar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1 \t&& rm memcached.tar.gz \t\t&& cd /usr/src/memcached \t\t&& gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \t&& enableExtstore="$( \t\tcase "$gnuArch" in \t\t\ts390x-*) ;; \t\t\t*) echo \'--enable-extstore\' ;; \t\tesac \t)" \t&& ./configure \t\t--build="$gnuArch" \t\t--enable-sasl \t\t--enable-sasl-pwdb \t\t--enable-tls \t\t$enableExtstore \t&& nproc="$(nproc)" \t&& make -j "$nproc" \t\t&& make install \t\t&& cd / && rm -rf /usr/src/memcached \t\t&& apt-mark auto \'.*\' > /dev/null \t&& apt-mark manual $savedAptMark > /dev/null \t&& find /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t&& apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false \t\t&& memcached -V # buildkit', 'memcached-1.6.39'],
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'memcached-1.6-entrypoint'],
      ['RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit', 'memcached-1.6-compat-link'],
      ...MC_TAIL)] },
  { repository: 'library/memcached', tags: ['alpine', '1-alpine', '1.6-alpine', '1.6.39-alpine', 'alpine3.22', '1-alpine3.22', '1.6-alpine3.22', '1.6.39-alpine3.22'], created: MCA_T, config: mcConfig(),
    steps: [...ALPINE_322, ...bk(MCA_T,
      ['RUN /bin/sh -c set -eux; \taddgroup -g 11211 memcache; \tadduser -D -u 11211 -G memcache memcache # buildkit', 'memcached-1.6-alpine-user'],
      ['RUN /bin/sh -c apk add --no-cache libsasl # buildkit', 'memcached-1.6-alpine-sasl'],
      ...MC_ENV.map((e) => `ENV ${e}`),
      ['RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tca-certificates \t\tcoreutils \t\tcyrus-sasl-dev \t\tgcc \t\tlibc-dev \t\tlibevent-dev \t\tlinux-headers \t\tmake \t\topenssl \t\topenssl-dev \t\tperl \t\tperl-io-socket-ssl \t\tperl-utils \t; \t\twget -O memcached.tar.gz "$MEMCACHED_URL"; \techo "$MEMCACHED_SHA1  memcached.tar.gz" | sha1sum -c -; \tmkdir -p /usr/src/memcached; \ttar --extract --file=memcached.tar.gz --directory=/usr/src/memcached --strip-components=1; \trm memcached.tar.gz; \t\tcd /usr/src/memcached; \t\t./configure \t\t--build="$gnuArch" \t\t--enable-extstore \t\t--enable-sasl \t\t--enable-sasl-pwdb \t\t--enable-tls \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \t\tmake install; \t\tcd /; \trm -rf /usr/src/memcached; \t\trunDeps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t)"; \tapk add --no-network --virtual .memcached-rundeps $runDeps; \tapk del --no-network .build-deps; \t\tmemcached -V # buildkit', 'memcached-1.6.39-alpine'],
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'memcached-1.6-alpine-entrypoint'],
      ['RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit', 'memcached-1.6-alpine-compat-link'],
      ...MC_TAIL)] },
];

// ---- rabbitmq -----------------------------------------------------------------------

const RMQ_T = '2025-07-24T09:27:11Z';
const RMQM_T = '2025-07-24T09:31:48Z';
const RMQA_T = '2025-07-24T09:12:20Z';
const RMQ_PATH = 'PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const RMQ_ENV = [RMQ_PATH, 'ERLANG_INSTALL_PATH_PREFIX=/opt/erlang', 'OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl', 'RABBITMQ_DATA_DIR=/var/lib/rabbitmq', 'RABBITMQ_VERSION=4.1.2', 'RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', 'RABBITMQ_HOME=/opt/rabbitmq', 'HOME=/var/lib/rabbitmq', 'LANG=C.UTF-8', 'LANGUAGE=C.UTF-8', 'LC_ALL=C.UTF-8'];
const RMQ_PORTS = { '15691/tcp': {}, '15692/tcp': {}, '25672/tcp': {}, '4369/tcp': {}, '5671/tcp': {}, '5672/tcp': {} };
const RMQ_USER = 'RUN /bin/sh -c set -eux; \tgroupadd --gid 999 --system rabbitmq; \tuseradd --uid 999 --system --home-dir "$RABBITMQ_DATA_DIR" --gid rabbitmq rabbitmq; \tmkdir -p "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchown -fR rabbitmq:rabbitmq "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchmod 1777 "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tln -sf "$RABBITMQ_DATA_DIR/.erlang.cookie" /root/.erlang.cookie # buildkit';
const RMQ_CONF = 'COPY --chown=rabbitmq:rabbitmq 10-defaults.conf 20-management_agent.disable_metrics_collector.conf /etc/rabbitmq/conf.d/ # buildkit';
const RMQ_INSTALL = 'RUN /bin/sh -c set -eux; \texport DEBIAN_FRONTEND=noninteractive; \tapt-get update; \tapt-get install --yes --no-install-recommends \t\tca-certificates \t\tgnupg \t\twget \t\txz-utils \t; \trm -rf /var/lib/apt/lists/*; \t\tRABBITMQ_SOURCE_URL="https://github.com/rabbitmq/rabbitmq-server/releases/download/v$RABBITMQ_VERSION/rabbitmq-server-generic-unix-latest-toolchain-$RABBITMQ_VERSION.tar.xz"; \tRABBITMQ_PATH="/usr/local/src/rabbitmq-$RABBITMQ_VERSION"; \t\twget --progress dot:giga --output-document "$RABBITMQ_PATH.tar.xz.asc" "$RABBITMQ_SOURCE_URL.asc"; \twget --progress dot:giga --output-document "$RABBITMQ_PATH.tar.xz" "$RABBITMQ_SOURCE_URL"; \t\texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$RABBITMQ_PGP_KEY_ID"; \tgpg --batch --verify "$RABBITMQ_PATH.tar.xz.asc" "$RABBITMQ_PATH.tar.xz"; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"; \t\tmkdir -p "$RABBITMQ_HOME"; \ttar --extract --file "$RABBITMQ_PATH.tar.xz" --directory "$RABBITMQ_HOME" --strip-components 1; \trm -rf "$RABBITMQ_PATH"*; \tgrep -qE \'^SYS_PREFIX=\\$\\{RABBITMQ_HOME\\}$\' "$RABBITMQ_HOME/sbin/rabbitmq-defaults"; \tsed -i \'s/^SYS_PREFIX=.*$/SYS_PREFIX=/\' "$RABBITMQ_HOME/sbin/rabbitmq-defaults"; \tgrep -qE \'^SYS_PREFIX=$\' "$RABBITMQ_HOME/sbin/rabbitmq-defaults"; \tchown -R rabbitmq:rabbitmq "$RABBITMQ_HOME"; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\t[ ! -e "$RABBITMQ_DATA_DIR/.erlang.cookie" ]; \tgosu rabbitmq rabbitmqctl help; \tgosu rabbitmq rabbitmqctl list_ciphers; \tgosu rabbitmq rabbitmq-plugins list; \trm "$RABBITMQ_DATA_DIR/.erlang.cookie" # buildkit';

function rabbitmqBase(): Step[] {
  return [...NOBLE, ...bk(RMQ_T,
    'ENV ERLANG_INSTALL_PATH_PREFIX=/opt/erlang', 'ENV OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl',
    ['COPY /opt/erlang /opt/erlang # buildkit', 'rabbitmq-4.1-erlang-27.3.4.1'],
    ['COPY /opt/openssl /opt/openssl # buildkit', 'rabbitmq-4.1-openssl-3.3.4'],
    'ENV PATH=/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tgosu \t\tlibncurses6 \t\tlibssl3t64 \t\tprocps \t\ttzdata \t\tlibtinfo6 \t; \trm -rf /var/lib/apt/lists/*; \t\tgosu nobody true; \t\topenssl version; \terl -noshell -eval \'ok = crypto:start(), ok = io:format("~p~n~n~p~n~n", [crypto:supports(), ssl:versions()]), init:stop().\' # buildkit', 'rabbitmq-4.1-runtime'],
    'ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq',
    [RMQ_USER, 'rabbitmq-4.1-user'],
    'ENV RABBITMQ_VERSION=4.1.2', 'ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', 'ENV RABBITMQ_HOME=/opt/rabbitmq',
    `ENV ${RMQ_PATH}`,
    [RMQ_INSTALL, 'rabbitmq-4.1.2'],
    ['RUN /bin/sh -c gosu rabbitmq rabbitmq-plugins enable --offline rabbitmq_prometheus # buildkit', 'rabbitmq-4.1-prometheus'],
    ['RUN /bin/sh -c ln -sf /opt/rabbitmq/plugins /plugins # buildkit', 'rabbitmq-4.1-plugins-link'],
    'ENV HOME=/var/lib/rabbitmq', 'VOLUME [/var/lib/rabbitmq]', 'ENV LANG=C.UTF-8 LANGUAGE=C.UTF-8 LC_ALL=C.UTF-8',
    [RMQ_CONF, 'rabbitmq-4.1-conf'],
    ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'rabbitmq-4.1-entrypoint'],
    'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[15691/tcp:{} 15692/tcp:{} 25672/tcp:{} 4369/tcp:{} 5671/tcp:{} 5672/tcp:{}]', 'CMD ["rabbitmq-server"]')];
}

const rmqConfig = (ports: Record<string, Record<string, never>>, env = RMQ_ENV): ContainerDefaults => ({ ExposedPorts: ports, Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['rabbitmq-server'], Volumes: { '/var/lib/rabbitmq': {} }, Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' }, ArgsEscaped: true });
const RMQA_ENV = [RMQ_PATH, 'OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl', 'ERLANG_INSTALL_PATH_PREFIX=/opt/erlang', 'RABBITMQ_DATA_DIR=/var/lib/rabbitmq', 'RABBITMQ_VERSION=4.1.2', 'RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', 'RABBITMQ_HOME=/opt/rabbitmq', 'HOME=/var/lib/rabbitmq', 'LANG=C.UTF-8', 'LANGUAGE=C.UTF-8', 'LC_ALL=C.UTF-8'];
const RABBITMQ: CatalogImage[] = [
  { repository: 'library/rabbitmq', tags: ['latest', '4', '4.1', '4.1.2'], created: RMQ_T, config: rmqConfig(RMQ_PORTS), steps: rabbitmqBase() },
  { repository: 'library/rabbitmq', tags: ['management', '4-management', '4.1-management', '4.1.2-management'], created: RMQM_T,
    config: rmqConfig({ ...RMQ_PORTS, '15671/tcp': {}, '15672/tcp': {} }),
    steps: [...rabbitmqBase(), ...bk(RMQM_T,
      ['RUN /bin/sh -c set eux; \trabbitmq-plugins enable --offline rabbitmq_management; \trm -f /etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf; \tcp /plugins/rabbitmq_management-*/priv/www/cli/rabbitmqadmin /usr/local/bin/rabbitmqadmin; \t[ -s /usr/local/bin/rabbitmqadmin ]; \tchmod +x /usr/local/bin/rabbitmqadmin; \tapt-get update; \tapt-get install -y --no-install-recommends python3; \trm -rf /var/lib/apt/lists/*; \trabbitmqadmin --version # buildkit', 'rabbitmq-4.1.2-management'],
      'EXPOSE map[15671/tcp:{} 15672/tcp:{}]')] },
  { repository: 'library/rabbitmq', tags: ['alpine', '4-alpine', '4.1-alpine', '4.1.2-alpine'], created: RMQA_T,
    config: { ExposedPorts: RMQ_PORTS, Env: RMQA_ENV, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['rabbitmq-server'], Volumes: { '/var/lib/rabbitmq': {} }, ArgsEscaped: true },
    steps: [...ALPINE_322, ...bk(RMQA_T,
      ['RUN /bin/sh -c apk add --no-cache \t\tbash \t\tprocps \t\tsu-exec \t\ttzdata # buildkit', 'rabbitmq-4.1-alpine-runtime'],
      'ENV OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl', 'ENV ERLANG_INSTALL_PATH_PREFIX=/opt/erlang',
      ['COPY /opt/erlang /opt/erlang # buildkit', 'rabbitmq-4.1-alpine-erlang-27.3.4.1'],
      ['COPY /opt/openssl /opt/openssl # buildkit', 'rabbitmq-4.1-alpine-openssl-3.3.4'],
      'ENV PATH=/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq',
      ['RUN /bin/sh -c set -eux; \taddgroup -g 101 -S rabbitmq; \tadduser -u 100 -S -h "$RABBITMQ_DATA_DIR" -G rabbitmq rabbitmq; \tmkdir -p "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchown -fR rabbitmq:rabbitmq "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchmod 1777 "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tln -sf "$RABBITMQ_DATA_DIR/.erlang.cookie" /root/.erlang.cookie # buildkit', 'rabbitmq-4.1-alpine-user'],
      'ENV RABBITMQ_VERSION=4.1.2', 'ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', 'ENV RABBITMQ_HOME=/opt/rabbitmq',
      `ENV ${RMQ_PATH}`,
      [RMQ_INSTALL.replace('\texport DEBIAN_FRONTEND=noninteractive; ', '').replace(/apt-get update;.*?rm -rf \/var\/lib\/apt\/lists\/\*; /, 'apk add --no-cache --virtual .build-deps \t\tgnupg \t\txz \t; ').replace(/apt-mark auto.*?RecommendsImportant=false; /, 'apk del --no-network .build-deps; ').replace(/gosu rabbitmq/g, 'su-exec rabbitmq'), 'rabbitmq-4.1.2-alpine'],
      ['RUN /bin/sh -c su-exec rabbitmq rabbitmq-plugins enable --offline rabbitmq_prometheus # buildkit', 'rabbitmq-4.1-alpine-prometheus'],
      ['RUN /bin/sh -c ln -sf /opt/rabbitmq/plugins /plugins # buildkit', 'rabbitmq-4.1-alpine-plugins-link'],
      'ENV HOME=/var/lib/rabbitmq', 'VOLUME [/var/lib/rabbitmq]', 'ENV LANG=C.UTF-8 LANGUAGE=C.UTF-8 LC_ALL=C.UTF-8',
      [RMQ_CONF, 'rabbitmq-4.1-alpine-conf'],
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'rabbitmq-4.1-alpine-entrypoint'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[15691/tcp:{} 15692/tcp:{} 25672/tcp:{} 4369/tcp:{} 5671/tcp:{} 5672/tcp:{}]', 'CMD ["rabbitmq-server"]')] },
];

// ---- httpd --------------------------------------------------------------------------

const HTTPD_T = '2025-07-23T21:05:54Z';
const HTTPDA_T = '2025-07-23T21:01:17Z';
const HTTPD_SHA = `HTTPD_SHA256=${fakeHex('httpd-2.4.65.tar.bz2', 64)}`;
const HTTPD_PATH = 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const httpdConfig = (): ContainerDefaults => ({ ExposedPorts: { '80/tcp': {} }, Env: [HTTPD_PATH, 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65', HTTPD_SHA, 'HTTPD_PATCHES='], Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH', ArgsEscaped: true });
const HTTPD_BUILD = (deps: string, tail: string): string => `RUN /bin/sh -c set -eux; \t\t${deps} \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\t'https://www.apache.org/dyn/closer.cgi?action=download&filename=' \t\t\thttps://downloads.apache.org/ \t\t\thttps://www-us.apache.org/dist/ \t\t\thttps://www.apache.org/dist/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist 'httpd.tar.bz2' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tddist 'httpd.tar.bz2.asc' "httpd/httpd-$HTTPD_VERSION.tar.bz2.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BFE7D73ECE \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282AD1F3C1F8A0E66D0B8D7 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FA9B97D34 \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tcommand -v gpgconf && gpgconf --kill all || :; \trm -rf "$GNUPGHOME" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ "$#" -gt 0 ]; do \t\t\tlocal patchFile="$1"; shift; \t\t\tlocal patchSha256="$1"; shift; \t\t\tddist "$patchFile" "httpd/patches/apply_to_$HTTPD_VERSION/$patchFile"; \t\t\techo "$patchSha256 *$patchFile" | sha256sum -c -; \t\t\tpatch -p0 < "$patchFile"; \t\t\trm -f "$patchFile"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tCFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E '^\\s*User www-data$' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E '^\\s*Group www-data$' "$HTTPD_PREFIX/conf/httpd.conf"; \t\t${tail} \t\thttpd -v # buildkit`;
const HTTPD: CatalogImage[] = [
  { repository: 'library/httpd', tags: ['latest', '2', '2.4', '2.4.65', 'bookworm', '2-bookworm', '2.4-bookworm', '2.4.65-bookworm'], created: HTTPD_T, config: httpdConfig(),
    steps: [...BOOKWORM_SLIM, ...bk(HTTPD_T,
      'ENV HTTPD_PREFIX=/usr/local/apache2', `ENV ${HTTPD_PATH}`,
      ['RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit', 'httpd-2.4-prefix'],
      'WORKDIR /usr/local/apache2',
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'httpd-2.4-deps'],
      'ENV HTTPD_VERSION=2.4.65', `ENV ${HTTPD_SHA}`, 'ENV HTTPD_PATCHES=',
      [HTTPD_BUILD('savedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdirmngr \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*;', 'apt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t'), 'httpd-2.4.65'],
      'STOPSIGNAL SIGWINCH',
      ['COPY httpd-foreground /usr/local/bin/ # buildkit', 'httpd-2.4-foreground'],
      'EXPOSE map[80/tcp:{}]', 'CMD ["httpd-foreground"]')] },
  { repository: 'library/httpd', tags: ['alpine', '2-alpine', '2.4-alpine', '2.4.65-alpine', 'alpine3.22', '2-alpine3.22', '2.4-alpine3.22', '2.4.65-alpine3.22'], created: HTTPDA_T, config: httpdConfig(),
    steps: [...ALPINE_322, ...bk(HTTPDA_T,
      ['RUN /bin/sh -c set -x \t&& adduser -u 82 -D -S -G www-data www-data # buildkit', 'httpd-2.4-alpine-user'],
      'ENV HTTPD_PREFIX=/usr/local/apache2', `ENV ${HTTPD_PATH}`,
      ['RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit', 'httpd-2.4-alpine-prefix'],
      'WORKDIR /usr/local/apache2',
      'ENV HTTPD_VERSION=2.4.65', `ENV ${HTTPD_SHA}`, 'ENV HTTPD_PATCHES=',
      [HTTPD_BUILD('runDeps=\' \t\tapr \t\tapr-util \t\tapr-util-ldap \t\tperl \t\'; \tapk add --no-cache --virtual .build-deps \t\t$runDeps \t\tca-certificates \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tgnupg \t\tlibc-dev \t\tpatch \t\tapr-dev \t\tapr-util-dev \t\tbrotli-dev \t\tcurl-dev \t\tjansson-dev \t\tlua-dev \t\tmake \t\tnghttp2-dev \t\topenssl \t\topenssl-dev \t\tpcre2-dev \t\ttar \t\tzlib-dev \t\tlibxml2-dev \t;', 'deps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t)"; \tapk add --no-network --virtual .httpd-so-deps $deps; \tapk del --no-network .build-deps; \t'), 'httpd-2.4.65-alpine'],
      'STOPSIGNAL SIGWINCH',
      ['COPY httpd-foreground /usr/local/bin/ # buildkit', 'httpd-2.4-alpine-foreground'],
      'EXPOSE map[80/tcp:{}]', 'CMD ["httpd-foreground"]')] },
];

// ---- traefik (Traefik Labs' image on alpine) ----------------------------------------

const TRAEFIK_T = '2025-07-15T15:44:50Z';
const TRAEFIK_LABELS = { 'org.opencontainers.image.description': 'A modern reverse-proxy', 'org.opencontainers.image.documentation': 'https://docs.traefik.io', 'org.opencontainers.image.source': 'https://github.com/traefik/traefik', 'org.opencontainers.image.title': 'Traefik', 'org.opencontainers.image.url': 'https://traefik.io', 'org.opencontainers.image.vendor': 'Traefik Labs', 'org.opencontainers.image.version': 'v3.4.4' };
const TRAEFIK: CatalogImage[] = [
  { repository: 'library/traefik', tags: ['latest', 'v3', '3', 'v3.4', '3.4', 'v3.4.4', '3.4.4', 'chaource'], created: TRAEFIK_T,
    config: { ExposedPorts: { '80/tcp': {} }, Env: [PATH], Entrypoint: ['/entrypoint.sh'], Cmd: ['traefik'], Labels: TRAEFIK_LABELS, ArgsEscaped: true },
    steps: [...ALPINE_322, ...bk(TRAEFIK_T,
      ['RUN /bin/sh -c apk --no-cache add ca-certificates tzdata # buildkit', 'traefik-3.4-certs'],
      ['RUN /bin/sh -c set -ex; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tarmhf) arch=\'armv6\' ;; \t\taarch64) arch=\'arm64\' ;; \t\tx86_64) arch=\'amd64\' ;; \t\tppc64le) arch=\'ppc64le\' ;; \t\triscv64) arch=\'riscv64\' ;; \t\ts390x) arch=\'s390x\' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; \tesac; \twget --quiet -O /tmp/traefik.tar.gz "https://github.com/traefik/traefik/releases/download/v3.4.4/traefik_v3.4.4_linux_$arch.tar.gz"; \ttar xzvf /tmp/traefik.tar.gz -C /usr/local/bin traefik; \trm -f /tmp/traefik.tar.gz; \tchmod +x /usr/local/bin/traefik # buildkit', 'traefik-3.4.4'],
      ['COPY entrypoint.sh / # buildkit', 'traefik-3.4-entrypoint'],
      'EXPOSE map[80/tcp:{}]', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["traefik"]',
      'LABEL org.opencontainers.image.vendor=Traefik Labs org.opencontainers.image.url=https://traefik.io org.opencontainers.image.source=https://github.com/traefik/traefik org.opencontainers.image.title=Traefik org.opencontainers.image.description=A modern reverse-proxy org.opencontainers.image.version=v3.4.4 org.opencontainers.image.documentation=https://docs.traefik.io')] },
];

// ---- haproxy ------------------------------------------------------------------------

const HAPROXY_T = '2025-07-10T01:28:40Z';
const HAPROXY_ENV = ['HAPROXY_VERSION=3.2.3', 'HAPROXY_URL=https://www.haproxy.org/download/3.2/src/haproxy-3.2.3.tar.gz', `HAPROXY_SHA256=${fakeHex('haproxy-3.2.3.tar.gz', 64)}`];
const HAPROXY: CatalogImage[] = [
  { repository: 'library/haproxy', tags: ['latest', 'lts', '3', '3.2', '3.2.3', 'bookworm', 'lts-bookworm', '3-bookworm', '3.2-bookworm', '3.2.3-bookworm'], created: HAPROXY_T,
    config: { User: 'haproxy', Env: [PATH, ...HAPROXY_ENV], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], WorkingDir: '/var/lib/haproxy', StopSignal: 'SIGUSR1', ArgsEscaped: true },
    steps: [...BOOKWORM_SLIM, ...bk(HAPROXY_T,
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'haproxy-3.2-certs'],
      ['RUN /bin/sh -c set -eux; \tgroupadd --gid 99 --system haproxy; \tuseradd \t\t--gid haproxy \t\t--home-dir /var/lib/haproxy \t\t--no-create-home \t\t--system \t\t--uid 99 \t\thaproxy \t; \tmkdir /var/lib/haproxy; \tchown haproxy:haproxy /var/lib/haproxy # buildkit', 'haproxy-3.2-user'],
      ...HAPROXY_ENV.map((e) => `ENV ${e}`),
      ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update && apt-get install -y --no-install-recommends \t\tgcc \t\tlibc6-dev \t\tliblua5.4-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tmake \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O haproxy.tar.gz "$HAPROXY_URL"; \techo "$HAPROXY_SHA256 *haproxy.tar.gz" | sha256sum -c; \tmkdir -p /usr/src/haproxy; \ttar -xzf haproxy.tar.gz -C /usr/src/haproxy --strip-components=1; \trm haproxy.tar.gz; \t\tmakeOpts=\' \t\tTARGET=linux-glibc \t\tUSE_GETADDRINFO=1 \t\tUSE_LUA=1 LUA_INC=/usr/include/lua5.4 \t\tUSE_OPENSSL=1 \t\tUSE_PCRE2=1 USE_PCRE2_JIT=1 \t\tUSE_PROMEX=1 \t\t\t\tEXTRA_OBJS=" \t\t" \t\'; \t\tnproc="$(nproc)"; \teval "make -C /usr/src/haproxy -j \'$nproc\' all $makeOpts"; \teval "make -C /usr/src/haproxy install-bin $makeOpts"; \t\tmkdir -p /usr/local/etc/haproxy; \tcp -R /usr/src/haproxy/examples/errorfiles /usr/local/etc/haproxy/errors; \trm -rf /usr/src/haproxy; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thaproxy -v # buildkit', 'haproxy-3.2.3'],
      'STOPSIGNAL SIGUSR1',
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'haproxy-3.2-entrypoint'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'USER haproxy', 'WORKDIR /var/lib/haproxy', 'CMD ["haproxy" "-f" "/usr/local/etc/haproxy/haproxy.cfg"]')] },
];

// ---- registry (CNCF distribution) ---------------------------------------------------

const REG3_T = '2025-07-15T19:12:03Z';
const REG28_T = '2025-07-15T19:08:31Z';
function registry(version: string, created: string, base: Step[], confDir: string, k: string): Step[] {
  return [...base, ...bk(created,
    ['RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit', `${k}-certs`],
    [`RUN /bin/sh -c set -eux; \tversion='${version}'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64)  arch='amd64';   sha256='${fakeHex(`registry-${version}-amd64`, 64)}' ;; \t\taarch64) arch='arm64';   sha256='${fakeHex(`registry-${version}-arm64`, 64)}' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; \tesac; \twget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v\${version}/registry_\${version}_linux_\${arch}.tar.gz"; \techo "$sha256 *registry.tar.gz" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version # buildkit`, `${k}-bin`],
    [`COPY ./config-example.yml /etc/${confDir}/config.yml # buildkit`, `${k}-config`],
    'VOLUME [/var/lib/registry]', 'EXPOSE map[5000/tcp:{}]',
    ['COPY docker-entrypoint.sh /entrypoint.sh # buildkit', `${k}-entrypoint`],
    'ENTRYPOINT ["/entrypoint.sh"]', `CMD ["/etc/${confDir}/config.yml"]`)];
}
const regConfig = (conf: string): ContainerDefaults => ({ ExposedPorts: { '5000/tcp': {} }, Env: [PATH], Entrypoint: ['/entrypoint.sh'], Cmd: [conf], Volumes: { '/var/lib/registry': {} }, ArgsEscaped: true });
const REGISTRY: CatalogImage[] = [
  { repository: 'library/registry', tags: ['latest', '3', '3.0', '3.0.0'], created: REG3_T, config: regConfig('/etc/distribution/config.yml'), steps: registry('3.0.0', REG3_T, ALPINE_322, 'distribution', 'registry-3.0.0') },
  { repository: 'library/registry', tags: ['2', '2.8', '2.8.3'], created: REG28_T, config: regConfig('/etc/docker/registry/config.yml'), steps: registry('2.8.3', REG28_T, ALPINE_321, 'docker/registry', 'registry-2.8.3') },
];

/** The service images (catalog.ts spreads them into CATALOG). */
export const SERVICE_IMAGES: CatalogImage[] = [...POSTGRES, ...MYSQL, ...MARIADB, ...MEMCACHED, ...RABBITMQ, ...HTTPD, ...TRAEFIK, ...HAPROXY, ...REGISTRY];
