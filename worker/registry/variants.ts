/**
 * File trees of the variant images (catalog-variants.ts): the application layers of
 * nginx, python, node and redis on Alpine, python 3.12/3.13 (whose standard library is
 * not recorded file by file, unlike 3.9's), mongo 8 on Ubuntu, and the static busybox
 * builds. Same approach as apps.ts: the files a learner looks at are real (programs
 * with their exec markers, account files, entrypoints, configs), the rest of the real
 * layer's bytes is spread over plausibly named library files.
 */
import { ALPINE_GROUP, ALPINE_PASSWD, APPLETS } from './alpine.ts';
import { bulkNames } from './debian.ts';
import PY39 from './python-3.9-files.generated.json' with { type: 'json' };
import { Tree } from './tree.ts';

/** An Alpine layer that only adds accounts (busybox addgroup/adduser append to the files). */
export function alpineAccounts(t: Tree, users: ReadonlyArray<{ user: string; uid: number; gid: number; gecos: string; home: string; shell: string; member?: boolean; makeHome?: boolean }>): Tree {
  let passwd = ALPINE_PASSWD;
  let group = ALPINE_GROUP;
  let shadow = 'root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n';
  for (const u of users) {
    passwd += `${u.user}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}\n`;
    group += `${u.user}:x:${u.gid}:${u.member ? u.user : ''}\n`;
    shadow += `${u.user}:!:20284:0:99999:7:::\n`;
    if (u.makeHome) t.dir(u.home.slice(1), { uid: u.uid, gid: u.gid, mode: 0o2755 });
  }
  return t.text('etc/passwd', passwd).text('etc/group', group).text('etc/shadow', shadow, { mode: 0o640, gid: 42 });
}

/** Runtime libraries an Alpine app layer pulls in with `apk add` (names as in Alpine 3.22). */
const MUSL_LIBS = ['libstdc++.so.6.0.33', 'libgcc_s.so.1', 'libffi.so.8.1.4', 'libbz2.so.1.0.8', 'libsqlite3.so.0.8.6', 'libncursesw.so.6.5', 'libreadline.so.8.2', 'liblzma.so.5.8.1', 'libexpat.so.1.10.2', 'libgdbm.so.6.0.0', 'libmpdec.so.4.0.0', 'libuuid.so.1.3.0'];

/** nginx on Alpine: the nginx.org apk packages (`alpine-slim` has nginx alone; `alpine` adds njs, xslt, geoip, image-filter). */
export function nginxAlpineTree(key: string, mtime: number, target: number, modules: boolean): Tree {
  const t = new Tree(key, mtime);
  if (modules) {
    for (const m of ['ngx_http_geoip_module', 'ngx_http_image_filter_module', 'ngx_http_js_module', 'ngx_http_xslt_filter_module', 'ngx_stream_geoip_module', 'ngx_stream_js_module']) {
      t.blob(`usr/lib/nginx/modules/${m}.so`, m.includes('js') ? 4_100_000 : 110_000);
      t.blob(`usr/lib/nginx/modules/${m}-debug.so`, m.includes('js') ? 4_400_000 : 120_000);
    }
    t.exe('usr/bin/curl', 251_144, 'curl');
    t.fillTo(target, 'usr/lib', bulkNames(['libxml2.so.2', 'libxslt.so.1', 'libexslt.so.0', 'libgd.so.3', 'libjpeg.so.8', 'libpng16.so.16', 'libtiff.so.6', 'libwebp.so.7', 'libfreetype.so.6', 'libfontconfig.so.1', 'libavif.so.16', 'libheif.so.1', 'libGeoIP.so.1', 'libcurl.so.4', 'libnghttp2.so.14', 'libbrotlicommon.so.1', 'libicuuc.so.76', 'libicudata.so.76'], 90, ''));
    return t;
  }
  // alpine-slim: nginx and its configuration; the accounts, the log links, tzdata.
  alpineAccounts(t, [{ user: 'nginx', uid: 101, gid: 101, gecos: 'nginx', home: '/var/cache/nginx', shell: '/sbin/nologin', member: true }]);
  t.exe('usr/sbin/nginx', 1_361_824, 'nginx').exe('usr/sbin/nginx-debug', 1_412_120, 'nginx');
  t.exe('usr/bin/envsubst', 43_392, 'envsubst');
  t.text('etc/nginx/nginx.conf', NGINX_ALPINE_CONF).text('etc/nginx/conf.d/default.conf', NGINX_ALPINE_DEFAULT);
  t.blob('etc/nginx/mime.types', 5349).blob('etc/nginx/fastcgi_params', 1007).blob('etc/nginx/scgi_params', 636).blob('etc/nginx/uwsgi_params', 664);
  t.link('etc/nginx/modules', '/usr/lib/nginx/modules').dir('usr/lib/nginx/modules');
  t.blob('usr/share/nginx/html/index.html', 615).blob('usr/share/nginx/html/50x.html', 497);
  t.dir('var/cache/nginx', { uid: 101, gid: 101 }).dir('var/log/nginx').dir('docker-entrypoint.d');
  t.link('var/log/nginx/access.log', '/dev/stdout').link('var/log/nginx/error.log', '/dev/stderr');
  t.fillTo(target, 'usr/share/zoneinfo', bulkNames(['Africa/Abidjan', 'America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Etc/UTC'], 420, ''));
  return t;
}

// nginx.conf of the Alpine packages: as Debian's, but `user nginx;` runs from /var/run.
const NGINX_ALPINE_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);

const NGINX_ALPINE_DEFAULT = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** Top-level modules and packages of the CPython 3.12/3.13 standard library (Lib/). */
const STDLIB = ('__future__ __hello__ _aix_support _collections_abc _compat_pickle _compression _ios_support _markupbase _opcode_metadata _osx_support _py_abc _pydatetime _pydecimal _pyio _pylong _sitebuiltins _strptime _threading_local _weakrefset '
  + 'abc antigravity argparse ast base64 bdb bisect bz2 calendar cmd code codecs codeop colorsys compileall configparser contextlib contextvars copy copyreg cProfile csv dataclasses datetime decimal difflib dis doctest enum filecmp fileinput fnmatch fractions ftplib functools genericpath getopt getpass gettext glob graphlib gzip hashlib heapq hmac imaplib inspect io ipaddress keyword linecache locale lzma mailbox mimetypes modulefinder netrc ntpath nturl2path numbers opcode operator optparse os pdb pickle pickletools pkgutil platform plistlib poplib posixpath pprint profile pstats pty py_compile pyclbr pydoc queue quopri random reprlib rlcompleter runpy sched secrets selectors shelve shlex shutil signal site smtplib socket socketserver ssl stat statistics string stringprep struct subprocess symtable tabnanny tarfile tempfile textwrap this threading timeit token tokenize trace traceback tracemalloc tty turtle types typing uuid warnings wave weakref webbrowser zipapp zipimport').split(' ');
const STDLIB_PACKAGES = ['asyncio/base_events', 'asyncio/events', 'asyncio/tasks', 'asyncio/streams', 'collections/__init__', 'concurrent/futures/thread', 'ctypes/__init__', 'curses/__init__', 'dbm/__init__', 'email/message', 'email/parser', 'email/_header_value_parser', 'encodings/utf_8', 'encodings/aliases', 'ensurepip/__init__', 'html/parser', 'http/client', 'http/server', 'http/cookiejar', 'idlelib/pyshell', 'importlib/metadata/__init__', 'importlib/resources/_common', 'json/decoder', 'json/encoder', 'logging/__init__', 'logging/handlers', 'multiprocessing/connection', 'multiprocessing/pool', 'pathlib/_local', 'pydoc_data/topics', 're/_compiler', 're/_parser', 'sqlite3/dbapi2', 'sysconfig/__init__', 'tkinter/__init__', 'tomllib/_parser', 'unittest/case', 'unittest/mock', 'urllib/parse', 'urllib/request', 'venv/__init__', 'wsgiref/simple_server', 'xml/dom/minidom', 'xml/etree/ElementTree', 'xmlrpc/client', 'zipfile/__init__', 'zoneinfo/_zoneinfo', '_pyrepl/reader', '_pyrepl/simple_interact'];
// Extension modules 3.12/3.13 no longer build (PEP 594 removals and renamed internals).
const REMOVED_IN_312 = new Set(['audioop', '_crypt', 'nis', 'ossaudiodev', 'spwd', '_xxsubinterpreters', 'xxlimited_35', '_msi', 'parser', '_peg_parser', 'xxlimited']);

/** What distinguishes one CPython build of the official images. */
export interface PythonBuild { short: string; pip: string; musl: boolean }

/**
 * python 3.12/3.13: interpreter, libpython, headers, the standard library (real
 * module names; sizes spread over them) and, since 3.12, pip installed by
 * ensurepip in the same layer (no setuptools). The standard library's files are
 * not recorded one by one as 3.9's are: the names are CPython's, the per-file
 * sizes are not.
 */
export function pythonModernTree(key: string, mtime: number, target: number, b: PythonBuild): Tree {
  const t = new Tree(key, mtime);
  // On Alpine, the build's `apk add --virtual .python-rundeps` keeps the shared libraries the modules link.
  if (b.musl) muslRuntime(t, 3_900_000);
  const s = b.short;
  t.exe(`usr/local/bin/python${s}`, 14_472, 'python3').link('usr/local/bin/python3', `python${s}`);
  t.exe(`usr/local/bin/python${s}-config`, 3_129, 'python3-config').link('usr/local/bin/python3-config', `python${s}-config`);
  t.exe(`usr/local/bin/pydoc${s}`, 84, 'pydoc').link('usr/local/bin/pydoc3', `pydoc${s}`).exe(`usr/local/bin/idle${s}`, 82, 'idle').link('usr/local/bin/idle3', `idle${s}`);
  t.exe('usr/local/bin/pip3', 238, 'pip').exe(`usr/local/bin/pip${s}`, 238, 'pip');
  t.blob(`usr/local/lib/libpython${s}.so.1.0`, b.musl ? 6_402_832 : 7_129_000).link(`usr/local/lib/libpython${s}.so`, `libpython${s}.so.1.0`).link('usr/local/lib/libpython3.so', `libpython${s}.so.1.0`);
  const lib = `usr/local/lib/python${s}`;
  const tag = s.replace('.', '');
  const sp = `${lib}/site-packages`;
  t.text(`${sp}/README.txt`, 'This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n');
  t.text(`${sp}/pip-${b.pip}.dist-info/METADATA`, `Metadata-Version: 2.4\nName: pip\nVersion: ${b.pip}\nSummary: The PyPA recommended tool for installing Python packages.\n`);
  t.text(`${sp}/pip-${b.pip}.dist-info/INSTALLER`, 'pip\n');
  t.spread(`${sp}/pip/_internal`, bulkNames(['cli/main', 'commands/install', 'index/package_finder', 'network/session', 'operations/prepare', 'req/req_install', 'resolution/resolvelib/resolver', 'utils/misc'], 90, '.py'), 3_200_000);
  t.spread(`${sp}/pip/_vendor`, bulkNames(['rich/console', 'requests/sessions', 'urllib3/connectionpool', 'packaging/version', 'pygments/lexer', 'resolvelib/resolvers', 'certifi/cacert', 'idna/idnadata', 'msgpack/fallback', 'truststore/_api'], 260, '.py'), 7_400_000);
  t.spread(`usr/local/include/python${s}`, bulkNames(['Python', 'object', 'pyport', 'abstract', 'unicodeobject', 'listobject', 'dictobject', 'cpython/object', 'internal/pycore_object', 'internal/pycore_runtime'], 190, '.h'), 1_900_000);
  t.blob(`${lib}/_sysconfigdata__linux_x86_64-linux-${b.musl ? 'musl' : 'gnu'}.py`, 52_316);
  const config = `${lib}/config-${s}-x86_64-linux-${b.musl ? 'musl' : 'gnu'}`;
  for (const [name, size] of [['Makefile', 148_209], ['Setup', 11_511], ['Setup.bootstrap', 1_079], ['Setup.local', 41], ['Setup.stdlib', 7_120], ['config.c', 3_652], ['config.c.in', 1_752], ['python.o', 10_304]] as const) t.blob(`${config}/${name}`, size);
  const rest = target - t.bytes();
  t.spread(lib, STDLIB.map((m) => `${m}.py`), Math.floor(rest * 0.4));
  t.spread(lib, STDLIB_PACKAGES.map((m) => `${m}.py`), Math.floor(rest * 0.35));
  const dyn = PY39.dynload.split(' ').filter((m) => !REMOVED_IN_312.has(m)).map((m) => `${m}.cpython-${tag}-x86_64-linux-${b.musl ? 'musl' : 'gnu'}.so`);
  t.fillTo(target, `${lib}/lib-dynload`, dyn);
  return t;
}

/** python: the aliases layer of 3.12+ (pip joins idle, pydoc, python, python-config). */
export function pythonModernLinksTree(key: string, mtime: number): Tree {
  const t = new Tree(key, mtime);
  for (const [dst, src] of [['idle', 'idle3'], ['pip', 'pip3'], ['pydoc', 'pydoc3'], ['python', 'python3'], ['python-config', 'python3-config']] as const) t.link(`usr/local/bin/${dst}`, src);
  return t;
}

/** python on Alpine: `apk add ca-certificates tzdata` (the runtime deps layer). */
export function apkDepsTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  t.blob('etc/ssl/certs/ca-certificates.crt', 219_342).exe('usr/sbin/update-ca-certificates', 30_968, 'update-ca-certificates');
  t.text('etc/ca-certificates.conf', '# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\n');
  t.fillTo(target, 'usr/share/zoneinfo', bulkNames(['Africa/Abidjan', 'America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Etc/UTC'], 600, ''));
  return t;
}

/** The shared libraries a musl build's `apk add --virtual .xxx-rundeps` leaves in /usr/lib. */
export function muslRuntime(t: Tree, bytes: number): Tree {
  return t.spread('usr/lib', MUSL_LIBS, bytes);
}

/**
 * node on Alpine: the user (same RUN as the install there), libstdc++ and the
 * unofficial-builds musl tarball under /usr/local.
 */
export function nodeAlpineTree(key: string, mtime: number, target: number, version: string): Tree {
  const t = new Tree(key, mtime);
  alpineAccounts(t, [{ user: 'node', uid: 1000, gid: 1000, gecos: 'Linux User,,,', home: '/home/node', shell: '/bin/sh', member: true, makeHome: true }]);
  muslRuntime(t, 2_900_000);
  nodeFiles(t, target, version, 104_221_640);
  return t;
}

/** The files of the Node.js release tarball under /usr/local (as apps.ts nodeTree, with the binary's size given). */
export function nodeFiles(t: Tree, target: number, version: string, binary: number): Tree {
  t.exe('usr/local/bin/node', binary, 'node').link('usr/local/bin/nodejs', 'node');
  t.link('usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').link('usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
  t.link('usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js');
  t.exe('usr/local/lib/node_modules/npm/bin/npm-cli.js', 54, 'npm').exe('usr/local/lib/node_modules/npm/bin/npx-cli.js', 2922, 'npx');
  t.exe('usr/local/lib/node_modules/corepack/dist/corepack.js', 81, 'corepack');
  const [major, minor, patch] = version.split('.');
  t.text('usr/local/include/node/node_version.h', `#define NODE_MAJOR_VERSION ${major}\n#define NODE_MINOR_VERSION ${minor}\n#define NODE_PATCH_VERSION ${patch}\n`);
  t.spread('usr/local/include/node', bulkNames(['v8', 'uv', 'openssl/ssl', 'node', 'node_api', 'js_native_api', 'cppgc/heap', 'libplatform/libplatform'], 260, '.h'), Math.floor(target * 0.05));
  t.spread('usr/local/share/doc/node', ['gdbinit', 'lldb_commands.py'], 60_000);
  t.spread('usr/local/lib/node_modules/corepack/dist', bulkNames(['lib/corepack', 'vcc', 'npm', 'pnpm', 'yarn'], 12, '.cjs'), 1_100_000);
  t.fillTo(target, 'usr/local/lib/node_modules/npm/node_modules', bulkNames(['@npmcli/arborist/lib/arborist', '@sigstore/core/dist/index', 'semver/classes/range', 'tar/lib/pack', 'minipass/dist/commonjs/index', 'cacache/lib/index', 'pacote/lib/fetcher', 'node-gyp/lib/configure', 'glob/dist/commonjs/glob', 'lru-cache/dist/commonjs/index'], 1400, '.js'));
  return t;
}

/** yarn 1.22.22 under /opt with its two links (the same on every base). */
export function yarnTree(key: string, mtime: number): Tree {
  return new Tree(key, mtime)
    .exe('opt/yarn-v1.22.22/bin/yarn', 1016, 'yarn').exe('opt/yarn-v1.22.22/bin/yarn.js', 42, 'yarn.js')
    .spread('opt/yarn-v1.22.22/lib', ['cli.js', 'v8-compile-cache.js'], 5_340_000 - 1058)
    .link('usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn').link('usr/local/bin/yarnpkg', '/opt/yarn-v1.22.22/bin/yarnpkg');
}

/** busybox built statically against musl or uClibc: one binary under every applet name, a tiny /etc. */
export function busyboxStaticTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  const etc = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
  t.text('etc/passwd', etc).text('etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n');
  t.text('etc/shadow', 'root::10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nbin:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n', { mode: 0o600 });
  t.text('etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\npasswd:\t\tfiles\ngroup:\t\tfiles\nshadow:\t\tfiles\n');
  for (const d of ['home', 'root', 'usr/sbin', 'var/spool/mail', 'var/www']) t.dir(d);
  t.dir('tmp', { mode: 0o1777 });
  // The static binary is all the image's bytes but /etc.
  t.exe('bin/[', target - t.bytes(), 'busybox');
  const applets = [...APPLETS.bin.split(' '), ...APPLETS.sbin.split(' '), ...APPLETS.usrbin.split(' '), ...APPLETS.usrsbin.split(' '), 'busybox', 'httpd'].filter((a) => a !== '[');
  for (const a of [...new Set(applets)].sort()) t.hardlink(`bin/${a}`, 'bin/[');
  return t;
}
