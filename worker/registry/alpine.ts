/**
 * alpine (minirootfs) and busybox images' file trees. alpine 3.22 ships 15 packages
 * (alpine-baselayout … zlib); /bin holds busybox applets as absolute symlinks to
 * /bin/busybox, as the real minirootfs does; /lib/apk/db/installed lists every package
 * with its files, as apk writes it.
 */
import { fakeBase64, Tree } from './tree.ts';

/** Applets alpine links in /bin, /sbin, /usr/bin, /usr/sbin (subset of the real 3.22 list). */
export const APPLETS = {
  bin: 'arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat',
  sbin: 'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog',
  usrbin: '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser head hexdump hostid iconv id install ipcrm ipcs killall less logger lsof lsusb lzcat lzma md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami whois xargs xxd xzcat yes',
  usrsbin: 'addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell setfont setlogcons',
};

interface ApkPkg { name: string; version: string; desc: string; url: string; license: string; size: number; files: string[] }

function installedDb(pkgs: ApkPkg[], buildTime: number): string {
  return pkgs.map((p) => {
    const lines = [`C:Q1${fakeBase64(p.name + p.version, 20).slice(0, 27)}=`, `P:${p.name}`, `V:${p.version}`, 'A:x86_64',
      `S:${Math.round(p.size * 0.42)}`, `I:${p.size}`, `T:${p.desc}`, `U:${p.url}`, `L:${p.license}`, `o:${p.name.replace(/-(binsh|data|utils)$/, '')}`,
      'm:Natanael Copa <ncopa@alpinelinux.org>', `t:${buildTime}`, `c:${fakeBase64('commit' + p.name, 30).replace(/[^a-f0-9]/g, '').padEnd(40, '0').slice(0, 40)}`];
    const byDir = new Map<string, string[]>();
    for (const f of p.files) {
      const i = f.lastIndexOf('/');
      const d = f.slice(0, i);
      if (!byDir.has(d)) byDir.set(d, []);
      byDir.get(d)!.push(f.slice(i + 1));
    }
    for (const [d, names] of byDir) {
      lines.push(`F:${d}`);
      for (const n of names) lines.push(`R:${n}`, `Z:Q1${fakeBase64(d + '/' + n, 20).slice(0, 27)}=`);
    }
    return lines.join('\n') + '\n';
  }).join('\n') + '\n';
}

/** /etc/passwd of the alpine minirootfs (alpine-baselayout-data); app images' adduser appends to it. */
export const ALPINE_PASSWD = ['root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin', 'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin', 'sync:x:5:0:sync:/sbin:/bin/sync', 'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown', 'halt:x:7:0:halt:/sbin:/sbin/halt', 'mail:x:8:12:mail:/var/mail:/sbin/nologin', 'news:x:9:13:news:/usr/lib/news:/sbin/nologin', 'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin', 'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin', 'ftp:x:21:21::/var/lib/ftp:/sbin/nologin', 'sshd:x:22:22:sshd:/dev/null:/sbin/nologin', 'games:x:35:35:games:/usr/games:/sbin/nologin', 'ntp:x:123:123:NTP:/var/empty:/sbin/nologin', 'guest:x:405:100:guest:/dev/null:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin', ''].join('\n');

/** /etc/group of the alpine minirootfs. */
export const ALPINE_GROUP = ['root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin', 'adm:x:4:root,daemon', 'tty:x:5:', 'disk:x:6:root', 'lp:x:7:lp', 'kmem:x:9:', 'wheel:x:10:root', 'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news', 'uucp:x:14:uucp', 'cron:x:16:cron', 'audio:x:18:', 'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:', 'tape:x:26:root', 'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:', 'shadow:x:42:', 'www-data:x:82:', 'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:', 'nobody:x:65534:', ''].join('\n');

/** Version strings of one alpine release. */
export interface AlpineRelease { version: string; branch: string; busybox: string; musl: string; apk: string; openssl: string; created: string }

/** The minirootfs layer of an alpine release, about 7.8 MB of files. */
export function alpineTree(key: string, rel: AlpineRelease, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  for (const d of ['dev', 'home', 'media/cdrom', 'media/floppy', 'media/usb', 'mnt', 'opt', 'proc', 'run', 'srv', 'sys', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'var/cache/apk', 'var/empty', 'var/lib/misc', 'var/local', 'var/lock/subsys', 'var/log', 'var/mail', 'var/opt', 'var/spool/cron/crontabs', 'var/tmp']) t.dir(d);
  t.dir('root', { mode: 0o700 }).dir('tmp', { mode: 0o1777 });
  t.link('var/run', '/run').link('var/spool/mail', '../mail');
  t.exe('bin/busybox', 808712, 'busybox');
  const bb: string[] = ['bin/busybox'];
  for (const a of APPLETS.bin.split(' ')) { t.link(`bin/${a}`, '/bin/busybox'); bb.push(`bin/${a}`); }
  for (const a of APPLETS.sbin.split(' ')) { t.link(`sbin/${a}`, '/bin/busybox'); bb.push(`sbin/${a}`); }
  for (const a of APPLETS.usrbin.split(' ')) { t.link(`usr/bin/${a}`, '/bin/busybox'); bb.push(`usr/bin/${a}`); }
  for (const a of APPLETS.usrsbin.split(' ')) { t.link(`usr/sbin/${a}`, '/bin/busybox'); bb.push(`usr/sbin/${a}`); }
  t.exe('sbin/apk', 68952, 'apk').exe('sbin/ldconfig', 393, 'ldconfig').exe('usr/bin/getconf', 49168, 'getconf').exe('usr/bin/getent', 48936, 'getent')
    .exe('usr/bin/iconv', 24208, 'iconv').exe('usr/bin/ldd', 53, 'ldd').exe('usr/bin/scanelf', 80160, 'scanelf').exe('usr/bin/ssl_client', 14216, 'ssl_client');
  t.exe('lib/ld-musl-x86_64.so.1', 654280, 'ld-musl').link('lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  t.blob('usr/lib/libcrypto.so.3', 4621352).blob('usr/lib/libssl.so.3', 783720).blob('usr/lib/libz.so.1.3.1', 100776).link('usr/lib/libz.so.1', 'libz.so.1.3.1')
    .blob('usr/lib/libapk.so.2.14.0', 212560);
  for (const m of ['afalg', 'capi', 'loader_attic', 'padlock']) t.blob(`usr/lib/engines-3/${m}.so`, 14000 + m.length * 1111);
  t.blob('usr/lib/ossl-modules/legacy.so', 166568);
  t.blob('etc/ssl/certs/ca-certificates.crt', 219342).link('etc/ssl/cert.pem', 'certs/ca-certificates.crt');
  t.text('etc/ssl/openssl.cnf', '#\n# OpenSSL example configuration file.\n# See doc/man5/config.pod for more info.\n#\nHOME\t\t\t= .\nopenssl_conf = openssl_init\n[openssl_init]\nproviders = provider_sect\n[provider_sect]\ndefault = default_sect\n[default_sect]\nactivate = 1\n');
  const osRelease = `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${rel.version}\nPRETTY_NAME="Alpine Linux v${rel.branch}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;
  t.text('etc/alpine-release', rel.version + '\n').text('usr/lib/os-release', osRelease).link('etc/os-release', '../usr/lib/os-release');
  t.text('etc/hostname', 'localhost\n').text('etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n');
  t.text('etc/passwd', ALPINE_PASSWD);
  t.text('etc/group', ALPINE_GROUP);
  t.text('etc/shadow', 'root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n', { mode: 0o640, gid: 42 });
  t.text('etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  t.text('etc/profile', 'export CHARSET=UTF-8\nexport LANG=C.UTF-8\nexport LC_COLLATE=C\nexport PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n');
  t.text('etc/profile.d/color_prompt.sh.disabled', '# Setup a red prompt for root and a green one for users.\n').text('etc/profile.d/locale.sh', 'export CHARSET=UTF-8\nexport LANG=C.UTF-8\nexport LC_COLLATE=C\n');
  t.text('etc/motd', `Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n`);
  t.text('etc/issue', `Welcome to Alpine Linux ${rel.branch}\nKernel \\r on \\m (\\l)\n\n`).text('etc/inittab', '# /etc/inittab\n\n::sysinit:/sbin/openrc sysinit\n::sysinit:/sbin/openrc boot\n::wait:/sbin/openrc default\n');
  t.text('etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto\t0 0\n').text('etc/securetty', 'console\ntty1\ntty2\n');
  t.text('etc/apk/arch', 'x86_64\n').text('etc/apk/world', 'alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nlibc-utils\n');
  t.text('etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${rel.branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${rel.branch}/community\n`);
  const keys = ['alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub', 'alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub', 'alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub'];
  for (const k of keys) t.text(`etc/apk/keys/${k}`, `-----BEGIN PUBLIC KEY-----\n${fakeBase64(k, 288).match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`);
  t.text('etc/busybox-paths.d/busybox', bb.map((p) => '/' + p).join('\n') + '\n');
  for (const d of ['etc/crontabs', 'etc/modprobe.d', 'etc/modules-load.d', 'etc/network/if-up.d', 'etc/opt', 'etc/periodic/15min', 'etc/periodic/daily', 'etc/periodic/hourly', 'etc/periodic/monthly', 'etc/periodic/weekly', 'etc/sysctl.d', 'etc/udhcpc', 'lib/firmware', 'lib/modules-load.d', 'lib/sysctl.d']) t.dir(d);
  t.text('etc/crontabs/root', '# do daily/weekly/monthly maintenance\n# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n', { mode: 0o600 });
  t.text('etc/udhcpc/udhcpc.conf', '# udhcpc configuration\n#RESOLV_CONF="no"\n').text('etc/modules', 'af_packet\nipv6\n').text('etc/sysctl.conf', '# content of this file will override /etc/sysctl.d/*\n');
  t.text('etc/nsswitch.conf', '# musl itself does not support NSS, however some third-party DNS\n# implementations use the nsswitch.conf file to determine what\n# policy to follow.\n\nhosts: files dns\n');
  for (const k of keys) t.link(`usr/share/apk/keys/x86_64/${k}`, `/etc/apk/keys/${k}`);
  t.dir('lib/apk/exec').dir('usr/share/udhcpc');
  t.exe('usr/share/udhcpc/default.script', 3226, 'sh-script');
  const pkgs: ApkPkg[] = [
    { name: 'alpine-baselayout', version: '3.7.0-r0', desc: 'Alpine base dir structure and init scripts', url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', license: 'GPL-2.0-only', size: 8192, files: ['etc/motd', 'etc/crontabs/root', 'etc/profile', 'etc/profile.d/locale.sh', 'etc/shells', 'etc/sysctl.conf'] },
    { name: 'alpine-baselayout-data', version: '3.7.0-r0', desc: 'Alpine base dir structure and init scripts', url: 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', license: 'GPL-2.0-only', size: 18432, files: ['etc/fstab', 'etc/group', 'etc/hostname', 'etc/hosts', 'etc/inittab', 'etc/modules', 'etc/nsswitch.conf', 'etc/passwd', 'etc/shadow'] },
    { name: 'alpine-keys', version: '2.5-r0', desc: 'Public keys for Alpine Linux packages', url: 'https://alpinelinux.org', license: 'MIT', size: 13312, files: keys.map((k) => `etc/apk/keys/${k}`) },
    { name: 'alpine-release', version: `${rel.version}-r0`, desc: 'Alpine release data', url: 'https://alpinelinux.org', license: 'MIT', size: 4096, files: ['etc/alpine-release', 'usr/lib/os-release', 'etc/issue', 'etc/secfixes.d/alpine'] },
    { name: 'apk-tools', version: rel.apk, desc: 'Alpine Package Keeper - package manager for alpine', url: 'https://gitlab.alpinelinux.org/alpine/apk-tools', license: 'GPL-2.0-only', size: 126976, files: ['sbin/apk'] },
    { name: 'busybox', version: rel.busybox, desc: 'Size optimized toolbox of many common UNIX utilities', url: 'https://busybox.net/', license: 'GPL-2.0-only', size: 817152, files: ['bin/busybox', 'etc/busybox-paths.d/busybox', 'etc/securetty', 'etc/udhcpc/udhcpc.conf', 'usr/share/udhcpc/default.script'] },
    { name: 'busybox-binsh', version: rel.busybox, desc: 'busybox ash /bin/sh', url: 'https://busybox.net/', license: 'GPL-2.0-only', size: 1, files: ['bin/sh'] },
    { name: 'ca-certificates-bundle', version: '20250619-r0', desc: 'Pre generated bundle of Mozilla certificates', url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', license: 'MPL-2.0 AND MIT', size: 221184, files: ['etc/ssl/cert.pem', 'etc/ssl/certs/ca-certificates.crt'] },
    { name: 'libapk2', version: rel.apk, desc: 'Alpine Package Keeper - package manager for alpine', url: 'https://gitlab.alpinelinux.org/alpine/apk-tools', license: 'GPL-2.0-only', size: 217088, files: ['usr/lib/libapk.so.2.14.0'] },
    { name: 'libcrypto3', version: rel.openssl, desc: 'Crypto library from openssl', url: 'https://www.openssl.org/', license: 'Apache-2.0', size: 4759552, files: ['usr/lib/libcrypto.so.3', 'usr/lib/engines-3/afalg.so', 'usr/lib/engines-3/capi.so', 'usr/lib/engines-3/loader_attic.so', 'usr/lib/engines-3/padlock.so', 'usr/lib/ossl-modules/legacy.so'] },
    { name: 'libssl3', version: rel.openssl, desc: 'SSL shared libraries', url: 'https://www.openssl.org/', license: 'Apache-2.0', size: 786432, files: ['usr/lib/libssl.so.3'] },
    { name: 'musl', version: rel.musl, desc: 'the musl c library (libc) implementation', url: 'https://musl.libc.org/', license: 'MIT', size: 654336, files: ['lib/ld-musl-x86_64.so.1', 'lib/libc.musl-x86_64.so.1'] },
    { name: 'musl-utils', version: rel.musl, desc: 'the musl c library (libc) implementation', url: 'https://musl.libc.org/', license: 'MIT AND BSD-2-Clause AND GPL-2.0-or-later', size: 135168, files: ['sbin/ldconfig', 'usr/bin/getconf', 'usr/bin/getent', 'usr/bin/iconv', 'usr/bin/ldd'] },
    { name: 'scanelf', version: '1.3.8-r1', desc: 'Scan ELF binaries for stuff', url: 'https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities', license: 'GPL-2.0-only', size: 81920, files: ['usr/bin/scanelf'] },
    { name: 'ssl_client', version: rel.busybox, desc: 'EXternal ssl_client for busybox wget', url: 'https://busybox.net/', license: 'GPL-2.0-only', size: 14336, files: ['usr/bin/ssl_client'] },
    { name: 'zlib', version: '1.3.1-r2', desc: 'A compression/decompression Library', url: 'https://zlib.net/', license: 'Zlib', size: 102400, files: ['usr/lib/libz.so.1', 'usr/lib/libz.so.1.3.1'] },
  ];
  t.text('etc/secfixes.d/alpine', 'secfixes:\n  3.12.6-r0:\n    - CVE-2021-36159\n');
  t.text('lib/apk/db/installed', installedDb(pkgs, Date.parse(rel.created) / 1000 - 86400 * 20));
  t.text('lib/apk/db/lock', '').text('lib/apk/db/scripts.tar', '').text('lib/apk/db/triggers', '');
  // libcrypto absorbs the difference to the real image's size (it is the biggest file).
  t.blob('usr/lib/libcrypto.so.3', 4621352 + target - t.bytes());
  return t;
}
