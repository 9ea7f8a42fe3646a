/**
 * The nginx image's install layer: the nginx.org packages' binaries, modules and real
 * default configuration (nginx.conf, conf.d/default.conf, the welcome page), the nginx
 * user (uid 101) and log symlinks to the container's stdout/stderr.
 */
import { X } from './apps.ts';
import { bulkNames, debGroup, debPasswd } from './debian.ts';
import { statusWith } from './dpkg.ts';
import { Tree } from './tree.ts';

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

/** The nginx install layer (apt packages nginx, nginx-module-*, gettext-base, curl) of about `target` bytes. */
export function nginxInstallTree(key: string, mtime: number, target: number, version: string, njs: string): Tree {
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
  t.text('etc/passwd', debPasswd(false, ['nginx:x:101:101:nginx user:/nonexistent:/bin/false']));
  t.text('etc/group', debGroup(false, ['nginx:x:101:']));
  const pkg = (name: string, kb: number, desc: string, v = `${version}-1~bookworm`): { name: string; version: string; section: string; kb: number; desc: string } => ({ name, version: v, section: 'httpd', kb, desc });
  t.text('var/lib/dpkg/status', statusWith(false, [pkg('nginx', 3398, 'high performance web server'), pkg('nginx-module-geoip', 208, 'nginx GeoIP dynamic modules'), pkg('nginx-module-image-filter', 180, 'nginx image filter dynamic module'), pkg('nginx-module-njs', 9832, 'nginx njs dynamic modules', `${version}+${njs}-1~bookworm`), pkg('nginx-module-xslt', 150, 'nginx xslt dynamic module'), { name: 'gettext-base', version: '0.21-12', section: 'utils', kb: 285, desc: 'GNU Internationalization utilities for the base system' }, { name: 'curl', version: '7.88.1-10+deb12u12', section: 'web', kb: 500, desc: 'command line tool for transferring data with URL syntax' }]));
  t.text('usr/share/doc/nginx/README', `nginx ${version} packaged by nginx.org\n`);
  const libs = bulkNames(['libxml2.so.2', 'libxslt.so.1', 'libexslt.so.0', 'libgd.so.3', 'libjpeg.so.62', 'libpng16.so.16', 'libtiff.so.6', 'libwebp.so.7', 'libfreetype.so.6', 'libfontconfig.so.1', 'libX11.so.6', 'libxcb.so.1', 'libicuuc.so.72', 'libicudata.so.72', 'libGeoIP.so.1', 'libcurl.so.4', 'libssl.so.3', 'libcrypto.so.3', 'libnghttp2.so.14', 'libbrotlicommon.so.1'], 160, '');
  t.fillTo(Math.floor(target * 0.8), X, libs);
  t.fillTo(target, 'usr/share', bulkNames(['fonts/truetype/dejavu/DejaVuSans', 'GeoIP/GeoIP', 'X11/locale/compose', 'misc/magic'], 40, '.dat'));
  return t;
}
