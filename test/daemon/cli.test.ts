/**
 * The real docker CLI against `bin/layerlab daemon` prints what our own CLI
 * prints for the same script (issue 13's conformance (a) = (b)): the
 * chapters' commands, each line's stdout, stderr and exit status compared
 * whole, after the golden suite's normalization (ids numbered by first
 * appearance, times, random names). Non-docker lines (printf, cat, tar) run
 * in bash on one side and in the simulated host shell on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNormalizer } from '../golden/normalize.ts';
import { dockerCli, runOurs, runReal, startTestDaemon, type LineRecord, type TestDaemon } from './harness.ts';

/** The chapters' commands, non-interactive (the pty test drives `run -it` and `attach`). */
export const SCRIPT = [
  'docker pull alpine',
  'docker pull hello-world:latest',
  'docker images',
  'docker run --rm alpine echo hello from alpine',
  'docker run hello-world',
  'docker run -d --name web alpine sleep 300',
  'docker ps',
  'docker logs web',
  "docker exec web sh -c 'echo data > /tmp/x; cat /tmp/x'",
  "echo to-exec | docker exec -i web cat",
  "echo 'piped in' | docker run -i --rm alpine cat",
  'docker run --rm alpine nosuchcmd',
  'docker run --rm alpine sh -c "exit 3"',
  'docker create --name sa alpine echo started-attached',
  'docker start -a sa',
  'docker logs -f sa',
  'docker rm sa',
  'docker diff web',
  'docker commit web mine:v1',
  'docker history mine:v1',
  "docker image inspect --format '{{.Config.Cmd}} {{.RepoTags}} {{.Os}}' mine:v1",
  'docker tag mine:v1 mine:v2',
  'docker images',
  'docker stop web',
  'docker rm web',
  'docker rmi mine:v2',
  "printf 'hello\\n' > f.txt",
  'docker create --name box alpine',
  'docker cp f.txt box:/f.txt',
  'docker cp box:/f.txt back.txt',
  'cat back.txt',
  'docker diff box',
  'docker export -o box.tar box',
  'tar -tf box.tar | head -4',
  'docker rm box',
  'docker save -o mine.tar mine:v1',
  'docker rmi mine:v1',
  'docker load -i mine.tar',
  "printf 'FROM alpine\\nRUN echo built > /b.txt\\nCMD [\"cat\", \"/b.txt\"]\\n' > Dockerfile",
  'DOCKER_BUILDKIT=0 docker build -t hello:v0.1 .',
  'DOCKER_BUILDKIT=0 docker build -t hello:v0.2 .',
  'docker run --rm hello:v0.2',
  'docker image history hello:v0.1',
  'docker ps -a',
  'docker run --rm busybox echo pulled on the way',
  'docker image inspect alpine:latest',
  'docker run -d --name web2 -e GREETING=hi alpine sleep 300',
  'docker inspect web2',
  'docker top web2',
  'docker rename web2 web3',
  'docker pause web3',
  'docker ps',
  'docker unpause web3',
  'docker kill web3',
  'docker wait web3',
  'docker inspect --format "{{.State.Status}} {{.State.ExitCode}}" $(docker ps -aq)',
  'docker container prune -f',
  "docker images -a --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort",
  'docker images --filter dangling=true -q',
  'docker image prune -f',
  'docker volume create v1',
  'docker volume ls',
  'docker volume inspect v1',
  'docker volume rm v1',
  'docker network create n1',
  'docker network ls',
  'docker network rm n1',
  'docker system df',
  'docker rmi nosuch',
  'docker logs nosuch',
];

/**
 * What Debian's docker.io client (CLI 20.10, in CI) prints differently from
 * CLI 28, whose output our CLI reproduces: no DEPRECATED banner for the
 * legacy builder (it came with CLI 23), a 404 is the client's own
 * `Error: No such image: <as typed>` (its errdefs wrapping, before 23), and
 * `docker run`'s daemon errors end with a period instead of a help line.
 * These are client generations, not the daemon: the daemon's answers are the same.
 */
function asCli2010(r: LineRecord): LineRecord {
  const stderr = r.stderr
    // `docker run`'s start errors: CLI 20.10 adds a period and no help line (the help line came with 28).
    .replace(/^(docker: Error response from daemon: .*)\n\nRun 'docker run --help' for more information\n/m, '$1.\n')
    .replace(/DEPRECATED: The legacy builder is deprecated[^\n]*\n(?: {12}[^\n]*\n)*\n/, '')
    .replace(/^Error response from daemon: No such (image|container): (.*?)$/gm, (_m, kind: string, ref: string) => {
      const typed = r.cmd.split(' ').pop()!;
      return `Error: No such ${kind}: ${kind === 'image' && ref === `${typed}:latest` ? typed : ref}`;
    });
  return { ...r, stderr };
}

/** Process IDs are counters of the machine that ran the container (inspect's Pid, top's PID and PPID). */
function pids(text: string): string {
  return text.replace(/("Pid": )\d+/g, '$1<pid>').replace(/^root +\d+ +\d+ +/gm, 'root <pid> <pid> ');
}

function transcript(records: LineRecord[]): string {
  const norm = createNormalizer();
  return records.map((r, i) => `$ ${r.cmd}\n${pids(norm(r.stdout, i + 1))}${r.stderr ? `[stderr]\n${norm(r.stderr, i + 1)}` : ''}[exit ${r.rc}]\n`).join('\n');
}

describe('the real docker CLI against bin/layerlab daemon', () => {
  let d: TestDaemon;
  beforeAll(async () => {
    d = await startTestDaemon();
  });
  afterAll(async () => d?.stop());

  it(`prints what our CLI prints for the chapters' commands (${dockerCli().path})`, async () => {
    const [real, ours] = await Promise.all([runReal(SCRIPT, d.host), runOurs(SCRIPT)]);
    expect(transcript(real)).toBe(transcript(dockerCli().modern ? ours : ours.map(asCli2010)));
  }, 300_000);
});
