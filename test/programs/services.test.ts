/**
 * The service images' servers as `docker run` starts them (Entrypoint + Cmd, the image's
 * Env): their logs, their stop signal and exit status, and the entrypoints' refusals
 * without a password. The expected lines are the real servers' and entrypoints' as
 * written in programs/apps/services.ts and registry/scripts-services.ts (no real
 * engine or Hub is reachable here to record them); the process clock is fixed
 * (2025-08-01 12:00:00 UTC), so the outputs are compared whole.
 */
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../worker/programs/process.ts';
import { resolve } from '../../worker/registry/registry.ts';
import { imageFs, testSpec } from './fixture.ts';

type Spec = ReturnType<typeof testSpec>;

/** Starts the image's default command as `docker run` would (root, the image's Env, WorkingDir, User). */
async function start(name: string, tag: string, env: Record<string, string> = {}, cmd?: string[]) {
  const cfg = resolve(name, tag).config.config;
  const fs = await imageFs(name, tag);
  const stop = new AbortController();
  const imageEnv = Object.fromEntries((cfg.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const spec = testSpec(fs, [...(cfg.Entrypoint ?? []), ...(cmd ?? cfg.Cmd ?? [])], {
    signal: stop.signal, env: { ...imageEnv, HOSTNAME: '3f4e8a9b1c2d', HOME: '/root', ...env }, cwd: cfg.WorkingDir || '/', user: cfg.User || 'root', caught: new Set(),
  });
  const waiters: Array<() => void> = [];
  for (const k of ['stdout', 'stderr'] as const) {
    const write = spec[k].bind(spec);
    spec[k] = (s: string) => { write(s); waiters.splice(0).forEach((w) => w()); };
  }
  /** Resolves once `text` has been written (event-driven: checked at each write). */
  const written = (text: string): Promise<void> => new Promise((ok) => {
    const check = (): void => { if (spec.out.includes(text) || spec.err.includes(text)) ok(); else waiters.push(check); };
    check();
  });
  const done = runProcess(spec);
  /** docker stop: the image's STOPSIGNAL (SIGTERM by default). */
  const stopWith = (sig = cfg.StopSignal ?? 'SIGTERM'): Promise<number> => {
    stop.abort(sig);
    return done;
  };
  return { spec, done, written, stopWith, cfg };
}

const t = '2025-08-01 12:00:00';
/** The entrypoints' mysql_log stamps come from the shell's `date`, which reads the wall clock, not the process clock. */
const stamped = (s: string): string => s.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 /gm, `${t}+00:00 `);
const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('postgres', () => {
  it('refuses to initialize without POSTGRES_PASSWORD, exit 1', async () => {
    const { spec, done } = await start('postgres', '17');
    expect(await done).toBe(1);
    expect(spec.out).toBe('');
    expect(spec.err).toBe(lines(
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html'));
  });

  it('initializes, starts, and shuts down fast on SIGINT (its STOPSIGNAL) with exit 0', async () => {
    const { spec, written, stopWith, cfg } = await start('postgres', '17', { POSTGRES_PASSWORD: 'secret' });
    expect(cfg.StopSignal).toBe('SIGINT');
    await written('[1] LOG:  database system is ready to accept connections');
    expect(spec.caught?.has('SIGINT')).toBe(true);
    expect(await stopWith()).toBe(0);
    const v = '17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit';
    const ckpt = (p: number): string => `${t}.000 UTC [${p}] LOG:  checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.010 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/14EAA88, redo lsn=0/14EAA88`;
    expect(spec.out).toBe(lines(
      'The files belonging to this database system will be owned by user "postgres".', 'This user must also own the server process.', '',
      'The database cluster will be initialized with locale "en_US.utf8".', 'The default database encoding has accordingly been set to "UTF8".',
      'The default text search configuration will be set to "english".', '', 'Data page checksums are disabled.', '',
      'fixing permissions on existing directory /var/lib/postgresql/data ... ok', 'creating subdirectories ... ok',
      'selecting dynamic shared memory implementation ... posix', 'selecting default "max_connections" ... 100', 'selecting default "shared_buffers" ... 128MB',
      'selecting default time zone ... Etc/UTC', 'creating configuration files ... ok', 'running bootstrap script ... ok',
      'performing post-bootstrap initialization ... ok', 'syncing data to disk ... ok', '', '',
      'Success. You can now start the database server using:', '', '    pg_ctl -D /var/lib/postgresql/data -l logfile start', '',
      'waiting for server to start.... done', 'server started', '',
      '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*', '',
      'waiting for server to shut down.... done', 'server stopped', '',
      'PostgreSQL init process complete; ready for start up.', ''));
    expect(spec.err).toBe(lines(
      'initdb: warning: enabling "trust" authentication for local connections',
      'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
      `${t}.000 UTC [48] LOG:  starting PostgreSQL ${v}`,
      `${t}.000 UTC [48] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${t}.000 UTC [51] LOG:  database system was shut down at ${t} UTC`,
      `${t}.000 UTC [48] LOG:  database system is ready to accept connections`,
      `${t}.000 UTC [48] LOG:  received fast shutdown request`,
      `${t}.000 UTC [48] LOG:  aborting any active transactions`,
      `${t}.000 UTC [48] LOG:  background worker "logical replication launcher" (PID 54) exited with exit code 1`,
      `${t}.000 UTC [49] LOG:  shutting down`,
      `${t}.000 UTC [49] LOG:  checkpoint starting: shutdown immediate`,
      ckpt(49),
      `${t}.000 UTC [48] LOG:  database system is shut down`,
      `${t}.000 UTC [1] LOG:  starting PostgreSQL ${v}`,
      `${t}.000 UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${t}.000 UTC [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${t}.000 UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${t}.000 UTC [65] LOG:  database system was shut down at ${t} UTC`,
      `${t}.000 UTC [1] LOG:  database system is ready to accept connections`,
      `${t}.000 UTC [1] LOG:  received fast shutdown request`,
      `${t}.000 UTC [1] LOG:  aborting any active transactions`,
      `${t}.000 UTC [1] LOG:  background worker "logical replication launcher" (PID 68) exited with exit code 1`,
      `${t}.000 UTC [63] LOG:  shutting down`,
      `${t}.000 UTC [63] LOG:  checkpoint starting: shutdown immediate`,
      ckpt(63),
      `${t}.000 UTC [1] LOG:  database system is shut down`));
  });

  it('alpine: the same entrypoint over su-exec; the musl build string', async () => {
    const { spec, written, stopWith } = await start('postgres', '17-alpine', { POSTGRES_PASSWORD: 'secret' });
    await written('[1] LOG:  database system is ready to accept connections');
    expect(await stopWith('SIGTERM')).toBe(0);
    expect(spec.err.split('\n').filter((l) => l.includes('[1]'))).toEqual([
      `${t}.000 UTC [1] LOG:  starting PostgreSQL 17.5 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`,
      `${t}.000 UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${t}.000 UTC [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${t}.000 UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${t}.000 UTC [1] LOG:  database system is ready to accept connections`,
      `${t}.000 UTC [1] LOG:  received smart shutdown request`,
      `${t}.000 UTC [1] LOG:  background worker "logical replication launcher" (PID 68) exited with exit code 1`,
      `${t}.000 UTC [1] LOG:  database system is shut down`]);
  });

  it('versions; psql says plainly that no SQL runs', async () => {
    const fs = await imageFs('postgres', '17');
    const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin', PG_VERSION: '17.5-1.pgdg120+1', PG_MAJOR: '17' };
    const go = async (argv: string[]): Promise<[number, string, string]> => {
      const spec = testSpec(fs, argv, { env });
      return [await runProcess(spec), spec.out, spec.err];
    };
    expect(await go(['postgres', '--version'])).toEqual([0, 'postgres (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n', '']);
    expect(await go(['psql', '-V'])).toEqual([0, 'psql (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n', '']);
    expect(await go(['psql', '-U', 'postgres', '-c', 'select 1'])).toEqual([2, '', "psql: the practice Hub's PostgreSQL does not execute SQL (Layerlab simulates the server's startup and logs only)\n"]);
    expect(await go(['pg_isready'])).toEqual([2, '/var/run/postgresql:5432 - no response\n', '']);
    expect(await go(['postgres'])).toEqual([1, '', '"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n']);
  });
});

describe('mysql and mariadb', () => {
  it('mysql refuses without a root password option, exit 1', async () => {
    const { spec, done } = await start('mysql', '8.4');
    expect(await done).toBe(1);
    expect(stamped(spec.out)).toBe(lines(
      `${t}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.6-1.el9 started.`,
      `${t}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
      `${t}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.6-1.el9 started.`));
    expect(stamped(spec.err)).toBe(lines(
      `${t}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'));
  });

  it('mysql initializes, serves, and shuts down on SIGTERM with exit 0', async () => {
    const { spec, written, stopWith } = await start('mysql', '8.4', { MYSQL_ROOT_PASSWORD: 'x', MYSQL_DATABASE: 'app' });
    await written('ready for connections');
    expect(await stopWith()).toBe(0);
    const n = (s: string): string => `${t}+00:00 [Note] [Entrypoint]: ${s}`;
    expect(stamped(spec.out)).toBe(lines(n('Entrypoint script for MySQL Server 8.4.6-1.el9 started.'), n("Switching to dedicated user 'mysql'"), n('Entrypoint script for MySQL Server 8.4.6-1.el9 started.'),
      n('Initializing database files'), n('Database files initialized'), n('Starting temporary server'), n('Temporary server started.'), n('Creating database app'),
      n('Stopping temporary server'), n('Temporary server stopped'), '', n('MySQL init process done. Ready for start up.'), ''));
    const m = '2025-08-01T12:00:00.000000Z';
    expect(spec.err).toBe(lines(
      `${m} 0 [System] [MY-015017] [Server] MySQL Server Initialization - start.`,
      `${m} 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.4.6) initializing of server in progress as process 80`,
      `${m} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
      `${m} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
      `${m} 6 [Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.`,
      `${m} 0 [System] [MY-015018] [Server] MySQL Server Initialization - end.`,
      `${m} 0 [System] [MY-015015] [Server] MySQL Server - start.`,
      `${m} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.4.6) starting as process 1`,
      `${m} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
      `${m} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
      `${m} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
      `${m} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
      `${m} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
      `${m} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
      `${m} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.6'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
      `${m} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.4.6).`,
      `${m} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 8.4.6)  MySQL Community Server - GPL.`,
      `${m} 0 [System] [MY-015016] [Server] MySQL Server - end.`));
  });

  it('mariadb refuses without a root password option, exit 1; serves with one and stops on SIGTERM', async () => {
    const bad = await start('mariadb', '11.8');
    expect(await bad.done).toBe(1);
    expect(stamped(bad.spec.err)).toBe(lines(`${t}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD'));
    const ok = await start('mariadb', '11.8', { MARIADB_ROOT_PASSWORD: 'x' });
    await ok.written('mariadbd: ready for connections.');
    expect(await ok.stopWith()).toBe(0);
    const err = ok.spec.err.split('\n');
    expect(err.slice(-6)).toEqual([
      "Version: '11.8.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution",
      `${t} 0 [Note] mariadbd (initiated by: unknown): Normal shutdown`,
      `${t} 0 [Note] InnoDB: Starting shutdown...`,
      `${t} 0 [Note] InnoDB: Shutdown completed; log sequence number 47629; transaction id 15`,
      `${t} 0 [Note] mariadbd: Shutdown complete`, '']);
  });

  it('clients: versions, and the plain no-SQL line', async () => {
    const fs = await imageFs('mariadb', '11.8');
    const spec = testSpec(fs, ['mysql', '-uroot', '-px'], { env: { PATH: '/usr/bin:/bin', MARIADB_VERSION: '1:11.8.2+maria~ubu2404' } });
    expect(await runProcess(spec)).toBe(1);
    expect(spec.err).toBe("mysql: the practice Hub's MariaDB server does not execute SQL (Layerlab simulates the server's startup and logs only)\n");
    const v = testSpec(fs, ['mariadb', '--version'], { env: { PATH: '/usr/bin:/bin', MARIADB_VERSION: '1:11.8.2+maria~ubu2404' } });
    expect(await runProcess(v)).toBe(0);
    expect(v.out).toBe('mariadb from 11.8.2-MariaDB, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n');
  });
});

describe('memcached, rabbitmq, httpd, traefik, haproxy, registry', () => {
  it('memcached is silent until SIGTERM, then exits 0', async () => {
    const { spec, stopWith } = await start('memcached', '1.6');
    await new Promise<void>((ok) => { const tick = (): void => (spec.caught?.has('SIGTERM') ? ok() : void setTimeout(tick, 5)); tick(); });
    expect(await stopWith()).toBe(0);
    expect([spec.out, spec.err]).toEqual(['Signal handled: Terminated.\n', '']);
  });

  it('rabbitmq prints its banner and plugins, and stops on SIGTERM', async () => {
    const { spec, written, stopWith } = await start('rabbitmq', '4.1');
    await written('completed with');
    expect(await stopWith()).toBe(0);
    const r = '2025-08-01 12:00:00.000000+00:00';
    expect(spec.out).toBe(lines(`${r} [notice] <0.45.0> Application syslog exited with reason: stopped`,
      `${r} [notice] <0.208.0> Logging: switching to configured handler(s); following messages may not be visible in this log output`, '',
      '  ##  ##      RabbitMQ 4.1.2', '  ##  ##', '  ##########  Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries', '  ######  ##',
      '  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com', '', '  Erlang:      27.3.4.1 [jit]', '  TLS Library: OpenSSL - OpenSSL 3.3.4 1 Jul 2025',
      '  Release series support status: see https://www.rabbitmq.com/release-information', '', '  Doc guides:  https://www.rabbitmq.com/docs',
      '  Support:     https://www.rabbitmq.com/docs/contact', '  Tutorials:   https://www.rabbitmq.com/tutorials', '  Monitoring:  https://www.rabbitmq.com/docs/monitoring',
      '  Upgrading:   https://www.rabbitmq.com/docs/upgrade', '', '  Logs: <stdout>', '',
      '  Config file(s): /etc/rabbitmq/conf.d/10-defaults.conf', '                  /etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf', '',
      '  Starting broker...', `${r} [info] <0.707.0> Server startup complete; 3 plugins started.`, `${r} [info] <0.707.0>  * rabbitmq_management_agent`,
      `${r} [info] <0.707.0>  * rabbitmq_prometheus`, `${r} [info] <0.707.0>  * rabbitmq_web_dispatch`, ' completed with 3 plugins.',
      `${r} [info] <0.889.0> RabbitMQ is asked to stop...`, `${r} [info] <0.889.0> Successfully stopped RabbitMQ and its dependencies`));
  });

  it('httpd: AH00558 twice, resumes, stops gracefully on SIGWINCH with exit 0', async () => {
    const { spec, written, stopWith, cfg } = await start('httpd', '2.4');
    expect(cfg.StopSignal).toBe('SIGWINCH');
    await written('AH00094');
    expect(await stopWith()).toBe(0);
    const ah = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message";
    const a = '[Fri Aug 01 12:00:00.000000 2025]';
    expect([spec.out, spec.err]).toEqual(['', lines(ah, ah, `${a} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
      `${a} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, `${a} [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`)]);
  });

  it('traefik logs its version and stops on SIGTERM', async () => {
    const { spec, written, stopWith } = await start('traefik', 'v3.4');
    await written('Starting provider *acme.ChallengeTLSALPN');
    expect(await stopWith()).toBe(0);
    const z = '2025-08-01T12:00:00Z';
    expect([spec.out, spec.err]).toEqual([lines(`${z} INF Traefik version 3.4.4 built on 2025-07-11T08:29:47Z version=3.4.4`, `${z} INF `, 'Stats collection is disabled.',
      'Help us improve Traefik by turning this feature on :)', 'More details on: https://doc.traefik.io/traefik/contributing/data-collection/', '',
      `${z} INF Starting provider aggregator *aggregator.ProviderAggregator`, `${z} INF Starting provider *traefik.Provider`, `${z} INF Starting provider *acme.ChallengeTLSALPN`,
      `${z} INF I have to go...`, `${z} INF Stopping server gracefully`, `${z} INF Server stopped`, `${z} INF Shutting down`), '']);
  });

  it('haproxy: the image ships no haproxy.cfg, so the default command fails as the real one does', async () => {
    const { spec, done } = await start('haproxy', 'lts');
    expect(await done).toBe(1);
    expect([spec.out, spec.err]).toEqual(['', '[ALERT]    (1) : Cannot open configuration file/directory /usr/local/etc/haproxy/haproxy.cfg : No such file or directory\n']);
  });

  it('registry:3 logs its startup and stops on SIGTERM', async () => {
    const { spec, written, stopWith } = await start('registry', '3');
    await written('listening on');
    expect(await stopWith()).toBe(0);
    expect(spec.err.split('\n').map((l) => l.replace(/ go\.version.*$/, ''))).toEqual([
      'time="2025-08-01T12:00:00.000000000Z" level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable."',
      'time="2025-08-01T12:00:00.000000000Z" level=info msg="redis not configured"',
      'time="2025-08-01T12:00:00.000000000Z" level=info msg="using inmemory blob descriptor cache"',
      'time="2025-08-01T12:00:00.000000000Z" level=info msg="listening on [::]:5000"', '']);
  });
});

describe('redis and mongo (the chapters\' service images)', () => {
  const r = (role: string, level: string, msg: string): string => `1:${role} 01 Aug 2025 12:00:00.000 ${level} ${msg}`;
  const overcommit = "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
  const redisStart = [r('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'), r('C', '*', 'Redis version=8.0.3, bits=64, commit=00000000, modified=0, pid=1, just started'),
    r('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
    r('M', '*', 'monotonic clock: POSIX clock_gettime'), r('M', '*', 'Running mode=standalone, port=6379.'), r('M', '*', 'Server initialized'), r('M', '#', overcommit)];
  const redisStop = (sig: string): string[] => [`1:signal-handler (1754049600) Received ${sig} scheduling shutdown...`, r('M', '*', 'User requested shutdown...'),
    r('M', '*', 'Saving the final RDB snapshot before exiting.'), r('M', '*', 'DB saved on disk'), r('M', '#', 'Redis is now ready to exit, bye bye...')];

  for (const tag of ['8', 'alpine']) {
    it(`redis:${tag}: the entrypoint's find and ${tag === '8' ? 'gosu' : 'su-exec'} pass, the server logs, saves dump.rdb on SIGTERM (exit 0) and loads it on the next start`, async () => {
      const first = await start('redis', tag);
      await first.written('Ready to accept connections');
      expect(await first.stopWith()).toBe(0);
      expect([first.spec.out, first.spec.err]).toEqual([lines(...redisStart, r('M', '*', 'Ready to accept connections tcp'), ...redisStop('SIGTERM')), '']);
      const fs = first.spec.fs;
      expect(await fs.readFile('/data/dump.rdb')).toBe('REDIS0012 (simulated by Layerlab: redis-server 8.0.3 stores no keys here)\n');
      // The same filesystem again (docker start): the saved dump is loaded.
      const stop = new AbortController();
      const again = testSpec(fs, ['redis-server'], { signal: stop.signal, cwd: '/data', user: 'redis', caught: new Set(), env: { REDIS_DOWNLOAD_URL: 'https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz' } });
      const done = runProcess(again);
      await new Promise<void>((ok) => { const tick = (): void => (again.out.includes('Ready') ? ok() : void setTimeout(tick, 5)); tick(); });
      stop.abort('SIGINT');
      expect(await done).toBe(0);
      expect(again.out).toBe(lines(...redisStart, r('M', '*', 'Loading RDB produced by version 8.0.3'), r('M', '*', 'RDB age 0 seconds'), r('M', '*', 'RDB memory usage when created 0.90 Mb'),
        r('M', '*', 'Done loading RDB, keys loaded: 0, keys expired: 0.'), r('M', '*', 'DB loaded from disk: 0.000 seconds'), r('M', '*', 'Ready to accept connections tcp'), ...redisStop('SIGINT')));
    });
  }

  it('redis-server --version; redis-cli says in one line that it reaches nothing', async () => {
    const fs = await imageFs('redis', '8');
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', REDIS_DOWNLOAD_URL: 'https://github.com/redis/redis/archive/refs/tags/8.0.3.tar.gz' };
    const version = testSpec(fs, ['redis-server', '--version'], { env });
    expect(await runProcess(version)).toBe(0);
    // The build id is a stable stand-in (a real build prints a hash of its build environment).
    expect(version.out).toBe('Redis server v=8.0.3 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=d50f40708edea9e5\n');
    const cli = testSpec(fs, ['redis-cli', 'ping'], { env });
    expect(await runProcess(cli)).toBe(1);
    expect([cli.out, cli.err]).toEqual(['', "Layerlab: redis-cli is not simulated; the practice Hub's redis-server starts, logs and stops, but holds no data and answers no clients.\n"]);
  });

  const j = (s: string, c: string, id: string, ctx: string, rest: string): string => `{"t":{"$date":"2025-08-01T12:00:00.000+00:00"},"s":"${s}",  "c":${c} "id":${id} "ctx":"${ctx}",${rest}}`;
  it('mongo:8: the entrypoint (find, chown of its stdio, gosu "$BASH_SOURCE", --bind_ip_all) passes; mongod logs JSON lines and stops on SIGTERM with exit 0', async () => {
    const { spec, written, stopWith } = await start('mongo', '8');
    await written('Waiting for connections');
    expect(await stopWith()).toBe(0);
    const wire = '{"minWireVersion":0,"maxWireVersion":25}';
    expect([spec.out, spec.err]).toEqual([lines(
      j('I', '"CONTROL", ', '23285,  ', 'main', '"msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\'"'),
      j('I', '"NETWORK", ', '4915701,', 'main', `"msg":"Initialized wire specification","attr":{"spec":{"incomingExternalClient":${wire},"incomingInternalClient":${wire},"outgoing":{"minWireVersion":6,"maxWireVersion":25},"isInternalClient":true}}`),
      j('I', '"CONTROL", ', '4615611,', 'initandlisten', '"msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"3f4e8a9b1c2d"}'),
      j('I', '"CONTROL", ', '23403,  ', 'initandlisten', '"msg":"Build Info","attr":{"buildInfo":{"version":"8.0.12","openSSLVersion":"OpenSSL 3.0.13 30 Jan 2024","modules":[],"allocator":"tcmalloc-google","environment":{"distmod":"ubuntu2404","distarch":"x86_64","target_arch":"x86_64"}}}'),
      j('I', '"CONTROL", ', '51765,  ', 'initandlisten', '"msg":"Operating System","attr":{"os":{"name":"Ubuntu","version":"24.04"}}'),
      j('I', '"CONTROL", ', '21951,  ', 'initandlisten', '"msg":"Options set by command line","attr":{"options":{"net":{"bindIp":"*"}}}'),
      j('I', '"STORAGE", ', '22297,  ', 'initandlisten', '"msg":"Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem","tags":["startupWarnings"]'),
      j('W', '"CONTROL", ', '22120,  ', 'initandlisten', '"msg":"Access control is not enabled for the database. Read and write access to data and configuration is unrestricted","tags":["startupWarnings"]'),
      j('I', '"NETWORK", ', '23015,  ', 'listener', '"msg":"Listening on","attr":{"address":"/tmp/mongodb-27017.sock"}'),
      j('I', '"NETWORK", ', '23015,  ', 'listener', '"msg":"Listening on","attr":{"address":"0.0.0.0"}'),
      j('I', '"NETWORK", ', '23016,  ', 'listener', '"msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}'),
      j('I', '"CONTROL", ', '23377,  ', 'SignalHandler', '"msg":"Received signal","attr":{"signal":15,"error":"Terminated"}'),
      j('I', '"CONTROL", ', '23378,  ', 'SignalHandler', '"msg":"Signal was sent by kill(2)","attr":{"pid":0,"uid":0}'),
      j('I', '"CONTROL", ', '23381,  ', 'SignalHandler', '"msg":"will terminate after current cmd ends"'),
      j('I', '"NETWORK", ', '20562,  ', 'SignalHandler', '"msg":"Shutdown: Closing listener sockets"'),
      j('I', '"NETWORK", ', '23017,  ', 'listener', '"msg":"removing socket file","attr":{"path":"/tmp/mongodb-27017.sock"}'),
      j('I', '"STORAGE", ', '4784933,', 'SignalHandler', '"msg":"Shutting down the storage engine"'),
      j('I', '"STORAGE", ', '22261,  ', 'SignalHandler', '"msg":"Timestamp monitor shutting down"'),
      j('I', '"STORAGE", ', '20282,  ', 'SignalHandler', '"msg":"Deregistering all the collections"'),
      j('I', '"STORAGE", ', '22317,  ', 'SignalHandler', '"msg":"WiredTigerKVEngine shutting down"'),
      j('I', '"STORAGE", ', '4795902,', 'SignalHandler', '"msg":"Closing WiredTiger","attr":{"closeConfig":"leak_memory=true,use_timestamp=false,"}'),
      j('I', '"STORAGE", ', '22279,  ', 'SignalHandler', '"msg":"shutdown: removing fs lock..."'),
      j('I', '"-",       ', '4784931,', 'SignalHandler', '"msg":"Dropping the scope cache for shutdown"'),
      j('I', '"CONTROL", ', '20565,  ', 'SignalHandler', '"msg":"Now exiting"'),
      j('I', '"CONTROL", ', '23138,  ', 'SignalHandler', '"msg":"Shutting down","attr":{"exitCode":0}')), '']);
  });

  it('mongo:4.2: the text log of MongoDB 4.2, and its shutdown on SIGTERM', async () => {
    const { spec, written, stopWith } = await start('mongo', '4.2');
    await written('waiting for connections');
    expect(await stopWith()).toBe(0);
    const m = (c: string, ctx: string, msg: string): string => `2025-08-01T12:00:00.000+0000 I  ${c} [${ctx}] ${msg}`;
    expect([spec.out, spec.err]).toEqual([lines(
      m('CONTROL ', 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"),
      m('CONTROL ', 'initandlisten', 'MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit host=3f4e8a9b1c2d'),
      m('CONTROL ', 'initandlisten', 'db version v4.2.24'), m('CONTROL ', 'initandlisten', 'OpenSSL version: OpenSSL 1.1.1  11 Sep 2018'),
      m('CONTROL ', 'initandlisten', 'allocator: tcmalloc'), m('CONTROL ', 'initandlisten', 'modules: none'), m('CONTROL ', 'initandlisten', 'build environment:'),
      m('CONTROL ', 'initandlisten', '    distmod: ubuntu1804'), m('CONTROL ', 'initandlisten', '    distarch: x86_64'), m('CONTROL ', 'initandlisten', '    target_arch: x86_64'),
      m('CONTROL ', 'initandlisten', 'options: { net: { bindIp: "*" } }'), m('CONTROL ', 'initandlisten', ''),
      m('CONTROL ', 'initandlisten', '** WARNING: Access control is not enabled for the database.'),
      m('CONTROL ', 'initandlisten', '**          Read and write access to data and configuration is'),
      m('CONTROL ', 'initandlisten', '**          unrestricted.'), m('CONTROL ', 'initandlisten', ''),
      m('NETWORK ', 'listener', 'Listening on /tmp/mongodb-27017.sock'), m('NETWORK ', 'listener', 'Listening on 0.0.0.0'), m('NETWORK ', 'listener', 'waiting for connections on port 27017'),
      m('CONTROL ', 'signalProcessingThread', 'got signal 15 (Terminated), will terminate after current cmd ends'),
      m('NETWORK ', 'signalProcessingThread', 'shutdown: going to close listening sockets...'),
      m('NETWORK ', 'signalProcessingThread', 'removing socket file: /tmp/mongodb-27017.sock'),
      m('STORAGE ', 'signalProcessingThread', 'WiredTigerKVEngine shutting down'), m('STORAGE ', 'signalProcessingThread', 'shutdown: removing fs lock...'),
      m('CONTROL ', 'signalProcessingThread', 'now exiting'), m('CONTROL ', 'signalProcessingThread', 'shutting down with code:0')), '']);
  });

  it('mongosh and mongo say in one line that they reach nothing', async () => {
    for (const [tag, client] of [['8', 'mongosh'], ['4.2', 'mongo']] as const) {
      const spec = testSpec(await imageFs('mongo', tag), [client]);
      expect(await runProcess(spec)).toBe(1);
      expect([spec.out, spec.err]).toEqual(['', `Layerlab: ${client} is not simulated; the practice Hub's mongod starts, logs and stops, but stores no data and answers no clients.\n`]);
    }
  });
});

describe('servers on the lab network', () => {
  it('httpd serves htdocs ("It works!") and its 404 page, logging in the common format', async () => {
    const handlers = new Map<number, (req: { method: string; path: string; headers: Array<[string, string]>; client: string }) => Promise<{ status: number; reason: string; headers: Array<[string, string]>; body: Uint8Array }>>();
    const network = { ip: '172.17.0.2', listen: (port: number, h: never) => { handlers.set(port, h); return () => handlers.delete(port); } };
    const fs = await imageFs('httpd', '2.4');
    const stop = new AbortController();
    const spec = testSpec(fs, ['httpd', '-DFOREGROUND'], { signal: stop.signal, network: network as never, caught: new Set(), env: { PATH: '/usr/local/apache2/bin:/usr/bin:/bin', HTTPD_VERSION: '2.4.65' } });
    const done = runProcess(spec);
    await new Promise<void>((ok) => { const tick = (): void => (handlers.has(80) ? ok() : void setTimeout(tick, 5)); tick(); });
    const get = (path: string) => handlers.get(80)!({ method: 'GET', path, headers: [['Host', 'localhost:8080'], ['User-Agent', 'curl/7.88.1'], ['Accept', '*/*']], client: '172.17.0.1' });
    const ok = await get('/');
    expect([ok.status, ok.reason, new TextDecoder().decode(ok.body)]).toEqual([200, 'OK', '<html><body><h1>It works!</h1></body></html>\n']);
    expect(ok.headers.map(([k]) => k)).toEqual(['Date', 'Server', 'Last-Modified', 'ETag', 'Accept-Ranges', 'Content-Length', 'Content-Type']);
    expect(ok.headers.filter(([k]) => ['Date', 'Server', 'Content-Length', 'Content-Type'].includes(k))).toEqual([['Date', 'Fri, 01 Aug 2025 12:00:00 GMT'], ['Server', 'Apache/2.4.65 (Unix)'], ['Content-Length', '45'], ['Content-Type', 'text/html']]);
    const missing = await get('/nope.html');
    expect([missing.status, new TextDecoder().decode(missing.body)]).toEqual([404, '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n']);
    stop.abort('SIGTERM');
    expect(await done).toBe(0);
    expect(spec.out).toBe('172.17.0.1 - - [01/Aug/2025:12:00:00 +0000] "GET / HTTP/1.1" 200 45\n172.17.0.1 - - [01/Aug/2025:12:00:00 +0000] "GET /nope.html HTTP/1.1" 404 196\n');
    expect(spec.err.split('\n').at(-2)).toBe('[Fri Aug 01 12:00:00.000000 2025] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down');
    expect(handlers.has(80)).toBe(false);
  });
});
