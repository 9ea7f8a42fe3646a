/**
 * Conformance (c) = (d) of issue 13: one script of docker commands through
 * our CLI against a real dockerd (bin/layerlab exec --engine, so over the
 * Engine API client) and through the real docker CLI against the same
 * daemon; the outputs must be equal whole after the golden suite's
 * normalization (ids, times). The daemon is a private one started for this
 * file and stopped by its pid (test/interop/real-engine.ts: Debian's
 * docker.io, or the Engine 26.1 of test/golden/oracle.sh where unpacked),
 * so CI needs nothing running. It has no registry, so `alpine` is a
 * stand-in imported from a static busybox root (Debian's busybox-static,
 * scripts/ensure-system.sh) with an /etc/alpine-release, and the script
 * does not pull (pulls are compared through the daemon direction,
 * test/daemon/cli.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealEngine, type RealEngine } from '../interop/real-engine.ts';
import { createNormalizer } from '../golden/normalize.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let engine: RealEngine;
/** The real CLI: $REAL_DOCKER, else Docker 28 where installed, else Debian's (20.10 in CI). */
const DOCKER = process.env.REAL_DOCKER ?? ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p))!;

/** The script: every line leaves no trace on the daemon once the script is done. */
export const SCRIPT = [
  'docker images',
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
  'docker run -d --name ll-conf-b alpine sleep 300',
  "docker exec ll-conf-b sh -c 'echo inside; echo e >&2; exit 4'",
  'echo hello > f.txt',
  'docker cp f.txt ll-conf-b:/tmp/',
  'docker exec ll-conf-b cat /tmp/f.txt',
  'docker cp ll-conf-b:/etc/alpine-release rel',
  'cat rel',
  'docker diff ll-conf-b',
  'docker pause ll-conf-b',
  "docker ps --filter name=ll-conf --format '{{.Names}} {{.Status}}'",
  'docker unpause ll-conf-b',
  'docker commit ll-conf-b ll-conf/commit:1',
  "docker images ll-conf/commit --format '{{.Repository}}:{{.Tag}}'",
  'docker rmi ll-conf/commit:1',
  'docker kill ll-conf-b',
  'docker wait ll-conf-b',
  'docker export ll-conf-b | tar -tf - | grep -c .',
  'docker rm ll-conf-b',
  'docker volume create ll-conf-v',
  'docker volume ls --filter name=ll-conf',
  "docker volume inspect --format '{{.Name}} {{.Driver}} {{.Mountpoint}}' ll-conf-v",
  "docker run --rm -v ll-conf-v:/d alpine sh -c 'echo x > /d/x; ls /d'",
  'docker volume rm ll-conf-v',
  "docker run --name ll-conf-d alpine sh -c 'echo one; echo two'",
  'docker logs --tail 1 ll-conf-d',
  'docker start -a ll-conf-d',
  'docker rm -f ll-conf-d',
  "docker image inspect --format '{{.RepoTags}} {{.Config.Cmd}}' alpine",
  'docker container inspect nosuch',
  'docker stop nosuch',
  'docker rmi nosuch',
  "printf 'FROM alpine\\nRUN echo built > /b\\nCMD [\"cat\",\"/b\"]\\n' > Dockerfile",
  'DOCKER_BUILDKIT=0 docker build -q -t ll-conf/built .',
  'docker run --rm ll-conf/built',
  'docker rmi ll-conf/built',
  'docker system df',
  'docker images --format json',
  'docker image ls -a --digests',
  'docker run -t --rm alpine echo tty',
  "docker run --rm -e A=1 -w /tmp alpine sh -c 'echo $A; pwd'",
  'echo piped | docker run --rm -i alpine cat',
  'docker network ls',
  "docker info --format '{{.Containers}} {{.Images}} {{.OSType}}'",
  "docker run -d --name ll-conf-e alpine sh -c 'sleep 2; echo late; echo late-err >&2'",
  'docker attach ll-conf-e',
  'docker logs -t ll-conf-e',
  'docker restart -t 1 ll-conf-e',
  'docker stop -t 1 ll-conf-e',
  'docker exec ll-conf-e true',
  'docker rm ll-conf-e',
  'docker run -d --name ll-conf-f alpine sleep 100',
  'docker exec -d ll-conf-f touch /tmp/made',
  "docker exec ll-conf-f sh -c 'sleep 1; ls /tmp'",
  'docker top ll-conf-f -o comm,args',
  'docker cp ll-conf-f:/etc/apk - | tar -tf - | head -3',
  'docker rm -f ll-conf-f',
];

interface Run {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}

/** Imports the `alpine` stand-in: a static busybox with its applet links, /etc/alpine-release, CMD /bin/sh. */
function seedAlpine(e: RealEngine): void {
  const root = mkdtempSync(path.join(tmpdir(), 'll-conf-root-'));
  try {
    for (const d of ['bin', 'etc', 'tmp', 'root', 'usr/bin', 'usr/sbin', 'sbin']) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync('/bin/busybox', path.join(root, 'bin/busybox'));
    for (const a of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter((x) => x && x !== 'busybox')) symlinkSync('busybox', path.join(root, 'bin', a));
    writeFileSync(path.join(root, 'etc/alpine-release'), '3.22.1\n');
    writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    writeFileSync(path.join(root, 'etc/group'), 'root:x:0:root\n');
    const tar = execFileSync('tar', ['--numeric-owner', '-C', root, '-c', '.'], { maxBuffer: 1 << 28 });
    e.docker(['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '-', 'alpine:latest'], tar);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The real docker CLI, one `bash -c` per line in a fresh directory. */
function realCli(lines: readonly string[]): Run[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'll-conf-'));
  const env = { ...process.env, DOCKER_HOST: engine.host, DOCKER_CONFIG: engine.config, PATH: `${path.dirname(DOCKER)}:${process.env.PATH}` };
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
  const out = execFileSync(path.join(ROOT, 'bin/layerlab'), ['exec', '--json', '--engine', engine.host], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 300_000 });
  return (JSON.parse(out) as Run[]).map(({ cmd, stdout, stderr, rc }) => ({ cmd, stdout, stderr, rc }));
}

/** The real CLI's major version (20 for Debian's 20.10, 28 for /usr/local/bin/docker). */
function cliMajor(): number {
  const v = spawnSync(DOCKER, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: engine.host, DOCKER_CONFIG: engine.config } }).stdout;
  return Number(v.split('.')[0]);
}

/**
 * Where our CLI (Docker 28.5's wording) and an older real CLI print the same
 * daemon answer differently: applied to our output when the reference is
 * Debian's CLI 20.10, so the comparison checks everything else.
 */
const CLI_20_WORDING: Array<{ cmd: RegExp; from: RegExp; to: string }> = [
  // CLI 20.10's rm and inspect turn a daemon 404 into their own `Error: No such …` (cli/command/container/rm.go, inspect.go).
  { cmd: /^docker (rm|container inspect) /, from: /^Error response from daemon: No such container: (.*)$/gm, to: 'Error: No such container: $1' },
  { cmd: /^docker rmi /, from: /^Error response from daemon: No such image: (.*):latest$/gm, to: 'Error: No such image: $1' },
  { cmd: /^docker cp /, from: /^Error response from daemon: Could not find the file (.*) in container (.*)$/gm, to: 'Error: No such container:path: $2:$1' },
  // `--format json` arrived in CLI 23; 20.10 prints the word as a literal template.
  { cmd: /--format json/, from: /^\{.*\}$/gm, to: 'json' },
  // The legacy builder's deprecation banner arrived in CLI 23.
  { cmd: /docker build /, from: /^DEPRECATED: The legacy builder is deprecated[^]*?environment-variable\.\n\n/gm, to: '' },
];

function asCli20(runs: Run[]): Run[] {
  return runs.map((r) => {
    const rules = CLI_20_WORDING.filter((w) => w.cmd.test(r.cmd));
    const rewrite = (text: string): string => rules.reduce((t, w) => t.replace(w.from, w.to), text);
    return { ...r, stdout: rewrite(r.stdout), stderr: rewrite(r.stderr) };
  });
}

function normalized(runs: Run[]): Run[] {
  const norm = createNormalizer();
  return runs.map((r, i) => ({ cmd: r.cmd, stdout: norm(r.stdout, i + 1), stderr: norm(r.stderr, i + 1), rc: r.rc }));
}

describe('our CLI against a real dockerd', () => {
  beforeAll(async () => {
    engine = await startRealEngine();
    seedAlpine(engine);
  }, 300_000);
  afterAll(async () => engine?.stop(), 60_000);

  it('prints what the real docker CLI prints', () => {
    const theirs = normalized(realCli(SCRIPT));
    const ours = normalized(cliMajor() < 23 ? asCli20(ourCli(SCRIPT)) : ourCli(SCRIPT));
    expect(ours).toEqual(theirs);
  }, 600_000);
});
