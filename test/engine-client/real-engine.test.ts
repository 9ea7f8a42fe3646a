/**
 * Conformance (c) = (d) of issue 13: one script of docker commands through
 * our CLI against a real dockerd (bin/layerlab exec --engine, so over the
 * Engine API client) and through the real docker CLI against the same
 * daemon; the outputs must be equal whole after the golden suite's
 * normalization (ids, times). The daemon is test/golden/oracle.sh's
 * (Engine 26.1 with alpine, busybox and hello-world); it is started when it
 * is not running and left running (another suite may share it). The script
 * leaves the daemon as it found it, so it can run twice in a row.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNormalizer } from '../golden/normalize.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORACLE = process.env.ORACLE_DIR ?? '/tmp/oracle';
const SOCKET = `${ORACLE}/docker.sock`;
/** The real CLI: Docker 28 where installed, else Debian's (20.10 in CI). */
const DOCKER = ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p))!;

/** The script: every line leaves no trace on the daemon once the script is done. */
export const SCRIPT = [
  'docker images',
  'docker pull alpine',
  'docker run --rm alpine echo hi',
  "docker run --rm alpine sh -c 'echo out; echo err >&2; exit 3'",
  'docker create --name ll-conf-a alpine echo created',
  'docker start ll-conf-a',
  'docker wait ll-conf-a',
  'docker ps -a --filter name=ll-conf',
  "docker inspect --format '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{.Config.Cmd}}' ll-conf-a",
  'docker logs ll-conf-a',
  'docker rm ll-conf-a',
  'docker rm ll-conf-a',
  'docker tag alpine ll-conf/alpine:v1',
  'docker images ll-conf/alpine',
  'docker rmi ll-conf/alpine:v1',
  'docker history alpine',
  'docker save -o alpine.tar alpine',
  'docker load -i alpine.tar',
  "docker inspect --format '{{.Id}}' nosuch",
];

interface Run {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

function daemonUp(): boolean {
  return spawnSync(DOCKER, ['version'], { env: { ...process.env, DOCKER_HOST: `unix://${SOCKET}` }, timeout: 20_000 }).status === 0;
}

/** The real docker CLI, one `bash -c` per line in a fresh directory. */
function realCli(lines: readonly string[]): Run[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'll-conf-'));
  const env = { ...process.env, DOCKER_HOST: `unix://${SOCKET}`, DOCKER_CONFIG: `${ORACLE}/config`, PATH: `${path.dirname(DOCKER)}:${process.env.PATH}` };
  try {
    return lines.map((cmd) => {
      const r = spawnSync('bash', ['-c', cmd], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      return { cmd, stdout: r.stdout, stderr: r.stderr, rc: r.status ?? -1 };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our CLI over the Engine API client: bin/layerlab exec --json --engine. */
function ourCli(lines: readonly string[]): Run[] {
  const out = execFileSync(path.join(ROOT, 'bin/layerlab'), ['exec', '--json', '--engine', `unix://${SOCKET}`], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 300_000 });
  return (JSON.parse(out) as Run[]).map(({ cmd, stdout, stderr, rc }) => ({ cmd, stdout, stderr, rc }));
}

function normalized(runs: Run[]): Run[] {
  const norm = createNormalizer();
  return runs.map((r, i) => ({ cmd: r.cmd, stdout: norm(r.stdout, i + 1), stderr: norm(r.stderr, i + 1), rc: r.rc }));
}

describe('our CLI against a real dockerd', () => {
  beforeAll(() => {
    if (!daemonUp()) execFileSync('bash', [path.join(ROOT, 'test/golden/oracle.sh'), 'start'], { stdio: 'inherit', timeout: 600_000 });
  }, 660_000);

  it('prints what the real docker CLI prints', () => {
    const theirs = normalized(realCli(SCRIPT));
    const ours = normalized(ourCli(SCRIPT));
    expect(ours).toEqual(theirs);
  }, 600_000);
});
