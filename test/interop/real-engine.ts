/**
 * A private real Docker engine for the interoperability suite: its own
 * data root, exec root and socket under a temp dir, the vfs storage driver
 * (load/save need no overlay mounts), no bridge, no iptables, stopped by its
 * own pid. dockerd comes from Debian's docker.io (installed by
 * scripts/ensure-system.sh) or the Engine 26.1 unpacked by
 * test/golden/oracle.sh.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/opt/docker26/usr/sbin/dockerd', '/usr/sbin/dockerd', '/usr/bin/dockerd'];

/** A running private engine. */
export interface RealEngine {
  /** Its DOCKER_HOST (`unix://…/docker.sock`). */
  host: string;
  /** Its DOCKER_CONFIG directory (so a client reads no user config). */
  config: string;
  /** Runs the docker CLI against it; returns stdout (throws with stderr on failure). */
  docker(args: string[], input?: Uint8Array): string;
  /** The same, returning stdout's exact bytes. */
  dockerBytes(args: string[], input?: Uint8Array): Uint8Array;
  /** Stops dockerd by its pid and removes its directories. */
  stop(): Promise<void>;
}

/** Starts dockerd; fails (never skips) when it cannot, saying why. */
export async function startRealEngine(): Promise<RealEngine> {
  const dockerd = CANDIDATES.find((p) => existsSync(p));
  if (!dockerd) throw new Error('no dockerd found: install Debian docker.io (scripts/ensure-system.sh does) or run test/golden/oracle.sh start');
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-interop-'));
  const sock = join(dir, 'docker.sock');
  const bin = dockerd.replace(/\/dockerd$/, '');
  const env = { ...process.env, PATH: `${bin}:${bin.replace('/sbin', '/bin')}:${process.env.PATH}` };
  const child = spawn(
    dockerd,
    [
      `--host=unix://${sock}`, `--data-root=${dir}/data`, `--exec-root=${dir}/exec`, `--pidfile=${dir}/docker.pid`,
      '--storage-driver=vfs', '--bridge=none', '--iptables=false', '--ip6tables=false',
      `--containerd-namespace=interop-${process.pid}`, `--containerd-plugins-namespace=interop-plugins-${process.pid}`,
    ],
    { env, stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  );
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const dockerEnv = { ...process.env, DOCKER_HOST: `unix://${sock}`, DOCKER_CONFIG: join(dir, 'config') };
  const dockerBytes = (args: string[], input?: Uint8Array) =>
    execFileSync('docker', args, { env: dockerEnv, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  const docker = (args: string[], input?: Uint8Array) => dockerBytes(args, input).toString();
  for (let i = 0; ; i++) {
    try {
      docker(['version', '--format', '{{.Server.Version}}']);
      break;
    } catch {
      if (i > 120 || child.exitCode !== null) {
        child.kill('SIGTERM');
        throw new Error(`dockerd did not start:\n${log.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    host: `unix://${sock}`,
    config: join(dir, 'config'),
    docker,
    dockerBytes,
    async stop() {
      const pidFile = join(dir, 'docker.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : child.pid;
      if (pid) process.kill(pid, 'SIGTERM');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        setTimeout(resolve, 15_000);
      });
      try {
        execFileSync('rm', ['-rf', dir]);
      } catch {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
