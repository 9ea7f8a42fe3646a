/**
 * BuildKit through the docker CLI: plain progress compared whole with
 * transcripts recorded from buildx/BuildKit on Engine 26.1 (test/golden/
 * fixtures/build-buildkit.json and the captures in docker-reference §9.3;
 * durations and IDs masked, `failed to solve` as buildx 0.25+ words it), the
 * TTY frame, `-q`, the history it records, and no intermediate images.
 */
import { describe, expect, it } from 'vitest';
import { builderSession, mask } from './helpers.ts';

/** Durations vary between runs; the recorded ones were masked the same way. */
const times = (s: string) =>
  mask(s)
    .replace(/ [0-9]+\.[0-9]s done$/gm, ' done')
    .replace(/^(#[0-9]+) [0-9]+\.[0-9]{3} /gm, '$1 <t> ')
    .replace(/^[0-9]+\.[0-9]{3} /gm, '<t> ')
    .replace(/DONE [0-9]+\.[0-9]s$/gm, 'DONE <t>');

const HEAD = '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n';
const META = '#2 [internal] load metadata for docker.io/library/alpine:latest\n#2 DONE <t>\n\n#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE <t>\n\n';

describe('BuildKit', () => {
  it('prints plain progress as recorded, then CACHED steps and the same image on a rebuild', async () => {
    const s = await builderSession();
    await s.lines(["printf 'hello\\n' > hello.txt", `printf 'FROM alpine\\nARG V=1\\nENV A=b\\nRUN echo hello $V\\nCOPY hello.txt /app/\\nWORKDIR /app\\nCMD ["cat","hello.txt"]\\n' > Dockerfile`]);
    const r = await s.line('docker build -t bk:1 .');
    // Recorded: build-buildkit.json #3.
    const recorded =
      '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 141B done\n#1 DONE <t>\n\n#2 [internal] load metadata for docker.io/library/alpine:latest\n#2 DONE <t>\n\n#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE <t>\n\n#4 [1/4] FROM docker.io/library/alpine:latest\n#4 DONE <t>\n\n#5 [internal] load build context\n#5 transferring context: 42B done\n#5 DONE <t>\n\n#6 [2/4] RUN echo hello 1\n#6 <t> hello 1\n#6 DONE <t>\n\n#7 [3/4] COPY hello.txt /app/\n#7 DONE <t>\n\n#8 [4/4] WORKDIR /app\n#8 DONE <t>\n\n#9 exporting to image\n#9 exporting layers done\n#9 writing image sha256:2b48f631cb6a6877c59e7c58ba7a11dd375229f98fc81c788aacf549d6f3b7c8 done\n#9 naming to docker.io/library/bk:1 done\n#9 DONE <t>\n';
    expect({ stdout: r.stdout, stderr: times(r.stderr), rc: r.rc }).toEqual({ stdout: '', stderr: times(recorded), rc: 0 });
    const again = await s.line('docker build -t bk:1 .');
    const id = /writing image (sha256:[0-9a-f]{64})/.exec(r.stderr)![1];
    expect(times(again.stderr)).toBe(
      times(
        `${HEAD}#1 transferring dockerfile: 141B done\n#1 DONE <t>\n\n${META}#4 [1/4] FROM docker.io/library/alpine:latest\n#4 CACHED\n\n#5 [internal] load build context\n#5 transferring context: 42B done\n#5 DONE <t>\n\n#6 [2/4] RUN echo hello 1\n#6 CACHED\n\n#7 [3/4] COPY hello.txt /app/\n#7 CACHED\n\n#8 [4/4] WORKDIR /app\n#8 CACHED\n\n#9 exporting to image\n#9 exporting layers done\n#9 writing image ${id} done\n#9 naming to docker.io/library/bk:1 done\n#9 DONE <t>\n`,
      ),
    );
    expect((await s.line('docker build -q -t bk:1 .')).stdout).toBe(`${id}\n`);
    expect((await s.line('docker run --rm bk:1')).stdout).toBe('hello\n');
  });

  it('records BuildKit history, no Parent and no intermediate images', async () => {
    const s = await builderSession();
    await s.lines(["printf 'hello\\n' > hello.txt", `printf 'FROM alpine\\nARG V=1\\nENV A=b\\nRUN echo hello $V\\nCOPY hello.txt /app/\\nWORKDIR /app\\nCMD ["cat","hello.txt"]\\n' > Dockerfile`, 'docker build -q -t bk:1 .']);
    // Recorded with `docker history --no-trunc` (docker-reference §7, cap:bk) and on Engine 26.1.
    expect((await s.line("docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' bk:1")).stdout).toBe(
      [
        'CMD ["cat" "hello.txt"]|buildkit.dockerfile.v0',
        'WORKDIR /app|buildkit.dockerfile.v0',
        'COPY hello.txt /app/ # buildkit|buildkit.dockerfile.v0',
        'RUN |1 V=1 /bin/sh -c echo hello $V # buildkit|buildkit.dockerfile.v0',
        'ENV A=b|buildkit.dockerfile.v0',
        'ARG V=1|buildkit.dockerfile.v0',
        'CMD ["/bin/sh"]|buildkit.dockerfile.v0',
        'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit|buildkit.dockerfile.v0',
        '',
      ].join('\n'),
    );
    expect((await s.line("docker image inspect --format '{{.Parent}}|{{json .Config.Cmd}}|{{.Config.WorkingDir}}|{{json .Config.Env}}' bk:1")).stdout).toBe(
      '|["cat","hello.txt"]|/app|["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","A=b"]\n',
    );
    expect((await s.line("docker images -a --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe('bk:1\nalpine:latest\n');
  });

  it('prints the ERROR block and the excerpt for a failing RUN, as recorded', async () => {
    const s = await builderSession();
    await s.line("printf 'FROM alpine\\nRUN echo start && exit 3\\n' > Dockerfile");
    const r = await s.line('docker build -t t:1 .');
    // Captured on Engine 26.1 with --network=none; buildx 0.25+ says `failed to build: failed to solve`.
    const recorded =
      '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 74B done\n#1 DONE 0.0s\n\n#2 [internal] load metadata for docker.io/library/alpine:latest\n#2 DONE 0.0s\n\n#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE 0.0s\n\n#4 [1/2] FROM docker.io/library/alpine:latest\n#4 DONE 0.0s\n\n#5 [2/2] RUN echo start && exit 3\n#5 0.058 start\n#5 ERROR: process "/bin/sh -c echo start && exit 3" did not complete successfully: exit code: 3\n------\n > [2/2] RUN echo start && exit 3:\n0.058 start\n------\nDockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN echo start && exit 3\n   3 |     \n--------------------\nERROR: failed to build: failed to solve: process "/bin/sh -c echo start && exit 3" did not complete successfully: exit code: 3\n';
    expect({ stdout: r.stdout, stderr: times(r.stderr), rc: r.rc }).toEqual({ stdout: '', stderr: times(recorded), rc: 1 });
    expect((await s.line('docker ps -a -q')).stdout).toBe('');
  });

  it('words parse errors, missing sources and missing images as buildx prints them', async () => {
    const s = await builderSession();
    const run = async (dockerfile: string) => {
      await s.line(`printf '${dockerfile}' > Dockerfile`);
      const r = await s.line('docker build -t t:2 .');
      return [times(r.stderr.replace(/ref [0-9a-f-]+::[a-z0-9]+:/g, 'ref <ref>:')), r.rc];
    };
    const def = (size: number) => `${HEAD}#1 transferring dockerfile: ${size}B done\n#1 DONE <t>\n`;
    expect(await run('FORM alpine\\nRUN echo hi\\n')).toEqual([
      `${def(61)}Dockerfile:1\n--------------------\n   1 | >>> FORM alpine\n   2 |     RUN echo hi\n   3 |     \n--------------------\nERROR: failed to build: failed to solve: dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)\n`,
      1,
    ]);
    expect(await run('FROM alpine\\nENV FOO\\n')).toEqual([
      `${def(57)}Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> ENV FOO\n   3 |     \n--------------------\nERROR: failed to build: failed to solve: ENV must have two arguments\n`,
      1,
    ]);
    expect(await run('RUN echo hi\\n')).toEqual([`${def(49)}Dockerfile:1\n--------------------\n   1 | >>> RUN echo hi\n   2 |     \n--------------------\nERROR: failed to build: failed to solve: no build stage in current context\n`, 1]);
    expect(await run('')).toEqual([`${def(31)}ERROR: failed to build: failed to solve: the Dockerfile cannot be empty\n`, 1]);
    expect(await run('FROM alpine\\nCOPY missing.txt /\\n')).toEqual([
      `${def(68)}\n${META}#4 [1/2] FROM docker.io/library/alpine:latest\n#4 DONE <t>\n\n#5 [internal] load build context\n#5 transferring context: 2B done\n#5 DONE <t>\n\n#6 [2/2] COPY missing.txt /\n#6 ERROR: failed to calculate checksum of ref <ref>: "/missing.txt": not found\n------\n > [2/2] COPY missing.txt /:\n------\nDockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> COPY missing.txt /\n   3 |     \n--------------------\nERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref <ref>: "/missing.txt": not found\n`,
      1,
    ]);
    const missing = await s.line('docker build /nonexistent-dir');
    expect([missing.stderr, missing.rc]).toEqual(['ERROR: unable to prepare context: path "/nonexistent-dir" not found\n', 1]);
    // Recorded with buildx: it validates tags itself.
    const tag = await s.line('docker build -t Bad:Tag .');
    expect([tag.stderr, tag.rc]).toEqual(['ERROR: invalid tag "Bad:Tag": repository name must be lowercase\n', 1]);
  });

  it('draws the TTY frame on a terminal (BUILDKIT_PROGRESS=tty)', async () => {
    const s = await builderSession();
    await s.line("printf 'FROM alpine\\nWORKDIR /app\\n' > Dockerfile");
    const r = await s.line('BUILDKIT_PROGRESS=tty docker build -t w:1 .');
    const id = (await s.line("docker image inspect --format '{{.Id}}' w:1")).stdout.trim();
    // buildkit-tty-capture.raw: each line is width-1 cells (80 columns here), the time (or docker:default)
    // at the right edge, a name too long cut to fit; the first frame, then the cursor back up and the
    // final frame with its lines in blue.
    const line = (left: string, right = '0.0s') => left.slice(0, 78 - right.length).padEnd(79 - right.length) + right;
    const blue = (left: string) => `\x1b[34m${line(left)}\r\n\x1b[0m`;
    expect(r.stderr).toBe(
      `\x1b[1A\x1b[1B\x1b[0G\x1b[?25l${line('[+] Building 0.0s (0/1)', 'docker:default')}\r\n` +
        `\x1b[?25h\x1b[1A\x1b[0G\x1b[?25l${line('[+] Building 0.0s (6/6) FINISHED', 'docker:default')}\r\n` +
        blue(' => [internal] load build definition from Dockerfile') +
        blue(' => => transferring dockerfile: 62B') +
        blue(' => [internal] load metadata for docker.io/library/alpine:latest') +
        blue(' => [internal] load .dockerignore') +
        blue(' => => transferring context: 2B') +
        blue(' => [1/2] FROM docker.io/library/alpine:latest') +
        blue(' => [2/2] WORKDIR /app') +
        blue(' => exporting to image') +
        blue(' => => exporting layers') +
        blue(` => => writing image ${id}`) +
        blue(' => => naming to docker.io/library/w:1') +
        '\x1b[?25h',
    );
  });
});
