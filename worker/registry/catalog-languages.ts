/**
 * The simulated Hub's language and application images: golang, eclipse-temurin,
 * openjdk (deprecated), ruby, php, rust, wordpress and docker. Configs and history
 * follow docker-library's Dockerfiles (BuildKit `… # buildkit` steps; legacy
 * `#(nop)` steps for the oraclelinux base). Checksums in ENV and RUN lines that are
 * not known offline (PHP_SHA256, RUBY_DOWNLOAD_SHA256, …) are fakeHex values: same
 * length and place as the real ones, not the real digits.
 *
 * The base images' steps are repeated here rather than imported from catalog.ts
 * (catalog.ts spreads LANGUAGE_IMAGES while it evaluates, so a value import back
 * would be a cycle); they must stay byte-identical to catalog.ts's so the base
 * layers are shared (test/registry/languages.test.ts checks the shared DiffIDs).
 */
import type { ContainerDefaults } from '../engine/image-config.ts';
import type { CatalogImage, Step } from './catalog.ts';
import { fakeHex } from './tree.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const P = PATH.slice('PATH='.length);
const BK = 'buildkit.dockerfile.v0';

/** BuildKit steps at `created`: `[text, layerKey]` pairs produce a layer. */
function bk(created: string, ...steps: Array<string | [string, string]>): Step[] {
  return steps.map((s) => (typeof s === 'string' ? { created, created_by: s, comment: BK } : { created, created_by: s[0], comment: BK, layer: s[1] }));
}

function legacy(created: string, created_by: string, layer?: string): Step {
  return layer ? { created, created_by, layer } : { created, created_by };
}

// ---- base images (identical to catalog.ts) ----
const ALPINE_322: Step[] = bk('2025-07-15T11:01:16Z', ['ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit', 'alpine-3.22.1'], 'CMD ["/bin/sh"]');
const BOOKWORM_SLIM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-slim-20250721' }];
const BOOKWORM: Step[] = [{ created: '2025-07-21T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1753056000'", comment: 'debuerreotype 0.15', layer: 'debian-bookworm-20250721' }];
const BP_CURL: Step[] = bk('2025-07-21T01:14:27Z', ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-curl']);
const BP_SCM: Step[] = bk('2025-07-21T01:40:08Z', ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm-scm']);
const BP_FULL: Step[] = bk('2025-07-21T02:35:51Z', ['RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'buildpack-bookworm']);
/** buildpack-deps:bookworm-scm and buildpack-deps:bookworm, the bases of golang, ruby and rust (node's too). */
const BUILDPACK_SCM: Step[] = [...BOOKWORM, ...BP_CURL, ...BP_SCM];
const BUILDPACK: Step[] = [...BUILDPACK_SCM, ...BP_FULL];
const NOBLE_T = '2025-07-14T17:26:52.361281426Z';
const NOBLE: Step[] = [
  legacy(NOBLE_T.replace('52.361281426', '47.620419152'), '/bin/sh -c #(nop)  ARG RELEASE'),
  legacy(NOBLE_T.replace('52.361281426', '47.660856328'), '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
  legacy(NOBLE_T.replace('52.361281426', '47.696911434'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
  legacy(NOBLE_T.replace('52.361281426', '47.736386931'), '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'),
  legacy(NOBLE_T.replace('52.361281426', '50.913540962'), `/bin/sh -c #(nop) ADD file:${fakeHex('noble-rootfs', 64)} in / `, 'ubuntu-noble-20250714'),
  legacy(NOBLE_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];
const NOBLE_LABELS = { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' };
/** oraclelinux:8-slim as openjdk's last GA builds had it (legacy builder, one ADD). */
const ORACLE8 = (added: string, created: string, key: string): Step[] => [
  legacy(added, `/bin/sh -c #(nop) ADD file:${fakeHex(key, 64)} in / `, key),
  legacy(created, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
];

// ---- golang ----
const GO = '1.24.5';
const GO_T = '2025-07-22T18:09:44Z';
const GO_ALPINE_T = '2025-07-16T01:35:27Z';
const GO_ENV = [`PATH=/go/bin:/usr/local/go/bin:${P}`, `GOLANG_VERSION=${GO}`, 'GOTOOLCHAIN=local', 'GOPATH=/go'];
const GO_TAIL = (t: string, key: string, mkdir: string): Step[] => bk(t,
  `ENV GOLANG_VERSION=${GO}`, 'ENV GOTOOLCHAIN=local', 'ENV GOPATH=/go', `ENV PATH=/go/bin:/usr/local/go/bin:${P}`,
  ['COPY /target/ / # buildkit', key],
  ['RUN /bin/sh -c mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH" # buildkit', mkdir],
  'WORKDIR /go');

// ---- eclipse-temurin / openjdk ----
const TEMURIN_T = '2025-07-28T21:57:10Z';
const TEMURIN_ALPINE_T = '2025-07-28T22:14:03Z';
const TEMURIN_DEPS = 'RUN /bin/sh -c set -eux;     apt-get update;     DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends         curl         wget         gnupg         fontconfig         ca-certificates p11-kit         binutils         tzdata         locales     ;     echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen;     locale-gen en_US.UTF-8;     rm -rf /var/lib/apt/lists/* # buildkit';
const TEMURIN_ALPINE_DEPS = 'RUN /bin/sh -c set -eux;     apk add --no-cache         fontconfig ttf-dejavu         ca-certificates p11-kit-trust         musl-locales musl-locales-lang         tzdata         coreutils         openssl     ;     rm -rf /var/cache/apk/* # buildkit';
function temurinInstall(kind: 'jdk' | 'jre', feature: string, version: string, os: 'linux' | 'alpine-linux'): string {
  const v = version.replace('+', '_').replace(/^jdk-/, '');
  const enc = version.replace('+', '%2B');
  return `RUN /bin/sh -c set -eux;     ARCH="$(${os === 'linux' ? 'dpkg --print-architecture' : 'apk --print-arch'})";     case "\${ARCH}" in        ${os === 'linux' ? 'amd64' : 'x86_64'})          ESUM='${fakeHex(`temurin-${kind}-${version}-${os}`, 64)}';          BINARY_URL='https://github.com/adoptium/temurin${feature}-binaries/releases/download/${enc}/OpenJDK${feature}U-${kind}_x64_${os === 'linux' ? 'linux' : 'alpine-linux'}_hotspot_${v}.tar.gz';          ;;        *)          echo "Unsupported arch: \${ARCH}";          exit 1;          ;;     esac;     wget --progress=dot:giga -O /tmp/openjdk.tar.gz \${BINARY_URL};     wget --progress=dot:giga -O /tmp/openjdk.tar.gz.sig \${BINARY_URL}.sig;     export GNUPGHOME="$(mktemp -d)";     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys 3B04D753C9050D9A5D343F39843C48A565F8F04B;     gpg --batch --verify /tmp/openjdk.tar.gz.sig /tmp/openjdk.tar.gz;     rm -rf "\${GNUPGHOME}" /tmp/openjdk.tar.gz.sig;     echo "\${ESUM} */tmp/openjdk.tar.gz" | sha256sum -c -;     mkdir -p "$JAVA_HOME";     tar --extract         --file /tmp/openjdk.tar.gz         --directory "$JAVA_HOME"         --strip-components 1         --no-same-owner     ;     rm -f /tmp/openjdk.tar.gz \${JAVA_HOME}/lib/src.zip;     find "$JAVA_HOME/lib" -name '*.so' -exec dirname '{}' ';' | sort -u > /etc/ld.so.conf.d/docker-openjdk.conf;     ldconfig;     java -Xshare:dump; # buildkit`;
}
const TEMURIN_VERIFY = (kind: 'jdk' | 'jre'): string => kind === 'jdk'
  ? 'RUN /bin/sh -c set -eux;     echo "Verifying install ...";     fileEncoding="$(echo \'System.out.println(System.getProperty("file.encoding"))\' | jshell -s -)"; [ "$fileEncoding" = \'UTF-8\' ]; rm -rf ~/.java;     echo "javac --version"; javac --version;     echo "java --version"; java --version;     echo "Complete." # buildkit'
  : 'RUN /bin/sh -c set -eux;     echo "Verifying install ...";     echo "java --version"; java --version;     echo "Complete." # buildkit';
function temurin(kind: 'jdk' | 'jre', feature: string, version: string, alpine: boolean, keys: { deps: string; java: string; entry: string }): Step[] {
  const t = alpine ? TEMURIN_ALPINE_T : TEMURIN_T;
  return [...(alpine ? ALPINE_322 : NOBLE), ...bk(t,
    'ENV JAVA_HOME=/opt/java/openjdk', `ENV PATH=/opt/java/openjdk/bin:${P}`, 'ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8',
    [alpine ? TEMURIN_ALPINE_DEPS : TEMURIN_DEPS, keys.deps],
    `ENV JAVA_VERSION=${version}`,
    [temurinInstall(kind, feature, version, alpine ? 'alpine-linux' : 'linux'), keys.java],
    TEMURIN_VERIFY(kind),
    ['COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh # buildkit', keys.entry],
    'ENTRYPOINT ["/__cacert_entrypoint.sh"]',
    ...(kind === 'jdk' ? ['CMD ["jshell"]'] : []))];
}
function temurinConfig(kind: 'jdk' | 'jre', version: string, alpine: boolean): ContainerDefaults {
  return {
    Env: [`PATH=/opt/java/openjdk/bin:${P}`, 'JAVA_HOME=/opt/java/openjdk', 'LANG=en_US.UTF-8', 'LANGUAGE=en_US:en', 'LC_ALL=en_US.UTF-8', `JAVA_VERSION=${version}`],
    Entrypoint: ['/__cacert_entrypoint.sh'],
    ...(kind === 'jdk' ? { Cmd: ['jshell'] } : {}),
    // Inherited from the base: alpine's WorkingDir "/", ubuntu's labels.
    ...(alpine ? { WorkingDir: '/' } : { Labels: NOBLE_LABELS }),
    ArgsEscaped: true,
  };
}

/** openjdk's last GA builds (oraclelinux8): the repository is deprecated; only its Hub page says so. */
function openjdk(feature: string, version: string, url: string, times: { base: [string, string]; deps: string; created: string }, base: string): { steps: Step[]; config: ContainerDefaults } {
  const home = `/usr/java/openjdk-${feature}`;
  const { created } = times;
  return {
    config: { Env: [`PATH=${home}/bin:${P}`, `JAVA_HOME=${home}`, 'LANG=C.UTF-8', `JAVA_VERSION=${version}`], Cmd: ['jshell'], ArgsEscaped: true },
    steps: [...ORACLE8(times.base[0], times.base[1], base), ...bk(times.deps,
      ['RUN /bin/sh -c set -eux; \tmicrodnf install \t\tgzip \t\ttar \t\t\t\tbinutils \t\tfreetype fontconfig \t; \tmicrodnf clean all # buildkit', `openjdk-${feature}-deps`],
      `ENV JAVA_HOME=${home}`, `ENV PATH=${home}/bin:${P}`, 'ENV LANG=C.UTF-8', `ENV JAVA_VERSION=${version}`),
    ...bk(created,
      [`RUN /bin/sh -c set -eux; \t\tarch="$(rpm --query --queryformat='%{ARCH}' rpm)"; \tcase "$arch" in \t\t'x86_64') \t\t\tdownloadUrl='${url}'; \t\t\tdownloadSha256='${fakeHex(`openjdk-${version}`, 64)}'; \t\t\t;; \t\t*) echo >&2 "error: unsupported architecture: '$arch'"; exit 1 ;; \tesac; \t\tcurl -fL -o openjdk.tgz "$downloadUrl"; \techo "$downloadSha256 *openjdk.tgz" | sha256sum --strict --check -; \t\tmkdir -p "$JAVA_HOME"; \ttar --extract \t\t--file openjdk.tgz \t\t--directory "$JAVA_HOME" \t\t--strip-components 1 \t\t--no-same-owner \t; \trm openjdk.tgz*; \t\trm -rf "$JAVA_HOME/lib/security/cacerts"; \tln -sT /etc/pki/ca-trust/extracted/java/cacerts "$JAVA_HOME/lib/security/cacerts"; \t\tln -sfT "$JAVA_HOME" /usr/java/default; \tln -sfT "$JAVA_HOME" /usr/java/latest; \tfor bin in "$JAVA_HOME/bin/"*; do \t\tbase="$(basename "$bin")"; \t\t[ ! -e "/usr/bin/$base" ]; \t\talternatives --install "/usr/bin/$base" "$base" "$bin" 20000; \tdone; \t\tjava -Xshare:dump; \t\tfileEncoding="$(echo 'System.out.println(System.getProperty("file.encoding"))' | jshell -s -)"; [ "$fileEncoding" = 'UTF-8' ]; rm -rf ~/.java; \tjavac --version; \tjava --version # buildkit`, `openjdk-${version}`],
      'CMD ["jshell"]')],
  };
}

// ---- ruby ----
const RUBY = '3.4.5';
const RUBY_T = '2025-07-22T20:31:05Z';
const RUBY_ENV = [`PATH=/usr/local/bundle/bin:${P}`, 'LANG=C.UTF-8', `RUBY_VERSION=${RUBY}`, `RUBY_DOWNLOAD_URL=https://cache.ruby-lang.org/pub/ruby/3.4/ruby-${RUBY}.tar.xz`, `RUBY_DOWNLOAD_SHA256=${fakeHex('ruby-3.4.5-sha256', 64)}`, 'GEM_HOME=/usr/local/bundle', 'BUNDLE_SILENCE_ROOT_WARNING=1', 'BUNDLE_APP_CONFIG=/usr/local/bundle'];
const GEMRC = 'RUN /bin/sh -c set -eux; \tmkdir -p /usr/local/etc; \t{ \t\techo \'install: --no-document\'; \t\techo \'update: --no-document\'; \t} >> /usr/local/etc/gemrc # buildkit';
function ruby(flavor: 'full' | 'slim' | 'alpine'): Step[] {
  const k = `ruby-${RUBY}-${flavor}`;
  const t = flavor === 'alpine' ? '2025-07-16T02:04:51Z' : RUBY_T;
  const base = flavor === 'full' ? BUILDPACK : flavor === 'slim' ? BOOKWORM_SLIM : ALPINE_322;
  const deps: Array<[string, string]> = flavor === 'slim'
    ? [['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tca-certificates \t\tlibffi-dev \t\tlibgmp-dev \t\tlibssl-dev \t\tlibyaml-dev \t\tprocps \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', `${k}-deps`]]
    : flavor === 'alpine'
      ? [['RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tbzip2 \t\tca-certificates \t\tgmp-dev \t\tlibffi-dev \t\tprocps \t\tyaml-dev \t\tzlib-dev \t; # buildkit', `${k}-deps`]]
      : [];
  const build = flavor === 'alpine'
    ? 'RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .ruby-builddeps \t\tautoconf \t\tbison \t\tbzip2 \t\tbzip2-dev \t\tca-certificates \t\tcoreutils \t\tdpkg-dev dpkg \t\tg++ \t\tgcc \t\tgdbm-dev \t\tglib-dev \t\tlibc-dev \t\tlibffi-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlinux-headers \t\tmake \t\tncurses-dev \t\topenssl \t\topenssl-dev \t\tpatch \t\tprocps \t\treadline-dev \t\truby \t\ttar \t\txz \t\tyaml-dev \t\tzlib-dev \t; \t\twget -O ruby.tar.xz "$RUBY_DOWNLOAD_URL"; \techo "$RUBY_DOWNLOAD_SHA256 *ruby.tar.xz" | sha256sum --check --strict; \t\tmkdir -p /usr/src/ruby; \ttar -xJf ruby.tar.xz -C /usr/src/ruby --strip-components=1; \trm ruby.tar.xz; \t\tcd /usr/src/ruby; \t\tautoconf; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--disable-install-doc \t\t--enable-shared \t\t${rustArch:+--enable-yjit} \t; \tmake -j "$(nproc)"; \tmake install; \t\trunDeps="$( \t\tscanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local \t\t\t| tr \',\' \'\\n\' \t\t\t| sort -u \t\t\t| awk \'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }\' \t)"; \tapk add --no-network --virtual .ruby-rundeps $runDeps; \tapk del --no-network .ruby-builddeps; \t\tcd /; \trm -r /usr/src/ruby; \tif \t\tapk --no-network list --installed \t\t\t| grep -v \'^[.]ruby-rundeps\' \t\t\t| grep -i ruby \t; then \t\texit 1; \tfi; \t[ "$(command -v ruby)" = \'/usr/local/bin/ruby\' ]; \truby --version; \tgem --version; \tbundle --version # buildkit'
    : `RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbison \t\tdpkg-dev \t\tlibgdbm-dev \t\truby \t\t${flavor === 'slim' ? 'autoconf \t\tg++ \t\tgcc \t\tlibbz2-dev \t\tlibgdbm-compat-dev \t\tlibglib2.0-dev \t\tlibncurses-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tmake \t\twget \t\txz-utils \t\t' : ''}; \trm -rf /var/lib/apt/lists/*; \t\twget -O ruby.tar.xz "$RUBY_DOWNLOAD_URL"; \techo "$RUBY_DOWNLOAD_SHA256 *ruby.tar.xz" | sha256sum --check --strict; \t\tmkdir -p /usr/src/ruby; \ttar -xJf ruby.tar.xz -C /usr/src/ruby --strip-components=1; \trm ruby.tar.xz; \t\tcd /usr/src/ruby; \t\tautoconf; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--disable-install-doc \t\t--enable-shared \t\t\${rustArch:+--enable-yjit} \t; \tmake -j "$(nproc)"; \tmake install; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tcd /; \trm -r /usr/src/ruby; \tif dpkg -l | grep -i ruby; then exit 1; fi; \t[ "$(command -v ruby)" = '/usr/local/bin/ruby' ]; \truby --version; \tgem --version; \tbundle --version # buildkit`;
  return [...base, ...bk(t, ...deps,
    [GEMRC, `${k}-gemrc`],
    'ENV LANG=C.UTF-8', `ENV RUBY_VERSION=${RUBY}`, `ENV ${RUBY_ENV[3]}`, `ENV ${RUBY_ENV[4]}`,
    [build, k],
    'ENV GEM_HOME=/usr/local/bundle', 'ENV BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG=/usr/local/bundle', `ENV PATH=/usr/local/bundle/bin:${P}`,
    ['RUN /bin/sh -c set -eux; \tmkdir "$GEM_HOME"; \tchmod 1777 "$GEM_HOME" # buildkit', `${k}-gemhome`],
    'CMD ["irb"]')];
}

// ---- php ----
interface PhpRelease { version: string; keys: string; created: string }
const PHP84: PhpRelease = { version: '8.4.10', keys: 'AFD8691FDAEDF03BDF6E460563F15A9B715376CA 9D7F99A0CB8F05C8A6958D6256A97AF7600A39A6 0616E93D95AF471243E26761770426E17EBBB3DD', created: '2025-07-22T19:13:45Z' };
const PHP83: PhpRelease = { version: '8.3.23', keys: '1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4 AFD8691FDAEDF03BDF6E460563F15A9B715376CA', created: '2025-07-22T19:02:18Z' };
const PHPIZE_DEPS = 'autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c';
const PHPIZE_DEPS_ALPINE = 'autoconf \t\tdpkg-dev dpkg \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkgconf \t\tre2c';
const PHP_CFLAGS = '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64';
type PhpVariant = 'cli' | 'apache' | 'fpm' | 'alpine';

function phpEnv(r: PhpRelease, v: PhpVariant): string[] {
  return [PATH, `PHPIZE_DEPS=${v === 'alpine' ? PHPIZE_DEPS_ALPINE : PHPIZE_DEPS}`, 'PHP_INI_DIR=/usr/local/etc/php',
    ...(v === 'apache' ? ['APACHE_CONFDIR=/etc/apache2', 'APACHE_ENVVARS=/etc/apache2/envvars'] : []),
    `PHP_CFLAGS=${PHP_CFLAGS}`, `PHP_CPPFLAGS=${PHP_CFLAGS}`, 'PHP_LDFLAGS=-Wl,-O1 -pie', `GPG_KEYS=${r.keys}`, `PHP_VERSION=${r.version}`,
    `PHP_URL=https://www.php.net/distributions/php-${r.version}.tar.xz`, `PHP_ASC_URL=https://www.php.net/distributions/php-${r.version}.tar.xz.asc`, `PHP_SHA256=${fakeHex(`php-${r.version}-sha256`, 64)}`];
}

/** Steps of php:<version>-<variant> (docker-library/php's Dockerfile template, bookworm or alpine3.22). */
function php(r: PhpRelease, v: PhpVariant): Step[] {
  const k = `php-${r.version}-${v}`;
  const t = r.created;
  const env = phpEnv(r, v);
  const alpine = v === 'alpine';
  const configure = `./configure \t\t--build="$gnuArch" \t\t--with-config-file-path="$PHP_INI_DIR" \t\t--with-config-file-scan-dir="$PHP_INI_DIR/conf.d" \t\t--enable-option-checking=fatal \t\t--with-mhash \t\t--with-pic \t\t--enable-mbstring \t\t--enable-mysqlnd \t\t--with-password-argon2 \t\t--with-sodium=shared \t\t--with-pdo-sqlite=/usr \t\t--with-sqlite3=/usr \t\t--with-curl \t\t--with-iconv \t\t--with-openssl \t\t--with-readline \t\t--with-zlib \t\t--disable-phpdbg \t\t--with-pear \t\t$(test "$gnuArch" = 's390x-linux-gnu' && echo '--without-pcre-jit') \t\t--with-libdir="lib/$debMultiarch" \t\t--disable-cgi \t\t${v === 'apache' ? '--with-apxs2 \t\t' : v === 'fpm' ? '--enable-fpm \t\t--with-fpm-user=www-data \t\t--with-fpm-group=www-data \t\t' : ''}`;
  const steps: Array<string | [string, string]> = alpine
    ? [`ENV PHPIZE_DEPS=${PHPIZE_DEPS_ALPINE}`,
      ['RUN /bin/sh -c apk add --no-cache \t\tca-certificates \t\tcurl \t\topenssl \t\ttar \t\txz # buildkit', `${k}-deps`],
      ['RUN /bin/sh -c set -eux; \tadduser -u 82 -D -S -G www-data www-data # buildkit', `${k}-user`]]
    : [['RUN /bin/sh -c set -eux; \t{ \t\techo \'Package: php*\'; \t\techo \'Pin: release *\'; \t\techo \'Pin-Priority: -1\'; \t} > /etc/apt/preferences.d/no-debian-php # buildkit', `${k}-no-debian-php`],
      `ENV PHPIZE_DEPS=${PHPIZE_DEPS}`,
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t$PHPIZE_DEPS \t\tca-certificates \t\tcurl \t\txz-utils \t; \trm -rf /var/lib/apt/lists/* # buildkit', `${k}-deps`]];
  steps.push('ENV PHP_INI_DIR=/usr/local/etc/php',
    ['RUN /bin/sh -c set -eux; \tmkdir -p "$PHP_INI_DIR/conf.d"; \t[ ! -d /var/www/html ]; \tmkdir -p /var/www/html; \tchown www-data:www-data /var/www/html; \tchmod 1777 /var/www/html # buildkit', `${k}-www`]);
  if (v === 'apache') {
    steps.push('ENV APACHE_CONFDIR=/etc/apache2', 'ENV APACHE_ENVVARS=/etc/apache2/envvars',
      ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends apache2; \trm -rf /var/lib/apt/lists/*; \t\tsed -ri \'s/^export ([^=]+)=(.*)$/: ${\\1:=\\2}\\nexport \\1/\' "$APACHE_ENVVARS"; \t\t. "$APACHE_ENVVARS"; \tfor dir in \t\t"$APACHE_LOCK_DIR" \t\t"$APACHE_RUN_DIR" \t\t"$APACHE_LOG_DIR" \t\t"$APACHE_RUN_DIR/socks" \t; do \t\trm -rvf "$dir"; \t\tmkdir -p "$dir"; \t\tchown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir"; \t\tchmod 1777 "$dir"; \tdone; \t\trm -rvf /var/www/html/*; \t\tln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"; \tchown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR" # buildkit', `${k}-apache2`],
      ['RUN /bin/sh -c a2dismod mpm_event && a2enmod mpm_prefork # buildkit', `${k}-prefork`],
      ['RUN /bin/sh -c { \t\techo \'<FilesMatch \\.php$>\'; \t\techo \'\\tSetHandler application/x-httpd-php\'; \t\techo \'</FilesMatch>\'; \t\techo; \t\techo \'DirectoryIndex disabled\'; \t\techo \'DirectoryIndex index.php index.html\'; \t\techo; \t\techo \'<Directory /var/www/>\'; \t\techo \'\\tOptions -Indexes\'; \t\techo \'\\tAllowOverride All\'; \t\techo \'</Directory>\'; \t} | tee "$APACHE_CONFDIR/conf-available/docker-php.conf" \t&& a2enconf docker-php # buildkit', `${k}-docker-php-conf`]);
  }
  steps.push(`ENV PHP_CFLAGS=${PHP_CFLAGS}`, `ENV PHP_CPPFLAGS=${PHP_CFLAGS}`, 'ENV PHP_LDFLAGS=-Wl,-O1 -pie', `ENV GPG_KEYS=${r.keys}`, `ENV PHP_VERSION=${r.version}`,
    `ENV ${env.find((e) => e.startsWith('PHP_URL='))} ${env.find((e) => e.startsWith('PHP_ASC_URL='))}`, `ENV ${env.find((e) => e.startsWith('PHP_SHA256='))}`,
    [alpine
      ? 'RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .fetch-deps gnupg; \t\tmkdir -p /usr/src; \tcd /usr/src; \t\tcurl -fsSL -o php.tar.xz "$PHP_URL"; \t\tif [ -n "$PHP_SHA256" ]; then \t\techo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -; \tfi; \t\tcurl -fsSL -o php.tar.xz.asc "$PHP_ASC_URL"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify php.tar.xz.asc php.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"; \t\tapk del --no-network .fetch-deps # buildkit'
      : 'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends gnupg; \trm -rf /var/lib/apt/lists/*; \t\tmkdir -p /usr/src; \tcd /usr/src; \t\tcurl -fsSL -o php.tar.xz "$PHP_URL"; \t\tif [ -n "$PHP_SHA256" ]; then \t\techo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -; \tfi; \t\tcurl -fsSL -o php.tar.xz.asc "$PHP_ASC_URL"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify php.tar.xz.asc php.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false # buildkit', `${k}-source`],
    ['COPY docker-php-source /usr/local/bin/ # buildkit', `${k}-docker-php-source`],
    [alpine
      ? `RUN /bin/sh -c set -eux; \tapk add --no-cache --virtual .build-deps \t\t$PHPIZE_DEPS \t\targon2-dev \t\tcoreutils \t\tcurl-dev \t\tgnu-libiconv-dev \t\tlibsodium-dev \t\tlibxml2-dev \t\tlinux-headers \t\toniguruma-dev \t\topenssl-dev \t\treadline-dev \t\tsqlite-dev \t; \t\trm -vf /usr/include/iconv.h; \t\texport \t\tCFLAGS="$PHP_CFLAGS" \t\tCPPFLAGS="$PHP_CPPFLAGS" \t\tLDFLAGS="$PHP_LDFLAGS" \t\tPHP_BUILD_PROVIDER='https://github.com/docker-library/php' \t\tPHP_UNAME='Linux - Docker' \t; \tdocker-php-source extract; \tcd /usr/src/php; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t${configure.replace('--with-libdir="lib/$debMultiarch" \t\t', '--with-iconv=/usr \t\t')}; \tmake -j "$(nproc)"; \tfind -type f -name '*.a' -delete; \tmake install; \tfind \t\t/usr/local \t\t-type f \t\t-perm '/0111' \t\t-exec sh -euxc ' \t\t\tstrip --strip-all "$@" || : \t\t' -- '{}' + \t; \tmake clean; \t\tcp -v php.ini-* "$PHP_INI_DIR/"; \t\tcd /; \tdocker-php-source delete; \t\truntimeDeps="$( \t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \t\t\t| tr ',' '\\n' \t\t\t| sort -u \t\t\t| awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }' \t)"; \tapk add --no-cache $runtimeDeps; \t\tapk del --no-network .build-deps; \t\tpecl update-channels; \trm -rf /tmp/pear ~/.pearrc; \t\tphp --version # buildkit`
      : `RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t${v === 'apache' ? 'apache2-dev \t\t' : ''}libargon2-dev \t\tlibcurl4-openssl-dev \t\tlibonig-dev \t\tlibreadline-dev \t\tlibsodium-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tzlib1g-dev \t; \t\texport \t\tCFLAGS="$PHP_CFLAGS" \t\tCPPFLAGS="$PHP_CPPFLAGS" \t\tLDFLAGS="$PHP_LDFLAGS" \t\tPHP_BUILD_PROVIDER='https://github.com/docker-library/php' \t\tPHP_UNAME='Linux - Docker' \t; \tdocker-php-source extract; \tcd /usr/src/php; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tdebMultiarch="$(dpkg-architecture --query DEB_BUILD_MULTIARCH)"; \tif [ ! -d /usr/include/curl ]; then \t\tln -sT "/usr/include/$debMultiarch/curl" /usr/local/include/curl; \tfi; \t${configure}; \tmake -j "$(nproc)"; \tfind -type f -name '*.a' -delete; \tmake install; \tfind \t\t/usr/local \t\t-type f \t\t-perm '/0111' \t\t-exec sh -euxc ' \t\t\tstrip --strip-all "$@" || : \t\t' -- '{}' + \t; \tmake clean; \t\tcp -v php.ini-* "$PHP_INI_DIR/"; \t\tcd /; \tdocker-php-source delete; \t\tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\tpecl update-channels; \trm -rf /tmp/pear ~/.pearrc; \t\tphp --version # buildkit`, k],
    ['COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit', `${k}-ext-scripts`],
    ['RUN /bin/sh -c docker-php-ext-enable sodium # buildkit', `${k}-sodium`],
    'ENTRYPOINT ["docker-php-entrypoint"]');
  if (v === 'apache') {
    steps.push('STOPSIGNAL SIGWINCH', ['COPY apache2-foreground /usr/local/bin/ # buildkit', `${k}-foreground`], 'WORKDIR /var/www/html', 'EXPOSE map[80/tcp:{}]', 'CMD ["apache2-foreground"]');
  } else if (v === 'fpm') {
    steps.push('WORKDIR /var/www/html',
      ['RUN /bin/sh -c set -eux; \tcd /usr/local/etc; \tif [ -d php-fpm.d ]; then \t\tsed \'s!=NONE/!=!g\' php-fpm.conf.default | tee php-fpm.conf > /dev/null; \t\tcp php-fpm.d/www.conf.default php-fpm.d/www.conf; \telse \t\tmkdir php-fpm.d; \t\tcp php-fpm.conf.default php-fpm.d/www.conf; \t\t{ \t\t\techo \'[global]\'; \t\t\techo \'include=etc/php-fpm.d/*.conf\'; \t\t} | tee php-fpm.conf; \tfi; \t{ \t\techo \'[global]\'; \t\techo \'error_log = /proc/self/fd/2\'; \t\techo; echo \'; https://github.com/docker-library/php/pull/725#issuecomment-443540114\'; echo \'log_limit = 8192\'; \t\techo; \t\techo \'[www]\'; \t\techo \'; php-fpm closes STDOUT on startup, so sending logs to /proc/self/fd/1 does not work.\'; \t\techo \'; https://bugs.php.net/bug.php?id=73886\'; \t\techo \'access.log = /proc/self/fd/2\'; \t\techo; \t\techo \'clear_env = no\'; \t\techo; \t\techo \'; Ensure worker stdout and stderr are sent to the main error log.\'; \t\techo \'catch_workers_output = yes\'; \t\techo \'decorate_workers_output = no\'; \t} | tee php-fpm.d/docker.conf; \t{ \t\techo \'[global]\'; \t\techo \'daemonize = no\'; \t\techo; \t\techo \'[www]\'; \t\techo \'listen = 9000\'; \t} | tee php-fpm.d/zz-docker.conf; \tmkdir -p "$PHP_INI_DIR/conf.d"; \t{ \t\techo \'; https://github.com/docker-library/php/issues/878#issuecomment-938595965\'; \t\techo \'fastcgi.logging = Off\'; \t} > "$PHP_INI_DIR/conf.d/docker-fpm.ini" # buildkit', `${k}-fpm-conf`],
      'STOPSIGNAL SIGQUIT', 'EXPOSE map[9000/tcp:{}]', 'CMD ["php-fpm"]');
  } else {
    steps.push('CMD ["php" "-a"]');
  }
  return [...(alpine ? ALPINE_322 : BOOKWORM_SLIM), ...bk(t, ...steps)];
}

function phpConfig(r: PhpRelease, v: PhpVariant): ContainerDefaults {
  const base: ContainerDefaults = { Env: phpEnv(r, v), Entrypoint: ['docker-php-entrypoint'] };
  if (v === 'apache') return { ExposedPorts: { '80/tcp': {} }, ...base, Cmd: ['apache2-foreground'], WorkingDir: '/var/www/html', StopSignal: 'SIGWINCH', ArgsEscaped: true };
  if (v === 'fpm') return { ExposedPorts: { '9000/tcp': {} }, ...base, Cmd: ['php-fpm'], WorkingDir: '/var/www/html', StopSignal: 'SIGQUIT', ArgsEscaped: true };
  // php:*-alpine inherits alpine's WorkingDir "/" (its Dockerfile sets none).
  return { ...base, Cmd: ['php', '-a'], ...(v === 'alpine' ? { WorkingDir: '/' } : {}), ArgsEscaped: true };
}

// ---- wordpress ----
const WP_T = '2025-07-22T21:47:36Z';
const WORDPRESS: Step[] = [...php(PHP83, 'apache'), ...bk(WP_T,
  ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tghostscript \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'wordpress-6.8-ghostscript'],
  ['RUN /bin/sh -c set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibavif-dev \t\tlibfreetype6-dev \t\tlibicu-dev \t\tlibjpeg-dev \t\tlibmagickwand-dev \t\tlibpng-dev \t\tlibwebp-dev \t\tlibzip-dev \t; \t\tdocker-php-ext-configure gd \t\t--with-avif \t\t--with-freetype \t\t--with-jpeg \t\t--with-webp \t; \tdocker-php-ext-install -j "$(nproc)" \t\tbcmath \t\texif \t\tgd \t\tintl \t\tmysqli \t\tzip \t; \tpecl install imagick-3.8.0; \tdocker-php-ext-enable imagick; \trm -r /tmp/pear; \t\tout="$(php -r \'exit(0);\')"; \t[ -z "$out" ]; \terr="$(php -r \'exit(0);\' 3>&1 1>&2 2>&3)"; \t[ -z "$err" ]; \t\textDir="$(php -r \'echo ini_get("extension_dir");\')"; \t[ -d "$extDir" ]; \tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark; \tldd "$extDir"/*.so \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -rt apt-mark manual; \t\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\t! { ldd "$extDir"/*.so | grep \'not found\'; }; \terr="$(php --version 3>&1 1>&2 2>&3)"; \t[ -z "$err" ] # buildkit', 'wordpress-6.8-extensions'],
  ['RUN /bin/sh -c set -eux; \tdocker-php-ext-enable opcache; \t{ \t\techo \'opcache.memory_consumption=128\'; \t\techo \'opcache.interned_strings_buffer=8\'; \t\techo \'opcache.max_accelerated_files=4000\'; \t\techo \'opcache.revalidate_freq=2\'; \t} > /usr/local/etc/php/conf.d/opcache-recommended.ini # buildkit', 'wordpress-6.8-opcache'],
  ['RUN /bin/sh -c { \t\techo \'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR\'; \t\techo \'display_errors = Off\'; \t\techo \'display_startup_errors = Off\'; \t\techo \'log_errors = On\'; \t\techo \'error_log = /dev/stderr\'; \t\techo \'log_errors_max_len = 1024\'; \t\techo \'ignore_repeated_errors = On\'; \t\techo \'ignore_repeated_source = Off\'; \t\techo \'html_errors = Off\'; \t} > /usr/local/etc/php/conf.d/error-logging.ini # buildkit', 'wordpress-6.8-error-logging'],
  ['RUN /bin/sh -c set -eux; \ta2enmod rewrite expires; \t\ta2enmod remoteip; \t{ \t\techo \'RemoteIPHeader X-Forwarded-For\'; \t\techo \'RemoteIPInternalProxy 10.0.0.0/8\'; \t\techo \'RemoteIPInternalProxy 172.16.0.0/12\'; \t\techo \'RemoteIPInternalProxy 192.168.0.0/16\'; \t\techo \'RemoteIPInternalProxy 169.254.0.0/16\'; \t\techo \'RemoteIPInternalProxy 127.0.0.0/8\'; \t} > /etc/apache2/conf-available/remoteip.conf; \ta2enconf remoteip; \tfind /etc/apache2 -type f -name \'*.conf\' -exec sed -ri \'s/([[:space:]]*LogFormat[[:space:]]+"[^"]*)%h([^"]*")/\\1%a\\2/g\' \'{}\' + # buildkit', 'wordpress-6.8-apache-mods'],
  [`RUN /bin/sh -c set -eux; \tversion='6.8.2'; \tsha1='${fakeHex('wordpress-6.8.2-sha1', 40)}'; \t\tcurl -o wordpress.tar.gz -fL "https://wordpress.org/wordpress-$version.tar.gz"; \techo "$sha1 *wordpress.tar.gz" | sha1sum -c -; \t\ttar -xzf wordpress.tar.gz -C /usr/src/; \trm wordpress.tar.gz; \t\t[ ! -e /usr/src/wordpress/.htaccess ]; \t{ \t\techo '# BEGIN WordPress'; \t\techo ''; \t\techo 'RewriteEngine On'; \t\techo 'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]'; \t\techo 'RewriteBase /'; \t\techo 'RewriteRule ^index\\.php$ - [L]'; \t\techo 'RewriteCond %{REQUEST_FILENAME} !-f'; \t\techo 'RewriteCond %{REQUEST_FILENAME} !-d'; \t\techo 'RewriteRule . /index.php [L]'; \t\techo ''; \t\techo '# END WordPress'; \t} > /usr/src/wordpress/.htaccess; \t\tchown -R www-data:www-data /usr/src/wordpress; \tmkdir wp-content; \tfor dir in /usr/src/wordpress/wp-content/*/ cache; do \t\tdir="$(basename "\${dir%/}")"; \t\tmkdir "wp-content/$dir"; \tdone; \tchown -R www-data:www-data wp-content; \tchmod -R 1777 wp-content # buildkit`, 'wordpress-6.8.2'],
  'VOLUME [/var/www/html]',
  ['COPY --chown=www-data:www-data wp-config-docker.php /usr/src/wordpress/ # buildkit', 'wordpress-6.8-wp-config'],
  ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 'wordpress-6.8-entrypoint'],
  ['RUN /bin/sh -c ln -svfT docker-entrypoint.sh /usr/local/bin/docker-ensure-installed.sh # buildkit', 'wordpress-6.8-ensure-installed'],
  'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["apache2-foreground"]')];

// ---- rust ----
const RUST = '1.88.0';
const RUST_T = '2025-07-22T17:20:39Z';
const RUST_ALPINE_T = '2025-07-16T00:51:22Z';
const RUST_ENV_STEP = `ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:${P} RUST_VERSION=${RUST}`;
const RUSTUP_INIT = (arch: string, arches: string, host: string): string => `set -eux;     ${arches};     case "\${${arch}##*-}" in         amd64 | x86_64) rustArch='${host}'; rustupSha256='${fakeHex(`rustup-${host}`, 64)}' ;;         *) echo >&2 "unsupported architecture: \${${arch}}"; exit 1 ;;     esac;     url="https://static.rust-lang.org/rustup/archive/1.28.2/\${rustArch}/rustup-init";     wget "$url";     echo "\${rustupSha256} *rustup-init" | sha256sum -c -;     chmod +x rustup-init;     ./rustup-init -y --no-modify-path --profile minimal --default-toolchain $RUST_VERSION --default-host \${rustArch};     rm rustup-init;     chmod -R a+w $RUSTUP_HOME $CARGO_HOME;     rustup --version;     cargo --version;     rustc --version;`;
function rust(flavor: 'full' | 'slim' | 'alpine'): Step[] {
  const k = `rust-${RUST}-${flavor}`;
  const label = 'LABEL org.opencontainers.image.source=https://github.com/rust-lang/docker-rust';
  if (flavor === 'alpine') {
    return [...ALPINE_322, ...bk(RUST_ALPINE_T, label,
      ['RUN /bin/sh -c apk add --no-cache         ca-certificates         gcc # buildkit', `${k}-deps`],
      RUST_ENV_STEP,
      [`RUN /bin/sh -c ${RUSTUP_INIT('apkArch', 'apkArch="$(apk --print-arch)"', 'x86_64-unknown-linux-musl')} # buildkit`, k])];
  }
  if (flavor === 'slim') {
    return [...BOOKWORM_SLIM, ...bk(RUST_T, label, RUST_ENV_STEP,
      [`RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         gcc         libc6-dev         wget         ;     ${RUSTUP_INIT('dpkgArch', 'dpkgArch="$(dpkg --print-architecture)"', 'x86_64-unknown-linux-gnu').slice('set -eux;     '.length)}     apt-get remove -y --auto-remove         wget         ;     rm -rf /var/lib/apt/lists/*; # buildkit`, k])];
  }
  return [...BUILDPACK, ...bk(RUST_T, label, RUST_ENV_STEP,
    [`RUN /bin/sh -c ${RUSTUP_INIT('dpkgArch', 'dpkgArch="$(dpkg --print-architecture)"', 'x86_64-unknown-linux-gnu')} # buildkit`, k])];
}
const RUST_ENV = [`PATH=/usr/local/cargo/bin:${P}`, 'RUSTUP_HOME=/usr/local/rustup', 'CARGO_HOME=/usr/local/cargo', `RUST_VERSION=${RUST}`];
const RUST_LABELS = { 'org.opencontainers.image.source': 'https://github.com/rust-lang/docker-rust' };

// ---- docker ----
const DOCKER = '28.3.2';
const DOCKER_T = '2025-07-16T03:12:50Z';
const DIND_T = '2025-07-16T03:30:17Z';
const DOCKER_CLI: Step[] = [...ALPINE_322, ...bk(DOCKER_T,
  ['RUN /bin/sh -c apk add --no-cache \t\tca-certificates \t\topenssh-client \t\tgit # buildkit', `docker-${DOCKER}-deps`],
  // Changes no file: BuildKit drops the empty layer and marks the step empty_layer.
  "RUN /bin/sh -c [ -e /etc/nsswitch.conf ] && grep '^hosts: files dns' /etc/nsswitch.conf # buildkit",
  ['RUN /bin/sh -c set -eux; \taddgroup -g 2375 -S docker # buildkit', `docker-${DOCKER}-group`],
  `ENV DOCKER_VERSION=${DOCKER}`,
  [`RUN /bin/sh -c set -eux; \t\tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\t'x86_64') \t\t\turl='https://download.docker.com/linux/static/stable/x86_64/docker-${DOCKER}.tgz'; \t\t\t;; \t\t*) echo >&2 "error: unsupported 'docker.tgz' architecture ($apkArch)"; exit 1 ;; \tesac; \t\twget -O 'docker.tgz' "$url"; \t\ttar --extract \t\t--file docker.tgz \t\t--strip-components 1 \t\t--directory /usr/local/bin/ \t\t--no-same-owner \t\t'docker/docker' \t; \trm docker.tgz; \t\tdocker --version # buildkit`, `docker-${DOCKER}-cli`],
  'ENV DOCKER_BUILDX_VERSION=0.25.0',
  [`RUN /bin/sh -c set -eux; \t\tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\t'x86_64') \t\t\turl='https://github.com/docker/buildx/releases/download/v0.25.0/buildx-v0.25.0.linux-amd64'; \t\t\tsha256='${fakeHex('buildx-0.25.0', 64)}'; \t\t\t;; \t\t*) echo >&2 "warning: unsupported 'docker-buildx' architecture ($apkArch); skipping"; exit 0 ;; \tesac; \t\twget -O 'docker-buildx' "$url"; \techo "$sha256 *"'docker-buildx' | sha256sum -c -; \t\tplugin='/usr/local/libexec/docker/cli-plugins/docker-buildx'; \tmkdir -p "$(dirname "$plugin")"; \tmv -vT 'docker-buildx' "$plugin"; \tchmod +x "$plugin"; \t\tdocker buildx version # buildkit`, `docker-${DOCKER}-buildx`],
  'ENV DOCKER_COMPOSE_VERSION=2.38.2',
  [`RUN /bin/sh -c set -eux; \t\tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\t'x86_64') \t\t\turl='https://github.com/docker/compose/releases/download/v2.38.2/docker-compose-linux-x86_64'; \t\t\tsha256='${fakeHex('compose-2.38.2', 64)}'; \t\t\t;; \t\t*) echo >&2 "warning: unsupported 'docker-compose' architecture ($apkArch); skipping"; exit 0 ;; \tesac; \t\twget -O 'docker-compose' "$url"; \techo "$sha256 *"'docker-compose' | sha256sum -c -; \t\tplugin='/usr/local/libexec/docker/cli-plugins/docker-compose'; \tmkdir -p "$(dirname "$plugin")"; \tmv -vT 'docker-compose' "$plugin"; \tchmod +x "$plugin"; \t\tln -sv "$plugin" /usr/local/bin/; \tdocker-compose --version; \tdocker compose version # buildkit`, `docker-${DOCKER}-compose`],
  ['COPY modprobe.sh /usr/local/bin/modprobe # buildkit', `docker-${DOCKER}-modprobe`],
  ['COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', `docker-${DOCKER}-entrypoint`],
  'ENV DOCKER_TLS_CERTDIR=/certs',
  ['RUN /bin/sh -c mkdir /certs /certs/client && chmod 1777 /certs /certs/client # buildkit', `docker-${DOCKER}-certs`],
  'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["sh"]')];
const DOCKER_ENV = [PATH, `DOCKER_VERSION=${DOCKER}`, 'DOCKER_BUILDX_VERSION=0.25.0', 'DOCKER_COMPOSE_VERSION=2.38.2', 'DOCKER_TLS_CERTDIR=/certs'];
const DIND: Step[] = [...DOCKER_CLI, ...bk(DIND_T,
  ['RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tbtrfs-progs \t\te2fsprogs \t\te2fsprogs-extra \t\tip6tables \t\tiptables \t\topenssl \t\tpigz \t\tshadow-uidmap \t\txfsprogs \t\txz \t\tzfs \t; # buildkit', `docker-${DOCKER}-dind-deps`],
  ['RUN /bin/sh -c set -eux; \tapk add --no-cache iptables-legacy; \tmkdir -p /usr/local/sbin/.iptables-legacy; \tfor f in \t\tiptables \t\tiptables-save \t\tiptables-restore \t\tip6tables \t\tip6tables-save \t\tip6tables-restore \t; do \t\tb="$(command -v "${f/tables/tables-legacy}")"; \t\t"$b" --version; \t\tln -svT "$b" "/usr/local/sbin/.iptables-legacy/$f"; \tdone; \texport PATH="/usr/local/sbin/.iptables-legacy:$PATH"; \tiptables --version | grep legacy # buildkit', `docker-${DOCKER}-iptables-legacy`],
  ["RUN /bin/sh -c set -eux; \taddgroup -S dockremap; \tadduser -S -G dockremap dockremap; \techo 'dockremap:165536:65536' >> /etc/subuid; \techo 'dockremap:165536:65536' >> /etc/subgid # buildkit", `docker-${DOCKER}-dockremap`],
  [`RUN /bin/sh -c set -eux; \t\tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\t'x86_64') \t\t\turl='https://download.docker.com/linux/static/stable/x86_64/docker-${DOCKER}.tgz'; \t\t\t;; \t\t*) echo >&2 "error: unsupported 'docker.tgz' architecture ($apkArch)"; exit 1 ;; \tesac; \t\twget -O 'docker.tgz' "$url"; \t\ttar --extract \t\t--file docker.tgz \t\t--strip-components 1 \t\t--directory /usr/local/bin/ \t\t--no-same-owner \t\t--exclude 'docker/docker' \t; \trm docker.tgz; \t\tdockerd --version; \tcontainerd --version; \tctr --version; \trunc --version # buildkit`, `docker-${DOCKER}-dockerd`],
  'ENV DIND_COMMIT=8d9e3502aba39127e4d12196dae16d306f76993d',
  ['RUN /bin/sh -c set -eux; \twget -O /usr/local/bin/dind "https://raw.githubusercontent.com/docker/docker/${DIND_COMMIT}/hack/dind"; \tchmod +x /usr/local/bin/dind # buildkit', `docker-${DOCKER}-dind-script`],
  ['COPY dockerd-entrypoint.sh /usr/local/bin/ # buildkit', `docker-${DOCKER}-dockerd-entrypoint`],
  'VOLUME [/var/lib/docker]', 'EXPOSE map[2375/tcp:{} 2376/tcp:{}]', 'ENTRYPOINT ["dockerd-entrypoint.sh"]', 'CMD []')];

/** Every language and application image of the simulated Hub. */
export const LANGUAGE_IMAGES: CatalogImage[] = [
  { repository: 'library/golang', tags: ['1.24', '1.24.5', '1.24-bookworm', '1.24.5-bookworm', '1', '1-bookworm', 'bookworm', 'latest'], created: GO_T,
    config: { Env: GO_ENV, Cmd: ['bash'], WorkingDir: '/go' },
    steps: [...BUILDPACK_SCM, ...bk('2025-07-22T18:09:23Z', ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/* # buildkit', 'golang-bookworm-cgo']), ...GO_TAIL(GO_T, `go-${GO}-linux`, 'golang-bookworm-gopath')] },
  { repository: 'library/golang', tags: ['1.24-alpine', '1.24.5-alpine', '1.24-alpine3.22', '1.24.5-alpine3.22', '1-alpine', 'alpine', 'alpine3.22'], created: GO_ALPINE_T,
    config: { Env: GO_ENV, Cmd: ['/bin/sh'], WorkingDir: '/go', ArgsEscaped: true },
    steps: [...ALPINE_322, ...bk('2025-07-16T01:35:09Z', ['RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit', 'golang-alpine-ca']), ...GO_TAIL(GO_ALPINE_T, `go-${GO}-alpine`, 'golang-alpine-gopath')] },

  { repository: 'library/eclipse-temurin', tags: ['21', '21-jdk', '21.0.8_9-jdk', '21-noble', '21-jdk-noble', '21.0.8_9-jdk-noble', 'latest', 'noble'], created: TEMURIN_T,
    config: temurinConfig('jdk', 'jdk-21.0.8+9', false), steps: temurin('jdk', '21', 'jdk-21.0.8+9', false, { deps: 'temurin-21-jdk-deps', java: 'temurin-jdk-21.0.8+9', entry: 'temurin-21-jdk-entrypoint' }) },
  { repository: 'library/eclipse-temurin', tags: ['21-jre', '21.0.8_9-jre', '21-jre-noble', '21.0.8_9-jre-noble'], created: TEMURIN_T,
    config: temurinConfig('jre', 'jdk-21.0.8+9', false), steps: temurin('jre', '21', 'jdk-21.0.8+9', false, { deps: 'temurin-21-jre-deps', java: 'temurin-jre-21.0.8+9', entry: 'temurin-21-jre-entrypoint' }) },
  { repository: 'library/eclipse-temurin', tags: ['17', '17-jdk', '17.0.16_8-jdk', '17-noble', '17-jdk-noble', '17.0.16_8-jdk-noble'], created: TEMURIN_T,
    config: temurinConfig('jdk', 'jdk-17.0.16+8', false), steps: temurin('jdk', '17', 'jdk-17.0.16+8', false, { deps: 'temurin-17-jdk-deps', java: 'temurin-jdk-17.0.16+8', entry: 'temurin-17-jdk-entrypoint' }) },
  { repository: 'library/eclipse-temurin', tags: ['21-alpine', '21-jdk-alpine', '21.0.8_9-jdk-alpine', '21-jdk-alpine-3.22', '21-alpine-3.22'], created: TEMURIN_ALPINE_T,
    config: temurinConfig('jdk', 'jdk-21.0.8+9', true), steps: temurin('jdk', '21', 'jdk-21.0.8+9', true, { deps: 'temurin-21-alpine-deps', java: 'temurin-jdk-21.0.8+9-alpine', entry: 'temurin-21-alpine-entrypoint' }) },

  { repository: 'library/openjdk', tags: ['22-jdk', '22', '22.0.2-jdk', '22.0.2', '22-jdk-oraclelinux8', '22-oraclelinux8', '22-jdk-oracle', '22-oracle'], created: '2024-07-23T00:47:19Z',
    ...openjdk('22', '22.0.2', 'https://download.java.net/java/GA/jdk22.0.2/c9ecb94cd31b495da20a27d4581645e8/9/GPL/openjdk-22.0.2_linux-x64_bin.tar.gz', { base: ['2024-07-19T23:18:11.519378126Z', '2024-07-19T23:18:12.127035718Z'], deps: '2024-07-23T00:44:02Z', created: '2024-07-23T00:47:19Z' }, 'oraclelinux-8-slim-20240719') },
  { repository: 'library/openjdk', tags: ['21-jdk', '21', '21.0.2-jdk', '21.0.2', '21-jdk-oraclelinux8', '21-oraclelinux8', '21-jdk-oracle', '21-oracle'], created: '2024-01-23T01:22:41Z',
    ...openjdk('21', '21.0.2', 'https://download.java.net/java/GA/jdk21.0.2/f2283984656d49e1b6e39b61f1d5a1fa/13/GPL/openjdk-21.0.2_linux-x64_bin.tar.gz', { base: ['2024-01-18T21:54:05.301264553Z', '2024-01-18T21:54:05.911032764Z'], deps: '2024-01-23T01:19:37Z', created: '2024-01-23T01:22:41Z' }, 'oraclelinux-8-slim-20240118') },

  { repository: 'library/ruby', tags: ['3.4', '3.4.5', '3.4-bookworm', '3.4.5-bookworm', '3', '3-bookworm', 'bookworm', 'latest'], created: RUBY_T,
    config: { Env: RUBY_ENV, Cmd: ['irb'], ArgsEscaped: true }, steps: ruby('full') },
  { repository: 'library/ruby', tags: ['3.4-slim', '3.4.5-slim', '3.4-slim-bookworm', '3.4.5-slim-bookworm', '3-slim', 'slim', 'slim-bookworm'], created: RUBY_T,
    config: { Env: RUBY_ENV, Cmd: ['irb'], ArgsEscaped: true }, steps: ruby('slim') },
  { repository: 'library/ruby', tags: ['3.4-alpine', '3.4.5-alpine', '3.4-alpine3.22', '3.4.5-alpine3.22', '3-alpine', 'alpine', 'alpine3.22'], created: '2025-07-16T02:04:51Z',
    config: { Env: RUBY_ENV, Cmd: ['irb'], WorkingDir: '/', ArgsEscaped: true }, steps: ruby('alpine') },

  { repository: 'library/php', tags: ['8.4-cli', '8.4.10-cli', '8.4', '8.4.10', '8.4-cli-bookworm', '8.4-bookworm', '8-cli', '8', 'cli', 'bookworm', 'latest'], created: PHP84.created,
    config: phpConfig(PHP84, 'cli'), steps: php(PHP84, 'cli') },
  { repository: 'library/php', tags: ['8.4-apache', '8.4.10-apache', '8.4-apache-bookworm', '8.4.10-apache-bookworm', '8-apache', 'apache'], created: PHP84.created,
    config: phpConfig(PHP84, 'apache'), steps: php(PHP84, 'apache') },
  { repository: 'library/php', tags: ['8.4-fpm', '8.4.10-fpm', '8.4-fpm-bookworm', '8.4.10-fpm-bookworm', '8-fpm', 'fpm'], created: PHP84.created,
    config: phpConfig(PHP84, 'fpm'), steps: php(PHP84, 'fpm') },
  { repository: 'library/php', tags: ['8.4-alpine', '8.4-cli-alpine', '8.4.10-alpine', '8.4.10-cli-alpine', '8.4-alpine3.22', '8-alpine', 'alpine', 'cli-alpine'], created: PHP84.created,
    config: phpConfig(PHP84, 'alpine'), steps: php(PHP84, 'alpine') },
  { repository: 'library/php', tags: ['8.3-apache', '8.3.23-apache', '8.3-apache-bookworm', '8.3.23-apache-bookworm'], created: PHP83.created,
    config: phpConfig(PHP83, 'apache'), steps: php(PHP83, 'apache') },

  { repository: 'library/wordpress', tags: ['6.8', '6.8.2', '6.8-apache', '6.8.2-apache', '6.8-php8.3', '6.8.2-php8.3', '6.8-php8.3-apache', '6.8.2-php8.3-apache', '6', '6-apache', '6-php8.3', 'apache', 'php8.3', 'php8.3-apache', 'latest'], created: WP_T,
    config: { ExposedPorts: { '80/tcp': {} }, Env: phpEnv(PHP83, 'apache'), Entrypoint: ['docker-entrypoint.sh'], Cmd: ['apache2-foreground'], Volumes: { '/var/www/html': {} }, WorkingDir: '/var/www/html', StopSignal: 'SIGWINCH', ArgsEscaped: true },
    steps: WORDPRESS },

  { repository: 'library/rust', tags: ['1.88', '1.88.0', '1.88-bookworm', '1.88.0-bookworm', '1', '1-bookworm', 'bookworm', 'latest'], created: RUST_T,
    config: { Env: RUST_ENV, Cmd: ['bash'], Labels: RUST_LABELS }, steps: rust('full') },
  { repository: 'library/rust', tags: ['1.88-slim', '1.88.0-slim', '1.88-slim-bookworm', '1.88.0-slim-bookworm', '1-slim', 'slim', 'slim-bookworm'], created: RUST_T,
    config: { Env: RUST_ENV, Cmd: ['bash'], Labels: RUST_LABELS }, steps: rust('slim') },
  { repository: 'library/rust', tags: ['1.88-alpine', '1.88.0-alpine', '1.88-alpine3.22', '1.88.0-alpine3.22', '1-alpine', 'alpine', 'alpine3.22'], created: RUST_ALPINE_T,
    config: { Env: RUST_ENV, Cmd: ['/bin/sh'], WorkingDir: '/', Labels: RUST_LABELS, ArgsEscaped: true }, steps: rust('alpine') },

  { repository: 'library/docker', tags: ['28', '28.3', '28.3.2', '28-dind', '28.3-dind', '28.3.2-dind', '28.3.2-dind-alpine3.22', 'dind', 'latest'], created: DIND_T,
    config: { ExposedPorts: { '2375/tcp': {}, '2376/tcp': {} }, Env: [...DOCKER_ENV, 'DIND_COMMIT=8d9e3502aba39127e4d12196dae16d306f76993d'], Entrypoint: ['dockerd-entrypoint.sh'], Volumes: { '/var/lib/docker': {} }, WorkingDir: '/', ArgsEscaped: true },
    steps: DIND },
  { repository: 'library/docker', tags: ['28-cli', '28.3-cli', '28.3.2-cli', '28.3.2-cli-alpine3.22', 'cli'], created: DOCKER_T,
    config: { Env: DOCKER_ENV, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['sh'], WorkingDir: '/', ArgsEscaped: true }, steps: DOCKER_CLI },
];
