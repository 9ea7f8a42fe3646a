/**
 * Variants of the chapters' images that learners reach for next: nginx on Alpine
 * (alpine, alpine-slim), python 3.13 (bookworm, slim, alpine), 3.12-slim and
 * 3.9-alpine, node 22 LTS (bookworm, slim, alpine) and 24 (alpine, slim),
 * redis:8-alpine, debian trixie (13) and trixie-slim, ubuntu 25.04 (plucky),
 * alpine 3.20, mongo 8.0 on noble, busybox musl/uclibc. Configs and history follow
 * the docker-library Dockerfiles (RUN lines abridged where they run to pages; the
 * ENV, COPY, ENTRYPOINT, EXPOSE, CMD steps are exact). catalog.ts spreads
 * VARIANT_IMAGES into CATALOG; layers-variants.ts holds their layers.
 *
 * The base steps below repeat catalog.ts's (catalog.ts imports this module, so
 * importing its constants back would be a cycle); test/registry/variants.test.ts
 * checks they are the same steps.
 */
import type { CatalogImage, Step } from './catalog.ts';
import { VARIANT_TIMES as VT } from './layers-variants.ts';
import { fakeHex } from './tree.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BK = 'buildkit.dockerfile.v0';

function bk(created: string, ...steps: Array<string | [string, string]>): Step[] {
  return steps.map((s) => (typeof s === 'string' ? { created, created_by: s, comment: BK } : { created, created_by: s[0], comment: BK, layer: s[1] }));
}

function legacy(created: string, created_by: string, layer?: string): Step {
  return layer ? { created, created_by, layer } : { created, created_by };
}

/** alpine:3.22's steps (the chapters' alpine). */
export const ALPINE_322: Step[] = bk('2025-07-15T11:01:16Z', ['ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit', 'alpine-3.22.1'], 'CMD ["/bin/sh"]');
/** debian:bookworm-slim's step. */
export const BOOKWORM_SLIM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-slim-20250721' }];
/** buildpack-deps:bookworm's steps (node:24's base). */
export const BUILDPACK_BOOKWORM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-20250721' },
  ...bk('2025-07-21T01:14:27Z',
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-curl']),
  ...bk('2025-07-21T01:40:08Z', ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-scm']),
  ...bk('2025-07-21T02:35:51Z', ['RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm'])
];
const NOBLE_T = '2025-07-14T17:26:52.361281426Z';
/** ubuntu:noble's steps. */
export const NOBLE: Step[] = [
  legacy(NOBLE_T.replace('52.361281426', '47.620419152'), '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy(NOBLE_T.replace('52.361281426', '47.660856328'), '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy(NOBLE_T.replace('52.361281426', '47.696911434'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy(NOBLE_T.replace('52.361281426', '47.736386931'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'),
  legacy(NOBLE_T.replace('52.361281426', '50.913540962'), `/bin/sh -c #(nop) ADD file:${fakeHex('noble-rootfs', 64)} in / `, 'ubuntu-noble-20250714'),
  legacy(NOBLE_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];

// ---- nginx on Alpine (docker-library/nginx mainline/alpine-slim and mainline/alpine) ----

const NGINX_LABEL = 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>';
const NGINX_SLIM_STEPS: Step[] = [...ALPINE_322, ...bk(VT.nginxSlim, NGINX_LABEL, 'ENV NGINX_VERSION=1.29.0', 'ENV PKG_RELEASE=1', 'ENV DYNPKG_RELEASE=1',
  ['RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -f "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps="$(         scanelf --needed --nobanner /tmp/envsubst             | awk \'{ gsub(/,/, "\\nso:", $2); print "so:" $2 }\'             | sort -u             | xargs -r apk info --installed             | sort -u     )"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit', 'nginx-1.29.0-alpine-slim-install'],
  ['COPY docker-entrypoint.sh / # buildkit', 'nginx-1.29.0-alpine-entrypoint'],
  ['COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', 'nginx-1.29.0-alpine-10-listen-on-ipv6-by-default.sh'],
  ['COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', 'nginx-1.29.0-alpine-15-local-resolvers.envsh'],
  ['COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', 'nginx-1.29.0-alpine-20-envsubst-on-templates.sh'],
  ['COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', 'nginx-1.29.0-alpine-30-tune-worker-processes.sh'],
  'ENTRYPOINT ["/docker-entrypoint.sh"]', 'EXPOSE map[80/tcp:{}]', 'STOPSIGNAL SIGQUIT', 'CMD ["nginx" "-g" "daemon off;"]')];

function nginxAlpineConfig(extraEnv: string[]): CatalogImage['config'] {
  return {
    ExposedPorts: { '80/tcp': {} }, Env: [PATH, 'NGINX_VERSION=1.29.0', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', ...extraEnv],
    Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' }, StopSignal: 'SIGQUIT', ArgsEscaped: true,
  };
}

// ---- python (docker-library/python 3.13/bookworm, 3.13/slim-bookworm, 3.13/alpine3.22, 3.12/slim-bookworm, 3.9/alpine3.22) ----

const PY_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const GPG_312 = 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305';
const GPG_39 = 'GPG_KEY=E3FF2839C048B25C084DEBE9B26995E310250568';
// PYTHON_SHA256 of 3.13.5's tarball; 3.12.11's is derived (not recorded here), as the redis image's is.
const PY_313 = ['PYTHON_VERSION=3.13.5', 'PYTHON_SHA256=93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640'];
const PY_312 = ['PYTHON_VERSION=3.12.11', `PYTHON_SHA256=${fakeHex('python-3.12.11.tar.xz', 64)}`];
const PY_39 = ['PYTHON_VERSION=3.9.23', 'PYTHON_SHA256=61a42919e13d539f7673cf11d1c404380e28e540510860b9d242196e165709c9'];
const PY_39_PIP = ['PYTHON_PIP_VERSION=23.0.1', 'PYTHON_SETUPTOOLS_VERSION=58.1.0', 'PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/9af82b715db434abb94a0a6f3569f43e72157346/public/get-pip.py', 'PYTHON_GET_PIP_SHA256=45a2bb8bf2bb5eff16fdd00faef6f29731831c7c59bd9fc2bf1f3bed511ff1fe'];
const PY_LINKS_312 = 'RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit';
const PY_LINKS_39 = 'RUN /bin/sh -c set -eux; \tfor src in idle3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit';
const PY_BUILD_DEB = (slim: boolean): string => `RUN /bin/sh -c set -eux; \t\t${slim ? 'savedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\t' : ''}wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \twget -O python.tar.xz.asc "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc"; \tGNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t$(test "$gnuArch" != 'riscv64-linux-musl' && echo '--with-lto') \t\t--with-ensurepip \t; \tnproc="$(nproc)"; \tEXTRA_CFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \tmake -j "$nproc" \t\t"EXTRA_CFLAGS=\${EXTRA_CFLAGS:-}" \t\t"LDFLAGS=\${LDFLAGS:-}" \t; \trm python; \tmake -j "$nproc" \t\t"EXTRA_CFLAGS=\${EXTRA_CFLAGS:-}" \t\t"LDFLAGS=\${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'" \t\tpython \t; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\t${slim ? 'apt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\t' : ''}export PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version # buildkit`;
const PY_BUILD_APK = (ensurepip: boolean): string => `RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tgnupg \t\ttar \t\txz \t\t\t\tbluez-dev \t\tbzip2-dev \t\tdpkg-dev dpkg \t\tfindutils \t\tgcc \t\tgdbm-dev \t\tlibc-dev \t\tlibffi-dev \t\tlibnsl-dev \t\tlibtirpc-dev \t\tlinux-headers \t\tmake \t\tncurses-dev \t\topenssl-dev \t\tpax-utils \t\treadline-dev \t\tsqlite-dev \t\ttcl-dev \t\ttk \t\ttk-dev \t\tutil-linux-dev \t\txz-dev \t\tzlib-dev \t; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t${ensurepip ? '--with-ensurepip' : '--without-ensurepip'} \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec scanelf --needed --nobanner --format '%n#p' '{}' ';' \t\t| tr ',' '\\n' \t\t| sort -u \t\t| awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }' \t\t| xargs -rt apk add --no-network --virtual .python-rundeps \t; \tapk del --no-network .build-deps; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version${ensurepip ? '; \tpip3 --version' : ''} # buildkit`;
const PY_GET_PIP = 'RUN /bin/sh -c set -eux; \t\twget -O get-pip.py "$PYTHON_GET_PIP_URL"; \techo "$PYTHON_GET_PIP_SHA256 *get-pip.py" | sha256sum -c -; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t--no-compile \t\t"pip==$PYTHON_PIP_VERSION" \t\t"setuptools==$PYTHON_SETUPTOOLS_VERSION" \t; \trm -f get-pip.py; \t\tpip --version # buildkit';

/** python 3.12+ on a Debian base: `base` steps, then the Dockerfile's. */
function pythonDeb(created: string, base: Step[], depsStep: string, depsLayer: string, gpg: string, ver: string[], slim: boolean, installLayer: string, linksLayer: string): Step[] {
  return [...base, ...bk(created, `ENV PATH=${PY_PATH.slice(5)}`, 'ENV LANG=C.UTF-8', [depsStep, depsLayer], `ENV ${gpg}`, `ENV ${ver[0]}`, `ENV ${ver[1]}`,
    [PY_BUILD_DEB(slim), installLayer], [PY_LINKS_312, linksLayer], 'CMD ["python3"]')];
}
const PY_SLIM_DEPS = 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit';
const PY_FULL_DEPS = 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit';
const PY_APK_DEPS = 'RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t; # buildkit';
const pyConfig = (env: string[]): CatalogImage['config'] => ({ Env: [PY_PATH, 'LANG=C.UTF-8', ...env], Cmd: ['python3'], ArgsEscaped: true });

// ---- node (docker-library/node 22/bookworm, 22/bookworm-slim, 22/alpine3.22, 24/alpine3.22, 24/bookworm-slim) ----

const NODE_INSTALL_DEB = 'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ppc64el) ARCH=\'ppc64le\';;     s390x) ARCH=\'s390x\';;     arm64) ARCH=\'arm64\';;     armhf) ARCH=\'armv7l\';;     i386) ARCH=\'x86\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && export GNUPGHOME="$(mktemp -d)"   && set -ex   && for key in       C0D6248439F1D5604AAFFB4021D900FFDB233756       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/* # buildkit';
const NODE_INSTALL_SLIM = NODE_INSTALL_DEB.replace('   && export GNUPGHOME', '   && set -ex     && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends     && rm -rf /var/lib/apt/lists/*   && export GNUPGHOME').replace('   && ln -s /usr/local/bin/node', '   && apt-mark auto \'.*\' > /dev/null   && find /usr/local -type f -executable -exec ldd \'{}\' \';\'       | awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }\'       | sort -u       | xargs -r dpkg-query --search       | cut -d: -f1       | sort -u       | xargs -r apt-mark manual   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false   && ln -s /usr/local/bin/node');
const NODE_INSTALL_APK = 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)"       && case "${alpineArch##*-}" in         x86_64) ARCH=\'x64\' CHECKSUM="$NODE_CHECKSUM" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n "${CHECKSUM}" ]; then     set -eu;     curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz";     echo "$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" | sha256sum -c -       && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   fi   && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name "$OPENSSL_ARCH" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/* # buildkit';
const YARN_DEB = 'RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit';
const YARN_SLIM = YARN_DEB.replace('set -ex   && export', 'set -ex   && savedAptMark="$(apt-mark showmanual)"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends   && rm -rf /var/lib/apt/lists/*   && export').replace('   && yarn --version', '   && apt-mark auto \'.*\' > /dev/null   && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; }   && find /usr/local -type f -executable -exec ldd \'{}\' \';\'       | awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }\'       | sort -u       | xargs -r dpkg-query --search       | cut -d: -f1       | sort -u       | xargs -r apt-mark manual   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false   && yarn --version');
const YARN_APK = YARN_DEB.replace('set -ex   && export', 'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export').replace('   && yarn --version', '   && apk del .build-deps-yarn   && yarn --version');
const USER_DEB = 'RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit';

/** A node image: its base steps, then the Dockerfile's for `flavor`. */
function nodeSteps(created: string, base: Step[], flavor: 'deb' | 'slim' | 'apk', version: string, k: { user?: string; install: string; yarn: string; entry: string }): Step[] {
  const install = flavor === 'apk' ? NODE_INSTALL_APK.replace('"$NODE_CHECKSUM"', `"${fakeHex(`node-v${version}-linux-x64-musl.tar.xz`, 64)}"`) : flavor === 'slim' ? NODE_INSTALL_SLIM : NODE_INSTALL_DEB;
  return [...base, ...bk(created, ...(k.user ? [[USER_DEB, k.user] as [string, string]] : []), `ENV NODE_VERSION=${version}`, [install, k.install], 'ENV YARN_VERSION=1.22.22',
    [flavor === 'apk' ? YARN_APK : flavor === 'slim' ? YARN_SLIM : YARN_DEB, k.yarn], ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', k.entry], 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node"]')];
}
const nodeConfig = (version: string): CatalogImage['config'] => ({ Env: [PATH, `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'], ArgsEscaped: true });

// ---- debian trixie, ubuntu plucky, alpine 3.20, busybox musl/uclibc ----

const debuerreotype = (suite: string, layer: string): Step[] => [{ created: VT.trixie, created_by: `# debian.sh --arch 'amd64' out/ '${suite}' '@1754870400'`, comment: 'debuerreotype 0.15', layer }];
const PLUCKY = (t: string): Step[] => [
  legacy(t.replace('10.205731920', '05.371902154'), '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy(t.replace('10.205731920', '05.409288461'), '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy(t.replace('10.205731920', '05.446611708'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy(t.replace('10.205731920', '05.484297153'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=25.04'),
  legacy(t.replace('10.205731920', '09.932618004'), `/bin/sh -c #(nop) ADD file:${fakeHex('plucky-rootfs', 64)} in / `, 'ubuntu-plucky-20250714'),
  legacy(t, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];
const busyboxStatic = (libc: string, file: string): Step[] => [legacy('2024-09-26T21:31:41.812203311Z', `/bin/sh -c #(nop) ADD file:${file} in / `, `busybox-1.37.0-${libc}`), legacy(VT.busyboxStatic, '/bin/sh -c #(nop)  CMD ["sh"]')];

// ---- mongo 8.0 (docker-library/mongo 8.0, on ubuntu:noble) ----

const MONGO8_ENV = [PATH, 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=8.0', 'MONGO_VERSION=8.0.12', 'HOME=/data/db'];

/** Every variant image; catalog.ts spreads them into CATALOG. */
export const VARIANT_IMAGES: CatalogImage[] = [
  { repository: 'library/nginx', tags: ['alpine-slim', 'mainline-alpine-slim', '1-alpine-slim', '1.29-alpine-slim', '1.29.0-alpine-slim', 'alpine3.22-slim', '1.29.0-alpine3.22-slim'], created: VT.nginxSlim,
    config: nginxAlpineConfig([]), steps: NGINX_SLIM_STEPS },
  { repository: 'library/nginx', tags: ['alpine', 'mainline-alpine', '1-alpine', '1.29-alpine', '1.29.0-alpine', 'alpine3.22', '1.29.0-alpine3.22'], created: VT.nginxAlpine,
    config: nginxAlpineConfig(['NJS_VERSION=0.9.0', 'NJS_RELEASE=1']),
    steps: [...NGINX_SLIM_STEPS, ...bk(VT.nginxAlpine, 'ENV NJS_VERSION=0.9.0', 'ENV NJS_RELEASE=1',
      ['RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -f "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit', 'nginx-1.29.0-alpine-modules'])] },

  { repository: 'library/python', tags: ['3.13', '3.13.5', '3', 'latest', '3.13-bookworm', '3.13.5-bookworm', '3-bookworm', 'bookworm'], created: VT.py313,
    config: pyConfig([GPG_312, ...PY_313]),
    steps: pythonDeb(VT.py313, BUILDPACK_BOOKWORM, PY_FULL_DEPS, 'python-3.13-bookworm-deps', GPG_312, PY_313, false, 'python-3.13.5-bookworm', 'python-3.13-bookworm-links') },
  { repository: 'library/python', tags: ['3.13-slim', '3.13.5-slim', '3-slim', 'slim', '3.13-slim-bookworm', '3.13.5-slim-bookworm', '3-slim-bookworm', 'slim-bookworm'], created: VT.py313slim,
    config: pyConfig([GPG_312, ...PY_313]),
    steps: pythonDeb(VT.py313slim, BOOKWORM_SLIM, PY_SLIM_DEPS, 'python-3.13-slim-deps', GPG_312, PY_313, true, 'python-3.13.5-slim', 'python-3.13-slim-links') },
  { repository: 'library/python', tags: ['3.13-alpine', '3.13.5-alpine', '3-alpine', 'alpine', '3.13-alpine3.22', '3.13.5-alpine3.22', 'alpine3.22'], created: VT.py313alpine,
    config: pyConfig([GPG_312, ...PY_313]),
    steps: [...ALPINE_322, ...bk(VT.py313alpine, `ENV PATH=${PY_PATH.slice(5)}`, 'ENV LANG=C.UTF-8', [PY_APK_DEPS, 'python-3.13-alpine-deps'], `ENV ${GPG_312}`, `ENV ${PY_313[0]}`, `ENV ${PY_313[1]}`,
      [PY_BUILD_APK(true), 'python-3.13.5-alpine'], [PY_LINKS_312, 'python-3.13-alpine-links'], 'CMD ["python3"]')] },
  { repository: 'library/python', tags: ['3.12-slim', '3.12.11-slim', '3.12-slim-bookworm', '3.12.11-slim-bookworm'], created: VT.py312slim,
    config: pyConfig([GPG_312, ...PY_312]),
    steps: pythonDeb(VT.py312slim, BOOKWORM_SLIM, PY_SLIM_DEPS, 'python-3.12-slim-deps', GPG_312, PY_312, true, 'python-3.12.11-slim', 'python-3.12-slim-links') },
  { repository: 'library/python', tags: ['3.9-alpine', '3.9.23-alpine', '3.9-alpine3.22', '3.9.23-alpine3.22'], created: VT.py39alpine,
    config: pyConfig([GPG_39, ...PY_39, ...PY_39_PIP]),
    steps: [...ALPINE_322, ...bk(VT.py39alpine, `ENV PATH=${PY_PATH.slice(5)}`, 'ENV LANG=C.UTF-8', [PY_APK_DEPS, 'python-3.9-alpine-deps'], `ENV ${GPG_39}`, `ENV ${PY_39[0]}`, `ENV ${PY_39[1]}`,
      [PY_BUILD_APK(false), 'python-3.9.23-alpine'], [PY_LINKS_39, 'python-3.9-alpine-links'], ...PY_39_PIP.map((e) => `ENV ${e}`), [PY_GET_PIP, 'python-3.9-alpine-pip-23.0.1'], 'CMD ["python3"]')] },

  { repository: 'library/node', tags: ['22', '22.17', '22.17.1', 'lts', 'jod', 'lts-jod', '22-bookworm', '22.17-bookworm', '22.17.1-bookworm', 'lts-bookworm', 'jod-bookworm'], created: VT.node22,
    config: nodeConfig('22.17.1'), steps: nodeSteps(VT.node22, BUILDPACK_BOOKWORM, 'deb', '22.17.1', { user: 'node-22-user', install: 'node-22.17.1', yarn: 'node-22-yarn-1.22.22', entry: 'node-22-entrypoint' }) },
  { repository: 'library/node', tags: ['22-slim', '22.17-slim', '22.17.1-slim', 'lts-slim', 'jod-slim', '22-bookworm-slim', '22.17.1-bookworm-slim', 'lts-bookworm-slim'], created: VT.node22slim,
    config: nodeConfig('22.17.1'), steps: nodeSteps(VT.node22slim, BOOKWORM_SLIM, 'slim', '22.17.1', { user: 'node-22-slim-user', install: 'node-22.17.1-slim', yarn: 'node-22-slim-yarn-1.22.22', entry: 'node-22-slim-entrypoint' }) },
  { repository: 'library/node', tags: ['22-alpine', '22.17-alpine', '22.17.1-alpine', 'lts-alpine', 'jod-alpine', '22-alpine3.22', '22.17.1-alpine3.22', 'lts-alpine3.22'], created: VT.node22alpine,
    config: nodeConfig('22.17.1'), steps: nodeSteps(VT.node22alpine, ALPINE_322, 'apk', '22.17.1', { install: 'node-22.17.1-alpine', yarn: 'node-22-alpine-yarn-1.22.22', entry: 'node-22-alpine-entrypoint' }) },
  { repository: 'library/node', tags: ['24-alpine', '24.4-alpine', '24.4.1-alpine', 'current-alpine', 'alpine', '24-alpine3.22', '24.4.1-alpine3.22', 'alpine3.22'], created: VT.node24alpine,
    config: nodeConfig('24.4.1'), steps: nodeSteps(VT.node24alpine, ALPINE_322, 'apk', '24.4.1', { install: 'node-24.4.1-alpine', yarn: 'node-24-alpine-yarn-1.22.22', entry: 'node-24-alpine-entrypoint' }) },
  { repository: 'library/node', tags: ['24-slim', '24.4-slim', '24.4.1-slim', 'current-slim', 'slim', '24-bookworm-slim', '24.4.1-bookworm-slim', 'bookworm-slim'], created: VT.node24slim,
    config: nodeConfig('24.4.1'), steps: nodeSteps(VT.node24slim, BOOKWORM_SLIM, 'slim', '24.4.1', { user: 'node-24-slim-user', install: 'node-24.4.1-slim', yarn: 'node-24-slim-yarn-1.22.22', entry: 'node-24-slim-entrypoint' }) },

  { repository: 'library/redis', tags: ['8-alpine', '8.0-alpine', '8.0.3-alpine', 'alpine', '8-alpine3.22', '8.0.3-alpine3.22', 'alpine3.22'], created: VT.redisAlpine,
    config: { ExposedPorts: { '6379/tcp': {} }, Env: [PATH, 'REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz', 'REDIS_DOWNLOAD_SHA=2467b9608ecbfc9f5b1e2b8a4a3d6b5bb2d0a8f2a5f2ea3f4dd6aa2cd3a3c7f6'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], Volumes: { '/data': {} }, WorkingDir: '/data', ArgsEscaped: true },
    steps: [...ALPINE_322, ...bk(VT.redisAlpine,
      ['RUN /bin/sh -c set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis # buildkit', 'redis-8-alpine-user'],
      ['RUN /bin/sh -c set -eux; \tapk add --no-cache \t\t\'su-exec>=0.2\' \t\ttzdata \t; # buildkit', 'redis-8-alpine-deps'],
      'ENV REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz', 'ENV REDIS_DOWNLOAD_SHA=2467b9608ecbfc9f5b1e2b8a4a3d6b5bb2d0a8f2a5f2ea3f4dd6aa2cd3a3c7f6',
      ['RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tg++ \t\tlinux-headers \t\tmake \t\tmusl-dev \t\topenssl-dev \t\tgit \t\tcmake \t\tpython3 \t\twget \t; \twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \texport BUILD_TLS=yes BUILD_WITH_MODULES=yes INSTALL_RUST_TOOLCHAIN=yes DISABLE_WERRORS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \trm -r /usr/src/redis; \trunDeps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t)"; \tapk add --no-network --virtual .redis-rundeps $runDeps; \tapk del --no-network .build-deps; \t\tredis-cli --version; \tredis-server --version # buildkit', 'redis-8.0.3-alpine'],
      ['RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', 'redis-8-alpine-data'],
      'VOLUME [/data]', 'WORKDIR /data',
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'redis-8-alpine-entrypoint'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[6379/tcp:{}]', 'CMD ["redis-server"]')] },

  { repository: 'library/debian', tags: ['trixie', '13', '13.0', 'trixie-20250811'], created: VT.trixie, config: { Env: [PATH], Cmd: ['bash'] }, steps: debuerreotype('trixie', 'debian-trixie-20250811') },
  { repository: 'library/debian', tags: ['trixie-slim', '13-slim', '13.0-slim', 'trixie-20250811-slim'], created: VT.trixie, config: { Env: [PATH], Cmd: ['bash'] }, steps: debuerreotype('trixie', 'debian-trixie-slim-20250811') },
  { repository: 'library/ubuntu', tags: ['25.04', 'plucky', 'plucky-20250714', 'rolling'], created: VT.plucky,
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '25.04' } }, steps: PLUCKY(VT.plucky) },
  { repository: 'library/alpine', tags: ['3.20', '3.20.7'], created: VT.alpine320, config: { Env: [PATH], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true },
    steps: bk(VT.alpine320, ['ADD alpine-minirootfs-3.20.7-x86_64.tar.gz / # buildkit', 'alpine-3.20.7'], 'CMD ["/bin/sh"]') },
  { repository: 'library/busybox', tags: ['musl', '1.37-musl', '1.37.0-musl', 'stable-musl'], created: VT.busyboxStatic, config: { Env: [PATH], Cmd: ['sh'] }, steps: busyboxStatic('musl', fakeHex('busybox-musl-rootfs', 64)) },
  { repository: 'library/busybox', tags: ['uclibc', '1.37-uclibc', '1.37.0-uclibc', 'stable-uclibc'], created: VT.busyboxStatic, config: { Env: [PATH], Cmd: ['sh'] }, steps: busyboxStatic('uclibc', fakeHex('busybox-uclibc-rootfs', 64)) },

  { repository: 'library/mongo', tags: ['8.0', '8.0.12', '8', 'latest', '8.0-noble', '8.0.12-noble', '8-noble', 'noble'], created: VT.mongo8,
    config: { ExposedPorts: { '27017/tcp': {} }, Env: MONGO8_ENV, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mongod'], Volumes: { '/data/configdb': {}, '/data/db': {} }, ArgsEscaped: true,
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
    steps: [...NOBLE, ...bk(VT.mongo8,
      ['RUN /bin/sh -c set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb # buildkit', 'mongo-8.0-user'],
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'mongo-8.0-deps'],
      'ENV GOSU_VERSION=1.17', 'ENV JSYAML_VERSION=3.13.1', 'ENV JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941',
      ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \t\twget -O /js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"; \techo "$JSYAML_CHECKSUM */js-yaml.js" | sha256sum -c -; \t\tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit', 'mongo-8.0-gosu'],
      ['RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit', 'mongo-8.0-initdb'],
      'ENV GPG_KEYS=4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05',
      ['RUN /bin/sh -c set -ex; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export "$GPG_KEYS" > /etc/apt/keyrings/mongodb.gpg; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" # buildkit', 'mongo-8.0-gpg'],
      'ARG MONGO_PACKAGE=mongodb-org', 'ARG MONGO_REPO=repo.mongodb.org', 'ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org', 'ENV MONGO_MAJOR=8.0',
      ['RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c echo "deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://$MONGO_REPO/apt/ubuntu noble/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list" # buildkit', 'mongo-8.0-list'],
      'ENV MONGO_VERSION=8.0.12',
      ['RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig # buildkit', 'mongo-8.0.12'],
      'VOLUME [/data/db /data/configdb]', 'ENV HOME=/data/db',
      ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'mongo-8.0-entrypoint'],
      'ENTRYPOINT ["docker-entrypoint.sh"]', 'EXPOSE map[27017/tcp:{}]', 'CMD ["mongod"]')] },
];
