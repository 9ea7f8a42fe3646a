/**
 * The legacy builder (`DOCKER_BUILDKIT=0`) through the docker CLI: output
 * compared whole with transcripts recorded from Engine 26.1
 * (test/golden/fixtures/build-legacy.json; IDs masked), the intermediate
 * images and their Parent links, what a failed RUN leaves behind, and rmi
 * removing the intermediates with their child.
 */
import { describe, expect, it } from 'vitest';
import { builderSession, mask } from './helpers.ts';
import { hubHint } from '../../worker/cli/hub-hint.ts';
import { heldRepositories } from '../../worker/registry/hub-index.ts';

const BANNER =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';
const DOCKERFILE = `printf 'FROM alpine\\nLABEL maintainer="ref"\\nENV GREETING=hello\\nRUN echo "$GREETING world" > /greeting.txt && echo built\\nCOPY hello.txt /app/\\nWORKDIR /app\\nCMD ["cat", "/greeting.txt"]\\n' > Dockerfile`;

// Recorded: build-legacy.json #3 and #4.
const FIRST =
  'Sending build context to Docker daemon  3.072kB\r\r\nStep 1/7 : FROM alpine\n ---> 0a434e960eee\nStep 2/7 : LABEL maintainer="ref"\n ---> Running in 0b461b3b3ec0\n ---> Removed intermediate container 0b461b3b3ec0\n ---> d96ce4f661f4\nStep 3/7 : ENV GREETING=hello\n ---> Running in 948ba18999f5\n ---> Removed intermediate container 948ba18999f5\n ---> bf275b15a02d\nStep 4/7 : RUN echo "$GREETING world" > /greeting.txt && echo built\n ---> Running in 2a9fd78a344f\nbuilt\n ---> Removed intermediate container 2a9fd78a344f\n ---> 36f862aad650\nStep 5/7 : COPY hello.txt /app/\n ---> 8e2b88a63890\nStep 6/7 : WORKDIR /app\n ---> Running in 4e1c1e091cb8\n ---> Removed intermediate container 4e1c1e091cb8\n ---> 2e09143704d1\nStep 7/7 : CMD ["cat", "/greeting.txt"]\n ---> Running in 5d40a9428858\n ---> Removed intermediate container 5d40a9428858\n ---> 78fb1eca26f7\nSuccessfully built 78fb1eca26f7\nSuccessfully tagged leg:1\n';
const CACHED =
  'Sending build context to Docker daemon  3.072kB\r\r\nStep 1/7 : FROM alpine\n ---> 0a434e960eee\nStep 2/7 : LABEL maintainer="ref"\n ---> Using cache\n ---> d96ce4f661f4\nStep 3/7 : ENV GREETING=hello\n ---> Using cache\n ---> bf275b15a02d\nStep 4/7 : RUN echo "$GREETING world" > /greeting.txt && echo built\n ---> Using cache\n ---> 36f862aad650\nStep 5/7 : COPY hello.txt /app/\n ---> Using cache\n ---> 8e2b88a63890\nStep 6/7 : WORKDIR /app\n ---> Using cache\n ---> 2e09143704d1\nStep 7/7 : CMD ["cat", "/greeting.txt"]\n ---> Using cache\n ---> 78fb1eca26f7\nSuccessfully built 78fb1eca26f7\nSuccessfully tagged leg:1\n';

describe('legacy builder', () => {
  it('prints the daemon stream of a build and of its cached rebuild', async () => {
    const s = await builderSession();
    await s.lines(["printf 'hello\\n' > hello.txt", DOCKERFILE]);
    const first = await s.line('DOCKER_BUILDKIT=0 docker build -t leg:1 .');
    expect({ ...first, stdout: mask(first.stdout) }).toEqual({ cmd: 'DOCKER_BUILDKIT=0 docker build -t leg:1 .', stdout: mask(FIRST), stderr: BANNER, rc: 0 });
    const again = await s.line('DOCKER_BUILDKIT=0 docker build -t leg:1 .');
    expect(mask(first.stdout + again.stdout)).toBe(mask(FIRST + CACHED));
    expect((await s.line('docker run --rm leg:1')).stdout).toBe('hello world\n');
  });

  it('records moby history and keeps every step as an intermediate image with a Parent link', async () => {
    const s = await builderSession();
    await s.lines(["printf 'hello\\n' > hello.txt", DOCKERFILE, 'DOCKER_BUILDKIT=0 docker build -q -t leg:1 .']);
    const history = await s.line("docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' leg:1");
    expect(history.stdout.replace(/file:[0-9a-f]{64}/, 'file:<hash>')).toBe(
      [
        '/bin/sh -c #(nop)  CMD ["cat" "/greeting.txt"]|0B|',
        '/bin/sh -c #(nop) WORKDIR /app|0B|',
        '/bin/sh -c #(nop) COPY file:<hash> in /app/ |6B|',
        '/bin/sh -c echo "$GREETING world" > /greeting.txt && echo built|12B|',
        '/bin/sh -c #(nop)  ENV GREETING=hello|0B|',
        '/bin/sh -c #(nop)  LABEL maintainer=ref|0B|',
        'CMD ["/bin/sh"]|0B|buildkit.dockerfile.v0',
        'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit|7.83MB|buildkit.dockerfile.v0',
        '',
      ].join('\n'),
    );
    const ids = (await s.line('docker images -a -q')).stdout.trim().split('\n');
    expect(ids.length).toBe(7);
    // Following Parent from the tagged image walks the six build steps down to alpine.
    let id = (await s.line("docker image inspect --format '{{.Id}}' leg:1")).stdout.trim();
    const chain: string[] = [];
    for (;;) {
      const parent = (await s.line(`docker image inspect --format '{{.Parent}}' ${id}`)).stdout.trim();
      if (!parent) break;
      chain.push(parent);
      id = parent;
    }
    expect(chain.length).toBe(6);
    expect(id).toBe((await s.line("docker image inspect --format '{{.Id}}' alpine")).stdout.trim());
    const rmi = await s.line('docker rmi leg:1');
    expect(rmi.stdout.split('\n').filter((l) => l.startsWith('Deleted:')).length).toBeGreaterThanOrEqual(6);
    expect((await s.line('docker images -a -q')).stdout.trim().split('\n').length).toBe(1);
  });

  it('a failed RUN prints the command and its code, exits with it, and leaves the images so far and the container', async () => {
    const s = await builderSession();
    await s.line("printf 'FROM alpine\\nRUN echo start && exit 3\\n' > Dockerfile");
    const r = await s.line('DOCKER_BUILDKIT=0 docker build -t bad:1 .');
    expect({ ...r, stdout: mask(r.stdout) }).toEqual({
      cmd: 'DOCKER_BUILDKIT=0 docker build -t bad:1 .',
      stdout: mask('Sending build context to Docker daemon  2.048kB\r\r\nStep 1/2 : FROM alpine\n ---> 0a434e960eee\nStep 2/2 : RUN echo start && exit 3\n ---> Running in ccec19a870eb\nstart\n'),
      stderr: `${BANNER}The command '/bin/sh -c echo start && exit 3' returned a non-zero code: 3\n`,
      rc: 3,
    });
    const cid = /Running in ([0-9a-f]{12})/.exec(r.stdout)![1];
    expect((await s.line("docker ps -a --format '{{.ID}} {{.Command}} {{.Status}}'")).stdout).toBe(`${cid} "/bin/sh -c 'echo st…" Exited (3) Less than a second ago\n`);
    expect((await s.line('docker images -q bad')).stdout).toBe('');
  });

  it('words every failure as the recorded engine does', async () => {
    const s = await builderSession();
    const cases: Array<[string, string, number]> = [
      ["printf 'FROM alpine\\nCOPY missing.txt /\\n' > Dockerfile", 'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist\n', 1],
      ["printf 'FORM alpine\\nRUN echo hi\\n' > Dockerfile", 'Error response from daemon: dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)\n', 1],
      ["printf 'FROM alpine\\nENV FOO\\n' > Dockerfile", 'Error response from daemon: failed to parse Dockerfile: ENV must have two arguments\n', 1],
      [': > Dockerfile', 'Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n', 1],
      ["printf 'RUN echo hi\\n' > Dockerfile", 'Error response from daemon: no build stage in current context\n', 1],
      // Layerlab's one-time line follows the first missing repository of the session (worker/cli/hub-hint.ts).
      ["printf 'FROM nosuchimage:1\\n' > Dockerfile", "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n" + hubHint(heldRepositories().length), 1],
    ];
    for (const [setup, err, rc] of cases) {
      await s.line(setup);
      const r = await s.line('DOCKER_BUILDKIT=0 docker build -t bad:2 .');
      expect([r.stderr, r.rc]).toEqual([BANNER + err, rc]);
    }
    expect((await s.line('DOCKER_BUILDKIT=0 docker build -f /nonexistent/Dockerfile .')).stderr).toBe(`${BANNER}unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /nonexistent: no such file or directory\n`);
    expect((await s.line('DOCKER_BUILDKIT=0 docker build /nonexistent-dir')).stderr).toBe(`${BANNER}unable to prepare context: path "/nonexistent-dir" not found\n`);
    // Recorded on CLI 28.2.2: the flag value is rejected with the usage, exit 125.
    const tag = await s.line('DOCKER_BUILDKIT=0 docker build -t Bad:Tag .');
    expect([tag.stderr, tag.rc]).toEqual([
      `${BANNER}invalid argument "Bad:Tag" for "-t, --tag" flag: invalid reference format: repository name (library/Bad) must be lowercase\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n`,
      125,
    ]);
  });

  it('--rm=false keeps the step containers; --force-rm removes even the failed one', async () => {
    const s = await builderSession();
    await s.line("printf 'FROM alpine\\nENV A=1\\nRUN echo hi\\n' > Dockerfile");
    const kept = await s.line('DOCKER_BUILDKIT=0 docker build --rm=false -t k:1 .');
    expect(kept.stdout.includes('Removed intermediate container')).toBe(false);
    expect((await s.line("docker ps -a --format '{{.Status}} {{.Command}}'")).stdout).toBe(
      'Exited (0) Less than a second ago "/bin/sh -c \'#(nop) …"\nExited (0) Less than a second ago "/bin/sh -c \'echo hi\'"\n',
    );
    await s.lines(['docker rm $(docker ps -a -q)', "printf 'FROM alpine\\nRUN exit 2\\n' > Dockerfile"]);
    expect((await s.line('DOCKER_BUILDKIT=0 docker build --force-rm -t k:2 .')).rc).toBe(2);
    expect((await s.line('docker ps -a -q')).stdout).toBe('');
  });
});
