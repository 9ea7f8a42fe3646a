/**
 * The service images through the docker CLI and engine, as a learner types them:
 * `docker run -d postgres` without and with POSTGRES_PASSWORD, `docker stop` (the
 * image's STOPSIGNAL reaches PID 1 because the server catches it, so the stop is
 * immediate and the exit status 0), and a restart that finds the initialized data.
 */
import { describe, expect, it } from 'vitest';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { Lab } from '../../worker/lab/lab.ts';

async function hub() {
  const engine = await Engine.open({ store: new MemoryStore(), registry: hubRegistry() });
  const docker = new DockerCli(new Lab(engine).api);
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = { stdin: new Uint8Array(), stdout: (s) => (stdout += String(s)), stderr: (s) => (stderr += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false };
    const rc = await docker.run(argv, io);
    return { stdout, stderr, rc };
  };
  /** Waits until `docker logs name` holds `text` (each check yields to the running container). */
  const logged = async (name: string, text: string): Promise<string> => {
    for (;;) {
      const l = await run('logs', name);
      if ((l.stdout + l.stderr).includes(text)) return l.stdout + l.stderr;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { run, logged };
}

describe('service containers', () => {
  it('postgres: no password → Exited (1) with the entrypoint\'s error; with one → ready, docker stop → Exited (0), restart skips initialization', async () => {
    const d = await hub();
    await d.run('pull', '-q', 'postgres:17');
    expect((await d.run('run', '--name', 'nopw', 'postgres:17')).rc).toBe(1);
    expect((await d.run('logs', 'nopw')).stderr.split('\n')[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
    expect((await d.run('run', '-d', '--name', 'db', '-e', 'POSTGRES_PASSWORD=secret', 'postgres:17')).rc).toBe(0);
    await d.logged('db', '[1] LOG:  database system is ready to accept connections');
    expect(await d.run('exec', 'db', 'psql', '-U', 'postgres')).toEqual({ stdout: '', stderr: "psql: the practice Hub's PostgreSQL does not execute SQL (Layerlab simulates the server's startup and logs only)\n", rc: 2 });
    // What compose healthchecks run: the server is up, so pg_isready says so.
    expect(await d.run('exec', 'db', 'pg_isready', '-U', 'postgres')).toEqual({ stdout: '/var/run/postgresql:5432 - accepting connections\n', stderr: '', rc: 0 });
    expect(await d.run('exec', 'db', 'pg_ctl', 'status')).toEqual({ stdout: 'pg_ctl: server is running (PID: 1)\n/usr/lib/postgresql/17/bin/postgres\n', stderr: '', rc: 0 });
    expect(await d.run('stop', 'db')).toEqual({ stdout: 'db\n', stderr: '', rc: 0 });
    expect((await d.run('ps', '-a', '--format', '{{.Names}} {{.Status}}')).stdout).toMatch(/^db Exited \(0\) .*\nnopw Exited \(1\) /);
    expect((await d.run('start', 'db')).rc).toBe(0);
    const logs = await d.logged('db', 'Skipping initialization');
    expect(logs).toContain('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n');
    expect((await d.run('stop', 'db')).rc).toBe(0);
    expect((await d.run('inspect', '--format', '{{.State.ExitCode}}', 'db')).stdout).toBe('0\n');
  }, 60_000);

  it('mysql and mariadb answer the healthchecks learners write (mysqladmin ping, healthcheck.sh) while they run', async () => {
    const d = await hub();
    await d.run('run', '-d', '--name', 'my', '-e', 'MYSQL_ROOT_PASSWORD=x', 'mysql:8.4');
    await d.logged('my', 'ready for connections');
    expect(await d.run('exec', 'my', 'mysqladmin', 'ping', '-h', 'localhost')).toEqual({ stdout: 'mysqld is alive\n', stderr: '', rc: 0 });
    await d.run('run', '-d', '--name', 'md', '-e', 'MARIADB_ROOT_PASSWORD=x', 'mariadb:11.8');
    await d.logged('md', 'mariadbd: ready for connections.');
    expect(await d.run('exec', 'md', 'healthcheck.sh', '--connect', '--innodb_initialized')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await d.run('exec', 'md', 'mariadb-admin', 'ping')).toEqual({ stdout: 'mysqld is alive\n', stderr: '', rc: 0 });
    expect((await d.run('stop', 'my', 'md')).rc).toBe(0);
    expect((await d.run('run', '--rm', '--entrypoint', 'mysqladmin', 'mysql:8.4', 'ping'))).toEqual({ stdout: '', stderr: "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n", rc: 1 });
  }, 60_000);

  it('httpd and memcached stop on their stop signals with exit 0', async () => {
    const d = await hub();
    await d.run('run', '-d', '--name', 'web', 'httpd:2.4');
    await d.logged('web', 'AH00094');
    await d.run('run', '-d', '--name', 'mc', 'memcached:1.6');
    expect((await d.run('stop', 'web', 'mc')).stdout).toBe('web\nmc\n');
    expect((await d.run('logs', 'web')).stderr.split('\n').at(-2)).toMatch(/AH00492: caught SIGWINCH, shutting down gracefully$/);
    expect((await d.run('logs', 'mc')).stdout).toBe('Signal handled: Terminated.\n');
    expect((await d.run('ps', '-a', '--format', '{{.Names}} {{.Status}}')).stdout).toMatch(/^mc Exited \(0\) .*\nweb Exited \(0\) /);
  }, 60_000);

  it('redis and mongo (the chapters\' images) run: their logs while up, docker stop → Exited (0) with the shutdown lines', async () => {
    const d = await hub();
    expect((await d.run('run', '-d', '--name', 'cache', 'redis')).rc).toBe(0);
    expect((await d.run('run', '-d', '--name', 'db', 'mongo')).rc).toBe(0);
    const strip = (logs: string): string[] => logs.split('\n').map((l) => l.replace(/^1:(\w) \d\d \w{3} \d{4} [\d:.]+ /, '1:$1 ').replace(/^1:signal-handler \(\d+\)/, '1:signal-handler').replace(/"\$date":"[^"]*"/, '"$date":"…"'));
    expect(strip(await d.logged('cache', 'Ready to accept connections tcp')).at(-2)).toBe('1:M * Ready to accept connections tcp');
    expect(strip(await d.logged('db', 'Waiting for connections')).at(-2)).toBe('{"t":{"$date":"…"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}');
    expect((await d.run('stop', 'cache', 'db')).stdout).toBe('cache\ndb\n');
    expect(strip((await d.run('logs', 'cache')).stdout).slice(-6)).toEqual(['1:signal-handler Received SIGTERM scheduling shutdown...', '1:M * User requested shutdown...',
      '1:M * Saving the final RDB snapshot before exiting.', '1:M * DB saved on disk', '1:M # Redis is now ready to exit, bye bye...', '']);
    expect(strip((await d.run('logs', 'db')).stdout).at(-2)).toBe('{"t":{"$date":"…"},"s":"I",  "c":"CONTROL",  "id":23138,   "ctx":"SignalHandler","msg":"Shutting down","attr":{"exitCode":0}}');
    expect((await d.run('ps', '-a', '--format', '{{.Names}} {{.Status}}')).stdout).toMatch(/^db Exited \(0\) .*\ncache Exited \(0\) /);
  }, 60_000);
});
