/**
 * Layers of the service images (catalog-services.ts), by stable key. Each recipe puts
 * the files a learner looks for at their real paths (the servers and clients marked
 * with their simulated program, configuration files, entrypoint scripts, users and
 * data directories) and tops the layer up to the real layer's size with library and
 * data files (tree.ts). Sizes follow the real images' `docker images` SIZE.
 */
import { X, scriptTree } from './apps.ts';
import { bulkNames, debGroup, debPasswd } from './debian.ts';
import { statusWith } from './dpkg.ts';
import type { DebPkg } from './dpkg.ts';
import {
  HAPROXY_ENTRYPOINT, HTTPD_FOREGROUND, MARIADB_ENTRYPOINT, MARIADB_HEALTHCHECK, MEMCACHED_ENTRYPOINT, MYSQL_ENTRYPOINT, POSTGRES_ENSURE_INITDB,
  POSTGRES_ENTRYPOINT, RABBITMQ_DEFAULTS, RABBITMQ_ENTRYPOINT, REGISTRY_ENTRYPOINT, TRAEFIK_ENTRYPOINT, registryConfig,
} from './scripts-services.ts';
import { Tree, unix } from './tree.ts';

const LIBS = (...stems: string[]): string[] => bulkNames(stems, Math.max(24, stems.length * 6), '');

/** A layer with named executables (path → [size, program]), links and texts, topped up to `target` under `fill`. */
function install(key: string, mtime: number, target: number, exes: Record<string, [number, string]>, fill: Array<[string, string[], number]>, more?: (t: Tree) => void): Tree {
  const t = new Tree(key, mtime);
  for (const [path, [size, program]] of Object.entries(exes)) t.exe(path, size, program);
  more?.(t);
  // Each fill entry takes its share of what is left; the last one takes the rest.
  const left = target - t.bytes();
  fill.forEach(([dir, names, share], i) => {
    if (i === fill.length - 1) t.fillTo(target, dir, names);
    else t.spread(dir, names, Math.floor(left * share));
  });
  return t;
}

/** A user layer on Alpine (adduser rewrites the account files). */
function alpineUser(key: string, mtime: number, passwd: string, group: string): Tree {
  const t = new Tree(key, mtime);
  const P = ['root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin', 'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin', 'sync:x:5:0:sync:/sbin:/bin/sync', 'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown', 'halt:x:7:0:halt:/sbin:/sbin/halt', 'mail:x:8:12:mail:/var/mail:/sbin/nologin', 'news:x:9:13:news:/usr/lib/news:/sbin/nologin', 'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin', 'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin', 'ftp:x:21:21::/var/lib/ftp:/sbin/nologin', 'sshd:x:22:22:sshd:/dev/null:/sbin/nologin', 'games:x:35:35:games:/usr/games:/sbin/nologin', 'ntp:x:123:123:NTP:/var/empty:/sbin/nologin', 'guest:x:405:100:guest:/dev/null:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin'];
  const G = ['root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin', 'adm:x:4:root,daemon', 'tty:x:5:', 'disk:x:6:root', 'lp:x:7:lp', 'kmem:x:9:', 'wheel:x:10:root', 'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news', 'uucp:x:14:uucp', 'cron:x:16:cron', 'audio:x:18:', 'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:', 'tape:x:26:root', 'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:', 'shadow:x:42:', 'www-data:x:82:', 'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:', 'nobody:x:65534:'];
  const gname = group.split(':')[0]!;
  const groups = G.some((g) => g.startsWith(gname + ':')) ? G : [...G, group];
  t.text('etc/passwd', [...P, passwd, ''].join('\n')).text('etc/group', [...groups, ''].join('\n'));
  t.text('etc/shadow', `root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n${passwd.split(':')[0]}:!:20290:0:99999:7:::\n`, { mode: 0o640, gid: 42 });
  return t;
}

/**
 * A Debian/Ubuntu layer of `useradd --system`: the account files only (a system account
 * gets no lastlog/faillog records, so those files do not grow as for a login user).
 */
function debUser(key: string, mtime: number, passwd: string, group: string, ubuntu = false): Tree {
  const t = new Tree(key, mtime);
  const user = passwd.split(':')[0]!;
  t.text('etc/passwd', debPasswd(ubuntu, [passwd])).text('etc/group', debGroup(ubuntu, [group]));
  t.text('etc/shadow', `root:*:20000:0:99999:7:::\ndaemon:*:20000:0:99999:7:::\nbin:*:20000:0:99999:7:::\nnobody:*:20000:0:99999:7:::\n${user}:!:20290::::::\n`, { mode: 0o640, gid: 42 });
  t.text('etc/gshadow', `root:*::\ndaemon:*::\nbin:*::\nshadow:*::\nnogroup:*::\n${user}:!::\n`, { mode: 0o640, gid: 42 });
  return t;
}

const debs = (...specs: string[]): DebPkg[] => specs.map((s) => {
  const [name, version, section, ...desc] = s.split(' ') as [string, string, string, ...string[]];
  return { name, version, section, kb: 100 + name.length * 211, desc: desc.join(' ') };
});

/** An apt layer: the dpkg status with `pkgs`, programs in usr/bin, libraries filling up to `target`. */
function apt(key: string, mtime: number, target: number, pkgs: DebPkg[], programs: Record<string, [number, string]>, stems: string[], ubuntu = false): Tree {
  return install(key, mtime, target, programs, [['usr/share/doc', LIBS(...pkgs.map((p) => `${p.name}/copyright`)), 0.02], [X, LIBS(...stems.map((s) => `lib${s}.so.`)), 1]], (t) => {
    t.text('var/lib/dpkg/status', statusWith(ubuntu, pkgs));
    for (const p of pkgs) t.text(`var/lib/dpkg/info/${p.name}.list`, `/.\n/usr/share/doc/${p.name}\n`);
  });
}

const GOSU = (key: string, mtime: number, target: number): Tree => install(key, mtime, target, { 'usr/local/bin/gosu': [2_260_992, 'gosu'] }, [['usr/share/doc/gosu', ['LICENSE', 'README.md', 'SECURITY.md'], 1]]);

// ---- postgres ----

const T_PG17 = unix('2025-07-22T19:02:13Z');
const T_PG16 = unix('2025-07-22T18:55:40Z');
const T_PGA = unix('2025-07-16T01:44:29Z');

const PG_BINS = ['pg_dump', 'pg_dumpall', 'pg_restore', 'pg_basebackup', 'pg_upgrade', 'pg_controldata', 'pg_resetwal', 'pg_rewind', 'pg_checksums', 'pg_waldump', 'pg_receivewal', 'pg_recvlogical', 'pg_amcheck', 'pgbench', 'createdb', 'createuser', 'dropdb', 'dropuser', 'vacuumdb', 'reindexdb', 'clusterdb', 'pg_config', 'pg_archivecleanup', 'pg_test_fsync', 'pg_test_timing', 'postgres'];
const PG_CLIENT = new Set(['pg_dump', 'pg_dumpall', 'pg_restore', 'pg_basebackup', 'pg_isready', 'createdb', 'createuser', 'dropdb', 'dropuser', 'vacuumdb', 'reindexdb', 'clusterdb', 'pgbench', 'psql']);

const PG_CONF_SAMPLE = `# -----------------------------
# PostgreSQL configuration file
# -----------------------------
#
# This file consists of lines of the form:
#
#   name = value
#
# (The "=" is optional.)  Whitespace may be used.  Comments are introduced with
# "#" anywhere on a line.  The complete list of parameter names and allowed
# values can be found in the PostgreSQL documentation.

#------------------------------------------------------------------------------
# CONNECTIONS AND AUTHENTICATION
#------------------------------------------------------------------------------

# - Connection Settings -

listen_addresses = '*'
					# comma-separated list of addresses;
					# defaults to 'localhost'; use '*' for all
					# (change requires restart)
#port = 5432				# (change requires restart)
max_connections = 100			# (change requires restart)
`;

/** The postgresql-NN apt install (Debian): binaries under /usr/lib/postgresql/NN/bin, share data, LLVM for JIT. */
function pgDebianInstall(key: string, mtime: number, target: number, major: string, version: string): Tree {
  const bin = `usr/lib/postgresql/${major}/bin`;
  const exes: Record<string, [number, string]> = {
    [`${bin}/postgres`]: [9_926_456, 'postgres'], [`${bin}/initdb`]: [163_880, 'initdb'], [`${bin}/pg_ctl`]: [72_448, 'pg_ctl'],
    [`${bin}/psql`]: [715_192, 'psql'], [`${bin}/pg_isready`]: [39_608, 'pg_isready'],
  };
  PG_BINS.filter((b) => b !== 'postgres').forEach((b, i) => { exes[`${bin}/${b}`] = [60_000 + ((i * 7919) % 23) * 21_000, b]; });
  const pkgs = debs(`postgresql-${major} ${version} database The World's Most Advanced Open Source Relational Database`, `postgresql-client-${major} ${version} database front-end programs for PostgreSQL ${major}`,
    'postgresql-common 281.pgdg120+1 database PostgreSQL database-cluster manager', 'postgresql-client-common 281.pgdg120+1 database manager for multiple PostgreSQL client versions',
    `libpq5 ${version} libs PostgreSQL C client library`, 'libllvm14 1:14.0.6-12 libs Modular compiler and toolchain technologies, runtime library',
    'gnupg 2.2.40-1.1 utils GNU privacy guard - a free PGP replacement', 'less 590-2.1~deb12u2 text pager program similar to more', 'locales 2.36-9+deb12u10 localization GNU C Library: National Language (locale) data [support]',
    'libnss-wrapper 1.1.15-1 libs NSS module for testing', 'xz-utils 5.4.1-1 utils XZ-format compression utilities', 'zstd 1.5.4+dfsg2-5 utils fast lossless compression algorithm -- CLI tool');
  return install(key, mtime, target, exes, [
    [X, LIBS('libLLVM-14.so.', 'libz3.so.', 'libicui18n.so.72', 'libicuuc.so.72', 'libicudata.so.72', 'libxml2.so.2', 'libpq.so.5', 'libldap-2.5.so.', 'libkrb5.so.3', 'libgssapi_krb5.so.2'), 0.55],
    [`usr/lib/postgresql/${major}/lib`, LIBS('llvmjit.so', 'plpgsql.so', 'pgoutput.so', 'libpqwalreceiver.so', 'dict_snowball.so', 'pg_stat_statements.so', 'postgres_fdw.so', 'hstore.so', 'pgcrypto.so', 'bitcode/postgres/access/heap/heapam.bc'), 0.25],
    [`usr/share/postgresql/${major}`, LIBS('postgres.bki', 'information_schema.sql', 'system_views.sql', 'timezonesets/Default', 'tsearch_data/english.stop', 'extension/hstore--1.4.sql', 'extension/pgcrypto--1.3.sql', 'extension/plpgsql--1.0.sql'), 1],
  ], (t) => {
    t.text('var/lib/dpkg/status', statusWith(false, pkgs));
    // Debian's /usr/bin/psql is a link to postgresql-common's pg_wrapper (a perl script) that picks
    // the cluster's version; here it links straight to the version's psql.
    for (const c of PG_CLIENT) t.link(`usr/bin/${c}`, `../lib/postgresql/${major}/bin/${c}`);
    t.text(`usr/share/postgresql/${major}/postgresql.conf.sample`, PG_CONF_SAMPLE.replace("listen_addresses = '*'", "#listen_addresses = 'localhost'"));
    t.text(`usr/share/postgresql/${major}/pg_hba.conf.sample`, '# PostgreSQL Client Authentication Configuration File\n# ===================================================\n\n# TYPE  DATABASE        USER            ADDRESS                 METHOD\n\n@remove-line-for-nolocal@# "local" is for Unix domain socket connections only\n@remove-line-for-nolocal@local   all             all                                     @authmethodlocal@\n# IPv4 local connections:\nhost    all             all             127.0.0.1/32            @authmethodhost@\n');
    t.text('etc/postgresql-common/createcluster.conf', "# Default values for pg_createcluster(8)\n# Occurrences of '%v' are replaced by the major version number,\n# and '%c' by the cluster name. Use '%%' for a literal '%'.\n\n# Create a \"main\" cluster when a new postgresql-x.y server package is installed\ncreate_main_cluster = false\n\n# Default start.conf value, must be one of \"auto\", \"manual\", and \"disabled\".\n#start_conf = 'auto'\n");
    t.text('etc/apt/sources.list.d/pgdg.list', `deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main ${major}\n`);
    t.dir('var/lib/postgresql', { mode: 0o1777, uid: 999, gid: 999 });
  });
}

function pgDebianLayers(major: string, version: string, mtime: number, installSize: number): Record<string, () => Tree> {
  const p = `postgres-${major}`;
  return {
    [`${p}-user`]: () => debUser(`${p}-user`, mtime, 'postgres:x:999:999::/var/lib/postgresql:/bin/bash', 'postgres:x:999:').dir('var/lib/postgresql', { mode: 0o1777, uid: 999, gid: 999 }),
    [`${p}-gnupg`]: () => apt(`${p}-gnupg`, mtime, 9_600_000, debs('gnupg 2.2.40-1.1 utils GNU privacy guard - a free PGP replacement', 'less 590-2.1~deb12u2 text pager program similar to more'), { 'usr/bin/gpg': [1_139_720, 'gpg'], 'usr/bin/less': [180_064, 'less'], 'usr/bin/gpg-agent': [347_928, 'gpg-agent'], 'usr/bin/dirmngr': [543_456, 'dirmngr'] }, ['assuan', 'ksba', 'npth', 'gcrypt', 'sqlite3', 'readline', 'ldap-2.5', 'gnutls']),
    [`${p}-gosu`]: () => GOSU(`${p}-gosu`, mtime, 4_190_000),
    [`${p}-locales`]: () => install(`${p}-locales`, mtime, 24_400_000, { 'usr/sbin/locale-gen': [2_940, 'locale-gen'] }, [
      ['usr/lib/locale', ['locale-archive'], 0.13], ['usr/share/locale', LIBS('de/LC_MESSAGES/libc.mo', 'fr/LC_MESSAGES/libc.mo', 'es/LC_MESSAGES/libc.mo', 'ja/LC_MESSAGES/libc.mo'), 0.4],
      ['usr/share/i18n/locales', LIBS('en_US', 'de_DE', 'fr_FR', 'es_ES', 'ja_JP', 'zh_CN', 'ru_RU', 'i18n', 'iso14651_t1_common', 'translit_combining'), 1]], (t) => {
      t.text('etc/locale.gen', '# This file lists locales that you wish to have built. You can find a list\n# of valid supported locales at /usr/share/i18n/SUPPORTED, and you can add\n# user defined locales to /usr/local/share/i18n/SUPPORTED. If you change\n# this file, you need to rerun locale-gen.\n\n\nen_US.UTF-8 UTF-8\n');
      t.text('etc/dpkg/dpkg.cfg.d/docker', '# This is the "slim" variant of the Debian base image.\npath-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/groff/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/linda/*\npath-exclude /usr/share/lintian/overrides/*\npath-exclude /usr/share/man/*\n');
    }),
    [`${p}-nss`]: () => apt(`${p}-nss`, mtime, 1_230_000, debs('libnss-wrapper 1.1.15-1 libs NSS module for testing', 'xz-utils 5.4.1-1 utils XZ-format compression utilities', 'zstd 1.5.4+dfsg2-5 utils fast lossless compression algorithm -- CLI tool'), { 'usr/bin/xz': [84_816, 'xz'], 'usr/bin/zstd': [1_068_432, 'zstd'] }, ['nss_wrapper']),
    [`${p}-initdb-dir`]: () => new Tree(`${p}-initdb-dir`, mtime).dir('docker-entrypoint-initdb.d'),
    [`${p}-key`]: () => new Tree(`${p}-key`, mtime).blob('usr/local/share/keyrings/postgres.gpg.asc', 4_812),
    [`${p}-install`]: () => pgDebianInstall(`${p}-install`, mtime, installSize, major, version),
    [`${p}-conf`]: () => new Tree(`${p}-conf`, mtime).text('usr/share/postgresql/postgresql.conf.sample', PG_CONF_SAMPLE).text('usr/share/postgresql/postgresql.conf.sample.dpkg', PG_CONF_SAMPLE.replace("listen_addresses = '*'", "#listen_addresses = 'localhost'"))
      .link(`usr/share/postgresql/${major}/postgresql.conf.sample`, '../postgresql.conf.sample').text('var/lib/dpkg/diversions', `/usr/share/postgresql/${major}/postgresql.conf.sample\n/usr/share/postgresql/postgresql.conf.sample.dpkg\n:\n`),
    [`${p}-run`]: () => new Tree(`${p}-run`, mtime).dir('var/run/postgresql', { mode: 0o3777, uid: 999, gid: 999 }),
    [`${p}-pgdata`]: () => new Tree(`${p}-pgdata`, mtime).dir('var/lib/postgresql/data', { mode: 0o1777, uid: 999, gid: 999 }),
    [`${p}-entrypoint`]: () => pgScripts(`${p}-entrypoint`, mtime),
    [`${p}-enforce-link`]: () => new Tree(`${p}-enforce-link`, mtime).link('usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh'),
  };
}

function pgScripts(key: string, mtime: number, alpine = false): Tree {
  // The alpine variant's script is the same with gosu replaced by su-exec (as docker-library's templates generate it).
  return new Tree(key, mtime).text('usr/local/bin/docker-entrypoint.sh', alpine ? POSTGRES_ENTRYPOINT.replace('exec gosu postgres', 'exec su-exec postgres') : POSTGRES_ENTRYPOINT, { mode: 0o775 }).text('usr/local/bin/docker-ensure-initdb.sh', POSTGRES_ENSURE_INITDB, { mode: 0o775 });
}

/** postgres:17-alpine's build: everything under /usr/local, plus the run-time apk packages. */
function pgAlpineInstall(key: string, mtime: number, target: number): Tree {
  const exes: Record<string, [number, string]> = {
    'usr/local/bin/postgres': [10_183_528, 'postgres'], 'usr/local/bin/initdb': [170_312, 'initdb'], 'usr/local/bin/pg_ctl': [75_560, 'pg_ctl'],
    'usr/local/bin/psql': [731_808, 'psql'], 'usr/local/bin/pg_isready': [40_952, 'pg_isready'], 'bin/bash': [1_058_808, 'bash'], 'usr/bin/zstd': [1_018_680, 'zstd'], 'sbin/su-exec': [10_224, 'su-exec'],
  };
  PG_BINS.filter((b) => b !== 'postgres').forEach((b, i) => { exes[`usr/local/bin/${b}`] = [62_000 + ((i * 7919) % 23) * 21_000, b]; });
  return install(key, mtime, target, exes, [
    ['usr/lib', LIBS('libLLVM.so.19.1', 'libicudata.so.76', 'libicui18n.so.76', 'libicuuc.so.76', 'libxml2.so.2', 'libperl.so', 'libpython3.12.so.1.0', 'libtcl8.6.so', 'libkrb5.so.3', 'libldap.so.2'), 0.45],
    ['usr/local/lib/postgresql', LIBS('llvmjit.so', 'plpgsql.so', 'pgoutput.so', 'libpqwalreceiver.so', 'plperl.so', 'plpython3.so', 'pltcl.so', 'hstore.so', 'bitcode/postgres/access/heap/heapam.bc'), 0.15],
    ['usr/share/icu/76.1', LIBS('icudt76l.dat'), 0.3],
    ['usr/local/share/postgresql', LIBS('postgres.bki', 'information_schema.sql', 'system_views.sql', 'timezonesets/Default', 'tsearch_data/english.stop', 'extension/hstore--1.4.sql'), 1],
  ], (t) => {
    t.link('usr/local/bin/postmaster', 'postgres');
    t.text('usr/local/share/postgresql/postgresql.conf.sample', PG_CONF_SAMPLE.replace("listen_addresses = '*'", "#listen_addresses = 'localhost'"));
    t.spread('usr/share/zoneinfo', LIBS('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Etc/UTC', 'Australia/Sydney'), 1_900_000);
  });
}

// ---- Oracle Linux 9 slim (mysql's base) ----

/** oraclelinux:9-slim's rootfs: bash, coreutils-single, microdnf, rpm, glibc. */
function oracleSlimTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  t.link('bin', 'usr/bin').link('sbin', 'usr/sbin').link('lib', 'usr/lib').link('lib64', 'usr/lib64');
  for (const d of ['boot', 'dev', 'home', 'media', 'mnt', 'opt', 'proc', 'run', 'srv', 'sys', 'usr/local/bin', 'usr/local/lib', 'usr/local/sbin', 'var/cache', 'var/lib/rpm', 'var/log']) t.dir(d);
  t.dir('root', { mode: 0o550 }).dir('tmp', { mode: 0o1777 }).dir('var/tmp', { mode: 0o1777 });
  t.exe('usr/bin/bash', 1_389_064, 'bash').link('usr/bin/sh', 'bash');
  // coreutils-single: one multi-call binary; each name is its own program here.
  t.exe('usr/bin/coreutils', 1_411_912, 'coreutils');
  for (const c of 'arch base64 basename cat chgrp chmod chown cp cut date dd df dirname du echo env expand expr false fold head hostid id ln ls md5sum mkdir mktemp mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum sleep sort split stat tac tail tee touch tr true uname uniq unexpand wc whoami yes'.split(' ')) t.exe(`usr/bin/${c}`, 1_400 + c.length * 37, c);
  for (const [n, s] of [['grep', 163_712], ['sed', 119_080], ['gawk', 727_440], ['tar', 545_496], ['gzip', 99_800], ['microdnf', 96_312], ['rpm', 20_376], ['curl', 257_784], ['gpg', 1_178_816], ['hostname', 21_504], ['getent', 34_904]] as const) if (s) t.exe(`usr/bin/${n}`, s, n);
  t.link('usr/bin/awk', 'gawk');
  t.exe('usr/sbin/useradd', 141_488, 'useradd').exe('usr/sbin/groupadd', 92_352, 'groupadd').exe('usr/sbin/ldconfig', 1_032_352, 'ldconfig');
  t.blob('usr/lib64/libc.so.6', 2_584_568).blob('usr/lib64/ld-linux-x86-64.so.2', 857_416).blob('usr/lib64/libm.so.6', 917_488);
  t.text('etc/oracle-release', 'Oracle Linux Server release 9.6\n').text('etc/redhat-release', 'Red Hat Enterprise Linux release 9.6 (Plow)\n').link('etc/system-release', 'oracle-release');
  t.text('usr/lib/os-release', 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.6"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.6"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:6:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n\nORACLE_BUGZILLA_PRODUCT="Oracle Linux 9"\nORACLE_BUGZILLA_PRODUCT_VERSION=9.6\nORACLE_SUPPORT_PRODUCT="Oracle Linux"\nORACLE_SUPPORT_PRODUCT_VERSION=9.6\n').link('etc/os-release', '../usr/lib/os-release');
  t.text('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n');
  t.text('etc/group', 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\n');
  t.text('etc/yum.repos.d/oracle-linux-ol9.repo', '[ol9_baseos_latest]\nname=Oracle Linux 9 BaseOS Latest ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/baseos/latest/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n');
  t.blob('etc/pki/rpm-gpg/RPM-GPG-KEY-oracle', 1_760);
  const left = target - t.bytes();
  t.spread('usr/lib64', LIBS('libcrypto.so.3', 'libssl.so.3', 'libsolv.so.1', 'librpm.so.9', 'libdnf.so.2', 'libglib-2.0.so.0', 'libcurl.so.4', 'libsqlite3.so.0', 'libzstd.so.1', 'libstdc++.so.6', 'libgnutls.so.30', 'libp11-kit.so.0'), Math.floor(left * 0.55));
  t.spread('usr/share/zoneinfo', LIBS('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Etc/UTC'), Math.floor(left * 0.05));
  t.fillTo(target, 'var/lib/rpm', ['rpmdb.sqlite']);
  return t;
}

// ---- mysql ----

const T_MY84 = unix('2025-07-23T17:32:09Z');
const T_MY94 = unix('2025-07-23T17:40:51Z');

const MY_CNF = `# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/8.4/en/server-configuration-defaults.html

[mysqld]
#
# Remove leading # and set to the amount of RAM for the most important data
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.
# innodb_buffer_pool_size = 128M
#
# Remove leading # to turn on a very important data integrity option: logging
# changes to the binary log between backups.
# log_bin
#
# Remove leading # to set options mainly useful for reporting servers.
# The server defaults are faster for transactions and fast SELECTs.
# Adjust sizes as needed, experiment to find the optimal values.
# join_buffer_size = 128M
# sort_buffer_size = 2M
# read_rnd_buffer_size = 2M

host-cache-size=0
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;

function mysqlLayers(k: string, mtime: number, major: string, sizes: { server: number; shell: number }): Record<string, () => Tree> {
  const repo = (name: string, section: string, title: string, url: string): Tree => new Tree(name, mtime).text(`etc/yum.repos.d/${section}.repo`, `[${title}]\nname=${title === 'mysql-tools-community' ? 'MySQL Tools Community' : `MySQL ${major} Server Minimal`}\n${title === 'mysql-tools-community' ? `baseurl=${url}\nenabled=1\n` : `enabled=1\nbaseurl=${url}\n`}gpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n`);
  const series = major === 'innovation' ? 'innovation' : major;
  return {
    [`${k}-user`]: () => {
      const t = new Tree(`${k}-user`, mtime);
      t.text('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n');
      t.text('etc/group', 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\nmysql:x:999:\n');
      return t;
    },
    [`${k}-gosu`]: () => install(`${k}-gosu`, mtime, 2_260_992, { 'usr/local/bin/gosu': [2_260_992, 'gosu'] }, []),
    [`${k}-tools`]: () => install(`${k}-tools`, mtime, 14_300_000, { 'usr/bin/bzip2': [39_600, 'bzip2'], 'usr/bin/openssl': [1_021_864, 'openssl'], 'usr/bin/xz': [85_016, 'xz'], 'usr/bin/zstd': [955_640, 'zstd'], 'usr/bin/find': [278_640, 'find'], 'usr/bin/xargs': [69_880, 'xargs'] },
      [['usr/lib64', LIBS('libbz2.so.1', 'liblzma.so.5', 'libzstd.so.1', 'libssl.so.3', 'libcrypto.so.3'), 0.5], ['var/lib/rpm', ['rpmdb.sqlite', 'rpmdb.sqlite-shm'], 1]]),
    [`${k}-key`]: () => new Tree(`${k}-key`, mtime).blob('etc/pki/rpm-gpg/RPM-GPG-KEY-mysql', 3_143),
    [`${k}-repo`]: () => repo(`${k}-repo`, 'mysql-community-minimal', `mysql${major}-server-minimal`, `https://repo.mysql.com/yum/mysql-${major}-community/docker/el/9/$basearch/`),
    [`${k}-server`]: () => install(`${k}-server`, mtime, sizes.server, {
      'usr/sbin/mysqld': [Math.floor(sizes.server * 0.33), 'mysqld'], 'usr/bin/mysql': [8_213_744, 'mysql'], 'usr/bin/mysqladmin': [7_813_304, 'mysqladmin'], 'usr/bin/mysqldump': [7_918_488, 'mysqldump'],
      'usr/bin/mysql_tzinfo_to_sql': [7_604_216, 'mysql_tzinfo_to_sql'], 'usr/bin/mysqlcheck': [7_811_448, 'mysqlcheck'], 'usr/bin/mysqlimport': [7_807_816, 'mysqlimport'], 'usr/bin/mysqlshow': [7_806_344, 'mysqlshow'],
    }, [['usr/lib64/mysql/plugin', LIBS('component_validate_password.so', 'group_replication.so', 'keyring_file.so', 'mysql_clone.so', 'ha_example.so', 'auth_socket.so'), 0.5], ['usr/share/mysql-' + (major === 'innovation' ? '9.4' : major), LIBS('messages_to_error_log.txt', 'english/errmsg.sys', 'charsets/Index.xml', 'mysql_system_tables.sql'), 1]], (t) => {
      t.text('etc/my.cnf', MY_CNF.replace('8.4', major === 'innovation' ? '9.4' : major)).dir('etc/mysql/conf.d').dir('etc/my.cnf.d');
      t.dir('var/lib/mysql', { mode: 0o1777, uid: 999, gid: 999 }).dir('var/run/mysqld', { mode: 0o1777, uid: 999, gid: 999 }).dir('var/lib/mysql-files', { mode: 0o750, uid: 999, gid: 999 }).dir('docker-entrypoint-initdb.d');
    }),
    [`${k}-tools-repo`]: () => repo(`${k}-tools-repo`, 'mysql-community-tools', 'mysql-tools-community', `https://repo.mysql.com/yum/mysql-tools-${series}-community/el/9/$basearch/`),
    [`${k}-shell`]: () => install(`${k}-shell`, mtime, sizes.shell, { 'usr/bin/mysqlsh': [Math.floor(sizes.shell * 0.22), 'mysqlsh'] },
      [['usr/lib/mysqlsh', LIBS('libpython3.13.so.1.0', 'libantlr4-runtime.so.4.10', 'libprotobuf.so.24', 'libssh.so.4', 'libfido2.so.1'), 0.45], ['usr/lib/mysqlsh/lib/python3.13', LIBS('encodings/utf_8.py', 'json/decoder.py', 'email/parser.py', 'asyncio/events.py', 'ssl.py', 'typing.py'), 1]]),
    [`${k}-entrypoint`]: () => scriptTree(`${k}-entrypoint`, mtime, 'usr/local/bin/docker-entrypoint.sh', MYSQL_ENTRYPOINT),
  };
}

// ---- mariadb ----

const T_MDB118 = unix('2025-07-17T21:04:36Z');
const T_MDB114 = unix('2025-07-17T20:51:12Z');

function mariadbLayers(version: string, mtime: number, server: number): Record<string, () => Tree> {
  const k = `mariadb-${version}`;
  const pkg = `1:${version}+maria~ubu2404`;
  const base = debs('ca-certificates 20240203 misc Common CA certificates', 'gpg 2.4.4-2ubuntu17.3 utils GNU Privacy Guard -- minimalist public key operations', 'gpgv 2.4.4-2ubuntu17.3 utils GNU privacy guard - signature verification tool', 'libjemalloc2 5.3.0-2build1 libs general-purpose scalable concurrent malloc(3) implementation', 'pwgen 2.08-2build2 admin Automatic Password generation', 'tzdata 2025b-0ubuntu0.24.04.1 localization time zone and daylight-saving time data', 'xz-utils 5.6.1+really5.4.5-1ubuntu0.2 utils XZ-format compression utilities', 'zstd 1.5.5+dfsg2-2build1.1 utils fast lossless compression algorithm -- CLI tool');
  const srv = debs(`mariadb-server ${pkg} database MariaDB database server binaries`, `mariadb-client ${pkg} database MariaDB database client binaries`, `mariadb-server-core ${pkg} database MariaDB database core server files`, `mariadb-client-core ${pkg} database MariaDB database core client binaries`, `mariadb-common ${pkg} database MariaDB common configuration files`, `mariadb-backup ${pkg} database Backup tool for MariaDB server`, `libmariadb3 ${pkg} libs MariaDB database client library`, 'socat 1.8.0.0-4build3 net multipurpose relay for bidirectional data transfer', 'galera-4 26.4.22-ubu2404 database Replication framework for transactional applications');
  return {
    [`${k}-user`]: () => debUser(`${k}-user`, mtime, 'mysql:x:999:999::/var/lib/mysql:/bin/sh', 'mysql:x:999:', true),
    [`${k}-deps`]: () => apt(`${k}-deps`, mtime, 14_500_000, base, { 'usr/bin/gpg': [1_204_456, 'gpg'], 'usr/bin/gpgv': [322_432, 'gpgv'], 'usr/bin/pwgen': [31_360, 'pwgen'], 'usr/bin/xz': [84_816, 'xz'], 'usr/bin/zstd': [1_068_432, 'zstd'], 'usr/local/bin/gosu': [2_260_992, 'gosu'] }, ['jemalloc', 'assuan', 'gcrypt', 'npth'], true),
    [`${k}-initdb-dir`]: () => new Tree(`${k}-initdb-dir`, mtime).dir('docker-entrypoint-initdb.d'),
    [`${k}-repo`]: () => new Tree(`${k}-repo`, mtime).text('etc/apt/sources.list.d/mariadb.list', `deb https://archive.mariadb.org/mariadb-${version}/repo/ubuntu/ noble main main/debug\n`).text('etc/apt/preferences.d/mariadb', 'Package: *\nPin: release o=MariaDB\nPin-Priority: 999\n'),
    [`${k}-server`]: () => apt(`${k}-server`, mtime, server, [...base, ...srv], {
      'usr/sbin/mariadbd': [26_842_312, 'mariadbd'], 'usr/bin/mariadb': [4_531_872, 'mariadb'], 'usr/bin/mariadb-admin': [4_310_680, 'mariadb-admin'], 'usr/bin/mariadb-dump': [4_420_936, 'mariadb-dump'],
      'usr/bin/mariadb-install-db': [29_806, 'mariadb-install-db'], 'usr/bin/mariadb-backup': [22_138_104, 'mariadb-backup'], 'usr/bin/mariadb-tzinfo-to-sql': [4_196_464, 'mariadb-tzinfo-to-sql'], 'usr/bin/socat': [395_704, 'socat'],
    }, ['galera_smm', 'mariadb', 'aio', 'uring', 'snappy', 'lzo2', 'pcre2-8', 'perl5.38', 'socat'], true)
      .link('usr/sbin/mysqld', 'mariadbd').link('usr/bin/mysql', 'mariadb').link('usr/bin/mysqladmin', 'mariadb-admin').link('usr/bin/mysqldump', 'mariadb-dump').link('usr/bin/mysql_install_db', 'mariadb-install-db')
      .text('etc/mysql/mariadb.cnf', '# The MariaDB configuration file\n#\n# The MariaDB/MySQL tools read configuration files in the following order:\n# 0. "/etc/mysql/my.cnf" symlinks to this file, reason why all the rest is read.\n# 1. "/etc/mysql/mariadb.cnf" (this file) to set global defaults,\n# 2. "/etc/mysql/conf.d/*.cnf" to set global options.\n# 3. "/etc/mysql/mariadb.conf.d/*.cnf" to set MariaDB-only options.\n# 4. "~/.my.cnf" to set user-specific options.\n#\n# If the same option is defined multiple times, the last one will apply.\n#\n# One can use all long options that the program supports.\n# Run program with --help to get a list of available options and with\n# --print-defaults to see which it would actually understand and use.\n#\n# If you are new to MariaDB, check out https://mariadb.com/kb/en/basic-mariadb-articles/\n\n#\n# This group is read both by the client and the server\n# use it for options that affect everything\n#\n[client-server]\n# Port or socket location where to connect\n# port = 3306\nsocket = /run/mysqld/mysqld.sock\n\n# Import all .cnf files from configuration directory\n\n!includedir /etc/mysql/mariadb.conf.d/\n!includedir /etc/mysql/conf.d/\n')
      .link('etc/mysql/my.cnf', '/etc/alternatives/my.cnf').link('etc/alternatives/my.cnf', '/etc/mysql/mariadb.cnf')
      .text('etc/mysql/mariadb.conf.d/05-skipcache.cnf', '[mariadb]\nhost-cache-size=0\nskip-name-resolve\n')
      .text('etc/mysql/mariadb.conf.d/50-server.cnf', '#\n# These groups are read by MariaDB server.\n# Use it for options that only affect the server\n#\n[server]\n\n# this is only for the mysqld standalone daemon\n[mysqld]\n\n#\n# * Basic Settings\n#\n\n#user                    = mysql\npid-file                = /run/mysqld/mysqld.pid\nbasedir                 = /usr\n#datadir                 = /var/lib/mysql\n#tmpdir                  = /tmp\n\n# Broken reverse DNS slows down connections considerably and name resolve is\n# safe to skip if there are no "host by domain name" access grants\n#skip-name-resolve\n\n# Instead of skip-networking the default is now to listen only on\n# localhost which is more compatible and is not less secure.\n#bind-address            = 127.0.0.1\n')
      .dir('var/lib/mysql', { uid: 999, gid: 999 }).dir('run/mysqld', { mode: 0o1777, uid: 999, gid: 999 }),
    [`${k}-healthcheck`]: () => scriptTree(`${k}-healthcheck`, mtime, 'usr/local/bin/healthcheck.sh', MARIADB_HEALTHCHECK),
    [`${k}-entrypoint`]: () => scriptTree(`${k}-entrypoint`, mtime, 'usr/local/bin/docker-entrypoint.sh', MARIADB_ENTRYPOINT),
  };
}

// ---- memcached ----

const T_MC = unix('2025-07-29T00:21:44Z');
const T_MCA = unix('2025-07-29T00:14:02Z');

// ---- rabbitmq ----

const T_RMQ = unix('2025-07-24T09:27:11Z');
const T_RMQM = unix('2025-07-24T09:31:48Z');
const T_RMQA = unix('2025-07-24T09:12:20Z');

function erlangTree(key: string, mtime: number, target: number): Tree {
  return install(key, mtime, target, { 'opt/erlang/lib/erlang/erts-15.2.7.1/bin/beam.smp': [11_214_888, 'beam.smp'], 'opt/erlang/lib/erlang/erts-15.2.7.1/bin/erlexec': [61_064, 'erlexec'], 'opt/erlang/lib/erlang/erts-15.2.7.1/bin/epmd': [133_216, 'epmd'] },
    [['opt/erlang/lib/erlang/lib', LIBS('kernel-10.2.7/ebin/kernel.beam', 'stdlib-6.2.2/ebin/lists.beam', 'ssl-11.2.12/ebin/ssl.beam', 'crypto-5.5.3/priv/lib/crypto.so', 'mnesia-4.23.5/ebin/mnesia.beam', 'public_key-1.17.1/ebin/public_key.beam', 'inets-9.3.2/ebin/httpd.beam', 'os_mon-2.10.1/ebin/memsup.beam', 'asn1-5.3.4/ebin/asn1ct.beam', 'xmerl-2.1.2/ebin/xmerl.beam'), 1]], (t) => {
      for (const b of ['erl', 'erlc', 'escript', 'epmd', 'run_erl', 'to_erl', 'ct_run', 'dialyzer', 'typer']) t.link(`opt/erlang/bin/${b}`, `../lib/erlang/bin/${b}`);
      t.exe('opt/erlang/lib/erlang/bin/erl', 1_337, 'erl').exe('opt/erlang/lib/erlang/bin/escript', 79_584, 'escript');
      t.text('opt/erlang/lib/erlang/releases/27/OTP_VERSION', '27.3.4.1\n');
    });
}

function opensslTree(key: string, mtime: number, target: number): Tree {
  return install(key, mtime, target, { 'opt/openssl/bin/openssl': [1_137_304, 'openssl'] }, [['opt/openssl/lib64', LIBS('libcrypto.so.3', 'libssl.so.3', 'ossl-modules/fips.so', 'engines-3/afalg.so'), 1]], (t) => {
    t.link('opt/openssl/lib', 'lib64').text('opt/openssl/ssl/openssl.cnf', '#\n# OpenSSL example configuration file.\n# See doc/man5/config.pod for more info.\n#\nopenssl_conf = openssl_init\n\n[openssl_init]\nproviders = provider_sect\n\n[provider_sect]\ndefault = default_sect\n\n[default_sect]\nactivate = 1\n');
  });
}

function rabbitmqTree(key: string, mtime: number, target: number): Tree {
  return install(key, mtime, target, {
    'opt/rabbitmq/sbin/rabbitmq-server': [1_934, 'rabbitmq-server'], 'opt/rabbitmq/sbin/rabbitmqctl': [1_402, 'rabbitmqctl'], 'opt/rabbitmq/sbin/rabbitmq-plugins': [1_404, 'rabbitmq-plugins'],
    'opt/rabbitmq/sbin/rabbitmq-diagnostics': [1_410, 'rabbitmq-diagnostics'], 'opt/rabbitmq/sbin/rabbitmq-queues': [1_403, 'rabbitmq-queues'], 'opt/rabbitmq/sbin/rabbitmq-upgrade': [1_404, 'rabbitmq-upgrade'],
  }, [['opt/rabbitmq/plugins', LIBS('rabbit-4.1.2/ebin/rabbit.beam', 'rabbit_common-4.1.2/ebin/rabbit_misc.beam', 'rabbitmq_management-4.1.2/priv/www/js/main.js', 'rabbitmq_prometheus-4.1.2/ebin/prometheus_rabbitmq_core_metrics_collector.beam', 'ra-2.16.11/ebin/ra_server.beam', 'khepri-0.16.0/ebin/khepri.beam', 'ranch-2.2.0/ebin/ranch.beam', 'cowboy-2.13.0/ebin/cowboy_req.beam', 'amqp10_common-4.1.2/ebin/amqp10_framing.beam', 'rabbitmq_cli-4.1.2/escript/rabbitmqctl'), 1]], (t) => {
    t.exe('opt/rabbitmq/sbin/rabbitmq-defaults', 1_187, 'sh-script').exe('opt/rabbitmq/sbin/rabbitmq-env', 13_820, 'sh-script');
    for (const [d, m] of [['var/lib/rabbitmq', 0o1777], ['etc/rabbitmq', 0o1777]] as const) t.dir(d, { mode: m, uid: 999, gid: 999 });
  });
}

// ---- httpd ----

const T_HTTPD = unix('2025-07-23T21:05:54Z');
const T_HTTPDA = unix('2025-07-23T21:01:17Z');

const HTTPD_CONF = `#
# This is the main Apache HTTP server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See <URL:http://httpd.apache.org/docs/2.4/> for detailed information.
#
ServerRoot "/usr/local/apache2"

Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

#ServerName www.example.com:80

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
    CustomLog /proc/self/fd/1 common
</IfModule>
`;

function httpdTree(key: string, mtime: number, target: number, alpine: boolean): Tree {
  const p = 'usr/local/apache2';
  return install(key, mtime, target, { [`${p}/bin/httpd`]: [alpine ? 1_203_984 : 1_455_848, 'httpd'], [`${p}/bin/ab`]: [97_456, 'ab'], [`${p}/bin/htpasswd`]: [48_336, 'htpasswd'], [`${p}/bin/rotatelogs`]: [35_584, 'rotatelogs'] }, [
    [`${p}/modules`, LIBS('mod_mpm_event.so', 'mod_ssl.so', 'mod_proxy.so', 'mod_proxy_http.so', 'mod_rewrite.so', 'mod_lua.so', 'mod_http2.so', 'mod_brotli.so', 'mod_md.so', 'mod_security2.so', 'mod_authz_core.so', 'mod_mime.so', 'mod_dir.so', 'mod_log_config.so', 'mod_unixd.so'), 0.3],
    [`${p}/include`, LIBS('httpd.h', 'http_config.h', 'apr.h', 'apr_pools.h', 'ap_config.h'), 0.02],
    [alpine ? 'usr/lib' : X, LIBS('libapr-1.so.0', 'libaprutil-1.so.0', 'libperl.so.5.36', 'libxml2.so.2', 'libcurl.so.4', 'libnghttp2.so.14', 'libbrotlienc.so.1', 'liblua5.2.so.0', 'libjansson.so.4', 'libpcre2-8.so.0'), 0.6],
    [alpine ? 'usr/share/perl5/core_perl' : 'usr/share/perl/5.36', LIBS('Config.pm', 'strict.pm', 'warnings.pm', 'Exporter.pm', 'File/Spec.pm', 'Carp.pm'), 1],
  ], (t) => {
    t.text(`${p}/conf/httpd.conf`, HTTPD_CONF).text(`${p}/htdocs/index.html`, '<html><body><h1>It works!</h1></body></html>\n');
    t.text(`${p}/conf/mime.types`, '# This file maps Internet media types to unique file extension(s).\ntext/html\t\t\t\t\thtml htm\ntext/css\t\t\t\t\tcss\napplication/javascript\t\t\t\tjs\nimage/png\t\t\t\t\tpng\n');
    for (const x of ['httpd-ssl.conf', 'httpd-vhosts.conf', 'httpd-default.conf', 'httpd-mpm.conf']) t.text(`${p}/conf/extra/${x}`, `#\n# ${x}: see <URL:http://httpd.apache.org/docs/2.4/>\n#\n`);
    t.dir(`${p}/logs`).dir(`${p}/cgi-bin`).dir(`${p}/error`).dir(`${p}/icons`);
  });
}

// ---- traefik, haproxy, registry ----

const T_TRAEFIK = unix('2025-07-15T15:44:50Z');
const T_HAPROXY = unix('2025-07-10T01:28:40Z');
const T_REG3 = unix('2025-07-15T19:12:03Z');
const T_REG28 = unix('2025-07-15T19:08:31Z');

/** Layer key → builder, registered into LAYERS by layers.ts. */
export const SERVICE_LAYERS: Record<string, () => Tree> = {
  'oraclelinux-9-slim-20250716': () => oracleSlimTree('oraclelinux-9-slim-20250716', unix('2025-07-16T20:05:31Z'), 114_400_000),

  ...pgDebianLayers('17', '17.5-1.pgdg120+1', T_PG17, 323_390_000),
  ...pgDebianLayers('16', '16.9-1.pgdg120+1', T_PG16, 317_390_000),
  'postgres-17-alpine-user': () => alpineUser('postgres-17-alpine-user', T_PGA, 'postgres:x:70:70::/var/lib/postgresql:/bin/sh', 'postgres:x:70:postgres').dir('var/lib/postgresql', { mode: 0o3777, uid: 70, gid: 70 }),
  'postgres-17-alpine-initdb-dir': () => new Tree('postgres-17-alpine-initdb-dir', T_PGA).dir('docker-entrypoint-initdb.d'),
  'postgres-17.5-alpine-install': () => pgAlpineInstall('postgres-17.5-alpine-install', T_PGA, 270_100_000),
  'postgres-17-alpine-conf': () => new Tree('postgres-17-alpine-conf', T_PGA).text('usr/local/share/postgresql/postgresql.conf.sample', PG_CONF_SAMPLE).text('usr/local/share/postgresql/postgresql.conf.sample.orig', PG_CONF_SAMPLE.replace("listen_addresses = '*'", "#listen_addresses = 'localhost'")),
  'postgres-17-alpine-run': () => new Tree('postgres-17-alpine-run', T_PGA).dir('var/run/postgresql', { mode: 0o3777, uid: 70, gid: 70 }),
  'postgres-17-alpine-pgdata': () => new Tree('postgres-17-alpine-pgdata', T_PGA).dir('var/lib/postgresql/data', { mode: 0o1777, uid: 70, gid: 70 }),
  'postgres-17-alpine-entrypoint': () => pgScripts('postgres-17-alpine-entrypoint', T_PGA, true),
  'postgres-17-alpine-enforce-link': () => new Tree('postgres-17-alpine-enforce-link', T_PGA).link('usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh'),

  ...mysqlLayers('mysql-8.4.6', T_MY84, '8.4', { server: 286_000_000, shell: 185_700_000 }),
  ...mysqlLayers('mysql-9.4.0', T_MY94, 'innovation', { server: 310_000_000, shell: 355_700_000 }),

  ...mariadbLayers('11.8.2', T_MDB118, 237_000_000),
  ...mariadbLayers('11.4.7', T_MDB114, 234_000_000),

  'memcached-1.6-user': () => debUser('memcached-1.6-user', T_MC, 'memcache:x:11211:11211::/home/memcache:/bin/sh', 'memcache:x:11211:'),
  'memcached-1.6-sasl': () => apt('memcached-1.6-sasl', T_MC, 610_000, debs('libsasl2-modules 2.1.28+dfsg-10 libs Cyrus SASL - pluggable authentication modules'), {}, ['sasl2/libplain', 'sasl2/liblogin', 'sasl2/libanonymous', 'sasl2/libntlm']),
  'memcached-1.6.39': () => apt('memcached-1.6.39', T_MC, 11_580_000, debs('libevent-2.1-7 2.1.12-stable-8 libs Asynchronous event notification library', 'libssl3 3.0.16-1~deb12u1 libs Secure Sockets Layer toolkit - shared libraries', 'libsasl2-2 2.1.28+dfsg-10 libs Cyrus SASL - authentication abstraction library'), { 'usr/local/bin/memcached': [1_071_632, 'memcached'] }, ['event-2.1', 'event_core-2.1', 'event_openssl-2.1', 'ssl', 'crypto', 'sasl2']).text('usr/local/include/memcached/protocol_binary.h', '/* memcached binary protocol */\n'),
  'memcached-1.6-entrypoint': () => scriptTree('memcached-1.6-entrypoint', T_MC, 'usr/local/bin/docker-entrypoint.sh', MEMCACHED_ENTRYPOINT),
  'memcached-1.6-compat-link': () => new Tree('memcached-1.6-compat-link', T_MC).link('entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh'),
  'memcached-1.6-alpine-user': () => alpineUser('memcached-1.6-alpine-user', T_MCA, 'memcache:x:11211:11211:Linux User,,,:/home/memcache:/sbin/nologin', 'memcache:x:11211:memcache').dir('home/memcache', { uid: 11211, gid: 11211 }),
  'memcached-1.6-alpine-sasl': () => install('memcached-1.6-alpine-sasl', T_MCA, 254_000, {}, [['usr/lib', LIBS('libsasl2.so.3', 'sasl2/libplain.so'), 1]]),
  'memcached-1.6.39-alpine': () => install('memcached-1.6.39-alpine', T_MCA, 3_210_000, { 'usr/local/bin/memcached': [1_012_248, 'memcached'] }, [['usr/lib', LIBS('libevent-2.1.so.7', 'libevent_openssl-2.1.so.7', 'libssl.so.3'), 1]]),
  'memcached-1.6-alpine-entrypoint': () => scriptTree('memcached-1.6-alpine-entrypoint', T_MCA, 'usr/local/bin/docker-entrypoint.sh', MEMCACHED_ENTRYPOINT),
  'memcached-1.6-alpine-compat-link': () => new Tree('memcached-1.6-alpine-compat-link', T_MCA).link('entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh'),

  'rabbitmq-4.1-erlang-27.3.4.1': () => erlangTree('rabbitmq-4.1-erlang-27.3.4.1', T_RMQ, 95_000_000),
  'rabbitmq-4.1-openssl-3.3.4': () => opensslTree('rabbitmq-4.1-openssl-3.3.4', T_RMQ, 8_500_000),
  'rabbitmq-4.1-runtime': () => apt('rabbitmq-4.1-runtime', T_RMQ, 5_000_000, debs('gosu 1.17-1ubuntu0.24.04.2 admin Simple Go-based setuid+setgid+setgroups+exec', 'libncurses6 6.4+20240113-1ubuntu2 libs shared libraries for terminal handling', 'procps 2:4.0.4-4ubuntu3.2 admin /proc file system utilities', 'tzdata 2025b-0ubuntu0.24.04.1 localization time zone and daylight-saving time data'), { 'usr/sbin/gosu': [2_383_608, 'gosu'], 'usr/bin/ps': [137_688, 'ps'], 'usr/bin/top': [137_240, 'top'] }, ['ncurses', 'procps'], true),
  'rabbitmq-4.1-user': () => debUser('rabbitmq-4.1-user', T_RMQ, 'rabbitmq:x:999:999::/var/lib/rabbitmq:/bin/sh', 'rabbitmq:x:999:', true).dir('var/lib/rabbitmq', { mode: 0o1777, uid: 999, gid: 999 }).dir('etc/rabbitmq/conf.d', { mode: 0o1777, uid: 999, gid: 999 }).dir('tmp/rabbitmq-ssl', { mode: 0o1777, uid: 999, gid: 999 }).dir('var/log/rabbitmq', { mode: 0o1777, uid: 999, gid: 999 }).link('root/.erlang.cookie', '/var/lib/rabbitmq/.erlang.cookie'),
  'rabbitmq-4.1.2': () => rabbitmqTree('rabbitmq-4.1.2', T_RMQ, 63_050_000),
  'rabbitmq-4.1-prometheus': () => new Tree('rabbitmq-4.1-prometheus', T_RMQ).text('etc/rabbitmq/enabled_plugins', '[rabbitmq_prometheus].', { uid: 999, gid: 999 }),
  'rabbitmq-4.1-plugins-link': () => new Tree('rabbitmq-4.1-plugins-link', T_RMQ).link('plugins', '/opt/rabbitmq/plugins'),
  'rabbitmq-4.1-conf': () => new Tree('rabbitmq-4.1-conf', T_RMQ).text('etc/rabbitmq/conf.d/10-defaults.conf', RABBITMQ_DEFAULTS, { uid: 999, gid: 999 }).text('etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf', 'management_agent.disable_metrics_collector = true\n', { uid: 999, gid: 999 }),
  'rabbitmq-4.1-entrypoint': () => scriptTree('rabbitmq-4.1-entrypoint', T_RMQ, 'usr/local/bin/docker-entrypoint.sh', RABBITMQ_ENTRYPOINT),
  'rabbitmq-4.1.2-management': () => apt('rabbitmq-4.1.2-management', T_RMQM, 25_000_000, debs('python3 3.12.3-0ubuntu2 python interactive high-level object-oriented language (default python3 version)', 'python3.12 3.12.3-1ubuntu0.7 python Interactive high-level object-oriented language (version 3.12)', 'libpython3.12-stdlib 3.12.3-1ubuntu0.7 python Interactive high-level object-oriented language (standard library, version 3.12)'), { 'usr/bin/python3.12': [8_019_136, 'python3'], 'usr/local/bin/rabbitmqadmin': [43_120, 'rabbitmqadmin'] }, ['python3.12', 'expat', 'mpdec', 'sqlite3'], true)
    .link('usr/bin/python3', 'python3.12').text('etc/rabbitmq/enabled_plugins', '[rabbitmq_management,rabbitmq_prometheus].', { uid: 999, gid: 999 }),
  'rabbitmq-4.1-alpine-runtime': () => install('rabbitmq-4.1-alpine-runtime', T_RMQA, 4_500_000, { 'bin/bash': [1_058_808, 'bash'], 'sbin/su-exec': [10_224, 'su-exec'], 'bin/ps': [137_688, 'ps'] }, [['usr/share/zoneinfo', LIBS('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Etc/UTC'), 0.5], ['usr/lib', LIBS('libncursesw.so.6', 'libreadline.so.8', 'libprocps.so.8'), 1]]),
  'rabbitmq-4.1-alpine-erlang-27.3.4.1': () => erlangTree('rabbitmq-4.1-alpine-erlang-27.3.4.1', T_RMQA, 88_000_000),
  'rabbitmq-4.1-alpine-openssl-3.3.4': () => opensslTree('rabbitmq-4.1-alpine-openssl-3.3.4', T_RMQA, 8_500_000),
  'rabbitmq-4.1-alpine-user': () => alpineUser('rabbitmq-4.1-alpine-user', T_RMQA, 'rabbitmq:x:100:101:Linux User,,,:/var/lib/rabbitmq:/sbin/nologin', 'rabbitmq:x:101:rabbitmq').dir('var/lib/rabbitmq', { mode: 0o1777, uid: 100, gid: 101 }).dir('etc/rabbitmq/conf.d', { mode: 0o1777, uid: 100, gid: 101 }).link('root/.erlang.cookie', '/var/lib/rabbitmq/.erlang.cookie'),
  'rabbitmq-4.1.2-alpine': () => rabbitmqTree('rabbitmq-4.1.2-alpine', T_RMQA, 63_050_000),
  'rabbitmq-4.1-alpine-prometheus': () => new Tree('rabbitmq-4.1-alpine-prometheus', T_RMQA).text('etc/rabbitmq/enabled_plugins', '[rabbitmq_prometheus].', { uid: 100, gid: 101 }),
  'rabbitmq-4.1-alpine-plugins-link': () => new Tree('rabbitmq-4.1-alpine-plugins-link', T_RMQA).link('plugins', '/opt/rabbitmq/plugins'),
  'rabbitmq-4.1-alpine-conf': () => new Tree('rabbitmq-4.1-alpine-conf', T_RMQA).text('etc/rabbitmq/conf.d/10-defaults.conf', RABBITMQ_DEFAULTS, { uid: 100, gid: 101 }).text('etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf', 'management_agent.disable_metrics_collector = true\n', { uid: 100, gid: 101 }),
  'rabbitmq-4.1-alpine-entrypoint': () => scriptTree('rabbitmq-4.1-alpine-entrypoint', T_RMQA, 'usr/local/bin/docker-entrypoint.sh', RABBITMQ_ENTRYPOINT.replace('exec gosu rabbitmq', 'exec su-exec rabbitmq')),

  'httpd-2.4-prefix': () => new Tree('httpd-2.4-prefix', T_HTTPD).dir('usr/local/apache2', { uid: 33, gid: 33 }),
  'httpd-2.4-deps': () => apt('httpd-2.4-deps', T_HTTPD, 5_200_000, debs('ca-certificates 20230311+deb12u1 misc Common CA certificates', 'libaprutil1-ldap 1.6.3-1 libs Apache Portable Runtime Utility Library - LDAP Driver', 'libldap-common 2.5.13+dfsg-5 libs OpenLDAP common files for libraries', 'libapr1 1.7.2-3+deb12u1 libs Apache Portable Runtime Library', 'libaprutil1 1.6.3-1 libs Apache Portable Runtime Utility Library'), { 'usr/bin/openssl': [1_004_952, 'openssl'] }, ['apr-1', 'aprutil-1', 'ldap-2.5', 'lber-2.5', 'sasl2', 'ssl', 'crypto']),
  'httpd-2.4.65': () => httpdTree('httpd-2.4.65', T_HTTPD, 67_990_000, false),
  'httpd-2.4-foreground': () => scriptTree('httpd-2.4-foreground', T_HTTPD, 'usr/local/bin/httpd-foreground', HTTPD_FOREGROUND),
  'httpd-2.4-alpine-user': () => alpineUser('httpd-2.4-alpine-user', T_HTTPDA, 'www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin', 'www-data:x:82:www-data').dir('home/www-data', { uid: 82, gid: 82 }),
  'httpd-2.4-alpine-prefix': () => new Tree('httpd-2.4-alpine-prefix', T_HTTPDA).dir('usr/local/apache2', { uid: 82, gid: 82 }),
  'httpd-2.4.65-alpine': () => httpdTree('httpd-2.4.65-alpine', T_HTTPDA, 55_160_000, true),
  'httpd-2.4-alpine-foreground': () => scriptTree('httpd-2.4-alpine-foreground', T_HTTPDA, 'usr/local/bin/httpd-foreground', HTTPD_FOREGROUND),

  'traefik-3.4-certs': () => install('traefik-3.4-certs', T_TRAEFIK, 1_900_000, {}, [['usr/share/zoneinfo', LIBS('Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Etc/UTC', 'Australia/Sydney', 'right/Europe/Berlin'), 0.85], ['usr/share/ca-certificates/mozilla', LIBS('ISRG_Root_X1.crt', 'DigiCert_Global_Root_CA.crt', 'Amazon_Root_CA_1.crt'), 1]], (t) => {
    t.blob('etc/ssl/certs/ca-certificates.crt', 219_342);
  }),
  'traefik-3.4.4': () => new Tree('traefik-3.4.4', T_TRAEFIK).exe('usr/local/bin/traefik', 214_270_000, 'traefik'),
  'traefik-3.4-entrypoint': () => scriptTree('traefik-3.4-entrypoint', T_TRAEFIK, 'entrypoint.sh', TRAEFIK_ENTRYPOINT),

  'haproxy-3.2-certs': () => apt('haproxy-3.2-certs', T_HAPROXY, 2_400_000, debs('ca-certificates 20230311+deb12u1 misc Common CA certificates', 'openssl 3.0.16-1~deb12u1 utils Secure Sockets Layer toolkit - cryptographic utility'), { 'usr/bin/openssl': [1_004_952, 'openssl'] }, ['ssl', 'crypto']),
  'haproxy-3.2-user': () => debUser('haproxy-3.2-user', T_HAPROXY, 'haproxy:x:99:99::/var/lib/haproxy:/usr/sbin/nologin', 'haproxy:x:99:').dir('var/lib/haproxy', { uid: 99, gid: 99 }),
  'haproxy-3.2.3': () => apt('haproxy-3.2.3', T_HAPROXY, 42_780_000, debs('liblua5.4-0 5.4.4-3+deb12u1 libs Shared library for the Lua interpreter version 5.4', 'libpcre2-8-0 10.42-1 libs New Perl Compatible Regular Expression Library- 8 bit runtime files'), { 'usr/local/sbin/haproxy': [8_219_712, 'haproxy'] }, ['lua5.4', 'pcre2-8', 'ssl', 'crypto']).dir('usr/local/etc/haproxy')
    .spread('usr/local/etc/haproxy/errors', ['400.http', '403.http', '408.http', '500.http', '502.http', '503.http', '504.http', 'README'], 4_096),
  'haproxy-3.2-entrypoint': () => scriptTree('haproxy-3.2-entrypoint', T_HAPROXY, 'usr/local/bin/docker-entrypoint.sh', HAPROXY_ENTRYPOINT),

  'registry-3.0.0-certs': () => install('registry-3.0.0-certs', T_REG3, 690_000, {}, [['usr/share/ca-certificates/mozilla', LIBS('ISRG_Root_X1.crt', 'DigiCert_Global_Root_CA.crt', 'Amazon_Root_CA_1.crt', 'GlobalSign_Root_CA.crt'), 1]], (t) => { t.blob('etc/ssl/certs/ca-certificates.crt', 219_342); }),
  'registry-3.0.0-bin': () => new Tree('registry-3.0.0-bin', T_REG3).exe('bin/registry', 48_480_000, 'registry'),
  'registry-3.0.0-config': () => new Tree('registry-3.0.0-config', T_REG3).text('etc/distribution/config.yml', registryConfig(true)),
  'registry-3.0.0-entrypoint': () => scriptTree('registry-3.0.0-entrypoint', T_REG3, 'entrypoint.sh', REGISTRY_ENTRYPOINT),
  'registry-2.8.3-certs': () => install('registry-2.8.3-certs', T_REG28, 690_000, {}, [['usr/share/ca-certificates/mozilla', LIBS('ISRG_Root_X1.crt', 'DigiCert_Global_Root_CA.crt', 'Amazon_Root_CA_1.crt', 'GlobalSign_Root_CA.crt'), 1]], (t) => { t.blob('etc/ssl/certs/ca-certificates.crt', 219_342); }),
  'registry-2.8.3-bin': () => new Tree('registry-2.8.3-bin', T_REG28).exe('bin/registry', 16_900_000, 'registry'),
  'registry-2.8.3-config': () => new Tree('registry-2.8.3-config', T_REG28).text('etc/docker/registry/config.yml', registryConfig(false)),
  'registry-2.8.3-entrypoint': () => scriptTree('registry-2.8.3-entrypoint', T_REG28, 'entrypoint.sh', REGISTRY_ENTRYPOINT),
};
