/**
 * Every instruction's effect on the image, through a session: the config
 * it writes (compared whole with `docker image inspect`), the files COPY and
 * ADD place (globs, directories, --chown, --chmod, .dockerignore, a local tar
 * unpacked), variables with Docker's substitution rules, build args,
 * multi-stage builds with --target and COPY --from, RUN's exec form and
 * heredocs.
 */
import { describe, expect, it } from 'vitest';
import { builderSession } from './helpers.ts';

const file = (name: string, text: string) => `printf '${text.replace(/\n/g, '\\n')}' > ${name}`;

describe('instructions', () => {
  it('metadata instructions write the config Docker writes', async () => {
    const s = await builderSession();
    await s.line(
      file(
        'Dockerfile',
        'FROM alpine\nARG BASE=/srv\nENV APP_HOME=${BASE}/app PORT=8080\nENV GREETING hello world\nENV MODE=${MODE:-prod} FLAG=${PORT:+on}\nLABEL version="1.0" description="a \\"quoted\\" label"\nEXPOSE $PORT 53/udp\nUSER nobody\nVOLUME ["/data", "/logs"]\nWORKDIR $APP_HOME\nWORKDIR sub\nSTOPSIGNAL SIGINT\nSHELL ["/bin/sh", "-ec"]\nHEALTHCHECK --interval=30s --retries=3 CMD wget -q localhost || exit 1\nONBUILD RUN echo child\nENTRYPOINT ["/bin/sh"]\nCMD echo $APP_HOME\n',
      ),
    );
    expect((await s.line('docker build -q -t meta .')).rc).toBe(0);
    const cfg = JSON.parse((await s.line("docker image inspect --format '{{json .Config}}' meta")).stdout);
    expect(cfg).toEqual({
      ArgsEscaped: true,
      Cmd: ['/bin/sh', '-ec', 'echo $APP_HOME'],
      Entrypoint: ['/bin/sh'],
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_HOME=/srv/app', 'PORT=8080', 'GREETING=hello world', 'MODE=prod', 'FLAG=on'],
      ExposedPorts: { '53/udp': {}, '8080/tcp': {} },
      Healthcheck: { Interval: 30000000000, Retries: 3, Test: ['CMD-SHELL', 'wget -q localhost || exit 1'] },
      Labels: { description: 'a "quoted" label', version: '1.0' },
      OnBuild: ['RUN echo child'],
      Shell: ['/bin/sh', '-ec'],
      StopSignal: 'SIGINT',
      User: 'nobody',
      Volumes: { '/data': {}, '/logs': {} },
      WorkingDir: '/srv/app/sub',
    });
    expect((await s.line("docker history --format '{{.CreatedBy}}' --no-trunc meta")).stdout.split('\n').slice(0, 6)).toEqual([
      'CMD ["/bin/sh" "-ec" "echo $APP_HOME"]',
      'ENTRYPOINT ["/bin/sh"]',
      // BuildKit records ONBUILD in the config only, without a history entry (build-fidelity golden).
      'HEALTHCHECK &{["CMD-SHELL" "wget -q localhost || exit 1"] "30s" "0s" "0s" "0s" \'\\x03\'}',
      'SHELL [/bin/sh -ec]',
      'STOPSIGNAL SIGINT',
      'WORKDIR /srv/app/sub',
    ]);
  });

  it('build args: defaults, --build-arg, scope per stage, and RUN sees them', async () => {
    const s = await builderSession();
    await s.line(file('Dockerfile', 'ARG TAG=latest\nFROM alpine:${TAG}\nARG WHO=world\nARG TAG\nRUN echo "hello $WHO on $TAG" > /msg\nCMD ["cat", "/msg"]\n'));
    await s.line('docker build -q -t args --build-arg WHO=learner .');
    expect((await s.line('docker run --rm args')).stdout).toBe('hello learner on latest\n');
    expect((await s.line("docker history --no-trunc --format '{{.CreatedBy}}' args")).stdout.split('\n')[1]).toBe('RUN |2 TAG=latest WHO=learner /bin/sh -c echo "hello $WHO on $TAG" > /msg # buildkit');
  });

  it('BuildKit predefines the platform args; a context can come from stdin as a tar', async () => {
    const s = await builderSession();
    await s.line(`mkdir c && ${file('c/Dockerfile', 'FROM alpine\nARG TARGETARCH\nRUN echo arch=$TARGETARCH > /arch\nCMD ["cat","/arch"]\n')} && tar -cf c.tar -C c Dockerfile`);
    expect((await s.line('docker build -q -t arch:1 - < c.tar')).rc).toBe(0);
    expect((await s.line('docker run --rm arch:1')).stdout).toBe('arch=amd64\n');
  });

  it('COPY and ADD: globs, directories, ownership, modes, .dockerignore, a local tar unpacked', async () => {
    const s = await builderSession();
    await s.lines([
      'mkdir -p src/lib && echo a > src/a.js && echo b > src/b.txt && echo l > src/lib/l.js && echo secret > .env && echo x > notes.md',
      file('.dockerignore', '.env\n*.md\n'),
      'mkdir pkg && echo inside > pkg/inside.txt && tar -cf bundle.tar pkg && rm -r pkg',
      file('Dockerfile', 'FROM alpine\nCOPY src/*.js /js/\nCOPY src /all\nCOPY --chown=1000:1000 --chmod=600 src/b.txt /owned.txt\nADD bundle.tar /unpacked/\nCOPY . /ctx/\n'),
      'docker build -q -t files .',
    ]);
    const ls = await s.line('docker run --rm files sh -c "ls /all /all/lib /ctx /js /unpacked/pkg; stat -c \'%u:%g %a\' /owned.txt"');
    expect(ls.stdout).toBe('/all:\na.js\nb.txt\nlib\n\n/all/lib:\nl.js\n\n/ctx:\nDockerfile\nbundle.tar\nsrc\n\n/js:\na.js\n\n/unpacked/pkg:\ninside.txt\n1000:1000 600\n');
    await s.line(file('Dockerfile', 'FROM alpine\nADD https://example.com/x.tar.gz /\n'));
    const url = await s.line('docker build -q -t url .');
    expect([url.rc, url.stderr.split('\n').at(-2)]).toEqual([1, 'ERROR: failed to build: failed to solve: failed to load cache key: Get "https://example.com/x.tar.gz": dial tcp: lookup example.com: no such host']);
  });

  it('ADD unpacks a gzip-compressed local tar too (moby DecompressStream)', async () => {
    const s = await builderSession();
    await s.lines([
      'mkdir pkg && echo zipped > pkg/z.txt && tar -czf bundle.tar.gz pkg && rm -r pkg',
      file('Dockerfile', 'FROM alpine\nADD bundle.tar.gz /opt/\n'),
      'docker build -q -t gz .',
    ]);
    expect((await s.line('docker run --rm gz cat /opt/pkg/z.txt')).stdout).toBe('zipped\n');
  });

  it('multi-stage: COPY --from a stage or an image, --target stops early', async () => {
    const s = await builderSession();
    await s.line(file('Dockerfile', 'FROM alpine AS build\nRUN echo built > /out.txt\nFROM alpine AS test\nRUN exit 1\nFROM scratch\nCOPY --from=build /out.txt /out.txt\nCOPY --from=alpine /etc/alpine-release /release\n'));
    expect((await s.line('docker build -q -t ms .')).rc).toBe(0);
    expect((await s.line("docker image inspect --format '{{len .RootFS.Layers}}' ms")).stdout).toBe('2\n');
    const target = await s.line('docker build -q --target build -t ms:build .');
    expect(target.rc).toBe(0);
    expect((await s.line('docker run --rm ms:build cat /out.txt')).stdout).toBe('built\n');
    const bad = await s.line('docker build -q --target nope .');
    expect(bad.stderr).toBe('ERROR: failed to build: failed to solve: target stage "nope" could not be found\n');
  });

  it('RUN: exec form and heredocs', async () => {
    const s = await builderSession();
    await s.line(file('Dockerfile', 'FROM alpine\nRUN ["/bin/sh", "-c", "echo exec > /exec.txt"]\nRUN <<EOF\necho one > /heredoc.txt\necho two >> /heredoc.txt\nEOF\n'));
    expect((await s.line('docker build -q -t runs .')).rc).toBe(0);
    expect((await s.line('docker run --rm runs cat /exec.txt /heredoc.txt')).stdout).toBe('exec\none\ntwo\n');
  });

  it('ONBUILD triggers run after the FROM that names their image and are not passed on', async () => {
    const s = await builderSession();
    await s.lines([file('Dockerfile', 'FROM alpine\nONBUILD RUN echo triggered > /trig.txt\nONBUILD ENV CHILD=yes\n'), 'docker build -q -t parent:1 .', file('Dockerfile', 'FROM parent:1\nCMD ["cat","/trig.txt"]\n')]);
    for (const [build, tag] of [['docker build -q -t child:1 .', 'child:1'], ['DOCKER_BUILDKIT=0 docker build -t child:2 .', 'child:2']] as const) {
      const r = await s.line(build);
      expect(r.rc).toBe(0);
      expect((await s.line(`docker run --rm ${tag}`)).stdout).toBe('triggered\n');
      expect((await s.line(`docker image inspect --format '{{json .Config.OnBuild}} {{index .Config.Env 1}}' ${tag}`)).stdout).toBe('null CHILD=yes\n');
    }
    const legacy = (await s.line('DOCKER_BUILDKIT=0 docker build -t child:3 .')).stdout.split('\n');
    expect(legacy.slice(1, 3)).toEqual(['Step 1/2 : FROM parent:1', '# Executing 2 build triggers']);
  });
});
