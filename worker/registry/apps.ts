/**
 * File trees of the application layers on top of the base images: nginx, python,
 * node, redis, mongo, hello-world and busybox. Each builder reproduces the key files
 * of the real layer (binaries marked with their simulated program, real config files,
 * entrypoint scripts) and tops up to the real layer's size with library/data files.
 */
import { APPLETS } from './alpine.ts';
import { bulkNames } from './debian.ts';
import { Tree } from './tree.ts';

const X = 'usr/lib/x86_64-linux-gnu';

/** hello-world: a single static binary of 10072 bytes. */
export function helloTree(key: string, mtime: number): Tree {
  return new Tree(key, mtime).exe('hello', 10072, 'hello');
}

/** busybox (glibc variant): the busybox binary, applets as hard links, glibc and a tiny /etc. */
export function busyboxTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  t.exe('bin/busybox', 1012720, 'busybox');
  const applets = [...APPLETS.bin.split(' '), ...APPLETS.sbin.split(' '), ...APPLETS.usrbin.split(' '), ...APPLETS.usrsbin.split(' ')].filter((a) => a !== 'busybox');
  for (const a of [...new Set(applets)].sort()) t.hardlink(`bin/${a}`, 'bin/busybox');
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

const NGINX_CONF = `
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
`;

const NGINX_DEFAULT = `server {
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

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** The nginx install layer (apt packages nginx, nginx-module-*, gettext-base, curl). */
export function nginxInstallTree(key: string, mtime: number, target: number, version: string): Tree {
  const t = new Tree(key, mtime);
  t.exe('usr/sbin/nginx', 1528880, 'nginx').exe('usr/sbin/nginx-debug', 1570968, 'nginx');
  t.text('etc/nginx/nginx.conf', NGINX_CONF.slice(1)).text('etc/nginx/conf.d/default.conf', NGINX_DEFAULT);
  t.blob('etc/nginx/mime.types', 5349).text('etc/nginx/fastcgi_params', 'fastcgi_param  QUERY_STRING       $query_string;\nfastcgi_param  REQUEST_METHOD     $request_method;\nfastcgi_param  CONTENT_TYPE       $content_type;\nfastcgi_param  CONTENT_LENGTH     $content_length;\n');
  t.text('etc/nginx/scgi_params', 'scgi_param  REQUEST_METHOD     $request_method;\nscgi_param  REQUEST_URI        $request_uri;\n').text('etc/nginx/uwsgi_params', 'uwsgi_param  QUERY_STRING       $query_string;\nuwsgi_param  REQUEST_METHOD     $request_method;\n');
  t.link('etc/nginx/modules', '../../usr/lib/nginx/modules');
  t.text('usr/share/nginx/html/index.html', NGINX_INDEX).text('usr/share/nginx/html/50x.html', NGINX_50X);
  for (const m of ['ngx_http_geoip_module', 'ngx_http_image_filter_module', 'ngx_http_js_module', 'ngx_http_xslt_filter_module', 'ngx_stream_geoip_module', 'ngx_stream_js_module']) {
    t.blob(`usr/lib/nginx/modules/${m}.so`, m.includes('js') ? 4800000 : 120000);
    t.blob(`usr/lib/nginx/modules/${m}-debug.so`, m.includes('js') ? 5100000 : 130000);
  }
  t.dir('var/cache/nginx').dir('var/log/nginx').dir('docker-entrypoint.d');
  t.link('var/log/nginx/access.log', '/dev/stdout').link('var/log/nginx/error.log', '/dev/stderr');
  t.exe('usr/bin/envsubst', 35560, 'envsubst').exe('usr/bin/curl', 297008, 'curl');
  t.text('etc/passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
  t.text('etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nwww-data:x:33:\nnogroup:x:65534:\nnginx:x:101:\n');
  t.text('usr/share/doc/nginx/README', `nginx ${version} packaged by nginx.org\n`);
  const libs = bulkNames(['libxml2.so.2', 'libxslt.so.1', 'libexslt.so.0', 'libgd.so.3', 'libjpeg.so.62', 'libpng16.so.16', 'libtiff.so.6', 'libwebp.so.7', 'libfreetype.so.6', 'libfontconfig.so.1', 'libX11.so.6', 'libxcb.so.1', 'libicuuc.so.72', 'libicudata.so.72', 'libGeoIP.so.1', 'libcurl.so.4', 'libssl.so.3', 'libcrypto.so.3', 'libnghttp2.so.14', 'libbrotlicommon.so.1'], 160, '');
  t.fillTo(Math.floor(target * 0.8), X, libs);
  t.fillTo(target, 'usr/share', bulkNames(['fonts/truetype/dejavu/DejaVuSans', 'GeoIP/GeoIP', 'X11/locale/compose', 'misc/magic'], 40, '.dat'));
  return t;
}

/** One small file at the root, like `COPY docker-entrypoint.sh /`. */
export function scriptTree(key: string, mtime: number, path: string, text: string): Tree {
  return new Tree(key, mtime).text(path, text, { mode: 0o775 });
}

/** python: runtime deps layer (ca-certificates, netbase, tzdata). */
export function pythonDepsTree(key: string, mtime: number, target: number): Tree {
  const t = new Tree(key, mtime);
  t.blob('etc/ssl/certs/ca-certificates.crt', 219466).text('etc/protocols', '# Internet (IP) protocols\nip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\n');
  t.text('etc/services', '# Network services, Internet style\ntcpmux\t\t1/tcp\nssh\t\t22/tcp\nhttp\t\t80/tcp\t\twww\nhttps\t\t443/tcp\n');
  t.fillTo(target, 'usr/share/ca-certificates/mozilla', bulkNames(['ACCVRAIZ1', 'AffirmTrust_Commercial', 'Amazon_Root_CA_1', 'Baltimore_CyberTrust_Root', 'DigiCert_Global_Root_CA', 'GlobalSign_Root_CA', 'ISRG_Root_X1', 'USERTrust_RSA_Certification_Authority'], 140, '.crt'));
  return t;
}

/** python: the compiled interpreter and standard library under /usr/local. */
export function pythonTree(key: string, mtime: number, target: number, short: string): Tree {
  const t = new Tree(key, mtime);
  t.exe(`usr/local/bin/python${short}`, 14416, 'python3').link('usr/local/bin/python3', `python${short}`);
  t.exe(`usr/local/bin/python${short}-config`, 3093, 'python3-config').link('usr/local/bin/python3-config', `python${short}-config`);
  t.exe(`usr/local/bin/pydoc${short}`, 84, 'pydoc').link('usr/local/bin/pydoc3', `pydoc${short}`).exe(`usr/local/bin/idle${short}`, 82, 'idle').link('usr/local/bin/idle3', `idle${short}`);
  t.exe('usr/local/bin/2to3-' + short, 96, '2to3').link('usr/local/bin/2to3', '2to3-' + short);
  t.blob(`usr/local/lib/libpython${short}.so.1.0`, 4174328).link(`usr/local/lib/libpython${short}.so`, `libpython${short}.so.1.0`).link('usr/local/lib/libpython3.so', `libpython${short}.so.1.0`);
  const lib = `usr/local/lib/python${short}`;
  t.text(`${lib}/os.py`, 'r"""OS routines for NT or Posix depending on what system we\'re on."""\n\nimport abc\nimport sys\nimport stat as st\n');
  t.spread(`${lib}/lib-dynload`, bulkNames(['_asyncio', '_bz2', '_codecs_cn', '_ctypes', '_decimal', '_hashlib', '_json', '_lzma', '_sqlite3', '_ssl', 'array', 'math', 'select', 'zlib'], 60, `.cpython-${short.replace('.', '')}-x86_64-linux-gnu.so`), Math.floor(target * 0.25));
  t.spread(`${lib}/encodings`, bulkNames(['cp1252', 'utf_8', 'latin_1', 'ascii', 'idna', 'mbcs', 'koi8_r', 'big5', 'euc_jp', 'shift_jis'], 120, '.py'), Math.floor(target * 0.04));
  t.spread(`${lib}/email`, bulkNames(['message', 'parser', 'generator', 'header', 'utils', 'charset', 'encoders', 'policy'], 30, '.py'), Math.floor(target * 0.02));
  t.spread(`${lib}/asyncio`, bulkNames(['base_events', 'events', 'futures', 'locks', 'queues', 'streams', 'subprocess', 'tasks'], 40, '.py'), Math.floor(target * 0.03));
  t.dir(`${lib}/site-packages`);
  t.spread(`usr/local/include/python${short}`, bulkNames(['Python', 'abstract', 'object', 'pyport', 'listobject', 'dictobject', 'unicodeobject'], 90, '.h'), Math.floor(target * 0.02));
  t.fillTo(target, lib, bulkNames(['argparse', 'ast', 'base64', 'collections', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime', 'enum', 'functools', 'glob', 'heapq', 'inspect', 'io', 'json', 'logging', 'pathlib', 'pickle', 'random', 're', 'shutil', 'socket', 'subprocess', 'tarfile', 'threading', 'typing', 'unittest', 'urllib', 'uuid', 'zipfile'], 620, '.py'));
  return t;
}

/** python: the aliases layer (python → python3, …). */
export function pythonLinksTree(key: string, mtime: number): Tree {
  const t = new Tree(key, mtime);
  for (const [dst, src] of [['idle', 'idle3'], ['pydoc', 'pydoc3'], ['python', 'python3'], ['python-config', 'python3-config']] as const) t.link(`usr/local/bin/${dst}`, src);
  return t;
}

/** python: pip and setuptools in site-packages. */
export function pipTree(key: string, mtime: number, target: number, short: string, pip: string): Tree {
  const t = new Tree(key, mtime);
  t.exe('usr/local/bin/pip', 227, 'pip').exe('usr/local/bin/pip3', 227, 'pip').exe(`usr/local/bin/pip${short}`, 227, 'pip');
  const sp = `usr/local/lib/python${short}/site-packages`;
  t.text(`${sp}/pip-${pip}.dist-info/METADATA`, `Metadata-Version: 2.1\nName: pip\nVersion: ${pip}\nSummary: The PyPA recommended tool for installing Python packages.\n`);
  t.spread(`${sp}/pip/_vendor`, bulkNames(['rich/console', 'rich/text', 'urllib3/connection', 'requests/sessions', 'packaging/version', 'pygments/lexer', 'distlib/util', 'certifi/cacert'], 200, '.py'), Math.floor(target * 0.55));
  t.fillTo(target, `${sp}/setuptools`, bulkNames(['dist', 'command/build_py', 'command/install', 'config', 'extension', 'wheel', '_distutils/core', '_vendor/more_itertools'], 120, '.py'));
  return t;
}

/** A Debian apt-install layer of generic libraries and tools with some named programs. */
export function aptLayerTree(key: string, mtime: number, target: number, programs: Record<string, number>, libStems: readonly string[]): Tree {
  const t = new Tree(key, mtime);
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

/** A layer that only adds a user and group (useradd/groupadd rewrite these files). */
export function userTree(key: string, mtime: number, user: string, uid: number, home?: string): Tree {
  const t = new Tree(key, mtime);
  t.text('etc/passwd', `root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n${user}:x:${uid}:${uid}::${home ?? '/home/' + user}:${home ? '/bin/bash' : '/bin/sh'}\n`);
  t.text('etc/group', `root:x:0:\ndaemon:x:1:\nbin:x:2:\nnogroup:x:65534:\n${user}:x:${uid}:\n`);
  t.text('etc/shadow', `root:*:20000:0:99999:7:::\n${user}:!:20290::::::\n`, { mode: 0o640, gid: 42 });
  t.text('etc/gshadow', `root:*::\n${user}:!::\n`, { mode: 0o640, gid: 42 });
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
