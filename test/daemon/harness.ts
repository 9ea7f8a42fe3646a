/**
 * A daemon for the tests: the simulated engine of a fresh in-memory session
 * served on a unix socket in a temp directory (never TCP: nothing leaves the
 * machine), stopped by its own handle. Plus plain node:http requests to it,
 * the docker CLI that exists here, and `bin/layerlab exec --json`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSession, type Session } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { openLab, type DaemonLab } from '../../worker/daemon/lab.ts';
import { startDaemon, type Daemon } from '../../worker/daemon/server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A daemon under test. */
export interface TestDaemon {
  dir: string;
  socket: string;
  /** DOCKER_HOST for it. */
  host: string;
  lab: DaemonLab;
  daemon: Daemon;
  stop(): Promise<void>;
}

/** Starts a daemon over a fresh in-memory lab. */
export async function startTestDaemon(): Promise<TestDaemon> {
  const dir = await mkdtemp(join(tmpdir(), 'll-daemon-'));
  const socket = join(dir, 'll.sock');
  const session: Session = await createSession({ store: new MemoryStore(), isTTY: false });
  const lab = await openLab((await session.lab!())!);
  const daemon = await startDaemon(lab, { kind: 'unix', path: socket });
  return {
    dir,
    socket,
    host: `unix://${socket}`,
    lab,
    daemon,
    async stop() {
      await daemon.close();
      await session.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A response read whole. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One plain HTTP request over the daemon's socket. */
export function call(socket: string, method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, method, path, headers: { ...(body !== undefined && typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The docker CLI present: CLI 28 here (/usr/local/bin), Debian's docker.io client (20.10) in CI. */
export function dockerCli(): { path: string; modern: boolean } {
  // LAYERLAB_DOCKER_CLI picks one explicitly (to run the suite with the other client).
  const chosen = process.env.LAYERLAB_DOCKER_CLI;
  if (chosen) return { path: chosen, modern: chosen !== '/usr/bin/docker' };
  if (existsSync('/usr/local/bin/docker')) return { path: '/usr/local/bin/docker', modern: true };
  if (existsSync('/usr/bin/docker')) return { path: '/usr/bin/docker', modern: false };
  throw new Error('no docker CLI: scripts/ensure-system.sh installs Debian docker.io');
}

/** A line's outcome, as `bin/layerlab exec --json` records it. */
export interface LineRecord {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

/**
 * Runs each line with bash in a fresh directory (the learner's working
 * directory: a build context holds only what the lines wrote), the real
 * docker CLI pointed at `host` first on PATH, its config outside it.
 */
export async function runReal(lines: readonly string[], host: string): Promise<LineRecord[]> {
  const cli = dockerCli();
  const bindir = await mkdtemp(join(tmpdir(), 'll-dockerbin-'));
  const cwd = join(bindir, 'work');
  const { mkdir, symlink } = await import('node:fs/promises');
  await mkdir(cwd);
  await symlink(cli.path, join(bindir, 'docker'));
  const out: LineRecord[] = [];
  try {
    for (const cmd of lines) {
      out.push(
        await new Promise<LineRecord>((ok) => {
          execFile('bash', ['-c', cmd], { cwd, encoding: 'utf8', env: { PATH: `${bindir}:${process.env.PATH}`, HOME: bindir, DOCKER_HOST: host, DOCKER_CONFIG: join(bindir, '.docker') } }, (err, stdout, stderr) => {
            const rc = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            ok({ cmd, stdout, stderr, rc });
          });
        }),
      );
    }
  } finally {
    await rm(bindir, { recursive: true, force: true });
  }
  return out;
}

/** Runs the lines through `bin/layerlab exec --json` (a fresh in-memory lab). */
export async function runOurs(lines: readonly string[]): Promise<LineRecord[]> {
  const child = spawn(join(ROOT, 'bin/layerlab'), ['exec', '--json'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  const code = await new Promise<number | null>((ok) => child.once('close', ok));
  if (code !== 0) throw new Error(`bin/layerlab exec --json exited ${code}: ${err}`);
  return JSON.parse(out) as LineRecord[];
}
