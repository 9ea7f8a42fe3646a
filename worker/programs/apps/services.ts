/**
 * The servers of the Hub's service images, as their images run them: each prints the
 * startup lines the real server writes to the container's log (where they are well
 * known; otherwise nothing), then runs until signalled, catching the signals the real
 * server handles (its image's STOPSIGNAL among them) and exiting 0 after its shutdown
 * lines. `--version`/`-v` outputs are the real ones.
 *
 * What they are not: no SQL engine, message broker or registry API runs behind them.
 * The database clients (psql, mysql, mariadb, mysqlsh) say so in one plain line instead
 * of pretending to connect. httpd and traefik answer HTTP on their ports (the lab's
 * network), httpd from its htdocs.
 */
import type { IFileSystem } from 'just-bash';
import type { HttpRequest, HttpResponse } from '../../engine/network/http.ts';
import { httpDate } from '../../engine/network/http.ts';
import { KERNEL } from '../applets/system.ts';
import type { Program, ProgramRun } from '../program.ts';
import { signalOf, untilAborted } from '../program.ts';
import { runProcess } from '../process.ts';

type Spec = ProgramRun['spec'];
const enc = new TextEncoder();
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `2025-07-23 10:00:00` in UTC. */
function ymdhms(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Waits for a signal the server catches; returns its name. */
async function serve(spec: Spec, caught: string[]): Promise<string> {
  for (const s of caught) spec.caught?.add(s);
  await untilAborted(spec.signal);
  return signalOf(spec.signal).name;
}

async function exists(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The user a process runs as, by name (`-u 999` → the passwd name if any). */
async function userName(spec: Spec): Promise<string> {
  const u = spec.user.split(':')[0] || 'root';
  if (!/^\d+$/.test(u)) return u;
  try {
    const line = (await spec.fs.readFile('/etc/passwd')).split('\n').find((l) => l.split(':')[2] === u);
    return line?.split(':')[0] ?? u;
  } catch {
    return u;
  }
}

const isRoot = async (spec: Spec): Promise<boolean> => (await userName(spec)) === 'root' || spec.user.split(':')[0] === '0';

/** One plain line from a database client: the practice Hub runs no SQL engine. */
function noSql(server: string, code: number): Program {
  return async (run) => {
    run.spec.stderr(`${run.name}: the practice Hub's ${server} does not execute SQL (Layerlab simulates the server's startup and logs only)\n`);
    return code;
  };
}

// ---- gosu / su-exec ----------------------------------------------------------------

/** Runs argv as another user, replacing itself (exec), as gosu and su-exec do. */
function switchUser(tool: 'gosu' | 'su-exec'): Program {
  return async (run) => {
    const { spec, args } = run;
    if (tool === 'gosu' && (args[0] === '--version' || args[0] === '-v')) {
      spec.stdout('1.17 (go1.18.2 on linux/amd64; gc)\n');
      return 0;
    }
    if (args.length < 2) {
      spec.stderr(tool === 'gosu'
        ? 'Usage: gosu user-spec command [args]\n   eg: gosu tianon bash\n       gosu nobody:root bash -c \'whoami && id\'\n       gosu 1000:1 id\n\ngosu version: 1.17 (go1.18.2 on linux/amd64; gc)\nlicense: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n'
        : 'Usage: su-exec user-spec command [args]\n');
      return 1;
    }
    const [user, ...argv] = args;
    return runProcess({ ...spec, argv, user: user! });
  };
}

export const gosu = switchUser('gosu');
export const suExec = switchUser('su-exec');

// ---- postgres ----------------------------------------------------------------------

/** `17.5 (Debian 17.5-1.pgdg120+1)` on Debian, `17.5` on Alpine, from the image's PG_VERSION. */
function pgVersion(env: Record<string, string>): { short: string; full: string; major: string; alpine: boolean } {
  const v = env.PG_VERSION ?? '17.5-1.pgdg120+1';
  const short = v.split('-')[0]!;
  const alpine = !v.includes('-');
  return { short, full: alpine ? short : `${short} (Debian ${v})`, major: env.PG_MAJOR ?? short.split('.')[0]!, alpine };
}

const pgTime = (ms: number): string => `${ymdhms(ms)}.${pad(new Date(ms).getUTCMilliseconds(), 3)} UTC`;
const pgData = (spec: Spec, args: string[]): string => {
  const i = args.findIndex((a) => a === '-D' || a === '--pgdata');
  if (i >= 0 && args[i + 1]) return args[i + 1]!;
  const eq = args.find((a) => a.startsWith('--pgdata=') || a.startsWith('-D') && a.length > 2);
  if (eq) return eq.startsWith('-D') ? eq.slice(2) : eq.slice('--pgdata='.length);
  return spec.env.PGDATA ?? '/var/lib/postgresql/data';
};

/** The postmaster's helpers: the startup process, the checkpointer, the logical replication launcher. */
const pgPids = (pid: number): { startup: number; checkpointer: number; launcher: number } => (pid === 1 ? { startup: 65, checkpointer: 63, launcher: 68 } : { startup: pid + 3, checkpointer: pid + 1, launcher: pid + 6 });

function pgStartLines(spec: Spec, pid: number, network: boolean, lastShutdown: string): string[] {
  const v = pgVersion(spec.env);
  const t = pgTime(spec.now());
  const build = v.alpine ? 'x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit' : 'x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit';
  return [
    `${t} [${pid}] LOG:  starting PostgreSQL ${v.full} on ${build}`,
    ...(network ? [`${t} [${pid}] LOG:  listening on IPv4 address "0.0.0.0", port 5432`, `${t} [${pid}] LOG:  listening on IPv6 address "::", port 5432`] : []),
    `${t} [${pid}] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${t} [${pgPids(pid).startup}] LOG:  database system was shut down at ${lastShutdown}`,
    `${t} [${pid}] LOG:  database system is ready to accept connections`,
  ];
}

function pgStopLines(spec: Spec, pid: number, kind: 'smart' | 'fast' | 'immediate'): string[] {
  const t = pgTime(spec.now());
  if (kind === 'immediate') return [`${t} [${pid}] LOG:  received immediate shutdown request`, `${t} [${pid}] LOG:  database system is shut down`];
  return [
    `${t} [${pid}] LOG:  received ${kind} shutdown request`,
    ...(kind === 'fast' ? [`${t} [${pid}] LOG:  aborting any active transactions`] : []),
    `${t} [${pid}] LOG:  background worker "logical replication launcher" (PID ${pgPids(pid).launcher}) exited with exit code 1`,
    `${t} [${pgPids(pid).checkpointer}] LOG:  shutting down`,
    `${t} [${pgPids(pid).checkpointer}] LOG:  checkpoint starting: shutdown immediate`,
    `${t} [${pgPids(pid).checkpointer}] LOG:  checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.010 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/14EAA88, redo lsn=0/14EAA88`,
    `${t} [${pid}] LOG:  database system is shut down`,
  ];
}

/** When the cluster last shut down: pg_control's modification time (initdb and every shutdown write it). */
async function lastShutdown(spec: Spec, data: string): Promise<string> {
  try {
    return `${ymdhms((await spec.fs.stat(`${data}/global/pg_control`)).mtime.getTime())} UTC`;
  } catch {
    return `${ymdhms(spec.now())} UTC`;
  }
}

async function markShutdown(spec: Spec, data: string): Promise<void> {
  try {
    const path = `${data}/global/pg_control`;
    await spec.fs.writeFile(path, 'pg_control (simulated by Layerlab: the practice Hub stores no database)\n');
    // The shutdown time is the process clock's (the filesystem's own clock may differ).
    await spec.fs.utimes(path, new Date(spec.now()), new Date(spec.now()));
  } catch {
    // a read-only data directory: nothing to record
  }
}

const PG_ROOT = '"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n';

/** postgres: the server (PID 1 behind the entrypoint). */
export const postgres: Program = async (run) => {
  const { spec, args } = run;
  const v = pgVersion(spec.env);
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`postgres (PostgreSQL) ${v.full}\n`);
    return 0;
  }
  const c = args.indexOf('-C');
  if (c >= 0) {
    const settings: Record<string, string> = { password_encryption: 'scram-sha-256', data_directory: pgData(spec, args), port: '5432', listen_addresses: '*', max_connections: '100', shared_buffers: '16384' };
    spec.stdout(`${settings[args[c + 1] ?? ''] ?? ''}\n`);
    return 0;
  }
  if (await isRoot(spec)) {
    spec.stderr(PG_ROOT);
    return 1;
  }
  const data = pgData(spec, args);
  if (!(await exists(spec.fs, `${data}/PG_VERSION`))) {
    spec.stderr(`postgres: could not access the server configuration file "${data}/postgresql.conf": No such file or directory\n`);
    return 2;
  }
  const shutdownAt = await lastShutdown(spec, data);
  // The postmaster's signal handlers are in place before it reports ready.
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGQUIT']) spec.caught?.add(sig);
  spec.stderr(pgStartLines(spec, 1, true, shutdownAt).join('\n') + '\n');
  // postmaster.pid exists while the server runs (pg_isready and pg_ctl status read it here).
  await writeQuietly(spec, `${data}/postmaster.pid`, `1\n${data}\n${Math.floor(spec.now() / 1000)}\n5432\n/var/run/postgresql\n*\n  5432001         0\nready   \n`);
  // postmaster's handlers: SIGTERM smart, SIGINT fast (the image's STOPSIGNAL), SIGQUIT immediate shutdown.
  const sig = await serve(spec, ['SIGTERM', 'SIGINT', 'SIGQUIT']);
  const kind = sig === 'SIGINT' ? 'fast' : sig === 'SIGQUIT' ? 'immediate' : 'smart';
  spec.stderr(pgStopLines(spec, 1, kind).join('\n') + '\n');
  await markShutdown(spec, data);
  await spec.fs.rm(`${data}/postmaster.pid`, { force: true });
  return 0;
};

/** Writes a run-time file, ignoring a read-only filesystem (the server runs on regardless). */
async function writeQuietly(spec: Spec, path: string, text: string): Promise<void> {
  try {
    await spec.fs.writeFile(path, text);
  } catch {
    // read-only: nothing recorded
  }
}

/** pg_isready: "accepting connections" while the server runs (its postmaster.pid exists), else "no response". */
export const pgIsready: Program = async (run) => {
  const { spec, args } = run;
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`pg_isready (PostgreSQL) ${pgVersion(spec.env).full}\n`);
    return 0;
  }
  const h = args.indexOf('-h');
  const host = h >= 0 && args[h + 1] ? args[h + 1]! : args.find((a) => a.startsWith('--host='))?.slice(7) ?? '/var/run/postgresql';
  const local = host.startsWith('/') || host === 'localhost' || host === '127.0.0.1';
  const up = local && (await exists(spec.fs, `${spec.env.PGDATA ?? '/var/lib/postgresql/data'}/postmaster.pid`));
  if (!args.includes('-q') && !args.includes('--quiet')) spec.stdout(`${host}:5432 - ${up ? 'accepting connections' : 'no response'}\n`);
  return up ? 0 : 2;
};

/** initdb: creates the cluster's directory (PG_VERSION, configuration files) with initdb's messages. */
export const initdb: Program = async (run) => {
  const { spec, args } = run;
  const v = pgVersion(spec.env);
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`initdb (PostgreSQL) ${v.full}\n`);
    return 0;
  }
  const data = pgData(spec, args);
  let entries: string[] = [];
  try {
    entries = await spec.fs.readdir(data);
  } catch {
    // created below
  }
  if (entries.length > 0) {
    spec.stderr(`initdb: error: directory "${data}" exists but is not empty\ninitdb: hint: If you want to create a new database system, either remove or empty the directory "${data}" or run initdb with an argument other than "${data}".\n`);
    return 1;
  }
  const owner = await userName(spec);
  if (owner === 'root') {
    spec.stderr('initdb: error: cannot be run as root\ninitdb: hint: Please log in (using, e.g., "su") as the (unprivileged) user that will own the server process.\n');
    return 1;
  }
  const lang = spec.env.LC_ALL || spec.env.LANG || 'C';
  const utf8 = /utf-?8/i.test(lang);
  const tz = spec.env.TZ || 'Etc/UTC';
  await spec.fs.mkdir(`${data}/global`, { recursive: true });
  for (const d of ['base/1', 'pg_wal/archive_status', 'pg_xact', 'pg_multixact/members', 'pg_stat', 'pg_tblspc', 'pg_logical/snapshots']) await spec.fs.mkdir(`${data}/${d}`, { recursive: true });
  await spec.fs.writeFile(`${data}/PG_VERSION`, `${v.major}\n`);
  let sample = '';
  for (const p of [`/usr/share/postgresql/postgresql.conf.sample`, '/usr/local/share/postgresql/postgresql.conf.sample']) {
    try {
      sample = await spec.fs.readFile(p);
      break;
    } catch {
      // next location
    }
  }
  await spec.fs.writeFile(`${data}/postgresql.conf`, sample);
  await spec.fs.writeFile(`${data}/pg_hba.conf`, '# TYPE  DATABASE        USER            ADDRESS                 METHOD\n\n# "local" is for Unix domain socket connections only\nlocal   all             all                                     trust\n# IPv4 local connections:\nhost    all             all             127.0.0.1/32            trust\n# IPv6 local connections:\nhost    all             all             ::1/128                 trust\n');
  await markShutdown(spec, data);
  spec.stdout([
    `The files belonging to this database system will be owned by user "${owner}".`,
    'This user must also own the server process.',
    '',
    `The database cluster will be initialized with locale "${lang}".`,
    `The default database encoding has accordingly been set to "${utf8 ? 'UTF8' : 'SQL_ASCII'}".`,
    'The default text search configuration will be set to "english".',
    '',
    'Data page checksums are disabled.',
    '',
    `fixing permissions on existing directory ${data} ... ok`,
    'creating subdirectories ... ok',
    'selecting dynamic shared memory implementation ... posix',
    'selecting default "max_connections" ... 100',
    'selecting default "shared_buffers" ... 128MB',
    `selecting default time zone ... ${tz}`,
    'creating configuration files ... ok',
    'running bootstrap script ... ok',
    'performing post-bootstrap initialization ... ok',
    'syncing data to disk ... ok',
    '',
    '',
    'Success. You can now start the database server using:',
    '',
    `    pg_ctl -D ${data} -l logfile start`,
    '',
    '',
  ].join('\n'));
  spec.stderr('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
  return 0;
};

/** pg_ctl start/stop of the entrypoint's temporary server (listen_addresses='', so no TCP lines). */
export const pgCtl: Program = async (run) => {
  const { spec, args } = run;
  const v = pgVersion(spec.env);
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`pg_ctl (PostgreSQL) ${v.full}\n`);
    return 0;
  }
  const data = pgData(spec, args);
  const action = args.find((a) => ['start', 'stop', 'status', 'restart', 'reload'].includes(a));
  const pid = 48;
  if (action === 'start') {
    if (!(await exists(spec.fs, `${data}/PG_VERSION`))) {
      spec.stderr(`pg_ctl: directory "${data}" is not a database cluster directory\n`);
      return 1;
    }
    spec.stdout('waiting for server to start....');
    spec.stderr(pgStartLines(spec, pid, false, await lastShutdown(spec, data)).join('\n') + '\n');
    spec.stdout(' done\nserver started\n');
    return 0;
  }
  if (action === 'stop') {
    spec.stdout('waiting for server to shut down....');
    spec.stderr(pgStopLines(spec, pid, 'fast').join('\n') + '\n');
    await markShutdown(spec, data);
    spec.stdout(' done\nserver stopped\n');
    return 0;
  }
  if (action === 'status') {
    if (await exists(spec.fs, `${data}/postmaster.pid`)) {
      spec.stdout(`pg_ctl: server is running (PID: 1)\n${v.alpine ? '/usr/local/bin' : `/usr/lib/postgresql/${v.major}/bin`}/postgres\n`);
      return 0;
    }
    spec.stdout('pg_ctl: no server running\n');
    return 3;
  }
  spec.stderr(`${run.name}: this command is not simulated in Layerlab\n`);
  return 1;
};

/** psql: its version; otherwise the plain line that no SQL runs here. */
export const psql: Program = async (run) => {
  if (run.args.includes('--version') || run.args.includes('-V')) {
    run.spec.stdout(`psql (PostgreSQL) ${pgVersion(run.spec.env).full}\n`);
    return 0;
  }
  return noSql('PostgreSQL', 2)(run);
};

// ---- mysql -------------------------------------------------------------------------

const myVersion = (env: Record<string, string>): string => (env.MYSQL_VERSION ?? '8.4.6-1.el9').split('-')[0]!;
const myTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}.${pad(new Date(ms).getUTCMilliseconds(), 3)}000Z`;

/** mysqld: --initialize-insecure (the entrypoint's) or the server. */
export const mysqld: Program = async (run) => {
  const { spec, args } = run;
  const v = myVersion(spec.env);
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`/usr/sbin/mysqld  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  const t = (): string => myTime(spec.now());
  if ((await isRoot(spec)) && !args.some((a) => a.startsWith('--user'))) {
    spec.stderr(`${t()} 0 [ERROR] [MY-010123] [Server] Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!\n${t()} 0 [ERROR] [MY-010119] [Server] Aborting\n`);
    return 1;
  }
  if (args.includes('--initialize-insecure') || args.includes('--initialize')) {
    await spec.fs.mkdir('/var/lib/mysql/mysql', { recursive: true });
    spec.stderr([
      `${t()} 0 [System] [MY-015017] [Server] MySQL Server Initialization - start.`,
      `${t()} 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld ${v}) initializing of server in progress as process 80`,
      `${t()} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
      `${t()} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
      `${t()} 6 [Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.`,
      `${t()} 0 [System] [MY-015018] [Server] MySQL Server Initialization - end.`,
      ''].join('\n'));
    return 0;
  }
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGQUIT']) spec.caught?.add(sig);
  spec.stderr([
    `${t()} 0 [System] [MY-015015] [Server] MySQL Server - start.`,
    `${t()} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process 1`,
    `${t()} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${t()} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${t()} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${t()} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${t()} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${t()} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
    `${t()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    ''].join('\n'));
  await writeQuietly(spec, MYSQL_PID, '1\n');
  await serve(spec, ['SIGTERM', 'SIGINT', 'SIGQUIT']);
  await spec.fs.rm(MYSQL_PID, { force: true });
  spec.stderr([
    `${t()} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${v}).`,
    `${t()} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${v})  MySQL Community Server - GPL.`,
    `${t()} 0 [System] [MY-015016] [Server] MySQL Server - end.`,
    ''].join('\n'));
  return 0;
};

const MYSQL_PID = '/var/run/mysqld/mysqld.pid';
const MARIADB_PID = '/run/mysqld/mysqld.pid';

/**
 * mysqladmin / mariadb-admin: `ping` (what healthchecks run) answers from whether the
 * server runs (its pid file exists); other commands would need SQL.
 */
export const mysqladmin: Program = async (run) => {
  const { spec, args } = run;
  const maria = run.name.startsWith('mariadb') || (await exists(spec.fs, '/usr/sbin/mariadbd'));
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(maria ? `${run.name} from ${mdbVersion(spec.env).replace(/-ubu\d+$/, '')}, client 10.0 for debian-linux-gnu on x86_64\n` : `mysqladmin  Ver ${myVersion(spec.env)} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  if (!args.includes('ping')) return noSql(maria ? 'MariaDB server' : 'MySQL server', 1)(run);
  const sock = maria ? '/run/mysqld/mysqld.sock' : '/var/run/mysqld/mysqld.sock';
  if (await exists(spec.fs, maria ? MARIADB_PID : MYSQL_PID)) {
    spec.stdout('mysqld is alive\n');
    return 0;
  }
  spec.stderr(maria
    ? `${run.name}: connect to server at 'localhost' failed\nerror: 'Can't connect to local server through socket '${sock}' (2)'\nCheck that mariadbd is running and that the socket: '${sock}' exists!\n`
    : `mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '${sock}' (2)'\nCheck that mysqld is running and that the socket: '${sock}' exists!\n`);
  return 1;
};

/** mysql (the client): its version; otherwise the plain no-SQL line. */
export const mysqlClient: Program = async (run) => {
  if (run.args.includes('--version') || run.args.includes('-V')) {
    run.spec.stdout(`mysql  Ver ${myVersion(run.spec.env)} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  return noSql('MySQL server', 1)(run);
};

/** mysqlsh: its version; otherwise the plain no-SQL line. */
export const mysqlsh: Program = async (run) => {
  if (run.args.includes('--version') || run.args.includes('-V')) {
    const v = (run.spec.env.MYSQL_SHELL_VERSION ?? '8.4.6-1.el9').split('-')[0]!;
    run.spec.stdout(`mysqlsh   Ver ${v} for Linux on x86_64 - for MySQL ${v} (MySQL Community Server (GPL))\n`);
    return 0;
  }
  return noSql('MySQL server', 1)(run);
};

// ---- mariadb -----------------------------------------------------------------------

/** `11.8.2-MariaDB-ubu2404` from MARIADB_VERSION=1:11.8.2+maria~ubu2404. */
const mdbVersion = (env: Record<string, string>): string => {
  const m = /^(?:\d+:)?([\d.]+)\+maria~(\w+)$/.exec(env.MARIADB_VERSION ?? '');
  return m ? `${m[1]}-MariaDB-${m[2]}` : '11.8.2-MariaDB-ubu2404';
};

/** mariadbd: the server. */
export const mariadbd: Program = async (run) => {
  const { spec, args } = run;
  const v = mdbVersion(spec.env);
  if (args.includes('--version') || args.includes('-V')) {
    spec.stdout(`${run.name}  Ver ${v} for debian-linux-gnu on x86_64 (mariadb.org binary distribution)\n`);
    return 0;
  }
  const t = (): string => `${ymdhms(spec.now())} 0`;
  if ((await isRoot(spec)) && !args.some((a) => a.startsWith('--user'))) {
    spec.stderr(`${t()} [ERROR] Fatal error: Please consult the Knowledge Base to find out how to run mysqld as root!\n${t()} [ERROR] Aborting\n`);
    return 1;
  }
  const lsn = 47629;
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGQUIT']) spec.caught?.add(sig);
  spec.stderr([
    `${t()} [Note] Starting MariaDB ${v} source revision ${fakeRevision(v)} server_uid ${serverUid(spec)} as process 1`,
    `${t()} [Note] InnoDB: Compressed tables use zlib 1.3`,
    `${t()} [Note] InnoDB: Number of transaction pools: 1`,
    `${t()} [Note] InnoDB: Using crc32 + pclmulqdq instructions`,
    `${t()} [Note] InnoDB: Initializing buffer pool, total size = 128.000MiB, chunk size = 2.000MiB`,
    `${t()} [Note] InnoDB: Completed initialization of buffer pool`,
    `${t()} [Note] InnoDB: End of log at LSN=${lsn}`,
    `${t()} [Note] InnoDB: Opened 3 undo tablespaces`,
    `${t()} [Note] InnoDB: 128 rollback segments in 3 undo tablespaces are active.`,
    `${t()} [Note] InnoDB: log sequence number ${lsn}; transaction id 14`,
    `${t()} [Note] Plugin 'FEEDBACK' is disabled.`,
    `${t()} [Note] Server socket created on IP: '0.0.0.0', port: '3306'.`,
    `${t()} [Note] Server socket created on IP: '::', port: '3306'.`,
    `${t()} [Note] mariadbd: Event Scheduler: Loaded 0 events`,
    `${t()} [Note] mariadbd: ready for connections.`,
    `Version: '${v}'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`,
    ''].join('\n'));
  await writeQuietly(spec, MARIADB_PID, '1\n');
  await serve(spec, ['SIGTERM', 'SIGINT', 'SIGQUIT']);
  await spec.fs.rm(MARIADB_PID, { force: true });
  spec.stderr([
    `${t()} [Note] mariadbd (initiated by: unknown): Normal shutdown`,
    `${t()} [Note] InnoDB: Starting shutdown...`,
    `${t()} [Note] InnoDB: Shutdown completed; log sequence number ${lsn}; transaction id 15`,
    `${t()} [Note] mariadbd: Shutdown complete`,
    ''].join('\n'));
  return 0;
};

/** A stand-in for the build's git revision (40 hex digits; not MariaDB's real one). */
function fakeRevision(v: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < 40; i++) {
    h = Math.imul(h ^ v.charCodeAt(i % v.length) ^ i, 0x01000193) >>> 0;
    out += (h % 16).toString(16);
  }
  return out;
}

/** server_uid: a random base64 id of the install, derived here from the hostname. */
function serverUid(spec: Spec): string {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; out.length < 27; i++) out += b64[(spec.hostname.charCodeAt(i % Math.max(1, spec.hostname.length)) * 31 + i * 17) % 64];
  return out + '=';
}

/** mariadb-install-db: creates the system database directory (its output is not reproduced). */
export const mariadbInstallDb: Program = async (run) => {
  await run.spec.fs.mkdir('/var/lib/mysql/mysql', { recursive: true });
  return 0;
};

/** mariadb (the client): its version; otherwise the plain no-SQL line. */
export const mariadbClient: Program = async (run) => {
  if (run.args.includes('--version') || run.args.includes('-V')) {
    run.spec.stdout(`${run.name} from ${mdbVersion(run.spec.env).replace(/-ubu\d+$/, '')}, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n`);
    return 0;
  }
  return noSql('MariaDB server', 1)(run);
};

// ---- memcached ---------------------------------------------------------------------

/** memcached: silent unless -v; SIGTERM/SIGINT print strsignal's name, as its sig_handler does. */
export const memcached: Program = async (run) => {
  const { spec, args } = run;
  // memcached installs its SIGINT/SIGTERM handlers first thing in main(), before anything it awaits.
  spec.caught?.add('SIGTERM').add('SIGINT');
  if (args.includes('-V') || args.includes('--version')) {
    spec.stdout(`memcached ${spec.env.MEMCACHED_VERSION ?? '1.6.39'}\n`);
    return 0;
  }
  if ((await isRoot(spec)) && !args.some((a) => a === '-u' || a.startsWith('--user'))) {
    spec.stderr("can't run as root without the -u switch\n");
    return 64;
  }
  const sig = await serve(spec, ['SIGTERM', 'SIGINT']);
  spec.stdout(`Signal handled: ${sig === 'SIGINT' ? 'Interrupt' : 'Terminated'}.\n`);
  return 0;
};

// ---- rabbitmq ----------------------------------------------------------------------

/** rabbitmq-server: the banner and startup summary, then the broker idles. */
export const rabbitmqServer: Program = async (run) => {
  const { spec } = run;
  const v = spec.env.RABBITMQ_VERSION ?? '4.1.2';
  const t = (): string => `${ymdhms(spec.now())}.${pad(new Date(spec.now()).getUTCMilliseconds(), 3)}000+00:00`;
  let plugins = ['rabbitmq_prometheus'];
  try {
    const text = await spec.fs.readFile('/etc/rabbitmq/enabled_plugins');
    const named = /\[([^\]]*)\]/.exec(text)?.[1]?.split(',').map((p) => p.trim()).filter(Boolean);
    if (named) plugins = named;
  } catch {
    // no enabled_plugins file
  }
  // Enabling management or prometheus brings their dependencies along.
  const all = new Set(plugins);
  if (all.has('rabbitmq_management')) all.add('rabbitmq_management_agent').add('rabbitmq_web_dispatch');
  if (all.has('rabbitmq_prometheus')) all.add('rabbitmq_management_agent').add('rabbitmq_web_dispatch');
  const list = [...all].sort();
  let confs: string[] = [];
  try {
    confs = (await spec.fs.readdir('/etc/rabbitmq/conf.d')).filter((f) => f.endsWith('.conf')).sort().map((f) => `/etc/rabbitmq/conf.d/${f}`);
  } catch {
    // no conf.d
  }
  spec.stdout([
    `${t()} [notice] <0.45.0> Application syslog exited with reason: stopped`,
    `${t()} [notice] <0.208.0> Logging: switching to configured handler(s); following messages may not be visible in this log output`,
    '',
    `  ##  ##      RabbitMQ ${v}`,
    '  ##  ##',
    '  ##########  Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries',
    '  ######  ##',
    '  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com',
    '',
    '  Erlang:      27.3.4.1 [jit]',
    '  TLS Library: OpenSSL - OpenSSL 3.3.4 1 Jul 2025',
    '  Release series support status: see https://www.rabbitmq.com/release-information',
    '',
    '  Doc guides:  https://www.rabbitmq.com/docs',
    '  Support:     https://www.rabbitmq.com/docs/contact',
    '  Tutorials:   https://www.rabbitmq.com/tutorials',
    '  Monitoring:  https://www.rabbitmq.com/docs/monitoring',
    '  Upgrading:   https://www.rabbitmq.com/docs/upgrade',
    '',
    '  Logs: <stdout>',
    '',
    `  Config file(s): ${confs.join('\n                  ') || '(none)'}`,
    '',
    '  Starting broker...',
    `${t()} [info] <0.707.0> Server startup complete; ${list.length} plugins started.`,
    ...list.map((p) => `${t()} [info] <0.707.0>  * ${p}`),
    ` completed with ${list.length} plugins.`,
    ''].join('\n'));
  await serve(spec, ['SIGTERM', 'SIGINT']);
  spec.stdout(`${t()} [info] <0.889.0> RabbitMQ is asked to stop...\n${t()} [info] <0.889.0> Successfully stopped RabbitMQ and its dependencies\n`);
  return 0;
};

// ---- httpd -------------------------------------------------------------------------

const httpdVersion = (env: Record<string, string>): string => env.HTTPD_VERSION ?? '2.4.65';
/** Apache's error-log time: `Wed Jul 23 10:00:00.123456 2025`. */
function apacheTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
}

const APACHE_404 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

/** What httpd answers from htdocs: the file (index.html for a directory) or its 404 page. */
async function apacheAnswer(spec: Spec, req: HttpRequest, version: string): Promise<HttpResponse> {
  const root = '/usr/local/apache2/htdocs';
  const path = decodeURIComponent(req.path.split('?')[0]!).split('/').filter((p) => p && p !== '.' && p !== '..').join('/');
  let file = `${root}/${path}`.replace(/\/$/, '');
  const base: Array<[string, string]> = [['Date', httpDate(spec.now())], ['Server', `Apache/${version} (Unix)`]];
  try {
    let st = await spec.fs.stat(file);
    if (st.isDirectory) {
      file = `${file}/index.html`;
      st = await spec.fs.stat(file);
    }
    const body = enc.encode(await spec.fs.readFile(file));
    const mtime = st.mtime.getTime();
    const type = /\.html?$/.test(file) ? 'text/html' : /\.css$/.test(file) ? 'text/css' : /\.js$/.test(file) ? 'text/javascript' : /\.txt$/.test(file) ? 'text/plain' : 'application/octet-stream';
    return { status: 200, reason: 'OK', headers: [...base, ['Last-Modified', httpDate(mtime)], ['ETag', `"${body.length.toString(16)}-${(mtime * 1000).toString(16)}"`], ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', type]], body: req.method === 'HEAD' ? new Uint8Array() : body };
  } catch {
    const body = enc.encode(APACHE_404);
    return { status: 404, reason: 'Not Found', headers: [...base, ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
  }
}

/** httpd: -v, -t, and the server in the foreground (httpd-foreground's `httpd -DFOREGROUND`). */
export const httpd: Program = async (run) => {
  const { spec, args } = run;
  const v = httpdVersion(spec.env);
  if (args.includes('-v')) {
    spec.stdout(`Server version: Apache/${v} (Unix)\nServer built:   Jul 23 2025 20:54:10\n`);
    return 0;
  }
  const ip = spec.network.ip || '127.0.0.1';
  const ah00558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  if (args.includes('-t')) {
    spec.stderr(`${ah00558}Syntax OK\n`);
    return 0;
  }
  const t = (): string => apacheTime(spec.now());
  // Once for the configuration test of the parent, once for the server's own read.
  spec.stderr(ah00558 + ah00558);
  spec.stderr(`[${t()}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations\n[${t()}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  const close = spec.network.listen?.(80, async (req) => {
    const res = await apacheAnswer(spec, req, v);
    const d = new Date(spec.now());
    const stamp = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    // The image's httpd.conf: CustomLog /proc/self/fd/1 common.
    spec.stdout(`${req.client} - - [${stamp}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length || '-'}\n`);
    return res;
  });
  // SIGWINCH (the image's STOPSIGNAL) is a graceful stop; TERM and INT stop at once; HUP/USR1 restart (not delivered here).
  const sig = await serve(spec, ['SIGWINCH', 'SIGTERM', 'SIGINT']);
  close?.();
  spec.stderr(sig === 'SIGWINCH'
    ? `[${t()}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully\n`
    : `[${t()}] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n`);
  return 0;
};

// ---- traefik -----------------------------------------------------------------------

const TRAEFIK_COMMANDS = new Set(['traefik', 'version', 'healthcheck']);

/** traefik: `version`, `--help`, and the proxy (no routes: every request is a 404). */
export const traefik: Program = async (run) => {
  const { spec } = run;
  const v = '3.4.4';
  let args = run.args;
  if (args[0] && !args[0].startsWith('-')) {
    if (!TRAEFIK_COMMANDS.has(args[0])) {
      spec.stderr(`Error: command ${args[0]} is unknown\n`);
      return 1;
    }
    if (args[0] === 'version') {
      spec.stdout(`Version:      ${v}\nCodename:     chaource\nGo version:   go1.24.4\nBuilt:        2025-07-11T08:29:47Z\nOS/Arch:      linux/amd64\n`);
      return 0;
    }
    if (args[0] === 'healthcheck' && !args.includes('--help')) {
      spec.stderr('Error: please enable `ping` to use health check\n');
      return 1;
    }
    args = args.slice(1);
  }
  if (args.includes('--help') || args.includes('-h')) {
    spec.stdout('traefik is a modern HTTP reverse proxy and load balancer made to deploy microservices with ease.\nComplete documentation is available at https://traefik.io\n\nUsage: traefik [command] [flags] [arguments]\n\nUse "traefik [command] --help" for help on any command.\n\nCommands:\n    healthcheck                                        Calls Traefik /ping endpoint (disabled by default) to check the health of Traefik.\n    version                                            Shows the current Traefik version.\n');
    return 0;
  }
  const t = (): string => `${new Date(spec.now()).toISOString().slice(0, 19)}Z`;
  spec.stdout(`${t()} INF Traefik version ${v} built on 2025-07-11T08:29:47Z version=${v}\n${t()} INF \nStats collection is disabled.\nHelp us improve Traefik by turning this feature on :)\nMore details on: https://doc.traefik.io/traefik/contributing/data-collection/\n\n${t()} INF Starting provider aggregator *aggregator.ProviderAggregator\n${t()} INF Starting provider *traefik.Provider\n${t()} INF Starting provider *acme.ChallengeTLSALPN\n`);
  const close = spec.network.listen?.(80, async () => {
    const body = enc.encode('404 page not found\n');
    return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(spec.now())], ['Content-Length', String(body.length)]], body };
  });
  await serve(spec, ['SIGTERM', 'SIGINT']);
  close?.();
  spec.stdout(`${t()} INF I have to go...\n${t()} INF Stopping server gracefully\n${t()} INF Server stopped\n${t()} INF Shutting down\n`);
  return 0;
};

// ---- haproxy -----------------------------------------------------------------------

const HAPROXY_BUILD = '3.2.3-1844da7';

/** haproxy: -v, and master-worker mode on the image's haproxy.cfg (which the image does not ship). */
export const haproxy: Program = async (run) => {
  const { spec, args } = run;
  if (args.includes('-v') || args.includes('-vv') || args.includes('-version')) {
    spec.stdout(`HAProxy version ${HAPROXY_BUILD} 2025/07/09 - https://haproxy.org/\nStatus: long-term supported branch - will stop receiving fixes around Q2 2030.\nKnown bugs: http://www.haproxy.org/bugs/bugs-3.2.3.html\nRunning on: Linux ${KERNEL.release} ${KERNEL.version} ${KERNEL.machine}\n`);
    return 0;
  }
  const files: string[] = [];
  args.forEach((a, i) => { if (a === '-f' && args[i + 1]) files.push(args[i + 1]!); });
  if (files.length === 0) {
    spec.stderr('[ALERT]    (1) : No configuration file specified.\n');
    return 1;
  }
  for (const f of files) {
    if (!(await exists(spec.fs, f))) {
      spec.stderr(`[ALERT]    (1) : Cannot open configuration file/directory ${f} : No such file or directory\n`);
      return 1;
    }
  }
  spec.stderr('[NOTICE]   (1) : Initializing new worker (8)\n[NOTICE]   (1) : Loading success.\n');
  // SIGUSR1 (the image's STOPSIGNAL) is the graceful stop; TERM and INT the immediate one.
  const sig = await serve(spec, ['SIGUSR1', 'SIGTERM', 'SIGINT']);
  spec.stderr(`[WARNING]  (1) : Exiting Master process...\n[NOTICE]   (1) : haproxy version is ${HAPROXY_BUILD}\n[NOTICE]   (1) : path to executable is /usr/local/sbin/haproxy\n[ALERT]    (1) : Current worker (8) exited with code ${sig === 'SIGUSR1' ? '0 (Exit)' : '143 (Terminated)'}\n[WARNING]  (1) : All workers exited. Exiting... (${sig === 'SIGUSR1' ? 0 : 143})\n`);
  return sig === 'SIGUSR1' ? 0 : 143;
};

// ---- registry ----------------------------------------------------------------------

/** registry (distribution): --version and `serve` with its startup log; no registry API behind it. */
export const registry: Program = async (run) => {
  const { spec, args } = run;
  const v3 = await exists(spec.fs, '/etc/distribution');
  const version = v3 ? '3.0.0' : '2.8.3';
  if (args.includes('--version') || args.includes('-v')) {
    spec.stdout(v3 ? `registry github.com/distribution/distribution/v3 ${version}\n` : `registry github.com/docker/distribution v${version}\n`);
    return 0;
  }
  if (args[0] !== 'serve') {
    spec.stderr(`${run.name}: only \`registry serve CONFIG\` and --version are simulated in Layerlab\n`);
    return 1;
  }
  const conf = args[1];
  if (!conf || !(await exists(spec.fs, conf))) {
    spec.stderr(`configuration error: open ${conf ?? ''}: no such file or directory\n`);
    return 1;
  }
  const id = [8, 4, 4, 4, 12].map((n, i) => Array.from({ length: n }, (_, j) => ((spec.hostname.charCodeAt((i + j) % Math.max(1, spec.hostname.length)) + j * 7 + i) % 16).toString(16)).join('')).join('-');
  const fields = `go.version=${v3 ? 'go1.23.7' : 'go1.20.8'} instance.id=${id} service=registry version=${v3 ? version : 'v' + version}`;
  const t = (): string => `time="${new Date(spec.now()).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')}"`;
  spec.stderr([
    `${t()} level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable." ${fields}`,
    `${t()} level=info msg="redis not configured" ${fields}`,
    ...(v3 ? [] : [`${t()} level=info msg="Starting upload purge in 20m0s" ${fields}`]),
    `${t()} level=info msg="using inmemory blob descriptor cache" ${fields}`,
    `${t()} level=info msg="listening on [::]:5000" ${fields}`,
    ''].join('\n'));
  await serve(spec, ['SIGTERM', 'SIGINT']);
  return 0;
};

// ---- redis -------------------------------------------------------------------------

/** The Redis version of the image (its REDIS_DOWNLOAD_URL names the release tarball). */
const redisVersion = (env: Record<string, string>): string => /\/([\d.]+)\.tar\.gz$/.exec(env.REDIS_DOWNLOAD_URL ?? '')?.[1] ?? env.REDIS_VERSION ?? '8.0.3';

/** serverLog's stamp: `01 Aug 2025 12:00:00.000`. */
function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

const REDIS_OVERCOMMIT = "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/**
 * redis-server in the foreground, as the image's CMD runs it: the log lines of Redis
 * 7.2/8.0's server.c (`pid:role stamp level message`, `*` notice, `#` warning; C before
 * the role is known, M for the master), the data directory's dump.rdb loaded at start
 * and saved at shutdown (a marker file: no keys are ever stored), and SIGTERM/SIGINT's
 * shutdown lines (exit 0). The overcommit warning is the one a Linux host with the
 * kernel's default vm.overcommit_memory=0 gets (Docker Engine on Debian, as simulated
 * here). Left out: the lines of the modules Redis 8's image builds in (RediSearch,
 * RedisJSON, …), which it loads only through a config file naming them.
 */
export const redisServer: Program = async (run) => {
  const { spec, args } = run;
  const v = redisVersion(spec.env);
  if (args.includes('--version') || args.includes('-v')) {
    spec.stdout(`Redis server v=${v} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=${redisBuildId(v)}\n`);
    return 0;
  }
  if (run.name !== 'redis-server') {
    spec.stderr(`Layerlab: ${run.name} is not simulated; the practice Hub's redis-server only starts, logs and stops.\n`);
    return 1;
  }
  // Its SIGTERM/SIGINT handlers are set in initServer, before anything is logged.
  for (const sig of ['SIGTERM', 'SIGINT']) spec.caught?.add(sig);
  const log = (role: string, level: '*' | '#', msg: string): string => `1:${role} ${redisTime(spec.now())} ${level} ${msg}\n`;
  const port = (() => {
    const i = args.indexOf('--port');
    return i >= 0 && /^\d+$/.test(args[i + 1] ?? '') ? Number(args[i + 1]) : 6379;
  })();
  let out = log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo')
    + log('C', '*', `Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`)
    + (args.length === 0
      ? log('C', '#', `Warning: no config file specified, using the default config. In order to specify a config file use ${run.name} /path/to/redis.conf`)
      : log('C', '*', 'Configuration loaded'))
    + log('M', '*', 'monotonic clock: POSIX clock_gettime')
    + log('M', '*', `Running mode=standalone, port=${port}.`)
    + log('M', '*', 'Server initialized')
    + log('M', '#', REDIS_OVERCOMMIT);
  const dump = `${spec.cwd.replace(/\/$/, '')}/dump.rdb`;
  try {
    const st = await spec.fs.stat(dump);
    const age = Math.max(0, Math.round((spec.now() - st.mtime.getTime()) / 1000));
    out += log('M', '*', `Loading RDB produced by version ${v}`) + log('M', '*', `RDB age ${age} seconds`) + log('M', '*', 'RDB memory usage when created 0.90 Mb')
      + log('M', '*', 'Done loading RDB, keys loaded: 0, keys expired: 0.') + log('M', '*', 'DB loaded from disk: 0.000 seconds');
  } catch {
    // no dump.rdb: an empty dataset, nothing to load
  }
  spec.stdout(out + log('M', '*', 'Ready to accept connections tcp'));
  const sig = await serve(spec, ['SIGTERM', 'SIGINT']);
  // The signal handler writes its own line (no role, the epoch seconds), then serverCron shuts down.
  let bye = `1:signal-handler (${Math.floor(spec.now() / 1000)}) Received ${sig} scheduling shutdown...\n`
    + log('M', '*', 'User requested shutdown...')
    + log('M', '*', 'Saving the final RDB snapshot before exiting.');
  try {
    await spec.fs.writeFile(dump, `REDIS0012 (simulated by Layerlab: redis-server ${v} stores no keys here)\n`);
    await spec.fs.utimes(dump, new Date(spec.now()), new Date(spec.now()));
    bye += log('M', '*', 'DB saved on disk');
  } catch {
    bye += log('M', '#', 'Error saving DB on disk: Permission denied') + log('M', '#', 'Error trying to save the DB, can\'t exit.');
  }
  spec.stdout(bye + log('M', '#', 'Redis is now ready to exit, bye bye...'));
  return 0;
};

/** A stable build id per version (real builds print a hash of the build environment). */
function redisBuildId(v: string): string {
  let h = 0x811c9dc5;
  for (const c of `redis-${v}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return (h.toString(16).padStart(8, '0') + ((h ^ 0x5bd1e995) >>> 0).toString(16).padStart(8, '0')).slice(0, 16);
}

/** redis-cli: --version; it reaches no server (the lab carries HTTP only), and says so in one line. */
export const redisCli: Program = async (run) => {
  if (run.args.includes('--version') || run.args.includes('-v')) {
    run.spec.stdout(`redis-cli ${redisVersion(run.spec.env)}\n`);
    return 0;
  }
  run.spec.stderr("Layerlab: redis-cli is not simulated; the practice Hub's redis-server starts, logs and stops, but holds no data and answers no clients.\n");
  return 1;
};

// ---- mongo -------------------------------------------------------------------------

const mongoVersion = (env: Record<string, string>): string => env.MONGO_VERSION ?? '8.0.12';

/**
 * One line of MongoDB 4.4+'s structured log (logv2's JSON formatter): severity,
 * component and id padded as it pads them (`"s":"I",  "c":"NETWORK",  "id":23015,   `).
 */
function mongoJson(ms: number, s: 'I' | 'W', c: string, id: number, ctx: string, msg: string, attr?: unknown, tags?: string[]): string {
  const stamp = `${new Date(ms).toISOString().slice(0, 23)}+00:00`;
  return `{"t":{"$date":"${stamp}"},"s":${`"${s}",`.padEnd(5)} "c":${`"${c}",`.padEnd(11)} "id":${`${id},`.padEnd(8)} "ctx":${JSON.stringify(ctx)},"msg":${JSON.stringify(msg)}${attr === undefined ? '' : `,"attr":${JSON.stringify(attr)}`}${tags ? `,"tags":${JSON.stringify(tags)}` : ''}}\n`;
}

/** MongoDB 4.2's text log line: `2025-08-01T12:00:00.000+0000 I  NETWORK  [listener] …`. */
function mongoText(ms: number, c: string, ctx: string, msg: string): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000 I  ${c.padEnd(8)} [${ctx}] ${msg}\n`;
}

/**
 * mongod in the foreground: MongoDB 8.0's JSON startup lines (4.2's text ones for the
 * 4.2 tags), abridged to those a learner reads (starting, build, options, the access
 * control warning, listening, waiting for connections; WiredTiger's own lines, the
 * FTDC/index-build noise and the git version are left out), then SIGTERM/SIGINT's shutdown (exit 0).
 * No storage engine runs: /data/db gets no files.
 */
export const mongod: Program = async (run) => {
  const { spec, args } = run;
  const v = mongoVersion(spec.env);
  const legacy = /^4\.[0-2]\./.test(v);
  if (args.includes('--version')) {
    spec.stdout(`db version v${v}\n`);
    return 0;
  }
  for (const sig of ['SIGTERM', 'SIGINT']) spec.caught?.add(sig);
  const all = args.includes('--bind_ip_all');
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 && /^\d+$/.test(args[portAt + 1] ?? '') ? Number(args[portAt + 1]) : 27017;
  const dbAt = args.indexOf('--dbpath');
  const dbPath = dbAt >= 0 && args[dbAt + 1] ? args[dbAt + 1]! : '/data/db';
  if (!(await exists(spec.fs, dbPath))) {
    if (legacy) spec.stdout(mongoText(spec.now(), 'STORAGE', 'initandlisten', `exception in initAndListen: NonExistentPath: Data directory ${dbPath} not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file., terminating`));
    else spec.stdout(mongoJson(spec.now(), 'I', 'STORAGE', 20568, 'initandlisten', 'Error setting up listener', { error: { code: 29, codeName: 'NonExistentPath', errmsg: `Data directory ${dbPath} not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file.` } }));
    return 100;
  }
  const t = (): number => spec.now();
  const host = spec.hostname;
  const listenOn = all ? '0.0.0.0' : '127.0.0.1';
  const options: Record<string, unknown> = {};
  if (all) options.net = { bindIp: '*' };
  if (portAt >= 0) options.net = { ...(options.net as object), port };
  if (dbAt >= 0) options.storage = { dbPath };
  if (legacy) {
    spec.stdout([
      mongoText(t(), 'CONTROL', 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"),
      mongoText(t(), 'CONTROL', 'initandlisten', `MongoDB starting : pid=1 port=${port} dbpath=${dbPath} 64-bit host=${host}`),
      mongoText(t(), 'CONTROL', 'initandlisten', `db version v${v}`),
      mongoText(t(), 'CONTROL', 'initandlisten', 'OpenSSL version: OpenSSL 1.1.1  11 Sep 2018'),
      mongoText(t(), 'CONTROL', 'initandlisten', 'allocator: tcmalloc'),
      mongoText(t(), 'CONTROL', 'initandlisten', 'modules: none'),
      mongoText(t(), 'CONTROL', 'initandlisten', 'build environment:'),
      mongoText(t(), 'CONTROL', 'initandlisten', '    distmod: ubuntu1804'),
      mongoText(t(), 'CONTROL', 'initandlisten', '    distarch: x86_64'),
      mongoText(t(), 'CONTROL', 'initandlisten', '    target_arch: x86_64'),
      mongoText(t(), 'CONTROL', 'initandlisten', `options: ${all ? '{ net: { bindIp: "*" } }' : '{}'}`),
      mongoText(t(), 'CONTROL', 'initandlisten', ''),
      mongoText(t(), 'CONTROL', 'initandlisten', '** WARNING: Access control is not enabled for the database.'),
      mongoText(t(), 'CONTROL', 'initandlisten', '**          Read and write access to data and configuration is'),
      mongoText(t(), 'CONTROL', 'initandlisten', '**          unrestricted.'),
      mongoText(t(), 'CONTROL', 'initandlisten', ''),
      mongoText(t(), 'NETWORK', 'listener', `Listening on /tmp/mongodb-${port}.sock`),
      mongoText(t(), 'NETWORK', 'listener', `Listening on ${listenOn}`),
      mongoText(t(), 'NETWORK', 'listener', `waiting for connections on port ${port}`),
    ].join(''));
    const sig = await serve(spec, ['SIGTERM', 'SIGINT']);
    const n = sig === 'SIGINT' ? 2 : 15;
    spec.stdout([
      mongoText(t(), 'CONTROL', 'signalProcessingThread', `got signal ${n} (${sig === 'SIGINT' ? 'Interrupt' : 'Terminated'}), will terminate after current cmd ends`),
      mongoText(t(), 'NETWORK', 'signalProcessingThread', 'shutdown: going to close listening sockets...'),
      mongoText(t(), 'NETWORK', 'signalProcessingThread', `removing socket file: /tmp/mongodb-${port}.sock`),
      mongoText(t(), 'STORAGE', 'signalProcessingThread', 'WiredTigerKVEngine shutting down'),
      mongoText(t(), 'STORAGE', 'signalProcessingThread', 'shutdown: removing fs lock...'),
      mongoText(t(), 'CONTROL', 'signalProcessingThread', 'now exiting'),
      mongoText(t(), 'CONTROL', 'signalProcessingThread', 'shutting down with code:0'),
    ].join(''));
    return 0;
  }
  const wire = { minWireVersion: 0, maxWireVersion: 25 };
  spec.stdout([
    mongoJson(t(), 'I', 'CONTROL', 23285, 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"),
    mongoJson(t(), 'I', 'NETWORK', 4915701, 'main', 'Initialized wire specification', { spec: { incomingExternalClient: wire, incomingInternalClient: wire, outgoing: { minWireVersion: 6, maxWireVersion: 25 }, isInternalClient: true } }),
    mongoJson(t(), 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: 1, port, dbPath, architecture: '64-bit', host }),
    mongoJson(t(), 'I', 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version: v, openSSLVersion: 'OpenSSL 3.0.13 30 Jan 2024', modules: [], allocator: 'tcmalloc-google', environment: { distmod: 'ubuntu2404', distarch: 'x86_64', target_arch: 'x86_64' } } }),
    mongoJson(t(), 'I', 'CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: '24.04' } }),
    mongoJson(t(), 'I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options }),
    mongoJson(t(), 'I', 'STORAGE', 22297, 'initandlisten', 'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem', undefined, ['startupWarnings']),
    mongoJson(t(), 'W', 'CONTROL', 22120, 'initandlisten', 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted', undefined, ['startupWarnings']),
    mongoJson(t(), 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: `/tmp/mongodb-${port}.sock` }),
    mongoJson(t(), 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: listenOn }),
    mongoJson(t(), 'I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { port, ssl: 'off' }),
  ].join(''));
  const sig = await serve(spec, ['SIGTERM', 'SIGINT']);
  spec.stdout([
    mongoJson(t(), 'I', 'CONTROL', 23377, 'SignalHandler', 'Received signal', { signal: sig === 'SIGINT' ? 2 : 15, error: sig === 'SIGINT' ? 'Interrupt' : 'Terminated' }),
    mongoJson(t(), 'I', 'CONTROL', 23378, 'SignalHandler', 'Signal was sent by kill(2)', { pid: 0, uid: 0 }),
    mongoJson(t(), 'I', 'CONTROL', 23381, 'SignalHandler', 'will terminate after current cmd ends'),
    mongoJson(t(), 'I', 'NETWORK', 20562, 'SignalHandler', 'Shutdown: Closing listener sockets'),
    mongoJson(t(), 'I', 'NETWORK', 23017, 'listener', 'removing socket file', { path: `/tmp/mongodb-${port}.sock` }),
    mongoJson(t(), 'I', 'STORAGE', 4784933, 'SignalHandler', 'Shutting down the storage engine'),
    mongoJson(t(), 'I', 'STORAGE', 22261, 'SignalHandler', 'Timestamp monitor shutting down'),
    mongoJson(t(), 'I', 'STORAGE', 20282, 'SignalHandler', 'Deregistering all the collections'),
    mongoJson(t(), 'I', 'STORAGE', 22317, 'SignalHandler', 'WiredTigerKVEngine shutting down'),
    mongoJson(t(), 'I', 'STORAGE', 4795902, 'SignalHandler', 'Closing WiredTiger', { closeConfig: 'leak_memory=true,use_timestamp=false,' }),
    mongoJson(t(), 'I', 'STORAGE', 22279, 'SignalHandler', 'shutdown: removing fs lock...'),
    mongoJson(t(), 'I', '-', 4784931, 'SignalHandler', 'Dropping the scope cache for shutdown'),
    mongoJson(t(), 'I', 'CONTROL', 20565, 'SignalHandler', 'Now exiting'),
    mongoJson(t(), 'I', 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { exitCode: 0 }),
  ].join(''));
  return 0;
};

/** mongosh and mongo (the 4.2 shell): they reach no server, and say so in one line. */
export const mongoShell: Program = async (run) => {
  const { spec } = run;
  spec.stderr(`Layerlab: ${run.name} is not simulated; the practice Hub's mongod starts, logs and stops, but stores no data and answers no clients.\n`);
  return 1;
};
