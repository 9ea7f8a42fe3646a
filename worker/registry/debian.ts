/**
 * File trees of Debian and Ubuntu base images (debuerreotype / Ubuntu cloud rootfs):
 * merged /usr (bin → usr/bin …) where the release has it, the essential packages'
 * programs and libraries, /etc/os-release and friends, and the dpkg database
 * (/var/lib/dpkg/status, info/*.list) describing exactly the files present.
 * Slim variants drop documentation, man pages and locales, as debian:*-slim does.
 */
import { basePackages, dpkgStatus } from './dpkg.ts';
import type { DebPkg } from './dpkg.ts';
import { fakeHex, Tree } from './tree.ts';

/** What distinguishes one Debian-family base image. */
export interface DebRelease {
  ubuntu: boolean;
  /** VERSION_ID, e.g. '12' or '24.04'. */
  versionId: string;
  /** PRETTY_NAME, e.g. 'Debian GNU/Linux 12 (bookworm)'. */
  pretty: string;
  codename: string;
  /** /etc/debian_version content ('12.11', 'trixie/sid', 'buster/sid'). */
  debianVersion: string;
  mergedUsr: boolean;
  slim: boolean;
}

/** Programs kept in /bin (not /usr/bin) on releases without merged /usr. */
const ROOT_BIN = new Set('bash dash cat chgrp chmod chown cp date dd df dir echo false grep egrep fgrep gzip gunzip zcat hostname ln login ls mkdir mknod mktemp more mount mv pidof pwd readlink rm rmdir run-parts sed sleep stty su sync tar tempfile touch true umount uname vdir which'.split(' '));

function copyright(p: DebPkg): string {
  return `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${p.name}\nSource: https://sources.debian.org/src/${p.name}/\n\nFiles: *\nCopyright: 1990-2023 The ${p.name} authors\nLicense: GPL-2+\n\nFiles: debian/*\nCopyright: 2000-2023 Debian maintainers of ${p.name}\nLicense: GPL-2+\n\nLicense: GPL-2+\n This program is free software; you can redistribute it and/or modify\n it under the terms of the GNU General Public License as published by\n the Free Software Foundation; either version 2 of the License, or\n (at your option) any later version.\n .\n On Debian systems, the complete text of the GNU General Public License\n version 2 can be found in "/usr/share/common-licenses/GPL-2".\n`;
}

const VARIANTS = ['core', 'common', 'data', 'util', 'extra', 'compat', 'plugins', 'tools', 'base', 'ext', 'helpers', 'legacy', 'runtime', 'support', 'impl', 'private'];

/**
 * Names for bulk files: the given names first, then variants that keep them plausible
 * (`libX11.so.6` → `libX11-core.so.6`, `email/parser.py` → `email/parser_util.py`).
 */
export function bulkNames(prefixes: readonly string[], count: number, ext: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const p = prefixes[i % prefixes.length]!;
    const k = Math.floor(i / prefixes.length);
    if (k === 0) { out.push(p + ext); continue; }
    const v = VARIANTS[(k - 1) % VARIANTS.length]! + (k > VARIANTS.length ? String(Math.floor((k - 1) / VARIANTS.length)) : '');
    const slash = p.lastIndexOf('/');
    const dot = p.indexOf('.', slash + 1);
    const sep = ext === '.py' || ext === '.h' || ext === '.pm' ? '_' : '-';
    out.push(dot > slash + 1 ? `${p.slice(0, dot)}${sep}${v}${p.slice(dot)}${ext}` : `${p}${sep}${v}${ext}`);
  }
  return out;
}

const GCONV = ['IBM037', 'IBM1047', 'ISO8859-1', 'ISO8859-15', 'ISO-2022-JP', 'EUC-KR', 'EUC-JP', 'BIG5', 'GBK', 'UTF-16', 'UTF-32', 'KOI8-R', 'CP1251', 'CP1252', 'SJIS', 'TCVN5712-1', 'ARMSCII-8', 'GEORGIAN-PS'];
const ZONES = ['Africa/Abidjan', 'Africa/Cairo', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Shanghai', 'Australia/Sydney', 'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Madrid', 'Pacific/Auckland', 'Etc/UTC', 'Etc/GMT'];
const PERL = ['strict', 'warnings', 'Carp', 'Exporter', 'File/Spec', 'File/Temp', 'Getopt/Long', 'IO/Handle', 'List/Util', 'POSIX', 'Scalar/Util', 'Text/ParseWords', 'Tie/Hash', 'constant', 'overload', 'parent', 'vars', 'utf8'];

/** /etc/passwd of a Debian-family base image, plus `extra` lines (as useradd appends them). */
export function debPasswd(ubuntuUser: boolean, extra: readonly string[] = []): string {
  return ['root:x:0:0:root:/root:/bin/bash', 'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin', 'bin:x:2:2:bin:/bin:/usr/sbin/nologin', 'sys:x:3:3:sys:/dev:/usr/sbin/nologin', 'sync:x:4:65534:sync:/bin:/bin/sync', 'games:x:5:60:games:/usr/games:/usr/sbin/nologin', 'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin', 'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin', 'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin', 'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin', 'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin', 'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin', 'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin', 'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin', 'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin', 'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin', '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin', 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin', ...(ubuntuUser ? ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'] : []), ...extra, ''].join('\n');
}

/** /etc/group of a Debian-family base image, plus `extra` lines. */
export function debGroup(ubuntuUser: boolean, extra: readonly string[] = []): string {
  return ['root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mail:x:8:', 'news:x:9:', 'uucp:x:10:', 'man:x:12:', 'proxy:x:13:', 'kmem:x:15:', 'dialout:x:20:', 'fax:x:21:', 'voice:x:22:', 'cdrom:x:24:', 'floppy:x:25:', 'tape:x:26:', 'sudo:x:27:', 'audio:x:29:', 'dip:x:30:', 'www-data:x:33:', 'backup:x:34:', 'operator:x:37:', 'list:x:38:', 'irc:x:39:', 'src:x:40:', 'shadow:x:42:', 'utmp:x:43:', 'video:x:44:', 'sasl:x:45:', 'plugdev:x:46:', 'staff:x:50:', 'games:x:60:', 'users:x:100:', 'nogroup:x:65534:', ...(ubuntuUser ? ['ubuntu:x:1000:'] : []), ...extra, ''].join('\n');
}

/** Build a Debian-family base layer of about `target` bytes. */
export function debianTree(key: string, rel: DebRelease, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  const pkgs = basePackages({ deb: rel.codename, ubuntu: rel.ubuntu }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const libdir = 'usr/lib/x86_64-linux-gnu';
  if (rel.mergedUsr) {
    t.link('bin', 'usr/bin').link('sbin', 'usr/sbin').link('lib', 'usr/lib').link('lib64', 'usr/lib64');
    t.link('usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  } else {
    t.dir('bin').dir('sbin').dir('lib/x86_64-linux-gnu');
    t.link('lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-2.27.so');
  }
  for (const d of ['boot', 'dev', 'home', 'media', 'mnt', 'opt', 'proc', 'run/lock', 'srv', 'sys', 'usr/games', 'usr/include', 'usr/local/bin', 'usr/local/etc', 'usr/local/games', 'usr/local/include', 'usr/local/lib', 'usr/local/sbin', 'usr/local/share', 'usr/local/src', 'usr/src', 'var/backups', 'var/cache/apt/archives/partial', 'var/cache/debconf', 'var/lib/apt/lists/partial', 'var/lib/dpkg/alternatives', 'var/lib/dpkg/updates', 'var/lib/misc', 'var/local', 'var/log/apt', 'var/opt', 'var/spool', 'var/mail']) t.dir(d);
  t.dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 }).dir('var/tmp', { mode: 0o1777 });
  t.link('var/run', '/run').link('var/lock', '/run/lock');
  for (const p of pkgs) {
    const files: string[] = [];
    for (const [n, size] of Object.entries(p.bins ?? {})) {
      const dir = !rel.mergedUsr && ROOT_BIN.has(n) ? 'bin' : 'usr/bin';
      t.exe(`${dir}/${n}`, size, n); files.push(`/${dir}/${n}`);
    }
    for (const [n, size] of Object.entries(p.sbins ?? {})) {
      const dir = !rel.mergedUsr && /^(ldconfig|killall5|agetty|blkid|fdisk|mkfs|sulogin|wipefs|losetup|swapon)$/.test(n) ? 'sbin' : 'usr/sbin';
      t.exe(`${dir}/${n}`, size, n); files.push(`/${dir}/${n}`);
    }
    for (const [n, size] of Object.entries(p.libs ?? {})) {
      const dir = !rel.mergedUsr && p.name === 'libc6' ? 'lib/x86_64-linux-gnu' : libdir;
      t.blob(`${dir}/${n}`, size); files.push(`/${dir}/${n}`);
    }
    t.text(`usr/share/doc/${p.name}/copyright`, copyright(p)); files.push(`/usr/share/doc/${p.name}/copyright`);
    if (!rel.slim) {
      t.blob(`usr/share/doc/${p.name}/changelog.Debian.gz`, 900 + p.kb * 3); files.push(`/usr/share/doc/${p.name}/changelog.Debian.gz`);
      for (const b of Object.keys(p.bins ?? {})) { t.blob(`usr/share/man/man1/${b}.1.gz`, 1200 + b.length * 517); files.push(`/usr/share/man/man1/${b}.1.gz`); }
    }
    t.text(`var/lib/dpkg/info/${p.name}.list`, ['/.', ...files].join('\n') + '\n');
    t.text(`var/lib/dpkg/info/${p.name}.md5sums`, files.map((f) => `${fakeHex(f, 32)}  ${f.slice(1)}`).join('\n') + '\n');
  }
  const bin = rel.mergedUsr ? 'usr/bin' : 'bin';
  t.link(`${bin}/sh`, 'dash').link(`${bin}/rbash`, 'bash').link('usr/bin/awk', '/etc/alternatives/awk').link('etc/alternatives/awk', '/usr/bin/mawk');
  t.link('usr/bin/pager', '/etc/alternatives/pager').link('etc/alternatives/pager', '/bin/more');
  const name = rel.ubuntu ? 'Ubuntu' : 'Debian GNU/Linux';
  // Ubuntu images have had a default 'ubuntu' user (uid 1000) since 23.04.
  const ubuntuUser = rel.ubuntu && Number(rel.versionId) >= 23.04;
  const osRelease = rel.ubuntu
    ? `PRETTY_NAME="${rel.pretty}"\nNAME="Ubuntu"\nVERSION_ID="${rel.versionId}"\nVERSION="${rel.pretty.replace('Ubuntu ', '')} (${rel.codename[0]!.toUpperCase() + rel.codename.slice(1)})"\nVERSION_CODENAME=${rel.codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${rel.codename}\n`
    : `PRETTY_NAME="${rel.pretty}"\nNAME="${name}"\nVERSION_ID="${rel.versionId}"\nVERSION="${rel.versionId} (${rel.codename})"\nVERSION_CODENAME=${rel.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
  t.text('usr/lib/os-release', osRelease).link('etc/os-release', '../usr/lib/os-release');
  t.text('etc/debian_version', rel.debianVersion + '\n');
  t.text('etc/issue', rel.ubuntu ? `${rel.pretty} \\n \\l\n\n` : `${rel.pretty.replace(/ \(.*\)$/, '')} \\n \\l\n\n`).text('etc/issue.net', rel.ubuntu ? `${rel.pretty}\n` : `${rel.pretty.replace(/ \(.*\)$/, '')}\n`);
  if (rel.ubuntu) t.text('etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${rel.versionId}\nDISTRIB_CODENAME=${rel.codename}\nDISTRIB_DESCRIPTION="${rel.pretty}"\n`);
  t.text('etc/passwd', debPasswd(ubuntuUser));
  t.text('etc/group', debGroup(ubuntuUser));
  t.text('etc/shadow', 'root:*:20000:0:99999:7:::\ndaemon:*:20000:0:99999:7:::\nbin:*:20000:0:99999:7:::\nnobody:*:20000:0:99999:7:::\n', { mode: 0o640, gid: 42 });
  t.text('etc/gshadow', 'root:*::\ndaemon:*::\nbin:*::\nshadow:*::\nnogroup:*::\n', { mode: 0o640, gid: 42 });
  t.text('etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
  t.text('etc/hostname', 'localhost\n').text('etc/host.conf', 'multi on\n').text('etc/timezone', 'Etc/UTC\n').link('etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  t.text('etc/profile', '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).\n\nif [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n\nif [ "${PS1-}" ]; then\n  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then\n    if [ -f /etc/bash.bashrc ]; then\n      . /etc/bash.bashrc\n    fi\n  else\n    if [ "$(id -u)" -eq 0 ]; then\n      PS1=\'# \'\n    else\n      PS1=\'$ \'\n    fi\n  fi\nfi\n');
  t.text('etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n\n# If not running interactively, don\'t do anything\n[ -z "$PS1" ] && return\n\n# check the window size after each command and, if necessary,\n# update the values of LINES and COLUMNS.\nshopt -s checkwinsize\n\n# set a fancy prompt (non-color, overwrite the one in /etc/profile)\nPS1=\'${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ \'\n');
  t.text('etc/skel/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n\n# If not running interactively, don\'t do anything\ncase $- in\n    *i*) ;;\n      *) return;;\nesac\n\nHISTCONTROL=ignoreboth\nshopt -s histappend\nHISTSIZE=1000\nHISTFILESIZE=2000\n').text('etc/skel/.profile', '# ~/.profile: executed by the command interpreter for login shells.\nif [ -n "$BASH_VERSION" ]; then\n    if [ -f "$HOME/.bashrc" ]; then\n\t. "$HOME/.bashrc"\n    fi\nfi\n').text('etc/skel/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n');
  t.text('root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n\n# Note: PS1 and umask are already set in /etc/profile. You should not\n# need this unless you want different defaults for root.\n# PS1=\'${debian_chroot:+($debian_chroot)}\\h:\\w\\$ \'\n# umask 022\n').text('root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n');
  t.text('etc/nsswitch.conf', '# /etc/nsswitch.conf\n\npasswd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n');
  t.text('etc/ld.so.conf', 'include /etc/ld.so.conf.d/*.conf\n\n').text('etc/ld.so.conf.d/x86_64-linux-gnu.conf', '# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n').text('etc/ld.so.conf.d/libc.conf', '# libc default configuration\n/usr/local/lib\n');
  t.blob('etc/ld.so.cache', 9000 + pkgs.length * 120);
  t.text('etc/login.defs', '#\n# /etc/login.defs - Configuration control definitions for the login package.\n#\nMAIL_DIR        /var/mail\nFAILLOG_ENAB\t\tyes\nLOG_UNKFAIL_ENAB\tno\nLOG_OK_LOGINS\t\tno\nSYSLOG_SU_ENAB\t\tyes\nSYSLOG_SG_ENAB\t\tyes\nFTMP_FILE\t/var/log/btmp\nSU_NAME\t\tsu\nHUSHLOGIN_FILE\t.hushlogin\nENV_SUPATH\tPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nENV_PATH\tPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\nTTYGROUP\ttty\nTTYPERM\t\t0600\nERASECHAR\t0177\nKILLCHAR\t025\nUMASK\t\t022\nPASS_MAX_DAYS\t99999\nPASS_MIN_DAYS\t0\nPASS_WARN_AGE\t7\nUID_MIN\t\t\t 1000\nUID_MAX\t\t\t60000\nGID_MIN\t\t\t 1000\nGID_MAX\t\t\t60000\nLOGIN_RETRIES\t\t5\nLOGIN_TIMEOUT\t\t60\nCHFN_RESTRICT\t\trwh\nDEFAULT_HOME\tyes\nUSERGROUPS_ENAB yes\nENCRYPT_METHOD SHA512\n');
  if (rel.ubuntu) {
    t.text('etc/apt/sources.list', `# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n`);
    t.text('etc/apt/sources.list.d/ubuntu.sources', `Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: ${rel.codename} ${rel.codename}-updates ${rel.codename}-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: ${rel.codename}-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`);
    t.blob('usr/share/keyrings/ubuntu-archive-keyring.gpg', 3023);
  } else {
    t.text('etc/apt/sources.list.d/debian.sources', `Types: deb\n# http://snapshot.debian.org/archive/debian/20250721T000000Z\nURIs: http://deb.debian.org/debian\nSuites: ${rel.codename} ${rel.codename}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\n# http://snapshot.debian.org/archive/debian-security/20250721T000000Z\nURIs: http://deb.debian.org/debian-security\nSuites: ${rel.codename}-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`);
    t.blob('usr/share/keyrings/debian-archive-keyring.gpg', 8700);
  }
  // debuerreotype's Docker tweaks (apt cleanup hooks, no recommends, gzip-free indexes).
  t.text('etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n');
  t.text('etc/apt/apt.conf.d/docker-autoremove-suggests', 'Apt::AutoRemove::SuggestsImportant "false";\n').text('etc/apt/apt.conf.d/docker-no-languages', 'Acquire::Languages "none";\n').text('etc/apt/apt.conf.d/docker-gzip-indexes', 'Acquire::GzipIndexes "true";\n');
  t.text('etc/dpkg/dpkg.cfg', '# dpkg configuration file\n\n# Do not enable debsig-verify by default\nno-debsig\n\n# Log status changes and actions to a file.\nlog /var/log/dpkg.log\n');
  if (rel.slim) t.text('etc/dpkg/dpkg.cfg.d/docker', '# This is the "slim" variant of the Debian base image.\npath-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/groff/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/linda/*\npath-exclude /usr/share/lintian/overrides/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/man/*\n');
  t.text('var/lib/dpkg/status', dpkgStatus(pkgs, rel.ubuntu));
  t.text('var/lib/dpkg/diversions', '').text('var/lib/dpkg/statoverride', '').text('var/lib/dpkg/available', '');
  if (!rel.slim) {
    const langs = ['de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'ru', 'sv', 'tr', 'uk', 'zh_CN', 'zh_TW'];
    for (const l of langs) t.spread(`usr/share/locale/${l}/LC_MESSAGES`, ['coreutils.mo', 'bash.mo', 'dpkg.mo', 'apt.mo', 'tar.mo', 'findutils.mo', 'grep.mo', 'sed.mo', 'shadow.mo', 'util-linux.mo'], Math.floor(target * 0.006));
    t.spread('usr/share/info', ['coreutils.info.gz', 'bash.info.gz', 'find.info.gz', 'grep.info.gz', 'sed.info.gz', 'tar.info.gz', 'diffutils.info.gz', 'gzip.info.gz'], Math.floor(target * 0.01));
  }
  // The rest of the real image's bytes: gconv modules, zoneinfo, perl-base modules.
  const rest = target - t.bytes();
  t.spread(`${libdir}/gconv`, bulkNames(GCONV, 240, '.so'), Math.floor(rest * 0.35));
  t.spread('usr/share/zoneinfo', bulkNames(ZONES, 360, ''), Math.floor(rest * 0.1));
  t.spread(`${libdir}/perl-base`, bulkNames(PERL, 300, '.pm'), Math.floor(rest * 0.25));
  t.fillTo(target, 'usr/share/i18n/charmaps', bulkNames(['UTF-8', 'ISO-8859-1', 'CP1252', 'KOI8-R', 'BIG5', 'GB18030', 'EUC-JP', 'SHIFT_JIS'], 180, '.gz'));
  return t;
}
