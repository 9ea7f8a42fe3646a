/**
 * Debian/Ubuntu package tables and the dpkg database text built from them
 * (/var/lib/dpkg/status stanzas and per-package info/*.list files), in dpkg's own format.
 */

/** One installed Debian package. */
export interface DebPkg {
  name: string;
  version: string;
  section: string;
  /** Installed-Size in KiB. */
  kb: number;
  desc: string;
  essential?: boolean;
  priority?: 'required' | 'important' | 'optional';
  multiArch?: 'same' | 'foreign' | 'allowed';
  depends?: string;
  /** Programs this package installs into /usr/bin (name → simulated program, or size). */
  bins?: Record<string, number>;
  sbins?: Record<string, number>;
  /** Shared libraries in /usr/lib/x86_64-linux-gnu: file name → size. */
  libs?: Record<string, number>;
}

const DEBIAN_MAINT = 'Debian Developers <debian-devel@lists.debian.org>';
const UBUNTU_MAINT = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';

/** The /var/lib/dpkg/status text for `pkgs`. */
export function dpkgStatus(pkgs: readonly DebPkg[], ubuntu: boolean): string {
  return pkgs.map((p) => {
    const arch = p.section === 'misc' && p.name.endsWith('-data') ? 'all' : p.name.startsWith('lib') || p.bins || p.sbins ? 'amd64' : 'all';
    const lines = [`Package: ${p.name}`];
    if (p.essential) lines.push('Essential: yes');
    lines.push('Status: install ok installed', `Priority: ${p.priority ?? (p.essential ? 'required' : 'optional')}`, `Section: ${p.section}`,
      `Installed-Size: ${p.kb}`, `Maintainer: ${ubuntu ? UBUNTU_MAINT : DEBIAN_MAINT}`, `Architecture: ${arch}`);
    if (p.multiArch) lines.push(`Multi-Arch: ${p.multiArch}`);
    lines.push(`Version: ${p.version}`);
    if (p.depends) lines.push(`Depends: ${p.depends}`);
    lines.push(`Description: ${p.desc}`, ` This package is part of the ${ubuntu ? 'Ubuntu' : 'Debian'} base system.`);
    if (p.essential) lines.push(' It is essential: removing it would break the system.');
    return lines.join('\n') + '\n';
  }).join('\n');
}

/** dpkg status of a base image after installing `extra` packages (stanzas sorted by name, as dpkg writes them). */
export function statusWith(ubuntu: boolean, extra: readonly DebPkg[]): string {
  const all = [...basePackages({ deb: '', ubuntu }), ...extra].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return dpkgStatus(all, ubuntu);
}

/** Programs: coreutils binaries are their own simulated programs, named like the file. */
const CORE = 'arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes';

/** Build a bins map with a deterministic size per program name. */
function sized(names: string, base: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names.split(' ')) {
    let h = 0;
    for (let i = 0; i < n.length; i++) h = (h * 31 + n.charCodeAt(i)) % 9973;
    out[n] = base + h * 7;
  }
  return out;
}

/** The essential package set of a Debian/Ubuntu minimal image (bookworm-slim, noble, bionic). */
export function basePackages(v: { deb: string; ubuntu: boolean }): DebPkg[] {
  const u = v.ubuntu;
  const ver = (d: string, ub: string): string => (u ? ub : d);
  return [
    { name: 'adduser', version: ver('3.134', '3.137ubuntu1'), section: 'admin', kb: 849, desc: 'add and remove users and groups', priority: 'important', sbins: { adduser: 48213, deluser: 32104, addgroup: 48213, delgroup: 32104 } },
    { name: 'apt', version: ver('2.6.1', '2.7.14build2'), section: 'admin', kb: 4156, desc: 'commandline package manager', priority: 'important', depends: 'adduser, gpgv | gpgv2, libapt-pkg6.0 (>= 2.6.1), debian-archive-keyring, libc6 (>= 2.34)', bins: { 'apt-get': 51560, apt: 18744, 'apt-cache': 92216, 'apt-config': 27232, 'apt-mark': 63968, 'apt-key': 28183, 'apt-cdrom': 27184 }, libs: { 'libapt-private.so.0.0.0': 550768 } },
    { name: 'base-files', version: ver('12.4+deb12u11', '13ubuntu10.2'), section: 'admin', kb: 340, desc: `${u ? 'Ubuntu' : 'Debian'} base system miscellaneous files`, essential: true },
    { name: 'base-passwd', version: ver('3.6.1', '3.6.3build1'), section: 'admin', kb: 243, desc: 'Debian base system master password and group files', essential: true, sbins: { 'update-passwd': 39064 } },
    { name: 'bash', version: ver('5.2.15-2+b8', '5.2.21-2ubuntu4'), section: 'shells', kb: 7163, desc: 'GNU Bourne Again SHell', essential: true, multiArch: 'foreign', depends: 'base-files (>= 2.1.12), debianutils (>= 5.6-0.1)', bins: { bash: 1265648, bashbug: 7165, 'clear_console': 14568 } },
    { name: 'bsdutils', version: ver('1:2.38.1-5+deb12u3', '1:2.39.3-9ubuntu6.3'), section: 'utils', kb: 356, desc: 'basic utilities from 4.4BSD-Lite', essential: true, bins: { logger: 43336, renice: 14640, script: 51544, scriptlive: 31048, scriptreplay: 31048, wall: 27056 } },
    { name: 'coreutils', version: ver('9.1-1', '9.4-3ubuntu6'), section: 'utils', kb: 18062, desc: 'GNU core utilities', essential: true, multiArch: 'foreign', bins: sized(CORE, 31000) },
    { name: 'dash', version: ver('0.5.12-2', '0.5.12-6ubuntu5'), section: 'shells', kb: 209, desc: 'POSIX-compliant shell', essential: true, multiArch: 'foreign', bins: { dash: 125640 } },
    { name: 'debconf', version: ver('1.5.82', '1.5.86ubuntu1'), section: 'admin', kb: 516, desc: 'Debian configuration management system', essential: true, multiArch: 'foreign', bins: { 'debconf-set-selections': 2969, 'debconf-show': 1824 } },
    { name: 'debianutils', version: ver('5.7-0.5~deb12u1', '5.17build1'), section: 'utils', kb: 243, desc: 'Miscellaneous utilities specific to Debian', essential: true, bins: { 'run-parts': 27184, 'tempfile': 14640, which: 1075, ischroot: 14640 }, sbins: { 'add-shell': 1225, 'remove-shell': 1140, 'installkernel': 2522 } },
    { name: 'diffutils', version: ver('1:3.8-4', '1:3.10-1build1'), section: 'utils', kb: 1600, desc: 'File comparison utilities', essential: true, bins: { diff: 216536, cmp: 67896, diff3: 72080, sdiff: 68024 } },
    { name: 'dpkg', version: ver('1.21.22', '1.22.6ubuntu6.1'), section: 'admin', kb: 6544, desc: 'Debian package management system', essential: true, bins: { dpkg: 317352, 'dpkg-deb': 158880, 'dpkg-query': 158760, 'dpkg-split': 109704, 'dpkg-divert': 146456, 'dpkg-statoverride': 105480, 'dpkg-trigger': 92944, 'dpkg-realpath': 3762, 'dpkg-maintscript-helper': 23079, 'update-alternatives': 63536 } },
    { name: 'findutils', version: ver('4.9.0-4', '4.9.0-5build1'), section: 'utils', kb: 1736, desc: 'utilities for finding files--find, xargs', essential: true, bins: { find: 224848, xargs: 68136 } },
    { name: 'gpgv', version: ver('2.2.40-1.1', '2.4.4-2ubuntu17.2'), section: 'utils', kb: 917, desc: 'GNU privacy guard - signature verification tool', priority: 'important', bins: { gpgv: 284840 } },
    { name: 'grep', version: ver('3.8-5', '3.11-4build1'), section: 'utils', kb: 1139, desc: 'GNU grep, egrep and fgrep', essential: true, bins: { grep: 186024, egrep: 41, fgrep: 41 } },
    { name: 'gzip', version: ver('1.12-1', '1.12-1ubuntu3'), section: 'utils', kb: 243, desc: 'GNU compression utilities', essential: true, bins: { gzip: 98136, gunzip: 2346, zcat: 1984, zgrep: 7974 } },
    { name: 'hostname', version: ver('3.23+nmu1', '3.23+nmu2ubuntu2'), section: 'admin', kb: 50, desc: 'utility to set/show the host name or domain name', essential: true, bins: { hostname: 22760 } },
    { name: 'libc-bin', version: ver('2.36-9+deb12u10', '2.39-0ubuntu8.5'), section: 'libs', kb: 1848, desc: 'GNU C Library: Binaries', essential: true, multiArch: 'foreign', bins: { getconf: 35312, getent: 39416, iconv: 68408, ldd: 5441, locale: 60904, localedef: 344424, tzselect: 15041, zdump: 27048 }, sbins: { ldconfig: 939896 } },
    { name: 'libc6', version: ver('2.36-9+deb12u10', '2.39-0ubuntu8.5'), section: 'libs', kb: 12986, desc: 'GNU C Library: Shared libraries', multiArch: 'same', priority: 'required', libs: { 'libc.so.6': 1922136, 'libm.so.6': 907784, 'libresolv.so.2': 68104, 'libpthread.so.0': 14480, 'libdl.so.2': 14480, 'librt.so.1': 14664, 'libnss_files.so.2': 14480, 'libnss_dns.so.2': 14480, 'libanl.so.1': 14480, 'libutil.so.1': 14480, 'ld-linux-x86-64.so.2': 210968 } },
    ...'libacl1 libattr1 libaudit1 libblkid1 libbz2-1.0 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3 libdebconfclient0 libext2fs2 libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0 liblz4-1 liblzma5 libmd0 libmount1 libnettle8 libp11-kit0 libpam0g libpam-modules libpcre2-8-0 libseccomp2 libselinux1 libsemanage2 libsepol2 libsmartcols1 libss2 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1 libunistring2 libuuid1 libxxhash0 libzstd1 zlib1g libapt-pkg6.0'
      .split(' ').map((n, i): DebPkg => {
        const stem = n.replace(/^lib/, '').replace(/[-.]?\d.*$/, '').replace(/-$/, '') || n;
        const size = 20000 + ((i * 7919) % 97) * 9000 + (n === 'libstdc++6' ? 2300000 : 0) + (n === 'libgnutls30' ? 1900000 : 0) + (n === 'libgcrypt20' ? 1300000 : 0) + (n === 'libapt-pkg6.0' ? 2000000 : 0) + (n === 'libunistring2' ? 1800000 : 0) + (n === 'libsystemd0' ? 900000 : 0) + (n === 'libdb5.3' ? 1800000 : 0);
        return { name: n, version: ver(`${1 + (i % 3)}.${i % 10}.${(i * 3) % 7}-${1 + (i % 4)}`, `${1 + (i % 3)}.${i % 10}.${(i * 3) % 7}-${1 + (i % 4)}build${1 + (i % 2)}`), section: 'libs', kb: Math.ceil(size / 1024) + 40, desc: `${stem} shared library`, multiArch: 'same', priority: i % 3 ? 'optional' : 'required', libs: { [`lib${stem}.so.${1 + (i % 3)}.${i % 10}.0`]: size } };
      }),
    { name: 'login', version: ver('1:4.13+dfsg1-1+b1', '1:4.13+dfsg1-4ubuntu3.2'), section: 'admin', kb: 2665, desc: 'system login tools', essential: true, bins: { login: 56424, newgrp: 40400, su: 72000, faillog: 35912, lastlog: 35920 }, sbins: { nologin: 14640 } },
    { name: 'mawk', version: ver('1.3.4.20200120-3.1', '1.3.4.20240123-1build1'), section: 'interpreters', kb: 263, desc: 'Pattern scanning and text processing language', priority: 'required', bins: { mawk: 162848 } },
    { name: 'mount', version: ver('2.38.1-5+deb12u3', '2.39.3-9ubuntu6.3'), section: 'admin', kb: 413, desc: 'tools for mounting and manipulating filesystems', priority: 'required', bins: { mount: 59704, umount: 35128, findmnt: 72136 }, sbins: { losetup: 72136, swapon: 47416 } },
    { name: 'ncurses-base', version: ver('6.4-4', '6.4+20240113-1ubuntu2'), section: 'misc', kb: 396, desc: 'basic terminal type definitions', essential: true },
    { name: 'ncurses-bin', version: ver('6.4-4', '6.4+20240113-1ubuntu2'), section: 'utils', kb: 696, desc: 'terminal-related programs and man pages', essential: true, bins: { clear: 14640, infocmp: 63264, tabs: 22832, tic: 92344, toe: 22832, tput: 26928, tset: 27128, reset: 27128 } },
    { name: 'passwd', version: ver('1:4.13+dfsg1-1+b1', '1:4.13+dfsg1-4ubuntu3.2'), section: 'admin', kb: 2801, desc: 'change and administer password and group data', priority: 'required', bins: { passwd: 68248, chage: 72184, chfn: 72792, chsh: 52880, expiry: 31192, gpasswd: 80728 }, sbins: { useradd: 141384, userdel: 96504, usermod: 137448, groupadd: 92152, groupdel: 83832, groupmod: 88080, chpasswd: 63848 } },
    { name: 'perl-base', version: ver('5.36.0-7+deb12u2', '5.38.2-3.2ubuntu0.1'), section: 'perl', kb: 7680, desc: 'minimal Perl system', essential: true, bins: { perl: 3971136 } },
    { name: 'sed', version: ver('4.9-1', '4.9-2build1'), section: 'utils', kb: 1002, desc: 'GNU stream editor for filtering/transforming text', essential: true, bins: { sed: 121288 } },
    { name: 'sysvinit-utils', version: ver('3.06-4', '3.08-6ubuntu3'), section: 'admin', kb: 85, desc: 'System-V-like utilities', essential: true, sbins: { killall5: 22776, pidof: 27 } },
    { name: 'tar', version: ver('1.34+dfsg-1.2+deb12u1', '1.35+dfsg-3build1'), section: 'utils', kb: 3154, desc: 'GNU version of the tar archiving utility', essential: true, bins: { tar: 535432 } },
    { name: 'tzdata', version: ver('2025b-0+deb12u1', '2025b-0ubuntu0.24.04.1'), section: 'localization', kb: 2884, desc: 'time zone and daylight-saving time data', priority: 'required' },
    { name: 'util-linux', version: ver('2.38.1-5+deb12u3', '2.39.3-9ubuntu6.3'), section: 'utils', kb: 4894, desc: 'miscellaneous system utilities', essential: true, bins: { more: 47120, lsblk: 129328, lscpu: 109552, flock: 27000, getopt: 22912, ionice: 22976, setsid: 14648, nsenter: 31288, unshare: 39472, rev: 14648, taskset: 27000 }, sbins: { agetty: 59904, blkid: 43440, fdisk: 136640, mkfs: 14640, runuser: 59672, sulogin: 47384, wipefs: 39456 } },
  ];
}
