/**
 * The layers of the language and application images (catalog-languages.ts), by
 * stable key; layers.ts spreads LANGUAGE_LAYERS into LAYERS. Byte budgets make each
 * image's `docker images` SIZE close to the real one's (docker-library images of
 * July 2025; openjdk's last GA builds of 2024); where the simulated buildpack-deps
 * layers are smaller than the real ones, the language layer on top carries the
 * difference so the image total still matches.
 */
import { aptLayerTree, scriptTree } from './apps.ts';
import { bulkNames as bulkNamesFor } from './debian.ts';
import { LAYERS } from './layers.ts';
import { apacheTree, apkDb, debs, goTree, installTree, javaTree, oracleLinuxTree, phpTree, rubyTree } from './languages.ts';
import type { ApkPkg, Fill, Install } from './languages.ts';
import { readText } from '../engine/layer/entry.ts';
import {
  APACHE2_FOREGROUND, DOCKER_ENTRYPOINT, DOCKER_MODPROBE, DOCKER_PHP_EXT_ENABLE, DOCKER_PHP_SOURCE, DOCKERD_ENTRYPOINT, dockerPhpExtBuild,
  phpEntrypoint, TEMURIN_ENTRYPOINT, WORDPRESS_ENTRYPOINT, WP_CONFIG_DOCKER,
} from './scripts-languages.ts';
import { fakeHex, Tree, unix } from './tree.ts';

const X = 'usr/lib/x86_64-linux-gnu';
const T_GO = unix('2025-07-22T18:09:44Z');
const T_GO_ALPINE = unix('2025-07-16T01:35:27Z');
const T_TEMURIN = unix('2025-07-28T21:57:10Z');
const T_TEMURIN_ALPINE = unix('2025-07-28T22:14:03Z');
const T_RUBY = unix('2025-07-22T20:31:05Z');
const T_RUBY_ALPINE = unix('2025-07-16T02:04:51Z');
const T_PHP84 = unix('2025-07-22T19:13:45Z');
const T_PHP83 = unix('2025-07-22T19:02:18Z');
const T_WP = unix('2025-07-22T21:47:36Z');
const T_RUST = unix('2025-07-22T17:20:39Z');
const T_RUST_ALPINE = unix('2025-07-16T00:51:22Z');
const T_DOCKER = unix('2025-07-16T03:12:50Z');
const T_DIND = unix('2025-07-16T03:30:17Z');

// The buildpack-deps layers' packages (as layers.ts lists them), so a layer stacked on them keeps them in its dpkg status.
const BUILDPACK_SCM_DEBS = debs('curl 7.88.1-10+deb12u12 web command line tool for transferring data with URL syntax', 'wget 1.21.3-1+deb12u1 web retrieves files from the web', 'gnupg 2.2.40-1.1 utils GNU privacy guard - a free PGP replacement', 'ca-certificates 20230311+deb12u1 misc Common CA certificates', 'git 1:2.39.5-0+deb12u2 vcs fast, scalable, distributed revision control system', 'openssh-client 1:9.2p1-2+deb12u6 net secure shell (SSH) client, for secure access to remote machines', 'procps 2:4.0.2-3 admin /proc file system utilities');
const GCC_DEBS = debs('gcc 4:12.2.0-3 devel GNU C compiler', 'g++ 4:12.2.0-3 devel GNU C++ compiler', 'libc6-dev 2.36-9+deb12u10 libdevel GNU C Library: Development Libraries and Header Files', 'make 4.3-4.1 devel utility for directing compilation', 'binutils 2.40-2 devel GNU assembler, linker and binary utilities', 'cpp-12 12.2.0-14+deb12u1 interpreters GNU C preprocessor');
const GCC_STEMS = ['gcc-12', 'stdc++-12-dev', 'bfd-2.40', 'opcodes-2.40', 'ctf', 'isl', 'mpc', 'mpfr', 'asan', 'ubsan', 'tsan', 'lsan', 'gomp', 'itm', 'quadmath', 'cc1', 'cc1plus', 'lto1'];

/** The apk database of alpine 3.22.1 (the base every alpine layer here sits on). */
function alpineBaseDb(): string {
  const e = LAYERS['alpine-3.22.1']!().entries().find((x) => x.path === 'lib/apk/db/installed')!;
  return readText(e);
}
const ALPINE_WORLD = ['alpine-baselayout', 'alpine-keys', 'alpine-release', 'apk-tools', 'busybox', 'libc-utils'];

/** An `apk add --no-cache` layer: programs, libraries, the apk database and world updated. */
function apkLayer(key: string, mtime: number, target: number, pkgs: ApkPkg[], world: string[], spec: Install, below: ApkPkg[] = [], belowWorld: string[] = []): Tree {
  const db = apkDb(alpineBaseDb(), [...below, ...pkgs], mtime - 86400 * 10);
  return installTree(key, mtime, target, { ...spec, apk: { db, world: [...ALPINE_WORLD, ...belowWorld, ...world] } });
}
const apk = (name: string, version: string, desc: string, ...files: string[]): ApkPkg => ({ name, version, desc, files });

// ---- golang ----
const GO_CA: ApkPkg[] = [apk('ca-certificates', '20250619-r0', 'Common CA certificates PEM files from Mozilla', 'usr/sbin/update-ca-certificates', 'etc/ssl/certs/ca-certificates.crt')];

// ---- java ----
const TEMURIN_DEBS = debs('curl 8.5.0-2ubuntu10.6 web command line tool for transferring data with URL syntax', 'wget 1.21.4-1ubuntu4.1 web retrieves files from the web', 'gnupg 2.4.4-2ubuntu17.3 utils GNU privacy guard - a free PGP replacement', 'fontconfig 2.15.0-1.1ubuntu2 utils generic font configuration library - support binaries', 'ca-certificates 20240203 misc Common CA certificates', 'p11-kit 0.25.3-4ubuntu2.1 admin p11-glue utilities', 'binutils 2.42-4ubuntu2.5 devel GNU assembler, linker and binary utilities', 'tzdata 2025b-0ubuntu0.24.04.1 localization time zone and daylight-saving time data', 'locales 2.39-0ubuntu8.5 localization GNU C Library: National Language (locale) data [support]');
function temurinDeps(key: string, target: number): Tree {
  return installTree(key, T_TEMURIN, target, {
    deb: { pkgs: TEMURIN_DEBS, ubuntu: true },
    exe: { 'usr/bin/curl': [309_880, 'curl'], 'usr/bin/wget': [543_232, 'wget'], 'usr/bin/gpg': [1_139_720, 'gpg'], 'usr/bin/objcopy': [211_192, 'objcopy'], 'usr/bin/ld.bfd': [1_870_768, 'ld'], 'usr/bin/as': [726_616, 'as'], 'usr/sbin/locale-gen': [1_642, 'locale-gen'], 'usr/bin/fc-cache': [31_320, 'fc-cache'], 'usr/bin/p11-kit': [200_232, 'p11-kit'] },
    text: { 'etc/locale.gen': '# This file lists locales that you wish to have built.\n\nen_US.UTF-8 UTF-8\n', 'etc/timezone': 'Etc/UTC\n' },
    blob: { 'usr/lib/locale/locale-archive': 3_052_240, 'etc/ssl/certs/ca-certificates.crt': 219_342 },
    fill: [[X, ['libcurl.so.4', 'libgnutls.so.30', 'libfontconfig.so.1', 'libfreetype.so.6', 'libbfd-2.42-system.so', 'libctf.so.0', 'libgprofng.so.0', 'libp11-kit.so.0', 'libsframe.so.1', 'libpng16.so.16', 'libbrotlidec.so.1'], '', 60], ['usr/share/zoneinfo', ['America/New_York', 'Europe/Paris', 'Asia/Tokyo', 'Australia/Sydney', 'right/UTC', 'posix/Europe/Berlin'], '', 1200], ['usr/share/fonts/truetype/dejavu', ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf', 'DejaVuSerif.ttf'], '', 6], ['usr/share/i18n/locales', ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'i18n', 'translit_combining'], '', 320]],
  });
}
const TEMURIN_ALPINE_PKGS: ApkPkg[] = [
  apk('fontconfig', '2.15.0-r3', 'Library for configuring and customizing font access', 'usr/bin/fc-cache', 'usr/lib/libfontconfig.so.1'), apk('ttf-dejavu', '2.37-r6', 'Font family based on the Bitstream Vera Fonts', 'usr/share/fonts/dejavu/DejaVuSans.ttf'),
  apk('ca-certificates', '20250619-r0', 'Common CA certificates PEM files from Mozilla', 'usr/sbin/update-ca-certificates'), apk('p11-kit-trust', '0.25.5-r2', 'System trust module from p11-kit', 'usr/lib/pkcs11/p11-kit-trust.so'),
  apk('musl-locales', '0.1.0-r1', 'Locales support for musl', 'usr/bin/locale'), apk('musl-locales-lang', '0.1.0-r1', 'Languages for package musl-locales', 'usr/share/i18n/locales/musl/en_US.UTF-8'),
  apk('tzdata', '2025b-r0', 'Timezone data', 'usr/share/zoneinfo/UTC'), apk('coreutils', '9.7-r1', 'The basic file, shell and text manipulation utilities', 'usr/bin/coreutils'), apk('openssl', '3.5.1-r0', 'Toolkit for Transport Layer Security (TLS)', 'usr/bin/openssl'),
];

function temurinJava(key: string, mtime: number, target: number, kind: 'jdk' | 'jre', feature: string, version: string, release: string, libc: 'gnu' | 'musl'): Tree {
  return javaTree(key, mtime, target, '/opt/java/openjdk', { kind, feature, version, release, date: '2025-07-15', implementor: 'Eclipse Adoptium', libc }, {
    text: { 'etc/ld.so.conf.d/docker-openjdk.conf': '/opt/java/openjdk/lib\n/opt/java/openjdk/lib/server\n' },
  });
}

function openjdkLayers(feature: string, version: string, release: string, date: string, base: string, olRelease: string, baseT: number, t: number, baseTarget: number, target: number): Record<string, () => Tree> {
  const home = `/usr/java/openjdk-${feature}`;
  const link: Record<string, string> = { 'usr/java/default': home, 'usr/java/latest': home, [`${home.slice(1)}/lib/security/cacerts`]: '/etc/pki/ca-trust/extracted/java/cacerts' };
  for (const b of ['java', 'javac', 'jshell', 'jar', 'keytool', 'jcmd']) Object.assign(link, { [`usr/bin/${b}`]: `/etc/alternatives/${b}`, [`etc/alternatives/${b}`]: `${home}/bin/${b}` });
  return {
    [base]: () => oracleLinuxTree(base, baseT, baseTarget, olRelease),
    [`openjdk-${feature}-deps`]: () => installTree(`openjdk-${feature}-deps`, t, 38_200_000, {
      exe: { 'usr/bin/gzip': [99_112, 'gzip'], 'usr/bin/tar': [459_056, 'tar'], 'usr/bin/objcopy': [222_864, 'objcopy'], 'usr/bin/ld.bfd': [1_908_520, 'ld'], 'usr/bin/fc-cache': [33_440, 'fc-cache'] },
      fill: [['usr/lib64', ['libbfd-2.30-125.0.1.el8.so', 'libopcodes-2.30.so', 'libfreetype.so.6.16.1', 'libfontconfig.so.1.12.0', 'libpng16.so.16.34.0'], '', 12], ['usr/share/fonts/dejavu', ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'], '', 4], ['var/lib/rpm', ['Packages', 'Basenames', 'Providename'], '', 3]],
    }),
    [`openjdk-${version}`]: () => javaTree(`openjdk-${version}`, t, target, home, { kind: 'jdk', feature, version, release, date, libc: 'gnu' }, { link }),
  };
}

// ---- ruby ----
const RUBY_V = { ruby: '3.4.5', api: '3.4.0', rubygems: '3.6.9', bundler: '2.6.9', irb: '1.14.3' };
const GEMRC = "install: --no-document\nupdate: --no-document\n";
function rubyLayers(flavor: 'full' | 'slim' | 'alpine', t: number, target: number, deps?: () => Tree): Record<string, () => Tree> {
  const k = `ruby-${RUBY_V.ruby}-${flavor}`;
  const out: Record<string, () => Tree> = {
    [`${k}-gemrc`]: () => new Tree(`${k}-gemrc`, t).text('usr/local/etc/gemrc', GEMRC),
    [k]: () => rubyTree(k, t, target, RUBY_V, flavor === 'alpine' ? { fill: [['usr/lib', ['libgmp.so.10', 'libyaml-0.so.2', 'libffi.so.8'], '', 3]] } : {}),
    [`${k}-gemhome`]: () => new Tree(`${k}-gemhome`, t).dir('usr/local/bundle', { mode: 0o1777 }),
  };
  if (deps) out[`${k}-deps`] = deps;
  return out;
}

// ---- php ----
const PHPIZE_DEBS = debs('autoconf 2.71-3 devel automatic configure script builder', 'dpkg-dev 1.21.22 utils Debian package development tools', 'file 1:5.44-3 utils Recognize the type of data in a file using "magic" numbers', 'g++ 4:12.2.0-3 devel GNU C++ compiler', 'gcc 4:12.2.0-3 devel GNU C compiler', 'libc6-dev 2.36-9+deb12u10 libdevel GNU C Library: Development Libraries and Header Files', 'make 4.3-4.1 devel utility for directing compilation', 'pkg-config 1.8.1-1 devel manage compile and link flags for libraries', 're2c 3.0-2 devel lexer generator for C, C++ and Go', 'curl 7.88.1-10+deb12u12 web command line tool for transferring data with URL syntax', 'xz-utils 5.4.1-1 utils XZ-format compression utilities', 'ca-certificates 20230311+deb12u1 misc Common CA certificates');
const APACHE_DEBS = debs('apache2 2.4.65-1~deb12u1 httpd Apache HTTP Server', 'apache2-bin 2.4.65-1~deb12u1 httpd Apache HTTP Server (modules and other binary files)', 'apache2-data 2.4.65-1~deb12u1 httpd Apache HTTP Server (common files)', 'apache2-utils 2.4.65-1~deb12u1 httpd Apache HTTP Server (utility programs for web servers)', 'libapr1 1.7.2-3+deb12u1 libs Apache Portable Runtime Library', 'libaprutil1 1.6.3-1 libs Apache Portable Runtime Utility Library');
/** api: PHP's extension API date (the extensions directory's name). */
function phpLayers(version: string, api: string, variant: 'cli' | 'apache' | 'fpm' | 'alpine', t: number, sizes: { deps: number; source: number; php: number; apache?: number }): Record<string, () => Tree> {
  const k = `php-${version}-${variant}`;
  const alpine = variant === 'alpine';
  const out: Record<string, () => Tree> = {
    [`${k}-www`]: () => new Tree(`${k}-www`, t).dir('usr/local/etc/php/conf.d').dir('var/www/html', { uid: alpine ? 82 : 33, gid: alpine ? 82 : 33, mode: 0o1777 }),
    [`${k}-source`]: () => installTree(`${k}-source`, t, sizes.source, { blob: { 'usr/src/php.tar.xz': sizes.source - 963 }, text: { 'usr/src/php.tar.xz.asc': '-----BEGIN PGP SIGNATURE-----\n\n' + 'iQIzBAABCAAdFiEE'.padEnd(64, 'x') + '\n-----END PGP SIGNATURE-----\n' } }),
    [`${k}-docker-php-source`]: () => scriptTree(`${k}-docker-php-source`, t, 'usr/local/bin/docker-php-source', DOCKER_PHP_SOURCE),
    [k]: () => phpTree(k, t, sizes.php, version, api, variant === 'alpine' ? 'cli' : variant, alpine ? { fill: [['usr/lib', ['libargon2.so.1', 'libcurl.so.4', 'libonig.so.5', 'libreadline.so.8', 'libsodium.so.26', 'libsqlite3.so.0', 'libxml2.so.2'], '', 7]] } : {}),
    [`${k}-ext-scripts`]: () => new Tree(`${k}-ext-scripts`, t)
      .text('usr/local/bin/docker-php-entrypoint', phpEntrypoint(variant), { mode: 0o775 })
      .text('usr/local/bin/docker-php-ext-configure', dockerPhpExtBuild('configure'), { mode: 0o775 })
      .text('usr/local/bin/docker-php-ext-enable', DOCKER_PHP_EXT_ENABLE, { mode: 0o775 })
      .text('usr/local/bin/docker-php-ext-install', dockerPhpExtBuild('install'), { mode: 0o775 }),
    [`${k}-sodium`]: () => new Tree(`${k}-sodium`, t).text('usr/local/etc/php/conf.d/docker-php-ext-sodium.ini', 'extension=sodium\n'),
  };
  if (alpine) {
    out[`${k}-deps`] = () => apkLayer(`${k}-deps`, t, sizes.deps, [apk('curl', '8.14.1-r1', 'URL retrival utility and library', 'usr/bin/curl'), apk('tar', '1.35-r3', 'Utility used to store, backup, and transport files', 'usr/bin/tar'), apk('xz', '5.8.1-r0', 'Library and CLI tools for XZ and LZMA compressed files', 'usr/bin/xz'), apk('openssl', '3.5.1-r0', 'Toolkit for Transport Layer Security (TLS)', 'usr/bin/openssl'), apk('ca-certificates', '20250619-r0', 'Common CA certificates PEM files from Mozilla', 'usr/sbin/update-ca-certificates')], ['ca-certificates', 'curl', 'openssl', 'tar', 'xz'],
      { exe: { 'usr/bin/curl': [262_336, 'curl'], 'usr/bin/tar': [489_368, 'tar'], 'usr/bin/xz': [84_432, 'xz'], 'usr/bin/openssl': [952_584, 'openssl'] }, fill: [['usr/lib', ['libcurl.so.4.8.0', 'libnghttp2.so.14', 'libcares.so.2', 'libbrotlicommon.so.1', 'liblzma.so.5', 'libzstd.so.1', 'libidn2.so.0', 'libpsl.so.5'], '', 10]] });
    out[`${k}-user`] = () => new Tree(`${k}-user`, t)
      .text('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\nuucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\ncron:x:16:16:cron:/var/spool/cron:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\nwww-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin\n')
      .text('etc/shadow', 'root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\nwww-data:!:20285:0:99999:7:::\n', { mode: 0o640, gid: 42 })
      .dir('home/www-data', { uid: 82, gid: 82, mode: 0o2755 });
  } else {
    out[`${k}-no-debian-php`] = () => new Tree(`${k}-no-debian-php`, t).text('etc/apt/preferences.d/no-debian-php', 'Package: php*\nPin: release *\nPin-Priority: -1\n');
    out[`${k}-deps`] = () => aptLayerTree(`${k}-deps`, t, sizes.deps, { gcc: 1_023_960, 'g++': 1_027_896, cc: 1_023_960, make: 260_552, autoconf: 14_785, file: 22_888, 'pkg-config': 19_020, re2c: 1_094_712, curl: 297_008, xz: 88_000, 'dpkg-architecture': 17_071, perl: 3_971_136 }, GCC_STEMS, PHPIZE_DEBS);
  }
  if (variant === 'apache') {
    out[`${k}-apache2`] = () => apacheTree(`${k}-apache2`, t, sizes.apache!, [...PHPIZE_DEBS, ...APACHE_DEBS]);
    out[`${k}-prefork`] = () => new Tree(`${k}-prefork`, t)
      .text('etc/apache2/mods-enabled/.wh.mpm_event.conf', '').text('etc/apache2/mods-enabled/.wh.mpm_event.load', '')
      .link('etc/apache2/mods-enabled/mpm_prefork.conf', '../mods-available/mpm_prefork.conf').link('etc/apache2/mods-enabled/mpm_prefork.load', '../mods-available/mpm_prefork.load');
    out[`${k}-docker-php-conf`] = () => new Tree(`${k}-docker-php-conf`, t)
      .text('etc/apache2/conf-available/docker-php.conf', '<FilesMatch \\.php$>\n\tSetHandler application/x-httpd-php\n</FilesMatch>\n\nDirectoryIndex disabled\nDirectoryIndex index.php index.html\n\n<Directory /var/www/>\n\tOptions -Indexes\n\tAllowOverride All\n</Directory>\n')
      .link('etc/apache2/conf-enabled/docker-php.conf', '../conf-available/docker-php.conf');
    out[`${k}-foreground`] = () => scriptTree(`${k}-foreground`, t, 'usr/local/bin/apache2-foreground', APACHE2_FOREGROUND);
  }
  if (variant === 'fpm') {
    out[`${k}-fpm-conf`] = () => new Tree(`${k}-fpm-conf`, t)
      .text('usr/local/etc/php-fpm.conf', ';;;;;;;;;;;;;;;;;;;;;\n; FPM Configuration ;\n;;;;;;;;;;;;;;;;;;;;;\n\n[global]\n;pid = run/php-fpm.pid\n;error_log = log/php-fpm.log\n\ninclude=etc/php-fpm.d/*.conf\n')
      .text('usr/local/etc/php-fpm.d/www.conf', "; Start a new pool named 'www'.\n[www]\nuser = www-data\ngroup = www-data\nlisten = 127.0.0.1:9000\npm = dynamic\npm.max_children = 5\npm.start_servers = 2\npm.min_spare_servers = 1\npm.max_spare_servers = 3\n")
      .text('usr/local/etc/php-fpm.d/docker.conf', '[global]\nerror_log = /proc/self/fd/2\n\n; https://github.com/docker-library/php/pull/725#issuecomment-443540114\nlog_limit = 8192\n\n[www]\n; php-fpm closes STDOUT on startup, so sending logs to /proc/self/fd/1 does not work.\n; https://bugs.php.net/bug.php?id=73886\naccess.log = /proc/self/fd/2\n\nclear_env = no\n\n; Ensure worker stdout and stderr are sent to the main error log.\ncatch_workers_output = yes\ndecorate_workers_output = no\n')
      .text('usr/local/etc/php-fpm.d/zz-docker.conf', '[global]\ndaemonize = no\n\n[www]\nlisten = 9000\n')
      .text('usr/local/etc/php/conf.d/docker-fpm.ini', '; https://github.com/docker-library/php/issues/878#issuecomment-938595965\nfastcgi.logging = Off\n');
  }
  return out;
}

// ---- wordpress ----
const WP_EXT = 'usr/local/lib/php/extensions/no-debug-non-zts-20230831';
function wordpressTree(key: string, target: number): Tree {
  const www = { uid: 33, gid: 33 };
  const t = new Tree(key, T_WP);
  const src = 'usr/src/wordpress';
  for (const [p, text] of Object.entries({
    'index.php': "<?php\n/**\n * Front to the WordPress application. This file doesn't do anything, but loads\n * wp-blog-header.php which does and tells WordPress to load the theme.\n *\n * @package WordPress\n */\n\n/**\n * Tells WordPress to load the WordPress theme and output it.\n *\n * @var bool\n */\ndefine( 'WP_USE_THEMES', true );\n\n/** Loads the WordPress Environment and Template */\nrequire __DIR__ . '/wp-blog-header.php';\n",
    'wp-includes/version.php': "<?php\n/**\n * WordPress Version\n *\n * Contains version information for the current WordPress release.\n *\n * @package WordPress\n * @since 1.2.0\n */\n\n/**\n * The WordPress version string.\n *\n * Holds the current version number for WordPress core. Used to bust caches\n * and to enable development mode for scripts when running from the /src directory.\n *\n * @global string $wp_version\n */\n$wp_version = '6.8.2';\n\n/**\n * Holds the WordPress DB revision, increments when changes are made to the WordPress DB schema.\n *\n * @global int $wp_db_version\n */\n$wp_db_version = 60421;\n\n/**\n * Holds the TinyMCE version.\n *\n * @global string $tinymce_version\n */\n$tinymce_version = '49110-20250317';\n\n/**\n * Holds the required PHP version.\n *\n * @global string $required_php_version\n */\n$required_php_version = '7.2.24';\n\n/**\n * Holds the names of required PHP extensions.\n *\n * @global string[] $required_php_extensions\n */\n$required_php_extensions = array(\n\t'json',\n\t'hash',\n);\n\n/**\n * Holds the required MySQL version.\n *\n * @global string $required_mysql_version\n */\n$required_mysql_version = '5.5.5';\n",
    '.htaccess': '# BEGIN WordPress\n\nRewriteEngine On\nRewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\nRewriteBase /\nRewriteRule ^index\\.php$ - [L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule . /index.php [L]\n\n# END WordPress\n',
  })) t.text(`${src}/${p}`, text, www);
  for (const [p, size] of [['license.txt', 19_903], ['readme.html', 7_425], ['wp-activate.php', 7_349], ['wp-blog-header.php', 351], ['wp-comments-post.php', 2_323], ['wp-config-sample.php', 3_336], ['wp-cron.php', 5_617], ['wp-links-opml.php', 2_502], ['wp-load.php', 3_937], ['wp-login.php', 51_414], ['wp-mail.php', 8_727], ['wp-settings.php', 30_081], ['wp-signup.php', 34_516], ['wp-trackback.php', 5_102], ['xmlrpc.php', 3_205], ['wp-content/index.php', 28]] as const) t.blob(`${src}/${p}`, size, undefined, www);
  for (const d of ['plugins', 'themes', 'uploads']) t.dir(`${src}/wp-content/${d}`, www);
  for (const d of ['plugins', 'themes', 'upgrade', 'uploads', 'cache']) t.dir(`var/www/html/wp-content/${d}`, { mode: 0o1777, ...www });
  t.dir('var/www/html/wp-content', { mode: 0o1777, ...www });
  const rest = target - t.bytes();
  const part = (dir: string, stems: string[], ext: string, n: number, share: number): void => {
    const names = bulkNamesFor(stems, n, ext);
    const r = new Tree(`${key}/${dir}`, T_WP).spread(dir, names, Math.floor(rest * share)).entries();
    for (const e of r) if (e.type === 'file') t.blob(e.path, e.size, undefined, www);
  };
  part(`${src}/wp-includes`, ['class-wp-query', 'functions', 'post', 'js/dist/block-editor', 'js/dist/components', 'blocks/navigation', 'css/dist/block-library/style', 'SimplePie/src/Item', 'ID3/module.audio-video.quicktime', 'Requests/src/Transport/Curl', 'sodium_compat/src/Core/Ed25519', 'l10n/class-wp-translation-controller'], '.php', 900, 0.62);
  part(`${src}/wp-admin`, ['includes/class-wp-upgrader', 'includes/post', 'edit-form-blocks', 'css/common', 'js/post', 'images/wordpress-logo', 'options-general', 'network/settings', 'user/about'], '.php', 420, 0.2);
  part(`${src}/wp-content/themes`, ['twentytwentyfive/theme.json', 'twentytwentyfive/patterns/hero-podcast', 'twentytwentyfour/theme.json', 'twentytwentyfour/assets/images/building-exterior', 'twentytwentythree/styles/aubergine'], '.php', 260, 0.15);
  // The last part takes the exact remainder.
  const left = target - t.bytes();
  const names = bulkNamesFor(['akismet/class.akismet', 'akismet/views/config', 'akismet/_inc/akismet', 'hello'], 30, '.php');
  const last = new Tree(`${key}/plugins`, T_WP).spread(`${src}/wp-content/plugins`, names, left).entries();
  for (const e of last) if (e.type === 'file') t.blob(e.path, e.size, undefined, www);
  return t;
}
// ---- rust ----
const RUST_PROXIES = ['cargo', 'cargo-clippy', 'cargo-fmt', 'cargo-miri', 'clippy-driver', 'rls', 'rust-analyzer', 'rust-gdb', 'rust-gdbgui', 'rust-lldb', 'rustc', 'rustdoc', 'rustfmt'];
function rustTree(key: string, mtime: number, target: number, host: string, extra: Install = {}): Tree {
  const tc = `usr/local/rustup/toolchains/1.88.0-${host}`;
  const hardlink: Record<string, string> = {};
  // rustup installs every proxy as a hard link to itself and dispatches on argv[0]. In the tar the first name in
  // walk order (cargo) carries the bytes and the others, rustup too, are hard links to it (as busybox's `[`).
  for (const p of [...RUST_PROXIES.filter((x) => x !== 'cargo'), 'rustup']) hardlink[`usr/local/cargo/bin/${p}`] = 'usr/local/cargo/bin/cargo';
  return installTree(key, mtime, target, {
    ...extra,
    dirs: [['usr/local/cargo/bin', { mode: 0o777 }], ['usr/local/cargo/registry', { mode: 0o777 }], ['usr/local/rustup', { mode: 0o777 }], ...(extra.dirs ?? [])],
    exe: { 'usr/local/cargo/bin/cargo': [19_126_416, 'rustup'], [`${tc}/bin/rustc`]: [4_036_912, 'rustc'], [`${tc}/bin/cargo`]: [41_893_504, 'cargo'], [`${tc}/bin/rustdoc`]: [16_474_872, 'rustdoc'], ...extra.exe },
    hardlink,
    text: { 'usr/local/rustup/settings.toml': `version = "12"\ndefault_toolchain = "1.88.0-${host}"\nprofile = "minimal"\n\n[overrides]\n`, 'usr/local/cargo/env': '#!/bin/sh\n# rustup shell setup\n# affix colons on either side of $PATH to simplify matching\ncase ":${PATH}:" in\n    *:"/usr/local/cargo/bin":*)\n        ;;\n    *)\n        # Prepending path in case a system-installed rustc needs to be overridden\n        export PATH="/usr/local/cargo/bin:$PATH"\n        ;;\nesac\n', [`usr/local/rustup/update-hashes/1.88.0-${host}`]: fakeHexText(key), ...extra.text },
    blob: { [`${tc}/lib/librustc_driver-${fakeHexText(key + 'drv').slice(0, 16)}.so`]: 131_254_288, [`${tc}/lib/libLLVM.so.20.1-rust-1.88.0-stable`]: 141_893_920, ...extra.blob },
    fill: [[`${tc}/lib/rustlib/${host}/lib`, ['libstd', 'libcore', 'liballoc', 'libproc_macro', 'libtest', 'libcompiler_builtins', 'libhashbrown', 'libgimli', 'libobject', 'libaddr2line', 'libminiz_oxide', 'libpanic_unwind', 'libunwind', 'liblibc'], '.rlib', 90], [`${tc}/share/doc/rust`, ['COPYRIGHT', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md'], '', 4], ...(extra.fill ?? [])],
  });
}
function fakeHexText(label: string): string {
  return fakeHex(label, 64);
}

// ---- docker ----
const DOCKER_DEPS: ApkPkg[] = [apk('ca-certificates', '20250619-r0', 'Common CA certificates PEM files from Mozilla', 'usr/sbin/update-ca-certificates'), apk('openssh-client-default', '10.0_p1-r7', 'OpenBSD\'s SSH client', 'usr/bin/ssh'), apk('git', '2.49.1-r0', 'Distributed version control system', 'usr/bin/git')];
const DIND_DEPS: ApkPkg[] = ['btrfs-progs', 'e2fsprogs', 'e2fsprogs-extra', 'ip6tables', 'iptables', 'openssl', 'pigz', 'shadow-uidmap', 'xfsprogs', 'xz', 'zfs', 'iptables-legacy'].map((n, i) => apk(n, `${1 + (i % 5)}.${i}.${i % 3}-r0`, `${n} (docker:dind runtime dependency)`, `usr/sbin/${n}`));

/** Layer key → builder. */
export const LANGUAGE_LAYERS: Record<string, () => Tree> = {
  // golang:1.24 (bookworm): cgo deps (~350 MB) + the toolchain (~294 MB) on buildpack-deps:bookworm-scm
  'golang-bookworm-cgo': () => aptLayerTree('golang-bookworm-cgo', T_GO, 350_000_000, { gcc: 1_023_960, 'g++': 1_027_896, cc: 1_023_960, make: 260_552, 'pkg-config': 19_020, ld: 1_870_768, as: 726_616 }, GCC_STEMS, [...BUILDPACK_SCM_DEBS, ...GCC_DEBS, ...debs('pkg-config 1.8.1-1 devel manage compile and link flags for libraries')]),
  'go-1.24.5-linux': () => goTree('go-1.24.5-linux', T_GO, 294_000_000, '1.24.5', 'linux_amd64'),
  'golang-bookworm-gopath': () => new Tree('golang-bookworm-gopath', T_GO).dir('go', { mode: 0o1777 }).dir('go/bin', { mode: 0o1777 }).dir('go/src', { mode: 0o1777 }),
  'golang-alpine-ca': () => apkLayer('golang-alpine-ca', T_GO_ALPINE, 690_000, GO_CA, ['ca-certificates'], { exe: { 'usr/sbin/update-ca-certificates': [43_568, 'update-ca-certificates'] }, blob: { 'etc/ssl/certs/ca-certificates.crt': 219_342 }, fill: [['usr/share/ca-certificates/mozilla', ['ISRG_Root_X1', 'DigiCert_Global_Root_CA', 'GlobalSign_Root_CA', 'Amazon_Root_CA_1'], '.crt', 140]] }),
  'go-1.24.5-alpine': () => goTree('go-1.24.5-alpine', T_GO_ALPINE, 251_500_000, '1.24.5', 'linux_amd64'),
  'golang-alpine-gopath': () => new Tree('golang-alpine-gopath', T_GO_ALPINE).dir('go', { mode: 0o1777 }).dir('go/bin', { mode: 0o1777 }).dir('go/src', { mode: 0o1777 }),

  // eclipse-temurin on ubuntu noble (78 MB) and alpine 3.22
  'temurin-21-jdk-deps': () => temurinDeps('temurin-21-jdk-deps', 70_000_000),
  'temurin-jdk-21.0.8+9': () => temurinJava('temurin-jdk-21.0.8+9', T_TEMURIN, 331_500_000, 'jdk', '21', '21.0.8', '21.0.8+9', 'gnu'),
  'temurin-21-jdk-entrypoint': () => scriptTree('temurin-21-jdk-entrypoint', T_TEMURIN, '__cacert_entrypoint.sh', TEMURIN_ENTRYPOINT),
  'temurin-21-jre-deps': () => temurinDeps('temurin-21-jre-deps', 70_000_000),
  'temurin-jre-21.0.8+9': () => temurinJava('temurin-jre-21.0.8+9', T_TEMURIN, 121_800_000, 'jre', '21', '21.0.8', '21.0.8+9', 'gnu'),
  'temurin-21-jre-entrypoint': () => scriptTree('temurin-21-jre-entrypoint', T_TEMURIN, '__cacert_entrypoint.sh', TEMURIN_ENTRYPOINT),
  'temurin-17-jdk-deps': () => temurinDeps('temurin-17-jdk-deps', 70_000_000),
  'temurin-jdk-17.0.16+8': () => temurinJava('temurin-jdk-17.0.16+8', T_TEMURIN, 259_000_000, 'jdk', '17', '17.0.16', '17.0.16+8', 'gnu'),
  'temurin-17-jdk-entrypoint': () => scriptTree('temurin-17-jdk-entrypoint', T_TEMURIN, '__cacert_entrypoint.sh', TEMURIN_ENTRYPOINT),
  'temurin-21-alpine-deps': () => apkLayer('temurin-21-alpine-deps', T_TEMURIN_ALPINE, 28_000_000, TEMURIN_ALPINE_PKGS, ['ca-certificates', 'coreutils', 'fontconfig', 'musl-locales', 'musl-locales-lang', 'openssl', 'p11-kit-trust', 'ttf-dejavu', 'tzdata'],
    { exe: { 'usr/bin/fc-cache': [26_944, 'fc-cache'], 'usr/bin/openssl': [952_584, 'openssl'], 'usr/bin/coreutils': [1_102_352, 'coreutils'], 'usr/bin/locale': [35_080, 'locale'] }, fill: [['usr/share/fonts/dejavu', ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf', 'DejaVuSerif.ttf'], '', 22], ['usr/share/zoneinfo', ['America/New_York', 'Europe/Paris', 'Asia/Tokyo', 'right/UTC'], '', 600], ['usr/lib', ['libfontconfig.so.1', 'libfreetype.so.6', 'libp11-kit.so.0', 'libpng16.so.16', 'libbrotlidec.so.1'], '', 14]] }),
  'temurin-jdk-21.0.8+9-alpine': () => temurinJava('temurin-jdk-21.0.8+9-alpine', T_TEMURIN_ALPINE, 316_000_000, 'jdk', '21', '21.0.8', '21.0.8+9', 'musl'),
  'temurin-21-alpine-entrypoint': () => scriptTree('temurin-21-alpine-entrypoint', T_TEMURIN_ALPINE, '__cacert_entrypoint.sh', TEMURIN_ENTRYPOINT),

  // openjdk (deprecated): the last GA builds, on oraclelinux:8-slim
  ...openjdkLayers('22', '22.0.2', '22.0.2+9-70', '2024-07-16', 'oraclelinux-8-slim-20240719', '8.10', unix('2024-07-19T23:18:11Z'), unix('2024-07-23T00:47:19Z'), 110_200_000, 372_000_000),
  ...openjdkLayers('21', '21.0.2', '21.0.2+13-58', '2024-01-16', 'oraclelinux-8-slim-20240118', '8.9', unix('2024-01-18T21:54:05Z'), unix('2024-01-23T01:22:41Z'), 109_600_000, 357_000_000),

  // ruby 3.4.5: on buildpack-deps:bookworm (1.0 GB), bookworm-slim (220 MB), alpine 3.22 (100 MB)
  ...rubyLayers('full', T_RUBY, 206_800_000),
  ...rubyLayers('slim', T_RUBY, 99_000_000, () => aptLayerTree('ruby-3.4.5-slim-deps', T_RUBY, 46_000_000, { bzip2: 39_144, ps: 137_688, top: 137_240 }, ['ffi-dev', 'gmp-dev', 'ssl-dev', 'yaml-dev', 'z-dev', 'procps', 'bz2'], debs('bzip2 1.0.8-5+b1 utils high-quality block-sorting file compressor - utilities', 'ca-certificates 20230311+deb12u1 misc Common CA certificates', 'libffi-dev 3.4.4-1 libdevel Foreign Function Interface library (development files)', 'libgmp-dev 2:6.2.1+dfsg1-1.1 libdevel Multiprecision arithmetic library developers tools', 'libssl-dev 3.0.16-1~deb12u1 libdevel Secure Sockets Layer toolkit - development files', 'libyaml-dev 0.2.5-1 libdevel YAML parser and emitter for C (development)', 'procps 2:4.0.2-3 admin /proc file system utilities', 'zlib1g-dev 1:1.2.13.dfsg-1 libdevel compression library - development'))),
  ...rubyLayers('alpine', T_RUBY_ALPINE, 70_000_000, () => apkLayer('ruby-3.4.5-alpine-deps', T_RUBY_ALPINE, 22_000_000, ['bzip2', 'ca-certificates', 'gmp-dev', 'libffi-dev', 'procps', 'yaml-dev', 'zlib-dev'].map((n) => apk(n, '1.0-r0', `${n} (ruby runtime dependency)`, `usr/lib/${n}.so`)), ['bzip2', 'ca-certificates', 'gmp-dev', 'libffi-dev', 'procps', 'yaml-dev', 'zlib-dev'],
    { exe: { 'usr/bin/bzip2': [36_168, 'bzip2'], 'bin/ps': [72_416, 'ps'] }, fill: [['usr/include', ['gmp', 'ffi', 'yaml', 'zlib', 'zconf'], '.h', 8], ['usr/lib', ['libgmp.so.10', 'libffi.so.8', 'libyaml-0.so.2', 'libproc2.so.0', 'libbz2.so.1'], '', 12]] })),

  // php 8.4.10 (cli 500 MB, apache 520 MB, fpm 502 MB, alpine 105 MB) and 8.3.23-apache (wordpress's base)
  ...phpLayers('8.4.10', '20240924', 'cli', T_PHP84, { deps: 330_000_000, source: 13_500_000, php: 82_000_000 }),
  ...phpLayers('8.4.10', '20240924', 'apache', T_PHP84, { deps: 330_000_000, source: 13_500_000, php: 84_000_000, apache: 18_000_000 }),
  ...phpLayers('8.4.10', '20240924', 'fpm', T_PHP84, { deps: 330_000_000, source: 13_500_000, php: 84_000_000 }),
  ...phpLayers('8.4.10', '20240924', 'alpine', T_PHP84, { deps: 6_000_000, source: 13_500_000, php: 77_600_000 }),
  ...phpLayers('8.3.23', '20230831', 'apache', T_PHP83, { deps: 330_000_000, source: 12_800_000, php: 80_000_000, apache: 18_000_000 }),

  // wordpress 6.8.2 on php:8.3-apache (700 MB)
  'wordpress-6.8-ghostscript': () => aptLayerTree('wordpress-6.8-ghostscript', T_WP, 45_000_000, { gs: 14_728, ghostscript: 14_728 }, ['gs', 'ijs-0.35', 'jbig2dec', 'paper', 'idn12', 'cups', 'cupsimage', 'avahi-client', 'fontconfig', 'freetype'], [...PHPIZE_DEBS, ...APACHE_DEBS, ...debs('ghostscript 10.0.0~dfsg-11+deb12u7 text interpreter for the PostScript language and for PDF', 'libgs10 10.0.0~dfsg-11+deb12u7 libs interpreter for the PostScript language and for PDF - Library')]),
  'wordpress-6.8-extensions': () => installTree('wordpress-6.8-extensions', T_WP, 60_000_000, {
    blob: Object.fromEntries([['bcmath', 141_048], ['exif', 201_352], ['gd', 485_992], ['intl', 1_612_360], ['mysqli', 235_664], ['zip', 178_200], ['imagick', 1_522_120]].map(([n, s]) => [`${WP_EXT}/${n}.so`, s as number])),
    text: Object.fromEntries(['bcmath', 'exif', 'gd', 'intl', 'mysqli', 'zip', 'imagick'].map((n) => [`usr/local/etc/php/conf.d/docker-php-ext-${n}.ini`, `extension=${n}\n`])),
    deb: { pkgs: [...PHPIZE_DEBS, ...APACHE_DEBS, ...debs('ghostscript 10.0.0~dfsg-11+deb12u7 text interpreter for the PostScript language and for PDF', 'libavif15 0.11.1-1+deb12u1 libs Library for handling .avif files', 'libicu72 72.1-3+deb12u1 libs International Components for Unicode', 'libmagickwand-6.q16-6 8:6.9.11.60+dfsg-1.6+deb12u3 libs image manipulation library -- the wand-API', 'libzip4 1.7.3-1+b1 libs library for reading, creating, and modifying zip archives', 'libwebp7 1.2.4-0.2+deb12u1 libs Lossy compression of digital photographic images')] },
    fill: [[X, ['libicudata.so.72', 'libicui18n.so.72', 'libicuuc.so.72', 'libMagickCore-6.Q16.so.6', 'libMagickWand-6.Q16.so.6', 'libavif.so.15', 'libdav1d.so.6', 'libaom.so.3', 'libwebp.so.7', 'libzip.so.4', 'libjpeg.so.62', 'libpng16.so.16'], '', 40]],
  }),
  'wordpress-6.8-opcache': () => new Tree('wordpress-6.8-opcache', T_WP).text('usr/local/etc/php/conf.d/docker-php-ext-opcache.ini', 'zend_extension=opcache\n').text('usr/local/etc/php/conf.d/opcache-recommended.ini', 'opcache.memory_consumption=128\nopcache.interned_strings_buffer=8\nopcache.max_accelerated_files=4000\nopcache.revalidate_freq=2\n'),
  'wordpress-6.8-error-logging': () => new Tree('wordpress-6.8-error-logging', T_WP).text('usr/local/etc/php/conf.d/error-logging.ini', 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR\ndisplay_errors = Off\ndisplay_startup_errors = Off\nlog_errors = On\nerror_log = /dev/stderr\nlog_errors_max_len = 1024\nignore_repeated_errors = On\nignore_repeated_source = Off\nhtml_errors = Off\n'),
  'wordpress-6.8-apache-mods': () => {
    const t = new Tree('wordpress-6.8-apache-mods', T_WP);
    for (const m of ['rewrite', 'expires', 'remoteip']) t.link(`etc/apache2/mods-enabled/${m}.load`, `../mods-available/${m}.load`);
    t.link('etc/apache2/mods-enabled/remoteip.conf', '../mods-available/remoteip.conf');
    t.text('etc/apache2/conf-available/remoteip.conf', 'RemoteIPHeader X-Forwarded-For\nRemoteIPInternalProxy 10.0.0.0/8\nRemoteIPInternalProxy 172.16.0.0/12\nRemoteIPInternalProxy 192.168.0.0/16\nRemoteIPInternalProxy 169.254.0.0/16\nRemoteIPInternalProxy 127.0.0.0/8\n').link('etc/apache2/conf-enabled/remoteip.conf', '../conf-available/remoteip.conf');
    // The sed turned %h into %a in every LogFormat (the client address as mod_remoteip sees it).
    t.text('etc/apache2/apache2.conf', 'DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nTimeout 300\nKeepAlive On\nMaxKeepAliveRequests 100\nKeepAliveTimeout 5\nUser ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\nHostnameLookups Off\nErrorLog ${APACHE_LOG_DIR}/error.log\nLogLevel warn\nIncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\nInclude ports.conf\n<Directory />\n\tOptions FollowSymLinks\n\tAllowOverride None\n\tRequire all denied\n</Directory>\n<Directory /usr/share>\n\tAllowOverride None\n\tRequire all granted\n</Directory>\n<Directory /var/www/>\n\tOptions Indexes FollowSymLinks\n\tAllowOverride None\n\tRequire all granted\n</Directory>\nAccessFileName .htaccess\n<FilesMatch "^\\.ht">\n\tRequire all denied\n</FilesMatch>\nLogFormat "%v:%p %a %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" vhost_combined\nLogFormat "%a %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined\nLogFormat "%a %l %u %t \\"%r\\" %>s %O" common\nLogFormat "%{Referer}i -> %U" referer\nLogFormat "%{User-agent}i" agent\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n');
    return t;
  },
  'wordpress-6.8.2': () => wordpressTree('wordpress-6.8.2', 79_000_000),
  'wordpress-6.8-wp-config': () => new Tree('wordpress-6.8-wp-config', T_WP).text('usr/src/wordpress/wp-config-docker.php', WP_CONFIG_DOCKER, { uid: 33, gid: 33 }),
  'wordpress-6.8-entrypoint': () => scriptTree('wordpress-6.8-entrypoint', T_WP, 'usr/local/bin/docker-entrypoint.sh', WORDPRESS_ENTRYPOINT),
  'wordpress-6.8-ensure-installed': () => new Tree('wordpress-6.8-ensure-installed', T_WP).link('usr/local/bin/docker-ensure-installed.sh', 'docker-entrypoint.sh'),

  // rust 1.88.0: on buildpack-deps:bookworm (1.5 GB), bookworm-slim (800 MB), alpine 3.22 (830 MB)
  'rust-1.88.0-full': () => rustTree('rust-1.88.0-full', T_RUST, 707_000_000, 'x86_64-unknown-linux-gnu'),
  'rust-1.88.0-slim': () => rustTree('rust-1.88.0-slim', T_RUST, 725_000_000, 'x86_64-unknown-linux-gnu', {
    deb: { pkgs: [...GCC_DEBS.filter((p) => p.name !== 'g++' && p.name !== 'make'), ...debs('ca-certificates 20230311+deb12u1 misc Common CA certificates')] },
    exe: { 'usr/bin/gcc-12': [1_023_960, 'gcc'], 'usr/bin/x86_64-linux-gnu-ld.bfd': [1_870_768, 'ld'], 'usr/bin/x86_64-linux-gnu-as': [726_616, 'as'] },
    link: { 'usr/bin/gcc': 'gcc-12', 'usr/bin/cc': '/etc/alternatives/cc', 'etc/alternatives/cc': '/usr/bin/gcc' },
    fill: [[X, GCC_STEMS.map((s) => `lib${s}.so`), '', 40]],
  }),
  'rust-1.88.0-alpine-deps': () => apkLayer('rust-1.88.0-alpine-deps', T_RUST_ALPINE, 120_000_000, ['gcc', 'binutils', 'musl-dev', 'libgcc', 'libstdc++', 'isl26', 'mpc1', 'mpfr4', 'gmp', 'zstd-libs', 'ca-certificates'].map((n, i) => apk(n, `${14 - (i % 3)}.${i}.0-r${i % 4}`, `${n} (gcc and its dependencies)`, `usr/lib/${n}.so`)), ['ca-certificates', 'gcc'],
    { exe: { 'usr/bin/gcc': [1_067_600, 'gcc'], 'usr/bin/ld': [1_901_360, 'ld'], 'usr/bin/as': [801_040, 'as'] }, fill: [['usr/libexec/gcc/x86_64-alpine-linux-musl/14.2.0', ['cc1', 'collect2', 'lto1', 'lto-wrapper'], '', 6], ['usr/lib', ['libbfd-2.44.so', 'libisl.so.23', 'libmpc.so.3', 'libmpfr.so.6', 'libgmp.so.10', 'libstdc++.so.6', 'libgcc_s.so.1'], '', 16]] }),
  'rust-1.88.0-alpine': () => rustTree('rust-1.88.0-alpine', T_RUST_ALPINE, 702_000_000, 'x86_64-unknown-linux-musl'),

  // docker 28.3.2: cli (~205 MB) and dind (~380 MB) on alpine 3.22
  'docker-28.3.2-deps': () => apkLayer('docker-28.3.2-deps', T_DOCKER, 16_500_000, DOCKER_DEPS, ['ca-certificates', 'git', 'openssh-client'],
    { exe: { 'usr/bin/git': [2_960_272, 'git'], 'usr/bin/ssh': [874_552, 'ssh'], 'usr/bin/scp': [113_488, 'scp'] }, fill: [['usr/libexec/git-core', ['git-remote-http', 'git-http-fetch', 'git-daemon', 'git-sh-i18n--envsubst'], '', 8], ['usr/lib', ['libcurl.so.4', 'libpcre2-8.so.0', 'libexpat.so.1', 'libcbor.so.0.11', 'libfido2.so.1'], '', 12]] }),
  'docker-28.3.2-group': () => new Tree('docker-28.3.2-group', T_DOCKER).text('etc/group', ['root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin', 'adm:x:4:root,daemon', 'tty:x:5:', 'disk:x:6:root', 'lp:x:7:lp', 'kmem:x:9:', 'wheel:x:10:root', 'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news', 'uucp:x:14:uucp', 'cron:x:16:cron', 'audio:x:18:', 'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:', 'tape:x:26:root', 'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:', 'shadow:x:42:', 'www-data:x:82:', 'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:', 'nobody:x:65534:', 'docker:x:2375:', ''].join('\n')),
  'docker-28.3.2-cli': () => installTree('docker-28.3.2-cli', T_DOCKER, 40_380_000, { exe: { 'usr/local/bin/docker': [40_380_000, 'docker'] } }),
  'docker-28.3.2-buildx': () => installTree('docker-28.3.2-buildx', T_DOCKER, 73_900_000, { exe: { 'usr/local/libexec/docker/cli-plugins/docker-buildx': [73_900_000, 'docker-buildx'] } }),
  'docker-28.3.2-compose': () => installTree('docker-28.3.2-compose', T_DOCKER, 67_150_000, { exe: { 'usr/local/libexec/docker/cli-plugins/docker-compose': [67_150_000, 'docker-compose'] }, link: { 'usr/local/bin/docker-compose': '/usr/local/libexec/docker/cli-plugins/docker-compose' } }),
  'docker-28.3.2-modprobe': () => new Tree('docker-28.3.2-modprobe', T_DOCKER).text('usr/local/bin/modprobe', DOCKER_MODPROBE, { mode: 0o775 }),
  'docker-28.3.2-entrypoint': () => scriptTree('docker-28.3.2-entrypoint', T_DOCKER, 'usr/local/bin/docker-entrypoint.sh', DOCKER_ENTRYPOINT),
  'docker-28.3.2-certs': () => new Tree('docker-28.3.2-certs', T_DOCKER).dir('certs', { mode: 0o1777 }).dir('certs/client', { mode: 0o1777 }),
  'docker-28.3.2-dind-deps': () => apkLayer('docker-28.3.2-dind-deps', T_DIND, 13_350_000, DIND_DEPS.slice(0, -1), ['btrfs-progs', 'e2fsprogs', 'e2fsprogs-extra', 'ip6tables', 'iptables', 'openssl', 'pigz', 'shadow-uidmap', 'xfsprogs', 'xz', 'zfs'],
    { exe: { 'usr/sbin/iptables': [101_208, 'iptables'], 'usr/sbin/ip6tables': [101_208, 'ip6tables'], 'usr/bin/openssl': [952_584, 'openssl'], 'usr/bin/pigz': [96_880, 'pigz'], 'sbin/mkfs.ext4': [138_056, 'mke2fs'], 'sbin/mkfs.xfs': [425_352, 'mkfs.xfs'], 'usr/sbin/zfs': [201_736, 'zfs'], 'usr/bin/newuidmap': [39_208, 'newuidmap'] }, fill: [['usr/lib', ['libzfs.so.6', 'libzpool.so.6', 'libbtrfs.so.0', 'libext2fs.so.2', 'libxtables.so.12', 'libnftnl.so.11', 'libcrypto.so.3'], '', 16]] }, DOCKER_DEPS, ['ca-certificates', 'git', 'openssh-client']),
  'docker-28.3.2-iptables-legacy': () => apkLayer('docker-28.3.2-iptables-legacy', T_DIND, 650_000, DIND_DEPS.slice(-1), ['iptables-legacy'], {
    exe: { 'usr/sbin/iptables-legacy': [98_616, 'iptables'] },
    link: Object.fromEntries(['iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'ip6tables-save', 'ip6tables-restore'].map((f) => [`usr/local/sbin/.iptables-legacy/${f}`, `/usr/sbin/${f.replace('tables', 'tables-legacy')}`])),
    fill: [['usr/lib', ['libip4tc.so.2', 'libip6tc.so.2'], '', 2]] }, [...DOCKER_DEPS, ...DIND_DEPS.slice(0, -1)], ['btrfs-progs', 'ca-certificates', 'e2fsprogs', 'e2fsprogs-extra', 'git', 'ip6tables', 'iptables', 'openssh-client', 'openssl', 'pigz', 'shadow-uidmap', 'xfsprogs', 'xz', 'zfs']),
  'docker-28.3.2-dockremap': () => new Tree('docker-28.3.2-dockremap', T_DIND)
    .text('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\nuucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\ncron:x:16:16:cron:/var/spool/cron:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\ndockremap:x:100:101:Linux User,,,:/home/dockremap:/sbin/nologin\n')
    .text('etc/group', 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nshadow:x:42:\nwww-data:x:82:\nusers:x:100:games\ndockremap:x:101:dockremap\nnogroup:x:65533:\nnobody:x:65534:\ndocker:x:2375:\n')
    .text('etc/subuid', 'dockremap:165536:65536\n').text('etc/subgid', 'dockremap:165536:65536\n').dir('home/dockremap', { uid: 100, gid: 101, mode: 0o2755 }),
  'docker-28.3.2-dockerd': () => installTree('docker-28.3.2-dockerd', T_DIND, 160_200_000, { exe: { 'usr/local/bin/dockerd': [78_463_520, 'dockerd'], 'usr/local/bin/containerd': [39_329_976, 'containerd'], 'usr/local/bin/containerd-shim-runc-v2': [8_261_784, 'containerd-shim-runc-v2'], 'usr/local/bin/ctr': [19_243_232, 'ctr'], 'usr/local/bin/runc': [11_946_136, 'runc'], 'usr/local/bin/docker-init': [708_456, 'docker-init'], 'usr/local/bin/docker-proxy': [2_246_896, 'docker-proxy'] } }),
  // moby's hack/dind is a shell script; here it is a simulated program that does what the script does in a container (see worker/programs/apps/docker-image.ts).
  'docker-28.3.2-dind-script': () => new Tree('docker-28.3.2-dind-script', T_DIND).exe('usr/local/bin/dind', 3_024, 'dind'),
  'docker-28.3.2-dockerd-entrypoint': () => scriptTree('docker-28.3.2-dockerd-entrypoint', T_DIND, 'usr/local/bin/dockerd-entrypoint.sh', DOCKERD_ENTRYPOINT),
};
