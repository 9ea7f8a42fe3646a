/**
 * File trees of the application layers on top of the base images: nginx, python,
 * node, redis, mongo, hello-world and busybox. Each builder reproduces the key files
 * of the real layer (binaries marked with their simulated program, real config files,
 * entrypoint scripts) and tops up to the real layer's size with library/data files.
 */
import { APPLETS } from './alpine.ts';
import { bulkNames, debGroup, debPasswd } from './debian.ts';
import { statusWith } from './dpkg.ts';
import type { DebPkg } from './dpkg.ts';
import { Tree } from './tree.ts';
import PY39 from './python-3.9-files.generated.json' with { type: 'json' };

/** Multiarch library directory of Debian-family images. */
export const X = 'usr/lib/x86_64-linux-gnu';

/** hello-world: a single static binary of 10072 bytes. */
export function helloTree(key: string, mtime: number): Tree {
  return new Tree(key, mtime).exe('hello', 10072, 'hello');
}

/** busybox (glibc variant): the busybox binary under all applet names (hard links), glibc and a tiny /etc. */
export function busyboxTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  // All applets are one inode; the tar holds it as the first name in walk order, `bin/[`,
  // and every other name (bin/busybox too) as a hard link to it, as in the real image.
  t.exe('bin/[', 1012720, 'busybox');
  // The full busybox build also has httpd (Alpine moves it to busybox-extras): the lab's static web server.
  const applets = [...APPLETS.bin.split(' '), ...APPLETS.sbin.split(' '), ...APPLETS.usrbin.split(' '), ...APPLETS.usrsbin.split(' '), 'busybox', 'httpd'].filter((a) => a !== '[');
  for (const a of [...new Set(applets)].sort()) t.hardlink(`bin/${a}`, 'bin/[');
  for (const d of ['home', 'root', 'usr/sbin', 'var/spool/mail', 'var/www']) t.dir(d);
  t.dir('tmp', { mode: 0o1777 });
  t.text('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
  t.text('etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n');
  t.text('etc/shadow', 'root::10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nbin:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', { mode: 0o600 });
  t.text('etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\npasswd:\t\tfiles\ngroup:\t\tfiles\nshadow:\t\tfiles\n');
  t.exe('lib/ld-linux-x86-64.so.2', 210968, 'ld-linux').link('lib64', 'lib');
  t.blob('lib/libc.so.6', 1922136).blob('lib/libm.so.6', 907784).blob('lib/libresolv.so.2', 68104);
  t.fillTo(target, 'lib', ['libnss_files.so.2', 'libnss_dns.so.2', 'libpthread.so.0']);
  return t;
}

/** One small file at the root, like `COPY docker-entrypoint.sh /`. */
export function scriptTree(key: string, mtime: number, path: string, text: string): Tree {
  return new Tree(key, mtime).text(path, text, { mode: 0o775 });
}

/** python: runtime deps layer (ca-certificates, netbase, tzdata). */
export function pythonDepsTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  t.text('var/lib/dpkg/status', statusWith(false, [
    { name: 'ca-certificates', version: '20230311+deb12u1', section: 'misc', kb: 384, desc: 'Common CA certificates' },
    { name: 'netbase', version: '6.4', section: 'admin', kb: 41, desc: 'Basic TCP/IP networking system' },
    { name: 'openssl', version: '3.0.16-1~deb12u1', section: 'utils', kb: 2303, desc: 'Secure Sockets Layer toolkit - cryptographic utility' },
  ]));
  t.blob('etc/ssl/certs/ca-certificates.crt', 219466).text('etc/protocols', '# Internet (IP) protocols\nip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\n');
  t.text('etc/services', '# Network services, Internet style\ntcpmux\t\t1/tcp\nssh\t\t22/tcp\nhttp\t\t80/tcp\t\twww\nhttps\t\t443/tcp\n');
  t.fillTo(target, 'usr/share/ca-certificates/mozilla', bulkNames(['ACCVRAIZ1', 'AffirmTrust_Commercial', 'Amazon_Root_CA_1', 'Baltimore_CyberTrust_Root', 'DigiCert_Global_Root_CA', 'GlobalSign_Root_CA', 'ISRG_Root_X1', 'USERTrust_RSA_Certification_Authority'], 140, '.crt'));
  return t;
}

/**
 * python: the compiled interpreter and standard library under /usr/local, as
 * `make install` lays out CPython 3.9 and the official Dockerfile then trims it
 * (no tests, no bytecode). Library files, headers and extension module names
 * come from python-3.9-files.generated.json (recorded from the CPython source by
 * generate-python-files.sh), with their real sizes; the extension modules'
 * sizes are not recorded, so the layer's remaining bytes are spread over them.
 */
export function pythonTree(key: string, mtime: number, target: number, short: string): Tree {
  if (short !== '3.9') throw new Error(`no recorded file list for Python ${short}`);
  const t = new Tree(key, mtime);
  t.exe(`usr/local/bin/python${short}`, 14416, 'python3').link('usr/local/bin/python3', `python${short}`);
  t.exe(`usr/local/bin/python${short}-config`, 3093, 'python3-config').link('usr/local/bin/python3-config', `python${short}-config`);
  t.exe(`usr/local/bin/pydoc${short}`, 84, 'pydoc').link('usr/local/bin/pydoc3', `pydoc${short}`).exe(`usr/local/bin/idle${short}`, 82, 'idle').link('usr/local/bin/idle3', `idle${short}`);
  t.exe('usr/local/bin/2to3-' + short, 96, '2to3').link('usr/local/bin/2to3', '2to3-' + short);
  t.blob(`usr/local/lib/libpython${short}.so.1.0`, 4174328).link(`usr/local/lib/libpython${short}.so`, `libpython${short}.so.1.0`).link('usr/local/lib/libpython3.so', `libpython${short}.so.1.0`);
  const lib = `usr/local/lib/python${short}`;
  const add = (dir: string, lines: string): void => {
    for (const line of lines.split('\n')) {
      const [path, size, x] = line.split(' ');
      t.blob(`${dir}/${path}`, Number(size), undefined, x ? { mode: 0o755 } : {});
    }
  };
  add(lib, PY39.lib);
  add(`usr/local/include/python${short}`, PY39.include);
  // Files make install generates: the build's sysconfig data, lib2to3's grammar pickles, the config directory (libpython*.a
  // removed by the image). Their names are CPython's; their sizes are estimates (a build's output, not in the source).
  t.blob(`${lib}/_sysconfigdata__linux_x86_64-linux-gnu.py`, 41296).blob('usr/local/include/python3.9/pyconfig.h', 46658);
  t.blob(`${lib}/lib2to3/Grammar3.9.23.final.0.pickle`, 15313).blob(`${lib}/lib2to3/PatternGrammar3.9.23.final.0.pickle`, 1225);
  const config = `${lib}/config-${short}-x86_64-linux-gnu`;
  for (const [name, size] of [['Makefile', 91406], ['Setup', 14912], ['Setup.local', 41], ['config.c', 3418], ['config.c.in', 1623], ['python.o', 10240]] as const) t.blob(`${config}/${name}`, size);
  for (const [name, size] of [['install-sh', 15368], ['makesetup', 7848], ['python-config.py', 2038]] as const) t.blob(`${config}/${name}`, size, undefined, { mode: 0o755 });
  t.dir(`${lib}/site-packages`);
  t.fillTo(target, `${lib}/lib-dynload`, PY39.dynload.split(' ').map((m) => `${m}.cpython-${short.replace('.', '')}-x86_64-linux-gnu.so`));
  return t;
}

/** python: the aliases layer (python → python3, …). */
export function pythonLinksTree(key: string, mtime: number): Tree {
  const t = new Tree(key, mtime);
  for (const [dst, src] of [['idle', 'idle3'], ['pydoc', 'pydoc3'], ['python', 'python3'], ['python-config', 'python3-config']] as const) t.link(`usr/local/bin/${dst}`, src);
  return t;
}

/**
 * python: pip and setuptools in site-packages. pip's files are its 23.0.1
 * wheel's, with their sizes (python-3.9-files.generated.json); setuptools
 * 58.1.0's file list is not recorded (no copy of it is reachable offline), so
 * its part of the layer is still filler under setuptools/.
 */
export function pipTree(key: string, mtime: number, target: number, short: string, pip: string): Tree {
  if (pip !== '23.0.1') throw new Error(`no recorded file list for pip ${pip}`);
  const t = new Tree(key, mtime);
  t.exe('usr/local/bin/pip', 227, 'pip').exe('usr/local/bin/pip3', 227, 'pip').exe(`usr/local/bin/pip${short}`, 227, 'pip');
  const sp = `usr/local/lib/python${short}/site-packages`;
  for (const line of PY39.pip.split('\n')) {
    const [path, size] = line.split(' ');
    if (path !== `pip-${pip}.dist-info/METADATA`) t.blob(`${sp}/${path}`, Number(size));
  }
  t.text(`${sp}/pip-${pip}.dist-info/METADATA`, `Metadata-Version: 2.1\nName: pip\nVersion: ${pip}\nSummary: The PyPA recommended tool for installing Python packages.\n`);
  // What pip adds when it installs itself (get-pip.py): the installer's name and the requested marker.
  t.text(`${sp}/pip-${pip}.dist-info/INSTALLER`, 'pip\n').text(`${sp}/pip-${pip}.dist-info/REQUESTED`, '');
  t.fillTo(target, `${sp}/setuptools`, bulkNames(['dist', 'command/build_py', 'command/install', 'config', 'extension', 'wheel', '_distutils/core', '_vendor/more_itertools'], 120, '.py'));
  return t;
}

/** A Debian apt-install layer: named programs, libraries, and the dpkg database updated with `pkgs`. */
export function aptLayerTree(key: string, mtime: number, target: number, programs: Record<string, number>, libStems: readonly string[], pkgs: readonly DebPkg[], ubuntu = false): Tree {
  const t = new Tree(key, mtime);
  t.text('var/lib/dpkg/status', statusWith(ubuntu, pkgs));
  for (const p of pkgs) t.text(`var/lib/dpkg/info/${p.name}.list`, `/.\n/usr/share/doc/${p.name}\n`);
  for (const [p, size] of Object.entries(programs)) t.exe(`usr/bin/${p}`, size, p);
  t.spread('usr/share/doc', bulkNames(libStems.map((s) => `${s}/copyright`), libStems.length, ''), Math.floor(target * 0.01));
  t.fillTo(target, X, bulkNames(libStems.map((s) => `lib${s}.so.`), Math.max(40, Math.ceil(target / 400000)), '0'));
  return t;
}

/** node: the Node.js install (binary, headers, npm and corepack under /usr/local). */
export function nodeTree(key: string, mtime: number, target: number, version: string): Tree {
  const t = new Tree(key, mtime);
  t.exe('usr/local/bin/node', 120540152, 'node').link('usr/local/bin/nodejs', 'node');
  t.link('usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').link('usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
  t.link('usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js');
  t.exe('usr/local/lib/node_modules/npm/bin/npm-cli.js', 54, 'npm').exe('usr/local/lib/node_modules/npm/bin/npx-cli.js', 2922, 'npx');
  t.exe('usr/local/lib/node_modules/corepack/dist/corepack.js', 81, 'corepack');
  t.text('usr/local/include/node/node_version.h', `#define NODE_MAJOR_VERSION ${version.split('.')[0]}\n#define NODE_MINOR_VERSION ${version.split('.')[1]}\n#define NODE_PATCH_VERSION ${version.split('.')[2]}\n`);
  t.spread('usr/local/include/node', bulkNames(['v8', 'uv', 'openssl/ssl', 'node', 'node_api', 'js_native_api', 'cppgc/heap', 'libplatform/libplatform'], 260, '.h'), Math.floor(target * 0.05));
  t.spread('usr/local/share/doc/node', ['gdbinit', 'lldb_commands.py'], 60000);
  t.spread('usr/local/lib/node_modules/corepack/dist', bulkNames(['lib/corepack', 'vcc', 'npm', 'pnpm', 'yarn'], 12, '.cjs'), 1100000);
  t.fillTo(target, 'usr/local/lib/node_modules/npm/node_modules', bulkNames(['@npmcli/arborist/lib/arborist', '@sigstore/core/dist/index', 'semver/classes/range', 'tar/lib/pack', 'minipass/dist/commonjs/index', 'cacache/lib/index', 'pacote/lib/fetcher', 'node-gyp/lib/configure', 'glob/dist/commonjs/glob', 'lru-cache/dist/commonjs/index'], 1400, '.js'));
  return t;
}

/** A layer that only adds a user and group: useradd rewrites the account files. */
export function userTree(key: string, mtime: number, user: string, uid: number, home?: string): Tree {
  const t = new Tree(key, mtime);
  const shell = home ? '/bin/bash' : '/bin/sh';
  t.text('etc/passwd', debPasswd(false, [`${user}:x:${uid}:${uid}::${home ?? '/home/' + user}:${shell}`]));
  t.text('etc/group', debGroup(false, [`${user}:x:${uid}:`]));
  t.text('etc/shadow', `root:*:20000:0:99999:7:::\ndaemon:*:20000:0:99999:7:::\nbin:*:20000:0:99999:7:::\nnobody:*:20000:0:99999:7:::\n${user}:!:20290::::::\n`, { mode: 0o640, gid: 42 });
  t.text('etc/gshadow', `root:*::\ndaemon:*::\nbin:*::\nshadow:*::\nnogroup:*::\n${user}:!::\n`, { mode: 0o640, gid: 42 });
  t.blob('var/log/faillog', 32 * (uid + 1)).blob('var/log/lastlog', 292 * (uid + 1));
  if (home) t.dir(home.slice(1), { uid, gid: uid }).text(`${home.slice(1)}/.bashrc`, '# ~/.bashrc: executed by bash(1) for non-login shells.\n', { uid, gid: uid });
  return t;
}

/** Generic big install under /usr/local or /usr/bin with named programs (redis, mongo, yarn, gosu). */
export function programsTree(key: string, mtime: number, target: number, dir: string, programs: Record<string, number>, links: Record<string, string>, fillDir: string, stems: readonly string[]): Tree {
  const t = new Tree(key, mtime);
  for (const [p, size] of Object.entries(programs)) t.exe(`${dir}/${p}`, size, p);
  for (const [l, target2] of Object.entries(links)) t.link(`${dir}/${l}`, target2);
  if (target > t.bytes()) t.fillTo(target, fillDir, bulkNames(stems, Math.max(8, Math.ceil((target - t.bytes()) / 600000)), ''));
  return t;
}
