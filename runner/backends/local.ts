/**
 * The local backend: one dockerd per session on this host, so images, tags,
 * build cache, events and prune are private to the session
 * (runner-security.md §0.5, §3.1). Each daemon has its own data root, exec
 * root, pidfile, socket and containerd namespaces under
 * RUNNER_STATE_DIR/<id>, its containers under their own cgroup parent, and
 * the learner's containers under gVisor (runsc) where it works here.
 * Everything a session makes lives under its directory or cgroup, so
 * destroy() — and the reaper after a crash — can find it all again from the
 * id alone: processes whose command line names the directory, processes in
 * the cgroup, mounts below the directory, then the directory.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeTransport } from '../../worker/engine-client/node-transport.ts';
import type { Transport } from '../../worker/engine-client/transport.ts';
import type { SessionBackend, SessionEngine, SessionSpec } from './backend.ts';
import { umount } from './mounts.ts';

/** A session id as the runner makes them: 22 base64url characters (128 bits). Anything else is never a path. */
export const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/** What the local backend needs from the runner's configuration. */
export interface LocalBackendOptions {
  dockerd: string;
  stateDir: string;
  /** The runtime learner containers run under by default ('runsc' only after detectRuntime said it works). */
  runtime: 'runc' | 'runsc';
  seedImages: readonly string[];
  registryMirror?: string | undefined;
  /** How long to wait for a daemon to answer /_ping. */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

/** The local backend. */
export class LocalBackend implements SessionBackend {
  readonly name = 'local';
  readonly #o: LocalBackendOptions;
  readonly #destroying = new Map<string, Promise<void>>();

  constructor(o: LocalBackendOptions) {
    this.#o = o;
    mkdirSync(o.stateDir, { recursive: true, mode: 0o700 });
  }

  /** The session's directory (the id is checked first: it becomes a path). */
  dir(id: string): string {
    if (!SESSION_ID.test(id)) throw new Error(`not a session id: ${JSON.stringify(id)}`);
    return join(this.#o.stateDir, id);
  }

  async create(spec: SessionSpec): Promise<SessionEngine> {
    const dir = this.dir(spec.id);
    mkdirSync(dir, { recursive: false, mode: 0o700 });
    try {
      const transport = await this.#start(spec.id, dir);
      for (const tar of this.#o.seedImages) await loadImage(transport, tar);
      return { id: spec.id, transport, endpoint: `unix://${join(dir, 'docker.sock')}`, runtime: this.#o.runtime };
    } catch (err) {
      await this.destroy(spec.id);
      throw err;
    }
  }

  async #start(id: string, dir: string): Promise<Transport> {
    const ns = containerdNamespace(id);
    const runtimes: Record<string, unknown> = {};
    // gVisor here refuses to join a network namespace it considers the
    // host's ("cannot run with network enabled in root network namespace"),
    // even for --network none; its own --network=none sandbox works, and the
    // session has no network anyway (RUNNER_NETWORK=none).
    if (this.#o.runtime === 'runsc') runtimes.runsc = { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] };
    const daemonJson: Record<string, unknown> = {
      ...(this.#o.runtime === 'runsc' ? { runtimes, 'default-runtime': 'runsc' } : {}),
      // Daemon-wide floors (runner-security.md §2.5); the policy forces the per-container values.
      'no-new-privileges': true,
      'default-ipc-mode': 'private',
      'default-cgroupns-mode': 'private',
      'log-driver': 'local',
      'log-opts': { 'max-size': '5m', 'max-file': '2' },
      'default-ulimits': { nofile: { Name: 'nofile', Soft: 1024, Hard: 4096 }, core: { Name: 'core', Soft: 0, Hard: 0 } },
      ...(this.#o.registryMirror ? { 'registry-mirrors': [this.#o.registryMirror] } : {}),
    };
    writeFileSync(join(dir, 'daemon.json'), JSON.stringify(daemonJson, null, 2));
    const bin = dirname(this.#o.dockerd);
    const env = { PATH: `${bin}:${bin.replace(/\/sbin$/, '/bin')}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, HOME: dir };
    const out = openSync(join(dir, 'dockerd.log'), 'a');
    const child = spawn(
      this.#o.dockerd,
      [
        `--config-file=${join(dir, 'daemon.json')}`,
        `--host=unix://${join(dir, 'docker.sock')}`, `--data-root=${join(dir, 'data')}`, `--exec-root=${join(dir, 'exec')}`,
        `--pidfile=${join(dir, 'docker.pid')}`,
        // vfs: no overlay mounts to leak or to need a kernel for; no bridge or
        // iptables: the session has no network and touches no host rule.
        '--storage-driver=vfs', '--bridge=none', '--iptables=false', '--ip6tables=false',
        `--containerd-namespace=${ns}`, `--containerd-plugins-namespace=${ns}-p`,
        // Every container of the session under one cgroup parent, so the
        // reaper can kill what a dead daemon left running.
        `--cgroup-parent=/${ns}`,
      ],
      { env, stdio: ['ignore', out, out], detached: true },
    );
    closeSync(out);
    // Written before dockerd writes its own pidfile: a daemon that dies
    // early, or a runner that crashes now, still leaves the pid to reap.
    if (child.pid) writeFileSync(join(dir, 'runner.pid'), String(child.pid));
    child.unref();
    let exited: string | null = null;
    child.on('exit', (code, sig) => (exited = `dockerd exited (${sig ?? code})`));
    child.on('error', (e) => (exited = `dockerd could not start: ${e.message}`));
    const transport = nodeTransport(`unix://${join(dir, 'docker.sock')}`);
    const deadline = Date.now() + (this.#o.startTimeoutMs ?? 60_000);
    for (;;) {
      if (exited) throw new Error(`${exited}: ${tail(join(dir, 'dockerd.log'))}`);
      if (existsSync(join(dir, 'docker.sock')) && (await ping(transport))) return transport;
      if (Date.now() > deadline) throw new Error(`dockerd did not answer within ${(this.#o.startTimeoutMs ?? 60_000) / 1000} s: ${tail(join(dir, 'dockerd.log'))}`);
      // The daemon gives no readiness event; its socket answering is the signal.
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  destroy(id: string): Promise<void> {
    const dir = this.dir(id);
    let p = this.#destroying.get(id);
    if (!p) {
      p = teardown(dir, containerdNamespace(id)).finally(() => this.#destroying.delete(id));
      this.#destroying.set(id, p);
    }
    return p;
  }

  async list(): Promise<string[]> {
    if (!existsSync(this.#o.stateDir)) return [];
    return readdirSync(this.#o.stateDir).filter((n) => SESSION_ID.test(n) && statSync(join(this.#o.stateDir, n)).isDirectory());
  }
}

/** containerd namespaces and cgroup names allow no leading or doubled `-`/`_`: the id in hex. */
export function containerdNamespace(id: string): string {
  return `layerlab-${Buffer.from(id, 'base64url').toString('hex')}`;
}

async function ping(t: Transport): Promise<boolean> {
  try {
    const r = await t.request({ method: 'GET', path: '/_ping' });
    for await (const _ of r.body) void _;
    return r.status === 200;
  } catch {
    return false;
  }
}

/** `docker load` through the API: the tar streamed from its file; fails on the daemon's error message. */
async function loadImage(t: Transport, tar: string): Promise<void> {
  const r = await t.request({ method: 'POST', path: '/images/load?quiet=1', headers: { 'content-type': 'application/x-tar' }, body: createReadStream(tar) });
  let text = '';
  for await (const c of r.body) text += Buffer.from(c).toString();
  const err = /"error(?:Detail)?":\s*(?:\{"message":)?"([^"]*)"/.exec(text);
  if (r.status !== 200 || err) throw new Error(`loading ${tar} into the session engine failed: ${err?.[1] ?? `${r.status} ${text.slice(0, 200)}`}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The command line of a process (NUL-separated), or null when it is gone. */
function cmdline(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie is gone for our purpose
  } catch {
    return false;
  }
}

/** Processes whose command line names the session directory: dockerd, its containerd, shims, runsc sandboxes and gofers. */
function processesOf(dir: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const cl = cmdline(Number(name));
    if (cl && (cl.includes(`${dir}/`) || cl.includes(`${dir}\0`))) out.push(Number(name));
  }
  return out;
}

/** Processes in the session's cgroup (every v1 controller and the v2 tree), and the cgroup directories, deepest first. */
function cgroupsOf(ns: string): { pids: number[]; dirs: string[] } {
  const pids = new Set<number>();
  const dirs: string[] = [];
  const roots: string[] = [];
  try {
    for (const c of readdirSync('/sys/fs/cgroup')) roots.push(join('/sys/fs/cgroup', c, ns));
  } catch {
    return { pids: [], dirs: [] };
  }
  roots.push(join('/sys/fs/cgroup', ns));
  const walk = (d: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(d, e.name));
    } catch {
      return;
    }
    for (const e of entries) walk(e);
    try {
      for (const p of readFileSync(join(d, 'cgroup.procs'), 'utf8').split('\n')) if (p) pids.add(Number(p));
    } catch {
      /* not a cgroup dir */
    }
    dirs.push(d);
  };
  for (const r of roots) if (existsSync(r)) walk(r);
  return { pids: [...pids], dirs };
}

async function stopPid(pid: number, dir: string): Promise<void> {
  // Only a dockerd of this session: after a reboot or a crash the pid may be another process now.
  const cl = cmdline(pid);
  if (!cl || !cl.includes(`--data-root=${join(dir, 'data')}`)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  // dockerd stops its containers and its containerd on SIGTERM (no live-restore); give it 20 s.
  for (let i = 0; i < 200 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Stops everything of one session and removes its directory. Idempotent. */
async function teardown(dir: string, ns: string): Promise<void> {
  for (const f of ['docker.pid', 'runner.pid']) {
    try {
      await stopPid(Number(readFileSync(join(dir, f), 'utf8').trim()), dir);
    } catch {
      /* no pidfile */
    }
  }
  // What the daemon left (it was killed, or crashed): kill until nothing is left.
  for (let round = 0; round < 50; round++) {
    const left = [...processesOf(dir), ...cgroupsOf(ns).pids].filter((p) => p !== process.pid && alive(p));
    if (left.length === 0) break;
    for (const p of left) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await sleep(100);
  }
  umount(dir);
  for (const d of cgroupsOf(ns).dirs) {
    try {
      rmdirSync(d);
    } catch {
      /* busy or gone */
    }
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
