/**
 * Exec marker → program. Heavy programs (package managers, figlet with its fonts, the
 * node and python interpreters, nginx) are loaded with import() on first use, so none
 * of them weighs on the page's initial bundle.
 */
import type { Program } from './program.ts';

type Loader = () => Promise<Program>;

const tools = (): Promise<typeof import('./applets/tools.ts')> => import('./applets/tools.ts');
const langs = (): Promise<typeof import('./apps/languages.ts')> => import('./apps/languages.ts');
const dockerImage = (): Promise<typeof import('./apps/docker-image.ts')> => import('./apps/docker-image.ts');

// The language and application images' programs (registry/catalog-languages.ts).
const LANGUAGE_LOADERS: Record<string, Loader> = {
  go: async () => (await langs()).go,
  java: async () => (await langs()).java,
  javac: async () => (await langs()).javaTool,
  jshell: async () => (await langs()).javaTool,
  ruby: async () => (await langs()).ruby,
  php: async () => (await langs()).php,
  rustup: async () => (await langs()).rustup,
  rustc: async () => (await langs()).rustup,
  cargo: async () => (await langs()).rustup,
  rustdoc: async () => (await langs()).rustup,
  apache2: async () => (await import('./apps/apache.ts')).apache2,
  'php-fpm': async () => (await import('./apps/apache.ts')).phpFpm,
  docker: async () => (await dockerImage()).docker,
  'docker-compose': async () => (await dockerImage()).dockerCompose,
  dockerd: async () => (await dockerImage()).dockerd,
  dind: async () => (await dockerImage()).dind,
};

const LOADERS: Record<string, Loader> = {
  busybox: async () => (await tools()).busybox,
  apk: async () => (await import('./packages/apk.ts')).apk,
  'apt-get': async () => (await import('./packages/apt.ts')).aptGet,
  apt: async () => (await import('./packages/apt.ts')).apt,
  dpkg: async () => (await import('./packages/dpkg.ts')).dpkg,
  'dpkg-query': async () => (await import('./packages/dpkg.ts')).dpkg,
  figlet: async () => (await import('./apps/figlet.ts')).figlet,
  node: async () => (await import('./apps/node.ts')).node,
  python3: async () => (await import('./apps/python.ts')).python,
  nginx: async () => (await import('./apps/nginx.ts')).nginx,
  hello: async () => (await import('./apps/hello.ts')).hello,
  ...serviceLoaders(),
  ...LANGUAGE_LOADERS,
};

/** The service images' servers and clients (apps/services.ts), one lazy chunk. */
function serviceLoaders(): Record<string, Loader> {
  const services = (): Promise<typeof import('./apps/services.ts')> => import('./apps/services.ts');
  const names = { gosu: 'gosu', 'su-exec': 'suExec', postgres: 'postgres', initdb: 'initdb', pg_ctl: 'pgCtl', psql: 'psql', pg_isready: 'pgIsready', mysqld: 'mysqld', mysqladmin: 'mysqladmin', 'mariadb-admin': 'mysqladmin', mysql: 'mysqlClient', mysqlsh: 'mysqlsh', mariadbd: 'mariadbd', mariadb: 'mariadbClient', 'mariadb-install-db': 'mariadbInstallDb', memcached: 'memcached', 'rabbitmq-server': 'rabbitmqServer', httpd: 'httpd', traefik: 'traefik', haproxy: 'haproxy', registry: 'registry', 'redis-server': 'redisServer', 'redis-cli': 'redisCli', mongod: 'mongod', mongosh: 'mongoShell', mongo: 'mongoShell' } as const;
  return Object.fromEntries(Object.entries(names).map(([marker, name]) => [marker, async () => (await services())[name]]));
}

// Debian binaries that are one tool each (coreutils, grep, sed, findutils, hostname, …).
const GNU = new Set(('arch base64 basename cat chgrp chmod chown cp cut date dd df dirname du echo env expand expr false fold head hostid id ln ls md5sum mkdir mktemp mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum sleep sort split stat tac tail tee touch tr true uname uniq unexpand wc whoami yes '
  + 'grep egrep fgrep sed find xargs diff hostname which mawk awk tree jq curl wget tar').split(' '));

/** The program for an exec marker, or undefined when Layerlab does not simulate it. */
export async function loadProgram(marker: string): Promise<Program | undefined> {
  const load = LOADERS[marker];
  if (load) return load();
  if (GNU.has(marker)) return (await tools()).gnuTool(marker);
  return undefined;
}
